// The loader cannot find libcupti. Who asks for it: a torch (or other program) linked against CUPTI
// (the pip / conda wheels, or a source build that found CUPTI) fails at `import torch` itself
// (`from torch._C import *`: pytorch/vision#5635, conda-forge/pytorch-cpu-feedstock#135), not only at
// `torch.profiler`. Where CUPTI is: nvidia/cuda `-devel` images have it (cuda-command-line-tools →
// cuda-cupti), `-runtime` / `-base` do not (jolibrain/deepdetect#1458, microsoft/onnxruntime#7384);
// NVIDIA's apt packages put it in /usr/local/cuda/lib64 = targets/x86_64-linux/lib (NVIDIA/nvbench#59) and
// register that directory with the loader (/etc/ld.so.conf.d/000_cuda.conf); the runfile installer uses
// extras/CUPTI/lib64; the pip wheel nvidia-cuda-cupti-cu12 site-packages/nvidia/cuda_cupti/lib
// (NVIDIA/cuda-python#1572). The check is a dlopen of the very name the loader missed (ctypes honours
// LD_LIBRARY_PATH; `ldconfig -p` does not: ldconfig(8), tensorflow/tensorflow#39526) and needs no GPU.
// TensorFlow's "Could not load dynamic library 'libcupti…'" is a warning it recovers from.
import type { RuleInput } from '../../schema.js';

const LOAD_CHECK = 'python3 -c "import ctypes; ctypes.CDLL(\'{library}\')"';

const MESSAGE =
  'The dynamic loader could not find {library:all}. A program linked against CUPTI stops there: a torch built with it fails at `import torch`. ' +
  'nvidia/cuda `-devel` images have CUPTI (in `/usr/local/cuda/lib64`); `-runtime` and `-base` images do not, and copying a Python install ' +
  'from a devel stage does not bring it.';

export const libcuptiMissing: RuleInput = {
  id: 'runtime/libcupti-missing',
  title: 'libcupti not found at run time',
  severity: 'error',
  match: [
    // `ImportError: libcupti.so.12: cannot open shared object file: No such file or directory`, `OSError: …` (ctypes)
    { literals: ['libcupti'], pattern: '(?<library>libcupti\\.so[.\\d]{0,40}): cannot open shared object file' },
    // ldd: `	libcupti.so.12 => not found`
    { literals: ['libcupti'], pattern: '(?<library>libcupti\\.so[.\\d]{0,40}) => not found' },
    // TensorFlow 1.x: `Couldn't open CUDA library libcupti.so. LD_LIBRARY_PATH: /usr/local/nvidia/lib:…`
    { literals: ["Couldn't open CUDA library libcupti"], pattern: "Couldn't open CUDA library (?<library>libcupti\\.so(?:\\.\\d{1,4})?(?:\\.\\d{1,4})?(?:\\.\\d{1,4})?)" },
    // Windows: `Could not load dynamic library 'cupti64_2022.3.0.dll'`
    { literals: ['cupti64_'], pattern: "(?<library>cupti64_[\\w.]{1,200}\\.dll)" },
  ],
  context: [{ name: 'tensorflow', literals: ['Could not load dynamic library', "Couldn't open CUDA library"] }],
  scope: 'step',
  specificity: 3,
  message: MESSAGE,
  fix: [
    'Make the library loadable where the program runs: install CUPTI of the CUDA release the program was built for ' +
      '(NVIDIA apt: `cuda-cupti-` and the release with a dash, e.g. `cuda-cupti-12-4`; `nvcc --version` or the `libcupti.so` number names the release), ' +
      'or add the directory that holds it to `LD_LIBRARY_PATH`. Then check with the name the loader missed:',
    '',
    '```sh',
    LOAD_CHECK,
    '```',
  ].join('\n'),
  variants: [
    {
      when: 'tensorflow',
      severity: 'warning',
      message:
        'TensorFlow could not load {library:all}: it goes on, but GPU profiling (TensorBoard profiler traces) will be empty. ' +
        'The image has no CUPTI on its loader path.',
      fix: 'Nothing to do unless you need GPU traces. Then install CUPTI of the CUDA release this TensorFlow was built for (a `-devel` CUDA image has it) and check it with `' +
        LOAD_CHECK + '`.',
    },
    {
      when: 'fact.place=image-build&fact.cuda',
      message: `${MESSAGE} {enrich.stageNote}`,
      fix: [
        'Install CUPTI in this stage (NVIDIA\'s apt repository is set up in nvidia/cuda images, and its packages register `/usr/local/cuda/targets/x86_64-linux/lib` with the loader in `/etc/ld.so.conf.d/000_cuda.conf`):',
        '',
        '```dockerfile',
        'RUN apt-get update && apt-get install -y --no-install-recommends {enrich.cuptiApt} \\',
        ' && rm -rf /var/lib/apt/lists/* \\',
        ` && ${LOAD_CHECK}`,
        '```',
        '',
        'Or copy `libcupti.so*` from `/usr/local/cuda/lib64/` of a `-devel` stage of the same CUDA release into the same directory here. ' +
          'The last line of the RUN fails the build, not the job, when the library is still missing.',
      ].join('\n'),
    },
    {
      when: 'fact.place=image-build',
      fix: [
        'Install CUPTI of the CUDA release in this stage. The log does not show the release: `nvcc --version` in a `-devel` stage, or the number in ' +
          '{library:all} (`libcupti.so.12` = CUDA 12.x), tells it; the NVIDIA apt package is `cuda-cupti-` plus the release with a dash (`cuda-cupti-12-4` for 12.4). ' +
          'A pip-installed torch can use the wheel instead (`nvidia-cuda-cupti-cu12` for CUDA 12). Check in the same `RUN`:',
        '',
        '```sh',
        LOAD_CHECK,
        '```',
      ].join('\n'),
    },
    {
      when: 'fact.place=docker-run',
      fix: [
        'The image that ran lacks CUPTI: rebuild it with CUPTI in the final stage (a `-devel` base, or `cuda-cupti-` plus the CUDA release with a dash from NVIDIA\'s apt repository), ' +
          'or mount a host directory that has it and name it, with these options in its `docker run` command: `-v /usr/local/cuda/lib64:/opt/cupti:ro -e LD_LIBRARY_PATH=/opt/cupti` ' +
          '(the host CUDA release must match). Check inside the container:',
        '',
        '```sh',
        LOAD_CHECK,
        '```',
      ].join('\n'),
    },
    {
      when: 'fact.place=host-shell',
      fix: [
        'Find the library on this machine and put its directory on the loader path (it is not in `ldconfig -p` when only `LD_LIBRARY_PATH` names it):',
        '',
        '```sh',
        "find / -xdev -name 'libcupti.so*' 2>/dev/null",
        'export LD_LIBRARY_PATH=/usr/local/cuda/lib64:${LD_LIBRARY_PATH:-}',
        LOAD_CHECK,
        '```',
        '',
        'No copy at all: install CUPTI of the CUDA release the program was built for (NVIDIA apt `cuda-cupti-` plus the release with a dash, or the pip wheel `nvidia-cuda-cupti-cu12` for CUDA 12).',
      ].join('\n'),
    },
  ],
  enrich: ['cuda-version', 'cupti'],
  docs: 'https://docs.nvidia.com/cupti/overview/overview.html',
};
