// No CUDA compiler / toolkit where the build needs one: typically a `-runtime` or `-base` image
// (no nvcc) used for a stage that compiles. Optional probes (`-- Looking for a CUDA compiler -
// NOTFOUND`, `-- Could NOT find CUDA`) are status lines of projects that can build without CUDA:
// not matched; only the errors that stop a build are.
// The fix names the `-devel` image of the same CUDA / cuDNN / OS as the stage (cuda-version's develImage,
// withFlavour of the base image), in a Dockerfile only for image builds. CUDACXX, -DCMAKE_CUDA_COMPILER
// and -DCUDAToolkit_ROOT: CMake's variables (FindCUDAToolkit.cmake and cmake-env-variables, CMake 3.25).
// flash-attn's prebuilt wheels: github.com/Dao-AILab/flash-attention/releases, one per flash-attn, CUDA, torch, C++ ABI and
// Python (`releases/download/v2.5.9.post1/flash_attn-2.5.9.post1+cu122torch2.3cxx11abiFALSE-cp310-cp310-linux_x86_64.whl`,
// as public install scripts download it). A shell or a pod may have no toolkit at all: the fix checks before it exports CUDA_HOME.
// nvcc's apt packages: cuda-nvcc-X-Y / cuda-toolkit-X-Y (NVIDIA repository; cuda-minimal-build pulls nvcc
// in NVIDIA's devel Dockerfile).
// In conda-build (`…/conda-bld/<pkg>_<stamp>/_build_env/…` in the path) the toolchain is the recipe's: its
// `requirements: build:` packages, installed into `_build_env`. conda-forge's docs ("How to write a recipe that
// depends on CUDA", conda-forge.org/docs/how-to/advanced/cuda/write-the-recipe/): `{{ compiler('cuda') }}` in
// `build:`, `cuda-version {{ cuda_compiler_version }}.*` in `host:`. conda-forge's pinning makes that compiler
// `cuda-nvcc` from CUDA 12 (conda-forge-pinning-feedstock, recipe/migrations/cuda120.yaml: `cuda_compiler: cuda-nvcc`,
// built in a plain linux-anvil image); up to 11.x it was `nvcc`, the nvcc_linux-64 wrapper around a toolkit installed
// outside conda (conda-forge/nvcc-feedstock; built in `linux-anvil-cuda:11.x` images), which conda-build sees only
// when the recipe passes CUDA_HOME in `build: script_env:` (see cuda/libcuda-stub-missing).
import { toolkitOnPathBlock } from './toolkit-on-path.js';
import { CONDA_TOOLKIT_BLOCK, NVIDIA_INSTALLER_NOTE } from './host-toolkit-install.js';
import { flashAttnWheelContexts, withFlashAttnNote, withFlashAttnVariants } from '../pip/flash-attn-wheel.js';
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';
import { RUN_COMMAND_CONTEXT } from '../runtime/run-command.js';

const ENV_LINE = 'ENV PATH=/usr/local/cuda/bin:${PATH} CUDA_HOME=/usr/local/cuda';
const NAME_IT =
  'If nvcc is installed but not found, name it: `ENV CUDACXX=/usr/local/cuda/bin/nvcc` or ' +
  '`cmake -DCMAKE_CUDA_COMPILER=/usr/local/cuda/bin/nvcc -DCUDAToolkit_ROOT=/usr/local/cuda …`.';

// FindCUDA (the module `find_package(CUDA)` loads, deprecated since CMake 3.10) finds the toolkit from the nvcc on PATH, else
// asks for CUDA_TOOLKIT_ROOT_DIR (`cmake --help-module FindCUDA`, CMake 3.25: "The script will prompt the user to specify
// CUDA_TOOLKIT_ROOT_DIR if the prefix cannot be determined by the location of nvcc in the system path"); it reads neither
// CUDACXX nor CMAKE_CUDA_COMPILER.
const FINDCUDA_HINT =
  'This project finds CUDA with FindCUDA (`find_package(CUDA)`), which takes the toolkit from the nvcc on PATH or from ' +
  '`cmake -DCUDA_TOOLKIT_ROOT_DIR=/usr/local/cuda …` (not from CUDACXX or CMAKE_CUDA_COMPILER).';

// A Rust build script that runs nvcc: cudarc's build.rs (coreylowman/cudarc, 0.12) with its `cuda-version-from-build-system`
// feature (the one candle and mistral.rs turn on) runs `nvcc --version` to pick its CUDA bindings and panics with
// `Failed to execute \`nvcc\`: Os { code: 2, kind: NotFound, … }` when no nvcc is on PATH; mistral.rs's own build.rs
// (mistralrs-quant, mistralrs-core) calls the same function. It looks for nvcc on PATH only: the CUDA_ROOT, CUDA_PATH and
// CUDA_TOOLKIT_ROOT_DIR it prints as `rerun-if-env-changed` are read for the library search of its `dynamic-linking`
// feature, not for nvcc. The kernels of these crates are compiled by nvcc too (bindgen_cuda), so the stage needs the toolkit.
const CARGO_NVCC = {
  literals: ['Failed to execute `nvcc`'],
  pattern: 'Failed to execute `nvcc`: Os \\{ code: \\d{1,5}, kind: NotFound',
};
const CARGO_TITLE = 'No nvcc for a Rust build script (cudarc / CUDA kernels) in this build stage';
const CARGO_MESSAGE =
  'A crate\'s build script ran `nvcc` and found none on PATH. cudarc (the CUDA bindings under candle and mistral.rs) asks ' +
  '`nvcc --version` which CUDA release to bind, and these crates compile their CUDA kernels with nvcc: the stage that runs ' +
  '`cargo build` needs the CUDA toolkit. CUDA_ROOT / CUDA_PATH do not help: cudarc reads them to find the libraries, and ' +
  'takes nvcc from PATH only. {enrich.stageNote}';
const cargoNvccVariants: Variant[] = [
  {
    when: 'cargoNvcc&fact.place=image-build&fact.imageFlavour',
    title: CARGO_TITLE,
    message: CARGO_MESSAGE,
    fix: [
      'Run `cargo build` in the `-devel` image of the same CUDA release, with nvcc on PATH, and copy the binary into the runtime stage:',
      '',
      '```dockerfile',
      'FROM {enrich.develImage} AS builder',
      'ENV PATH=/usr/local/cuda/bin:${PATH}',
      '```',
    ].join('\n'),
  },
  {
    when: 'cargoNvcc&fact.place=image-build',
    title: CARGO_TITLE,
    message: CARGO_MESSAGE,
    fix: [
      'Run `cargo build` in a `-devel` CUDA image, with nvcc on PATH, and copy the binary into a `-runtime` stage of the same release. ' +
        'The log does not show which CUDA release this stage has: take the release of the image the binary will run in and its `-devel` ' +
        'tag from https://hub.docker.com/r/nvidia/cuda/tags. In the builder stage:',
      '',
      '```dockerfile',
      'ENV PATH=/usr/local/cuda/bin:${PATH}',
      'RUN nvcc --version',
      '```',
    ].join('\n'),
  },
  {
    when: 'cargoNvcc',
    title: CARGO_TITLE,
    message: CARGO_MESSAGE,
    fix: [
      'Install the CUDA toolkit (with `bin/nvcc`) where `cargo build` runs and put it on PATH; in a Dockerfile, build in a `-devel` ' +
        'CUDA image with `ENV PATH=/usr/local/cuda/bin:${PATH}`. Check before building:',
      '',
      '```sh',
      'export PATH=/usr/local/cuda/bin:$PATH',
      'nvcc --version',
      '```',
    ].join('\n'),
  },
];

/** A Dockerfile build: the `-devel` image of the stage's CUDA when the log shows it, else how to pick one; `hint` names the compiler to CMake. */
function imageBuildVariants(prefix: string, hint: string): Variant[] {
  return [
    {
      when: `${prefix}fact.place=image-build&fact.imageFlavour`,
      fix: [
        'Compile in the `-devel` image of the same CUDA release and copy the results into the runtime stage:',
        '',
        '```dockerfile',
        'FROM {enrich.develImage} AS builder',
        ENV_LINE,
        '```',
        '',
        hint,
      ].join('\n'),
    },
    {
      when: `${prefix}fact.place=image-build`,
      fix: [
        'Compile in a `-devel` CUDA image (the log does not show which CUDA release this stage has: `cat /usr/local/cuda/version.json` or the base image tag tells it; ' +
          'pick the `-devel` tag of that release at https://hub.docker.com/r/nvidia/cuda/tags) and put nvcc on PATH:',
        '',
        '```dockerfile',
        ENV_LINE,
        '```',
        '',
        hint,
      ].join('\n'),
    },
  ];
}

// `docker run` of an image without nvcc: the same command with the image's `-devel` flavour (run-image), or, for an
// image the log does not name as nvidia/cuda, how to tell a missing toolkit from one off PATH.
const RUN_TITLE = 'No CUDA compiler (nvcc) in this container';
const RUN_VARIANTS: Variant[] = [
  {
    when: 'fact.place=docker-run&enrich.runDevelCommand',
    title: RUN_TITLE,
    message:
      'The container runs {enrich.runImageRef}, a `-{enrich.runFlavour}` image: NVIDIA\'s `-base` images hold the CUDA runtime only and `-runtime` ' +
      'adds the CUDA libraries; nvcc and the CUDA headers are in the `-devel` flavour.',
    fix: [
      'Start the container from the `-devel` image of the same CUDA release (and cuDNN, OS), which has nvcc on PATH:',
      '',
      '```sh',
      '{enrich.runDevelCommand}',
      '```',
      '',
      'NVIDIA deletes the tags of CUDA releases past end of life; if this one is gone, pick a `-devel` tag of the release at {enrich.runTagsUrl}. ' +
        'To ship a small image, compile in the `-devel` image and copy the results into this one (a multi-stage Dockerfile).',
    ].join('\n'),
  },
  {
    when: 'fact.place=docker-run',
    title: RUN_TITLE,
    message:
      'The container has no CUDA compiler on PATH. nvcc ships in the `-devel` CUDA images (and NVIDIA\'s `cuda-nvcc` apt package of each release); ' +
      'images made for running (`-runtime`, `-base`, or one that installs only the CUDA libraries) have none.',
    fix: [
      'See whether the image has a toolkit off PATH, in the container:',
      '',
      '```sh',
      'ls -d /usr/local/cuda*/bin/nvcc',
      '```',
      '',
      'If it lists one, put it on PATH there (`export PATH=/usr/local/cuda/bin:$PATH`). If not, run the build in a `-devel` CUDA image of the release the project ' +
        'targets (https://hub.docker.com/r/nvidia/cuda/tags), or build an image that installs the toolkit (NVIDIA\'s `cuda-nvcc` package of that release, ' +
        '`cuda-nvcc-12-4` for 12.4).',
    ].join('\n'),
  },
];

// A setup.py that does `cpp_extension.CUDA_HOME + "/bin/nvcc"` (apex's get_cuda_bare_metal_version) fails with
// `TypeError: unsupported operand type(s) for +: 'NoneType' and 'str'` when torch found no toolkit at all: CUDA_HOME is
// None when neither CUDA_HOME / CUDA_PATH is set, nor nvcc is on PATH, nor /usr/local/cuda exists (torch.utils.cpp_extension
// _find_cuda_home). Exporting CUDA_HOME then points at nothing; the build needs a toolkit of torch's CUDA release.
// apex, Colossal-AI and Kaolin print `Warning: Torch did not find available GPUs on this system.` when no GPU is visible
// (an `nvidia-docker build` step has none) and ask for `TORCH_CUDA_ARCH_LIST="compute capability"` to name the target;
// compute capabilities per GPU: https://developer.nvidia.com/cuda-gpus (Tesla K80 3.7, T4 7.5).
const HOME_NONE_MESSAGE =
  'torch found no CUDA toolkit at all (`cpp_extension.CUDA_HOME` is None: no CUDA_HOME or CUDA_PATH, no nvcc on PATH, no /usr/local/cuda), ' +
  'so the setup script\'s `CUDA_HOME + "/bin/nvcc"` failed. Exporting CUDA_HOME cannot help: there is no toolkit to point it at.';
const TORCH_CUDA_CHECK = 'Print the CUDA release torch was built for, in the same environment: `python -c "import torch; print(torch.version.cuda)"`.';
const ARCH_FOR_NO_GPU =
  'The build sees no GPU ("Torch did not find available GPUs"), so name the GPUs the result will run on: their compute capabilities ' +
  '(https://developer.nvidia.com/cuda-gpus: a Tesla K80 is 3.7, a T4 7.5) in TORCH_CUDA_ARCH_LIST';
const DEVEL_OF_TORCH_CUDA = [
  TORCH_CUDA_CHECK + ' Build on the `-devel` image of that release (its tags: https://hub.docker.com/r/nvidia/cuda/tags), which has the toolkit, and name it:',
  '',
  '```dockerfile',
  ENV_LINE,
  '```',
];
const homeNoneVariants: Variant[] = [
  {
    when: 'cudaHomeNone&noGpuVisible&fact.place=image-build',
    message: HOME_NONE_MESSAGE,
    fix: [
      ...DEVEL_OF_TORCH_CUDA,
      '',
      ARCH_FOR_NO_GPU + ', before the `RUN` that builds: `ENV TORCH_CUDA_ARCH_LIST="3.7;7.5"`.',
    ].join('\n'),
  },
  {
    when: 'cudaHomeNone&fact.place=image-build',
    message: HOME_NONE_MESSAGE,
    fix: [
      ...DEVEL_OF_TORCH_CUDA,
    ].join('\n'),
  },
  {
    when: 'cudaHomeNone&noGpuVisible',
    message: HOME_NONE_MESSAGE,
    fix: [
      TORCH_CUDA_CHECK + ' A Dockerfile build (`docker build`, `nvidia-docker build`) needs a base image with the toolkit of that release: the `-devel` tag ' +
        '(https://hub.docker.com/r/nvidia/cuda/tags) in `FROM`, then, in the Dockerfile:',
      '',
      '```dockerfile',
      ENV_LINE,
      'ENV TORCH_CUDA_ARCH_LIST="3.7;7.5"',
      '```',
      '',
      ARCH_FOR_NO_GPU + ': keep the ones you run on. On a machine (not an image build), install the CUDA toolkit of that release and build again with `CUDA_HOME=/usr/local/cuda`.',
    ].join('\n'),
  },
  {
    when: 'cudaHomeNone',
    message: HOME_NONE_MESSAGE,
    fix: [
      TORCH_CUDA_CHECK + ' A Dockerfile build needs a base image with the toolkit of that release: the `-devel` tag (https://hub.docker.com/r/nvidia/cuda/tags) in `FROM`, then:',
      '',
      '```dockerfile',
      ENV_LINE,
      '```',
      '',
      'On a machine (not an image build), install the CUDA toolkit of that release and build again with `CUDA_HOME=/usr/local/cuda`.',
    ].join('\n'),
  },
];

// CUDA_HOME set like PATH (`export CUDA_HOME=$CUDA_HOME:/usr/local/cuda-11.7` with CUDA_HOME empty gives
// `:/usr/local/cuda-11.7`): torch reads it as one directory (torch.utils.cpp_extension._find_cuda_home:
// `os.environ.get('CUDA_HOME') or os.environ.get('CUDA_PATH')`, no splitting) and setup scripts append `/bin/nvcc`, so
// the error quotes `':/usr/local/cuda-11.7/bin/nvcc'` (Dao-AILab/flash-attention#264; NVIDIA/apex#570). The toolkit is
// there: the fix is the variable, not an install. `dir` is the last entry of the list, the one the log shows.
const CUDA_HOME_LIST_MESSAGE =
  'CUDA_HOME is `{context.cudaHomeList.home}`, a `:`-separated list like PATH, so the build looked for `{context.cudaHomeList.home}/bin/nvcc`, ' +
  'which cannot exist. CUDA_HOME must be one directory, the toolkit\'s root: nothing says the toolkit itself is missing.';
const cudaHomeListVariants: Variant[] = [
  {
    when: 'cudaHomeList&fact.place=image-build',
    title: 'CUDA_HOME is a list, not one directory',
    message: CUDA_HOME_LIST_MESSAGE,
    fix: [
      'Set CUDA_HOME to the toolkit directory alone, where the Dockerfile sets it (not `ENV CUDA_HOME=${CUDA_HOME}:…`), and check it has nvcc:',
      '',
      '```dockerfile',
      'ENV CUDA_HOME={context.cudaHomeList.dir}',
      'RUN "$CUDA_HOME/bin/nvcc" --version',
      '```',
    ].join('\n'),
  },
  {
    when: 'cudaHomeList',
    title: 'CUDA_HOME is a list, not one directory',
    message: CUDA_HOME_LIST_MESSAGE,
    fix: [
      'Set CUDA_HOME to the toolkit directory alone in the shell that builds, check it has nvcc, and run the install again:',
      '',
      '```sh',
      'export CUDA_HOME={context.cudaHomeList.dir}',
      '"$CUDA_HOME/bin/nvcc" --version',
      '```',
      '',
      'Then fix the line that set it (`grep -n CUDA_HOME ~/.bashrc ~/.profile` finds it in a shell profile): ' +
        '`export CUDA_HOME={context.cudaHomeList.dir}`, not `export CUDA_HOME=$CUDA_HOME:{context.cudaHomeList.dir}`; only PATH-like variables take lists.',
    ].join('\n'),
  },
];

const FLASH_MESSAGE =
  "flash-attn's setup.py found no CUDA toolkit: CUDA_HOME is unset and no nvcc is on PATH. It only warns (a prebuilt wheel would need no compiler), " +
  'but it declares its CUDA extension first, and torch cannot set that up without a toolkit, so the build stops. {enrich.stageNote}';

/**
 * flash-attn is built for NVIDIA (CUDA) and AMD (ROCm) GPUs on Linux only (Dao-AILab/flash-attention README,
 * "Requirements": CUDA toolkit or ROCm toolkit, Linux); its prebuilt wheels are `linux_x86_64` ones (the releases page).
 * An arm64 builder without an NVIDIA GPU (Docker on an Apple-Silicon Mac) has no toolkit to find and no GPU to run it:
 * the package is left out there (adithya-s-k/omniparse's own CPU arm64 image, #13, has none), or the image is built for
 * the x86 GPU hosts it will run on, `--platform linux/amd64` under emulation (docs.docker.com/build/guide/multi-platform/).
 * `docker version --format '{{.Server.Arch}}'` prints the engine's architecture, `uname -m` the stage's.
 */
const FLASH_ARM_FIX = [
  'flash-attn builds only for NVIDIA (CUDA) or AMD (ROCm) GPUs on Linux, and its prebuilt wheels are x86_64 ones: an arm64 ' +
    'build without an NVIDIA GPU has no toolkit to give it and nothing to run it on. Either leave flash-attn out of this ' +
    'platform\'s install (the models that use it need an NVIDIA GPU; many fall back to plain attention without it), or, for ' +
    'an image that will run on x86 GPU hosts, build it for their platform by adding `--platform linux/amd64` to the build ' +
    'command (Docker runs it under emulation here: slow, and the compile needs a `-devel` CUDA image as on any x86 build).',
].join('\n');
const FLASH_ARM_VARIANTS: Variant[] = [
  {
    when: 'flashAttn&fact.hostPlatform=linux/arm64',
    title: 'flash-attn cannot build on this arm64 machine (no CUDA)',
    message:
      "flash-attn's setup.py found no CUDA toolkit (no nvcc, no CUDA_HOME), and this build runs on {fact.hostPlatform} " +
      'without an NVIDIA GPU (an Apple-Silicon Mac, as the report says): there is no CUDA toolkit to point it at.',
    fix: FLASH_ARM_FIX,
  },
  {
    when: 'flashAttn&fact.platform=linux/arm64',
    title: 'flash-attn cannot build on this arm64 machine (no CUDA)',
    message:
      "flash-attn's setup.py found no CUDA toolkit (no nvcc, no CUDA_HOME) in this linux/arm64 build, which has none to " +
      'point it at unless the machine is an NVIDIA arm64 system (Jetson, Grace).',
    fix: FLASH_ARM_FIX,
  },
];

/** Before the toolkit advice, when the log does not show the platform: an arm64 builder has no toolkit to find. */
const FLASH_PLATFORM_CHECK =
  'First check that this build can have CUDA at all: `uname -m` where it runs (`aarch64` on an arm64 builder), or ' +
  '`docker version --format \'{{{{.Server.Arch}}}}\'` on the machine that builds (`arm64` on an Apple-Silicon Mac). On arm64 ' +
  'without an NVIDIA GPU, leave flash-attn out of this platform\'s install, or build the image for x86 GPU hosts with ' +
  '`--platform linux/amd64`; what follows is for x86_64.';

/** flash-attn without nvcc: a toolkit first (a `-devel` image in a Dockerfile), then the same package rebuilt without build isolation. */
function flashVariants(): Variant[] {
  const out: Variant[] = [];
  for (const place of ['image-build', 'host-shell', ''] as const) {
    const imageBuild = place === 'image-build';
    for (const pkg of ['building', 'collecting', '']) {
      const toolkit = imageBuild
        ? [
            'Build in a `-devel` CUDA image of the release torch was built for (`python3 -c "import torch; print(torch.version.cuda)"` prints it; the tags are at https://hub.docker.com/r/nvidia/cuda/tags) and name the toolkit:',
            '',
            '```dockerfile',
            ENV_LINE,
            '```',
          ]
        : place === 'host-shell'
          ? [
              'This machine has no CUDA toolkit (`nvcc`): install the one of the release torch was built for (`torch.version.cuda`; `None` there means a CPU-only torch, ' +
                'which builds no CUDA extension). In a conda environment, from NVIDIA\'s channel (labels from CUDA 11.3 on; ' +
                'CPATH names the headers, which the CUDA 12 packages keep under `targets/`, where torch does not look):',
              '',
              ...CONDA_TOOLKIT_BLOCK,
              '',
              NVIDIA_INSTALLER_NOTE,
            ]
        : [
            'The build needs a CUDA toolkit (`bin/nvcc`) of the release torch was built for (`python3 -c "import torch; print(torch.version.cuda)"`). ' +
              'First check whether this machine or container has one at all:',
            '',
            '```sh',
            'ls -d /usr/local/cuda*',
            'nvcc --version',
            '```',
            '',
            'With none (a runtime image, a Kubernetes pod started from one), setting CUDA_HOME cannot help: build in a `-devel` CUDA image of that ' +
              'release (https://hub.docker.com/r/nvidia/cuda/tags), or install a prebuilt flash-attn wheel, which needs no compiler: ' +
              'https://github.com/Dao-AILab/flash-attention/releases has one per flash-attn, CUDA, torch, C++ ABI and Python ' +
              '(each named for them). If a toolkit is there, point the build at it in the shell that builds:',
            '',
            ...toolkitOnPathBlock,
          ];
      // `building` is uv's `× Failed to build \`X\``: the installer is uv whatever else the log shows
      const rebuild =
        pkg === 'building'
          ? 'Then build it again without build isolation, so its setup sees this torch and toolkit: `uv pip install --no-build-isolation {context.building.package}`. {enrich.knobs}'
          : pkg
            ? 'Then build it again without build isolation, so its setup sees this torch and toolkit: `{enrich.rebuild}`. {enrich.knobs}'
            : 'Then run the same install again with `--no-build-isolation`, so its setup sees this torch and toolkit.';
      out.push({
        when: ['flashAttn', place ? `fact.place=${place}` : '', pkg].filter(Boolean).join('&'),
        title: 'flash-attn found no nvcc (no CUDA toolkit)',
        message: FLASH_MESSAGE,
        fix: [...(place === 'host-shell' ? [] : [FLASH_PLATFORM_CHECK, '']), ...toolkit, '', rebuild].join('\n'),
      });
    }
  }
  return out;
}

/**
 * The CUDA headers missing where an extension's host code compiles (`cuda_runtime_api.h`, which torch's ATen/cuda
 * headers include): the toolkit is absent, not only nvcc. A `-runtime` or `-base` image has the CUDA runtime library
 * and no headers.
 */
/** `fatal error: cuda_runtime_api.h: No such file …` (a line wrapped after `No such file` still matches). */
const CUDA_HEADERS_MISSING = {
  literals: ['cuda_runtime_api.h: No such file', 'cuda_runtime.h: No such file'],
  pattern: 'fatal error: (?<header>cuda_runtime(?:_api)?\\.h): No such file',
};

// The header the compiler named, as the log names it. NVIDIA's `-devel` images install the toolkit's headers under
// /usr/local/cuda/include (cuda_runtime.h, cuda_runtime_api.h: the cuda-cudart-dev package), `-runtime` and `-base` do not
// (gitlab.com/nvidia/container-images/cuda, dist/<release>/<os>/{base,runtime,devel}/Dockerfile). In a `-devel` image the
// header is there and the host compiler was not told where: GCC looks for headers in the directories given with -I and,
// after them, in those of CPATH ("CPATH specifies a list of directories to be searched as if specified with -I", GCC's
// cpp manual, Environment Variables); CMake gives a C++ target the toolkit's headers only through the CUDA language
// (CMAKE_CUDA_TOOLKIT_INCLUDE_DIRECTORIES) or find_package(CUDAToolkit) and its CUDA::cudart target (FindCUDAToolkit).
const HEADER = '{context.cudaHeaders.header}';
const HEADERS_TITLE = 'No CUDA toolkit header where the build compiles';
const HEADERS_CHECK = ['```sh', `ls /usr/local/cuda/include/${HEADER} /usr/local/cuda/bin/nvcc`, '```'];
const NOT_TOLD =
  'the host compiler was not told where the toolkit\'s headers are: it looks only in the directories given with `-I` (and in ' +
  "those of `CPATH`), and a CMake project gives a C++ target the toolkit's include directory only when the target links " +
  '`CUDA::cudart` (`find_package(CUDAToolkit)`) or uses `CMAKE_CUDA_TOOLKIT_INCLUDE_DIRECTORIES`.';
const CPATH_FIX = (fence: 'dockerfile' | 'sh'): string[] => [
  `\`\`\`${fence}`,
  fence === 'dockerfile' ? 'ENV CPATH=/usr/local/cuda/include' : 'export CPATH=/usr/local/cuda/include',
  '```',
];
const cudaHeadersVariants: Variant[] = [
  {
    when: 'cudaHeaders&fact.imageFlavour=devel',
    title: HEADERS_TITLE,
    message:
      `The host compiler found no \`${HEADER}\`, yet this stage builds on a \`-devel\` CUDA image ({fact.baseImage|the base image}), ` +
      `which has it under \`/usr/local/cuda/include\`: ${NOT_TOLD}`,
    fix: [
      'Check the header is where the image puts it, in the stage:',
      '',
      ...HEADERS_CHECK,
      '',
      'Then give the compiler that directory before the step that builds (GCC reads `CPATH` as extra `-I` directories):',
      '',
      ...CPATH_FIX('dockerfile'),
      '',
      'The lasting fix is in the project: the target whose source includes the header links `CUDA::cudart` ' +
        '(`find_package(CUDAToolkit)`); a newer revision of the project may already do so.',
    ].join('\n'),
  },
  {
    when: 'cudaHeaders&fact.imageFlavour&enrich.develImage',
    title: HEADERS_TITLE,
    message:
      `The host compiler found no \`${HEADER}\`. The CUDA headers come with the toolkit, as nvcc does: a \`-devel\` CUDA image, or ` +
      "NVIDIA's `cuda-toolkit` apt packages of each release. `-runtime` and `-base` images have the CUDA runtime library and no headers.",
    fix: [
      'Build in the `-devel` image of the same CUDA release, or install that release\'s toolkit where the build runs:',
      '',
      '```dockerfile',
      'FROM {enrich.develImage}',
      '```',
      '',
      'Then check both are there:',
      '',
      ...HEADERS_CHECK,
    ].join('\n'),
  },
  {
    when: 'cudaHeaders',
    title: HEADERS_TITLE,
    message:
      `The host compiler found no \`${HEADER}\`. Either the toolkit's headers are not installed (\`-runtime\` and \`-base\` CUDA ` +
      `images have none; \`-devel\` images have them under \`/usr/local/cuda/include\`), or they are and ${NOT_TOLD}`,
    fix: [
      'The log does not show the base image. See which case it is, in the stage that builds:',
      '',
      ...HEADERS_CHECK,
      '',
      '- Neither is there (a `-runtime` or `-base` image): build in the `-devel` image of the same CUDA release (the tag with ' +
        '`-runtime` or `-base` replaced by `-devel`), or install that release\'s toolkit where the build runs.',
      '- Both are there (a `-devel` image): give the compiler the directory before the step that builds; GCC reads `CPATH` as ' +
        'extra `-I` directories. In a Dockerfile `ENV CPATH=/usr/local/cuda/include`; in a shell:',
      '',
      ...CPATH_FIX('sh'),
    ].join('\n'),
  },
];

// torch prints `No CUDA runtime is found, using CUDA_HOME='/usr/local/cuda'` when it sees no GPU (a `docker build`) and took
// a CUDA_HOME that exists (torch.utils.cpp_extension._find_cuda_home: CUDA_HOME / CUDA_PATH, else the nvcc on PATH, else
// /usr/local/cuda when that directory exists). A /usr/local/cuda without bin/nvcc is what NVIDIA's `-base` and `-runtime`
// images have: their Dockerfiles install cuda-cudart and cuda-compat and link /usr/local/cuda to them
// (gitlab.com/nvidia/container-images/cuda, dist/<release>/<os>/base/Dockerfile; copied in deezer/spleeter
// docker/cuda-10-1.dockerfile); nvcc and the headers come in `-devel`. EleutherAI/gpt-neox#1021: DeeperSpeed's setup.py on a
// base image, fixed by going back to the `-devel` image (PR #1109). 11.8.0 is a published CUDA tag for Ubuntu 22.04
// (cuda-image-tags.ts). With the place known, the image-build and docker-run variants below say it in their own form.
const FOUND_HOME_MESSAGE =
  "torch took CUDA_HOME='{context.torchFoundHome.home}' (its `No CUDA runtime is found` line: it sees no GPU, as in a `docker build`), " +
  'and there is no CUDA compiler in it. A /usr/local/cuda without nvcc is what NVIDIA\'s `-base` and `-runtime` images hold: the CUDA ' +
  'runtime libraries, no compiler and no headers; those come in the `-devel` flavour.';
const foundHomeVariant: Variant = {
  when: 'torchFoundHome&!fact.place',
  title: 'No nvcc in the CUDA_HOME torch found (a CUDA image without the toolkit)',
  message: FOUND_HOME_MESSAGE,
  fix: [
    'In a Dockerfile, build on the `-devel` image of the same CUDA release and OS: in the `FROM` line, replace `-base` or `-runtime` ' +
      'in the tag with `-devel` (`nvidia/cuda:11.8.0-runtime-ubuntu22.04` becomes `nvidia/cuda:11.8.0-devel-ubuntu22.04`; a `cudnn` tag ' +
      'keeps its `cudnn` part), and name the toolkit:',
    '',
    '```dockerfile',
    ENV_LINE,
    '```',
    '',
    'To ship a small image, build in that `-devel` stage and copy the result into a stage FROM the original image. Outside an image ' +
      'build, `ls {context.torchFoundHome.home}/bin/nvcc` shows whether that directory has a compiler; without one, install the CUDA ' +
      'toolkit of the release torch was built for (`python3 -c "import torch; print(torch.version.cuda)"`) and point CUDA_HOME at it.',
  ].join('\n'),
};

// xformers' (and stable-fast's) setup.py: `get_cuda_version(cuda_dir)` runs `subprocess.check_output([nvcc_bin, "-V"])` with
// `nvcc_bin = "nvcc" if cuda_dir is None else cuda_dir + "/bin/nvcc"`, called as `get_cuda_version(CUDA_HOME)` with torch's
// CUDA_HOME when a GPU is visible or FORCE_CUDA=1 (facebookresearch/xformers setup.py, code corpus). That frame in a failed
// build's traceback is the nvcc call failing: no nvcc under CUDA_HOME, or none on PATH when torch found no CUDA_HOME
// (xformers#497, cut at the frame).
const BARE_METAL_VERSION_FRAME = {
  literals: ['get_cuda_bare_metal_version(CUDA_HOME)'],
  pattern: '= {0,3}get_cuda_bare_metal_version\\(CUDA_HOME\\)\\s*$',
};
const NVCC_VERSION_FRAME = {
  literals: ['get_cuda_version'],
  pattern: 'setup\\.py", line \\d{1,6}, in get_cuda_version\\s*$|= {0,3}get_cuda_version\\(CUDA_HOME\\)\\s*$',
};
// xformers' README ("Install latest stable with pip"): `pip3 install -U xformers --index-url https://download.pytorch.org/whl/cu118`
// (cu121 likewise; README@042abc8a); each wheel pins the torch it was built with (`xformers 0.0.26.post1 depends on
// torch==2.3.0`, pip-conflict.ts), so the index of torch's CUDA is the one to take.
const XFORMERS_WHEEL = [
  'Or skip the compile: xformers publishes wheels on PyTorch\'s index, one per CUDA release; take the index of torch\'s CUDA ' +
    '(`12.1` → `cu121`). Each wheel pins the torch it was built with, so pip may replace this torch with that one:',
  '',
  '```sh',
  'pip install -U xformers --index-url "https://download.pytorch.org/whl/cu${CUDA_RELEASE//./}"',
  '```',
].join('\n');
const FRAME_MESSAGE =
  'The setup script asked nvcc for the CUDA version (`get_cuda_version(CUDA_HOME)` runs `$CUDA_HOME/bin/nvcc -V`, or `nvcc -V` ' +
  'from PATH when torch found no CUDA_HOME), and that call failed: there is no CUDA compiler where the build looks.';
const XFORMERS_MESSAGE =
  FRAME_MESSAGE + ' xformers makes that call when torch sees a GPU or `FORCE_CUDA=1` is set, to compile its CUDA kernels.';
// NVIDIA's apt packages install CUDA X.Y as `cuda-toolkit-X-Y` under /usr/local/cuda-X.Y (cuda-toolkit-apt-names.ts).
const FRAME_FIX = [
  'The build needs a CUDA toolkit (`bin/nvcc`) of the release torch was built for. In the shell that builds, see which toolkits ' +
    'this machine has and which CUDA torch was built with:',
  '',
  '```sh',
  'ls -d /usr/local/cuda*/bin/nvcc',
  'echo "CUDA_HOME=$CUDA_HOME"',
  "CUDA_RELEASE=$(python -c 'import torch; print(torch.version.cuda)')",
  'echo "$CUDA_RELEASE"',
  '```',
  '',
  'With none of that release listed, install its toolkit from NVIDIA (https://developer.nvidia.com/cuda-downloads sets up the ' +
    'repository; the package is `cuda-toolkit-` and the release with a dash, `cuda-toolkit-12-1` for 12.1, and installs under ' +
    '`/usr/local/cuda-12.1`). Then point the build at it and run the install again in the same shell:',
  '',
  '```sh',
  'export CUDA_HOME="/usr/local/cuda-$CUDA_RELEASE"',
  'export PATH="$CUDA_HOME/bin:$PATH"',
  'nvcc --version',
  '```',
].join('\n');
// Outside an image build and a `docker run` (a host shell, or a paste that does not say): shell advice.
const nvccVersionFrameVariants: Variant[] = [
  {
    when: 'nvccVersionFrame&xformers&!fact.place=image-build&!fact.place=docker-run',
    title: 'xformers build found no nvcc (no CUDA toolkit)',
    message: XFORMERS_MESSAGE,
    fix: [FRAME_FIX, '', XFORMERS_WHEEL].join('\n'),
  },
  {
    when: 'nvccVersionFrame&!fact.place=image-build&!fact.place=docker-run',
    title: 'The setup script found no nvcc (no CUDA toolkit)',
    message: FRAME_MESSAGE,
    fix: FRAME_FIX,
  },
];

// The setup.py of causal-conv1d, mamba-ssm, flash-attn and their forks (Dao-AILab/causal-conv1d setup.py, code corpus):
// `if CUDA_HOME is not None: _, bare_metal_version = get_cuda_bare_metal_version(CUDA_HOME)`, which runs
// `CUDA_HOME + "/bin/nvcc" -V`, then `raise RuntimeError(f"{PACKAGE_NAME} is only supported on CUDA 11.6 and above. Note:
// make sure nvcc has a supported version by running nvcc -V.")` when that release is older. So the error means torch found
// a CUDA_HOME (CUDA_HOME / CUDA_PATH, else the nvcc on PATH, else /usr/local/cuda: torch.utils.cpp_extension._find_cuda_home)
// whose nvcc is too old; nvidia-smi's "CUDA Version" is the driver's newest supported CUDA, not a toolkit, and plays no
// part. Both projects publish prebuilt wheels on their GitHub releases, `linux_x86_64` only
// (github.com/Dao-AILab/causal-conv1d/releases/download/v1.4.0/causal_conv1d-1.4.0+cu122torch2.4cxx11abiFALSE-cp311-cp311-linux_x86_64.whl,
// github.com/state-spaces/mamba/releases/download/v2.2.2/mamba_ssm-2.2.2+cu122torch2.4cxx11abiFALSE-cp311-cp311-linux_x86_64.whl,
// as public install scripts download them; setup.py's BASE_WHEEL_URL): a wheel file installed by pip runs no setup.py.
const NVCC_TOO_OLD = {
  literals: ['is only supported on CUDA'],
  pattern: '(?<package>[A-Za-z][\\w.-]{0,60}) is only supported on CUDA (?<min>\\d{1,2}\\.\\d{1,2}) and above',
};
const NVCC_TOO_OLD_TITLE = 'The nvcc this build found is older than the setup script accepts';
const NVCC_TOO_OLD_MESSAGE =
  "{context.nvccTooOld.package}'s setup.py ran `nvcc -V` in the CUDA toolkit torch found (CUDA_HOME or CUDA_PATH, else the nvcc on PATH, " +
  'else /usr/local/cuda) and got a release older than {context.nvccTooOld.min}. The "CUDA Version" nvidia-smi prints is the newest CUDA ' +
  'the driver supports, not an installed toolkit: the build needs a toolkit (nvcc) of the release torch was built for.';
const NVCC_TOO_OLD_CHECK = [
  'See which nvcc the build takes, and which CUDA torch was built with, in the shell that builds:',
  '',
  '```sh',
  'which -a nvcc',
  'nvcc -V',
  'echo "CUDA_HOME=$CUDA_HOME"',
  "CUDA_RELEASE=$(python -c 'import torch; print(torch.version.cuda)')",
  'echo "$CUDA_RELEASE"',
  '```',
  '',
  'Install the toolkit of that release from NVIDIA (https://developer.nvidia.com/cuda-downloads sets up the repository; the package is ' +
    '`cuda-toolkit-` and the release with a dash, `cuda-toolkit-12-1` for 12.1, under `/usr/local/cuda-12.1`), put it first, and run the install again in the same shell:',
  '',
  '```sh',
  'export CUDA_HOME="/usr/local/cuda-$CUDA_RELEASE"',
  'export PATH="$CUDA_HOME/bin:$PATH"',
  'nvcc -V',
  '```',
].join('\n');
// Only where the log names causal-conv1d or mamba-ssm (context mambaFamily): flash-attn's own wheels have their paragraph
// from the flash-attn-wheel enricher, and another package's are not these.
const MAMBA_WHEELS =
  'Or skip the compile: causal-conv1d and mamba-ssm publish prebuilt Linux x86_64 wheels on their GitHub releases ' +
  '(https://github.com/Dao-AILab/causal-conv1d/releases, https://github.com/state-spaces/mamba/releases), one per CUDA major, torch, C++ ABI and Python; ' +
  'pip installs a wheel file without running setup.py.';
const nvccTooOldVariants: Variant[] = [
  {
    when: 'nvccTooOld&fact.place=image-build',
    title: NVCC_TOO_OLD_TITLE,
    message: NVCC_TOO_OLD_MESSAGE,
    fix: [
      TORCH_CUDA_CHECK + ' Build on the `-devel` image of that release (https://hub.docker.com/r/nvidia/cuda/tags), whose nvcc is that release, and name it:',
      '',
      '```dockerfile',
      ENV_LINE,
      '```',
    ].join('\n'),
  },
  {
    when: 'nvccTooOld&mambaFamily&!fact.place=docker-run',
    title: NVCC_TOO_OLD_TITLE,
    message: NVCC_TOO_OLD_MESSAGE,
    fix: [NVCC_TOO_OLD_CHECK, '', MAMBA_WHEELS].join('\n'),
  },
  {
    when: 'nvccTooOld&!fact.place=docker-run',
    title: NVCC_TOO_OLD_TITLE,
    message: NVCC_TOO_OLD_MESSAGE,
    fix: NVCC_TOO_OLD_CHECK,
  },
];

// A Windows machine (fact hostOs: `C:\Users\…` paths, a PowerShell prompt) building outside an image: torch finds the
// toolkit from CUDA_HOME or CUDA_PATH, else `where nvcc`, else `C:/Program Files/NVIDIA GPU Computing Toolkit/CUDA/v*.*`
// (torch.utils.cpp_extension._find_cuda_home). In PowerShell `where` is Where-Object's alias: `where.exe` is the program.
// mamba-ssm's README lists Linux among its requirements; causal-conv1d's setup.py classifies it `Operating System :: Unix`,
// and both publish `linux_x86_64` wheels only. A `torch.__version__ = …+cpu` line is the torch of the environment that ran
// setup.py: pip's isolated build environment installs torch from PyPI, whose Windows wheels are CPU-only (fact torchCuda
// `cpu`); mamba-ssm's README: "try passing `--no-build-isolation` to `pip`". With CUDA_HOME None, mamba-ssm's setup.py
// never sets `bare_metal_version` and fails on it (`NameError: name 'bare_metal_version' is not defined`).
const WINDOWS_TITLE = 'No CUDA toolkit (nvcc) on this Windows machine';
const WINDOWS_MESSAGE =
  'The build found no CUDA compiler: torch looks in CUDA_HOME or CUDA_PATH, then for nvcc on PATH, then under ' +
  '`C:\\Program Files\\NVIDIA GPU Computing Toolkit\\CUDA`, and found none.';
const WINDOWS_CHECK = [
  'See whether a toolkit is installed, in PowerShell:',
  '',
  '```powershell',
  'where.exe nvcc',
  '$env:CUDA_PATH',
  'python -c "import torch; print(torch.__version__, torch.version.cuda)"',
  '```',
  '',
  'With none, install the CUDA toolkit of the release torch was built for (https://developer.nvidia.com/cuda-downloads, Windows), ' +
    'open a new shell, and check `nvcc --version`.',
].join('\n');
const CPU_TORCH_NOTE =
  'The torch that setup.py imported is {fact.torch}, a CPU-only build (pip\'s isolated build environment installed it from PyPI): ' +
  'install the CUDA build of torch first (https://pytorch.org/get-started/locally/ gives the command for each CUDA release), ' +
  'then build against it with `pip install --no-build-isolation {context.collecting.package|the package}`.';
const LINUX_ONLY_NOTE =
  'mamba-ssm and causal-conv1d support Linux only (mamba-ssm\'s README lists Linux in its requirements, and both publish ' +
  '`linux_x86_64` wheels only): on Windows, build and run them in WSL 2 or a Linux container.';
const windowsVariants: Variant[] = [
  {
    when: 'mambaFamily&fact.hostOs=windows&fact.torchCuda=cpu&!fact.place=image-build&!fact.place=docker-run',
    title: WINDOWS_TITLE,
    message: WINDOWS_MESSAGE + ' ' + LINUX_ONLY_NOTE,
    fix: [WINDOWS_CHECK, '', CPU_TORCH_NOTE].join('\n'),
  },
  {
    when: 'mambaFamily&fact.hostOs=windows&!fact.place=image-build&!fact.place=docker-run',
    title: WINDOWS_TITLE,
    message: WINDOWS_MESSAGE + ' ' + LINUX_ONLY_NOTE,
    fix: WINDOWS_CHECK,
  },
  {
    when: 'fact.hostOs=windows&fact.torchCuda=cpu&!fact.place=image-build&!fact.place=docker-run',
    title: WINDOWS_TITLE,
    message: WINDOWS_MESSAGE,
    fix: [WINDOWS_CHECK, '', CPU_TORCH_NOTE].join('\n'),
  },
  {
    when: 'fact.hostOs=windows&!fact.place=image-build&!fact.place=docker-run',
    title: WINDOWS_TITLE,
    message: WINDOWS_MESSAGE,
    fix: WINDOWS_CHECK,
  },
];

export const toolkitNotFound: RuleInput = {
  id: 'cuda/toolkit-not-found',
  title: 'No CUDA compiler (nvcc) in the build stage',
  severity: 'error',
  match: [
    // CMake, enable_language(CUDA) / project(… CUDA)
    { literals: ['No CMAKE_CUDA_COMPILER could be found'] },
    { literals: ['Failed to find nvcc'] },
    // CMakeError.log / older CMake: `Compiler: CMAKE_CUDA_COMPILER-NOTFOUND` in the identification failure
    { literals: ['CMAKE_CUDA_COMPILER-NOTFOUND'] },
    // FindCUDAToolkit REQUIRED: `Could not find nvcc, please set CUDAToolkit_ROOT.`
    { literals: ['Could not find nvcc'] },
    // FindPackageHandleStandardArgs, REQUIRED (indented under CMake Error)
    { literals: ['Could NOT find CUDA'], pattern: '^\\s{1,200}Could NOT find (?<package>CUDA(?:Toolkit)?) \\(missing:' },
    // shells and make: `/bin/sh: 1: nvcc: not found`, `bash: nvcc: command not found`, `make: nvcc: No such file or directory`
    { literals: ['nvcc: '], pattern: '\\bnvcc: (?:command not found|not found|No such file or directory)' },
    // Windows cmd
    { literals: ["'nvcc' is not recognized"] },
    // a Rust build script (cudarc's build.rs and the crates that copy its nvcc call)
    CARGO_NVCC,
    // The host compiler of an extension build finds no CUDA headers: torch's ATen/cuda headers include
    // <cuda_runtime_api.h>, which only a toolkit (a `-devel` image, cuda-cudart-dev) installs (microsoft/VPTQ#111, a
    // `-runtime` image: `fatal error: cuda_runtime_api.h: No such file or directory`).
    CUDA_HEADERS_MISSING,
    // torch.utils.cpp_extension with CUDA_HOME pointing at a toolkit without nvcc
    { literals: ["bin/nvcc'", "bin\\\\nvcc.exe'"], pattern: "No such file or directory: '(?<path>[^']{0,200}nvcc(?:\\.exe)?)'" },
    // apex: `RuntimeError: --cuda_ext was requested, but nvcc was not found.`; flash-attn: `UserWarning: flash_attn was
    // requested, but nvcc was not found.` (uv wraps it: `nvcc was not found.  Are you sure your environment has nvcc`).
    // flash-attn only warns (a prebuilt wheel needs no compiler, setup.py says), but it declares its CUDAExtension
    // first, and torch's library_paths(cuda=True) raises without CUDA_HOME (Dao-AILab/flash-attention setup.py,
    // check_if_cuda_home_none; the traces in flash-attention#1264 / #1736): in a FAILED step (only: failed-step) it is the cause.
    { literals: ['nvcc was not found'] },
    // a setup.py that asks the toolkit under CUDA_HOME for its version, in the traceback of a failed build: flash-attn's
    // get_cuda_bare_metal_version (`subprocess.check_output([cuda_dir + "/bin/nvcc", "-V"], …)`), DeepSpeed's
    // installed_cuda_version (`[cuda_home + "/bin/nvcc", "-V"]`). The frame is printed only when that call raised:
    // no nvcc where CUDA_HOME points (or CUDA_HOME unset)
    {
      literals: ['/bin/nvcc", "-V"]', "/bin/nvcc', '-V']"],
      pattern: 'check_output\\(\\[\\s{0,5}[A-Za-z_][\\w.]{0,40}\\s{0,3}\\+\\s{0,3}["\']/bin/nvcc["\'],',
    },
    // DeepSpeed's (and DeeperSpeed's) setup.py: `os.environ["TORCH_CUDA_ARCH_LIST"] = get_default_compute_capabilities()`.
    // That function (op_builder/builder.py) returns its defaults when CUDA_HOME is None and otherwise runs
    // installed_cuda_version(), the `[cuda_home + "/bin/nvcc", "-V"]` call above: its frame in a failed build's traceback,
    // as the call's source line or as the frame's name, is that call failing (EleutherAI/gpt-neox#1021, cut there).
    {
      literals: ['get_default_compute_capabilities'],
      pattern: '= {0,3}get_default_compute_capabilities\\(\\)\\s*$|, in get_default_compute_capabilities\\s*$',
    },
    NVCC_VERSION_FRAME,
    // flash-attn's setup.py (and the many copied from it): `if CUDA_HOME is not None: _, bare_metal_version =
    // get_cuda_bare_metal_version(CUDA_HOME)`, which runs `[cuda_dir + "/bin/nvcc", "-V"]` (Dao-AILab/flash-attention
    // setup.py, code corpus). Its source line in a failed build's traceback is that call raising: torch found a CUDA_HOME
    // (`No CUDA runtime is found, using CUDA_HOME='/usr/local/cuda'`) without nvcc in it. A log cut after this frame
    // (ByteDance-Seed/Bagel#50) shows no more than it.
    BARE_METAL_VERSION_FRAME,
    // causal-conv1d / mamba-ssm / flash-attn: the nvcc under CUDA_HOME is older than the setup script's minimum
    NVCC_TOO_OLD,
  ],
  // torch's own error says the same, with cuda/cuda-home-not-set's advice (the rebuild command): one finding, not two
  unless: [{ literals: ['CUDA_HOME environment variable is not set'] }],
  context: [
    ...flashAttnWheelContexts,
    { name: 'cudaHeaders', ...CUDA_HEADERS_MISSING },
    { name: 'windows', literals: ["'nvcc' is not recognized", 'nvcc.exe'] },
    { name: 'cargoNvcc', ...CARGO_NVCC },
    // `No such file or directory: ':/usr/local/cuda-11.7/bin/nvcc'`: a CUDA_HOME with `:` in it. The part before the `:`
    // is empty or an absolute path, so a Windows drive (`C:/…`) is not taken for a list.
    {
      name: 'cudaHomeList',
      literals: ["bin/nvcc'"],
      pattern: "No such file or directory: '(?<home>(?:/[^':]{0,200})?:(?<dir>/[^':]{1,200}))/bin/nvcc'",
    },
    // conda-build's build or host environment in a path: `/home/runner/miniconda3/conda-bld/faiss-pkg_1711571792861/_build_env/share/…`
    { name: 'condaBuild', literals: ['/conda-bld/'], pattern: '/conda-bld/[^/\\s]{1,200}/_(?:build_env|h_env)' },
    { name: 'flashAttn', literals: ['flash_attn was requested'] },
    { name: 'nvccVersionFrame', ...NVCC_VERSION_FRAME },
    { name: 'nvccTooOld', ...NVCC_TOO_OLD },
    // mamba-ssm or causal-conv1d being built: their setup.py's own names, or pip's name of the package
    { name: 'mambaFamily', literals: ['mamba_ssm', 'mamba-ssm', 'causal_conv1d', 'causal-conv1d'] },
    // xformers built from source: pip's `Collecting git+https://github.com/facebookresearch/xformers`, `Collecting xformers`
    { name: 'xformers', literals: ['xformers'], pattern: 'facebookresearch/xformers|Collecting xformers\\b|Building wheel for xformers\\b' },
    { name: 'cudaHomeNone', literals: ["unsupported operand type(s) for +: 'NoneType' and 'str'"] },
    { name: 'noGpuVisible', literals: ['Torch did not find available GPUs'] },
    // torch found a CUDA_HOME but no GPU: `No CUDA runtime is found, using CUDA_HOME='/usr/local/cuda'`
    { name: 'torchFoundHome', literals: ['No CUDA runtime is found, using CUDA_HOME='], pattern: "using CUDA_HOME='(?<home>[^']{1,200})'" },
    // FindCUDA's own words: `/usr/share/cmake-3.29/Modules/FindCUDA.cmake:1291 (find_package_handle_standard_args)`, `(missing: CUDA_NVCC_EXECUTABLE …`
    { name: 'findCuda', literals: ['FindCUDA.cmake', 'CUDA_NVCC_EXECUTABLE'] },
    // the `docker run` line, for the same command with another image (run-image)
    RUN_COMMAND_CONTEXT,
    // the package being built, for the rebuild command (extension-build): pip's `Collecting X`, uv's `Failed to build `X==1.0``
    { name: 'collecting', literals: ['Collecting '], pattern: '^\\s{0,20}Collecting (?<package>[A-Za-z0-9][A-Za-z0-9._-]{0,100}(?:==[\\w.+]{1,40})?)', keep: 'last' },
    { name: 'building', literals: ['Failed to build `'], pattern: 'Failed to build `(?<package>[A-Za-z0-9][A-Za-z0-9._-]{0,100}(?:==[\\w.+]{1,40})?)`' },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'The build needed the CUDA compiler but found none. nvcc ships in the `-devel` CUDA images (and NVIDIA\'s `cuda-nvcc` / `cuda-toolkit` ' +
    'apt packages of each release); `-runtime` and `-base` images have no compiler. {enrich.stageNote}',
  fix: withFlashAttnNote([
    'Install the CUDA toolkit of the release the build targets (with `bin/nvcc`), then put it on PATH in the shell that builds:',
    '',
    ...toolkitOnPathBlock,
    '',
    'CMake also takes the compiler directly: `cmake -DCMAKE_CUDA_COMPILER=/usr/local/cuda/bin/nvcc -DCUDAToolkit_ROOT=/usr/local/cuda …`.',
  ].join('\n')),
  variants: [...FLASH_ARM_VARIANTS, ...cudaHeadersVariants, ...cudaHomeListVariants, ...withFlashAttnVariants(
    'build in a `-devel` CUDA image of the release torch was built for, with `ENV PATH=/usr/local/cuda/bin:${PATH} CUDA_HOME=/usr/local/cuda`, and install it with `--no-build-isolation`.',
    [
    ...cargoNvccVariants,
    ...nvccTooOldVariants,
    ...windowsVariants,
    ...flashVariants(),
    ...homeNoneVariants,
    foundHomeVariant,
    ...nvccVersionFrameVariants,
    {
      when: 'condaBuild',
      title: 'No CUDA compiler in the conda-build environment',
      message:
        'conda-build found no nvcc: the path in the error is its build environment (`_build_env`), which holds only what the ' +
        "recipe's `requirements: build:` list installs, and that list has no CUDA compiler. A toolkit on the machine, or " +
        'CUDA_HOME, does not reach it unless the recipe says so.',
      fix: [
        "Add the CUDA compiler to the recipe's build requirements (`meta.yaml`). In a conda-forge feedstock (conda-forge's pinning),",
        "as conda-forge's guide to CUDA recipes has it:",
        '',
        '```yaml',
        'requirements:',
        '  build:',
        "    - {{{{ compiler('cuda') }}}}",
        '  host:',
        '    - cuda-version {{{{ cuda_compiler_version }}}}.*',
        '```',
        '',
        "There that compiler is `cuda-nvcc` from CUDA 12 on. A recipe built without conda-forge's pinning",
        '(`conda build -c nvidia …`) names the package itself: `cuda-nvcc` under `build:`, of the same release as the',
        "recipe's other CUDA packages. For CUDA 11 and older, conda-forge's compiler was `nvcc_linux-64`, a wrapper around a",
        'toolkit installed outside conda: the build machine needs that toolkit, and the recipe must pass `CUDA_HOME` in',
        '`build: script_env:`.',
      ].join('\n'),
    },
    {
      when: 'windows',
      fix:
        'Install the CUDA toolkit and build from a shell where `nvcc --version` works (the toolkit\'s `bin` directory on PATH), ' +
        'or pass the compiler to CMake by its full path: `-DCMAKE_CUDA_COMPILER=` followed by the path of `nvcc.exe` (`where nvcc` prints it where it is on PATH).',
    },
    ...RUN_VARIANTS,
    ...imageBuildVariants('findCuda&', FINDCUDA_HINT),
    ...imageBuildVariants('', NAME_IT),
    {
      when: 'findCuda',
      fix: ['Install the CUDA toolkit of the release the build targets (with `bin/nvcc`), then put it on PATH in the shell that builds:', '', ...toolkitOnPathBlock, '', FINDCUDA_HINT].join('\n'),
    },
    ], { title: 'flash-attn found no nvcc (no CUDA toolkit)', message: FLASH_MESSAGE },
  )],
  enrich: ['cuda-version', 'extension-build', 'flash-attn-wheel', 'run-image'],
  docs: 'https://hub.docker.com/r/nvidia/cuda',
};
