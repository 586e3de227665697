// nvcc (or ptxas) rejecting a GPU architecture: the arch list does not fit the CUDA version of
// the toolkit. The `cuda-arches` enricher finds that version (nvcc --version in the step, the
// CMake compiler id, CUDA_VERSION, the stage's `nvidia/cuda:X.Y` image) and the arches it accepts.
import type { RuleInput } from '../../schema.js';

export const unsupportedArch: RuleInput = {
  id: 'cuda/unsupported-arch',
  title: 'GPU architecture not supported by this CUDA version',
  severity: 'error',
  match: [
    // nvcc ≥ 11: `nvcc fatal   : Unsupported gpu architecture 'compute_35'`
    { literals: ['Unsupported gpu architecture'], pattern: "Unsupported gpu architecture '(?<arch>[^']{1,200})'" },
    // nvcc ≤ 10 and ptxas: `nvcc fatal   : Value 'sm_89' is not defined for option 'gpu-architecture'`
    {
      literals: ['is not defined for option'],
      pattern: "Value '(?<arch>[^']{1,200})' is not defined for option '(?:gpu-architecture|gpu-name|gpu-code)'",
    },
    // clang as CUDA compiler: `error: unsupported CUDA gpu architecture: sm_35`
    { literals: ['unsupported CUDA gpu architecture'], pattern: 'unsupported CUDA gpu architecture: (?<arch>\\w{1,200})' },
  ],
  context: [
    { name: 'nvcc', literals: ['Cuda compilation tools, release'], pattern: 'release (?<cudaVersion>\\d{1,2}\\.\\d{1,2})' },
    {
      name: 'cmakeCompiler',
      literals: ['CUDA compiler identification is NVIDIA'],
      pattern: 'identification is NVIDIA (?<cudaVersion>\\d{1,2}\\.\\d{1,2})',
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message: 'nvcc rejected the GPU architecture {arch:all}. {enrich.verdict}',
  fix: [
    'Fix the arch list: {enrich.suggestion}. Where it is set:',
    '',
    '- PyTorch extensions: `ENV TORCH_CUDA_ARCH_LIST="8.0;8.6;9.0+PTX"` (compute capabilities, `+PTX` for forward compatibility)',
    '- CMake: `-DCMAKE_CUDA_ARCHITECTURES="80;86;90"` (or `all-major`, CMake ≥ 3.23; not `native`: an image build has no GPU to detect)',
    '- plain nvcc: `-gencode arch=compute_80,code=sm_80` or `-arch=sm_80`',
    '',
    'The arches a toolkit accepts: `nvcc --list-gpu-arch` in the build stage.',
  ].join('\n'),
  enrich: 'cuda-arches',
  docs: 'https://docs.nvidia.com/cuda/cuda-compiler-driver-nvcc/index.html#gpu-feature-list',
};
