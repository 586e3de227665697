// conda-forge's `nvcc` compiler package (nvcc_linux-64, CUDA ≤ 11.x toolchains) wraps a CUDA toolkit
// installed outside conda. Its activation script (conda-forge/nvcc-feedstock, recipe/install_nvcc.sh,
// code corpus) takes CUDA_HOME (or the directory above `cuda-gdb` on PATH), and stops with
// `File ${CUDA_HOME}/lib64/stubs/libcuda.so doesn't exist` when that directory is not a full toolkit:
// it links the stub libcuda into the compiler sysroot. In conda-build, CUDA_HOME then points at the
// host environment or at nothing useful (nv-morpheus/Morpheus#250: `…/_h_env_placehold…/lib64/stubs/libcuda.so`).
// A full toolkit has the stub at `lib64/stubs/libcuda.so` (nvidia/cuda `-devel` images: LIBRARY_PATH
// /usr/local/cuda/lib64/stubs in NVIDIA's devel Dockerfile). conda-build passes only listed variables
// into the build: `build: script_env:` in meta.yaml (conda-build docs, "Define metadata").
import type { RuleInput } from '../../schema.js';

export const libcudaStubMissing: RuleInput = {
  id: 'cuda/libcuda-stub-missing',
  title: 'CUDA_HOME has no stub libcuda (conda nvcc activation failed)',
  severity: 'error',
  match: [
    {
      // `File /opt/conda/conda-bld/…/_h_env_…/lib64/stubs/libcuda.so doesn't exist`
      literals: ["stubs/libcuda.so doesn't exist"],
      pattern: "File (?<home>\\S{1,600})/lib64/stubs/libcuda\\.so doesn't exist",
    },
  ],
  context: [{ name: 'condaBuild', literals: ['conda-bld', 'conda_build', 'conda-build', 'mambabuild'] }],
  scope: 'step',
  specificity: 3,
  message:
    'conda-forge\'s `nvcc` package needs CUDA_HOME to be a full CUDA toolkit and found none: `{home|CUDA_HOME}` has no ' +
    '`lib64/stubs/libcuda.so` (the stub it links programs against instead of the driver). That package wraps a toolkit ' +
    'installed outside conda; it does not bring one.',
  fix: [
    'Point CUDA_HOME at a full toolkit before the build (an nvidia/cuda `-devel` image has one in `/usr/local/cuda`), and check:',
    '',
    '```sh',
    'export CUDA_HOME=/usr/local/cuda',
    'ls "$CUDA_HOME/lib64/stubs/libcuda.so" && "$CUDA_HOME/bin/nvcc" --version',
    '```',
    '',
    'The toolkit\'s release must be the one the `nvcc` package was made for (its activation also checks the version).',
  ].join('\n'),
  variants: [
    {
      when: 'condaBuild',
      message:
        'conda-forge\'s `nvcc` package stopped the build: CUDA_HOME inside conda-build pointed into the build\'s own ' +
        'environment (the path in the evidence), which has no `lib64/stubs/libcuda.so`, so it is not a CUDA toolkit. That package wraps a ' +
        'toolkit installed outside conda, and conda-build passes CUDA_HOME into the build only when the recipe lists it.',
      fix: [
        'Build in an image with a full toolkit (nvidia/cuda `-devel`: `/usr/local/cuda`), set CUDA_HOME to it and let',
        'conda-build pass it through, in the recipe\'s `meta.yaml`:',
        '',
        '```yaml',
        'build:',
        '  script_env:',
        '    - CUDA_HOME',
        '```',
        '',
        'and before `conda build`: `export CUDA_HOME=/usr/local/cuda` (check `ls "$CUDA_HOME/lib64/stubs/libcuda.so"`). The',
        'toolkit\'s release must be the one the `nvcc` package was made for.',
      ].join('\n'),
    },
  ],
  docs: 'https://github.com/conda-forge/nvcc-feedstock',
};
