// No CUDA compiler / toolkit where the build needs one: typically a `-runtime` or `-base` image
// (no nvcc) used for a stage that compiles. Optional probes (`-- Looking for a CUDA compiler -
// NOTFOUND`, `-- Could NOT find CUDA`) are status lines of projects that can build without CUDA:
// not matched; only the errors that stop a build are.
// The fix names the `-devel` image of the same CUDA / cuDNN / OS as the stage (cuda-version's develImage,
// withFlavour of the base image), in a Dockerfile only for image builds. CUDACXX, -DCMAKE_CUDA_COMPILER
// and -DCUDAToolkit_ROOT: CMake's variables (FindCUDAToolkit.cmake and cmake-env-variables, CMake 3.25).
// nvcc's apt packages: cuda-nvcc-X-Y / cuda-toolkit-X-Y (NVIDIA repository; cuda-minimal-build pulls nvcc
// in NVIDIA's devel Dockerfile).
import type { RuleInput } from '../../schema.js';

const ENV_LINE = 'ENV PATH=/usr/local/cuda/bin:${PATH} CUDA_HOME=/usr/local/cuda';
const NAME_IT =
  'If nvcc is installed but not found, name it: `ENV CUDACXX=/usr/local/cuda/bin/nvcc` or ' +
  '`cmake -DCMAKE_CUDA_COMPILER=/usr/local/cuda/bin/nvcc -DCUDAToolkit_ROOT=/usr/local/cuda …`.';

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
    // torch.utils.cpp_extension with CUDA_HOME pointing at a toolkit without nvcc
    { literals: ["bin/nvcc'", "bin\\\\nvcc.exe'"], pattern: "No such file or directory: '(?<path>[^']{0,200}nvcc(?:\\.exe)?)'" },
    // apex: `RuntimeError: --cuda_ext was requested, but nvcc was not found.` (flash-attn's UserWarning with the same words is not an error)
    { literals: ['nvcc was not found'], pattern: 'Error: [^\\n]{0,200}nvcc was not found' },
  ],
  context: [{ name: 'windows', literals: ["'nvcc' is not recognized", 'nvcc.exe'] }],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'The build needed the CUDA compiler but found none. nvcc ships in the `-devel` CUDA images (and NVIDIA\'s `cuda-nvcc` / `cuda-toolkit` ' +
    'apt packages of each release); `-runtime` and `-base` images have no compiler. {enrich.stageNote}',
  fix: [
    'Install the CUDA toolkit of the release the build targets (with `bin/nvcc`), then put it on PATH in the shell that builds:',
    '',
    '```sh',
    'ls -d /usr/local/cuda*/bin/nvcc',
    'export CUDA_HOME=/usr/local/cuda',
    'export PATH="$CUDA_HOME/bin:$PATH"',
    'nvcc --version',
    '```',
    '',
    'CMake also takes the compiler directly: `cmake -DCMAKE_CUDA_COMPILER=/usr/local/cuda/bin/nvcc -DCUDAToolkit_ROOT=/usr/local/cuda …`.',
  ].join('\n'),
  variants: [
    {
      when: 'windows',
      fix:
        'Install the CUDA toolkit and build from a shell where `nvcc --version` works (the toolkit\'s `bin` directory on PATH), ' +
        'or pass the compiler to CMake by its full path: `-DCMAKE_CUDA_COMPILER=` followed by the path of `nvcc.exe` (`where nvcc` prints it where it is on PATH).',
    },
    {
      when: 'fact.place=image-build&fact.imageFlavour',
      fix: [
        'Compile in the `-devel` image of the same CUDA release and copy the results into the runtime stage:',
        '',
        '```dockerfile',
        'FROM {enrich.develImage} AS builder',
        ENV_LINE,
        '```',
        '',
        NAME_IT,
      ].join('\n'),
    },
    {
      when: 'fact.place=image-build',
      fix: [
        'Compile in a `-devel` CUDA image (the log does not show which CUDA release this stage has: `cat /usr/local/cuda/version.json` or the base image tag tells it; ' +
          'pick the `-devel` tag of that release at https://hub.docker.com/r/nvidia/cuda/tags) and put nvcc on PATH:',
        '',
        '```dockerfile',
        ENV_LINE,
        '```',
        '',
        NAME_IT,
      ].join('\n'),
    },
  ],
  enrich: 'cuda-version',
  docs: 'https://hub.docker.com/r/nvidia/cuda',
};
