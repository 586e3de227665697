// No CUDA compiler / toolkit where the build needs one: typically a `-runtime` or `-base` image
// (no nvcc) used for a stage that compiles. Optional probes (`-- Looking for a CUDA compiler -
// NOTFOUND`, `-- Could NOT find CUDA`) are status lines of projects that can build without CUDA:
// not matched; only the errors that stop a build are.
import type { RuleInput } from '../../schema.js';

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
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'The build needed the CUDA compiler but this stage has none. nvcc ships only in the `-devel` CUDA images ' +
    '(and the `cuda-nvcc-X-Y` / `cuda-toolkit-X-Y` packages); `-runtime` and `-base` images have no compiler. ' +
    '{enrich.stageNote}',
  fix: [
    'Compile in a `-devel` stage and copy the results into the runtime stage:',
    '',
    '```dockerfile',
    'FROM {enrich.develImage} AS builder',
    'ENV PATH=/usr/local/cuda/bin:${PATH} CUDA_HOME=/usr/local/cuda',
    '```',
    '',
    'If nvcc is installed but not found, name it: `ENV CUDACXX=/usr/local/cuda/bin/nvcc` or ' +
      '`cmake -DCMAKE_CUDA_COMPILER=/usr/local/cuda/bin/nvcc -DCUDAToolkit_ROOT=/usr/local/cuda …`.',
  ].join('\n'),
  enrich: 'cuda-version',
  docs: 'https://hub.docker.com/r/nvidia/cuda',
};
