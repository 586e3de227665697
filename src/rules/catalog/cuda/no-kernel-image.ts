// Kernels built for other GPUs than the one running them: the arch list (or the torch wheel)
// does not include the device's compute capability.
import type { RuleInput } from '../../schema.js';

export const noKernelImage: RuleInput = {
  id: 'cuda/no-kernel-image',
  title: 'No kernel image for this GPU',
  severity: 'error',
  match: [
    // `RuntimeError: CUDA error: no kernel image is available for execution on the device`
    { literals: ['no kernel image is available for execution on the device'] },
    { literals: ['cudaErrorNoKernelImageForDevice', 'CUDA_ERROR_NO_BINARY_FOR_GPU'] },
    // torch's warning: `NVIDIA GeForce RTX 5090 with CUDA capability sm_120 is not compatible with the current PyTorch installation.`
    {
      literals: ['is not compatible with the current PyTorch installation'],
      pattern: 'with CUDA capability (?<arch>sm_\\w{1,200}) is not compatible',
    },
  ],
  context: [
    {
      name: 'supported',
      literals: ['The current PyTorch install supports CUDA capabilities'],
      pattern: 'supports CUDA capabilities (?<list>sm_[\\w ]{0,200}[\\w])',
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'The GPU has no compiled kernel in this build: the code was compiled for other architectures than the device’s (and without PTX for ' +
    'the driver to JIT-compile).',
  fix: [
    'Include the device’s compute capability when compiling, with `+PTX` for newer GPUs:',
    '',
    '```dockerfile',
    'ENV TORCH_CUDA_ARCH_LIST="8.0;8.6;8.9;9.0+PTX"',
    '```',
    '',
    '(`-DCMAKE_CUDA_ARCHITECTURES=…` for CMake projects). For torch itself, install a wheel built for the GPU ' +
      '(`pip install torch --index-url https://download.pytorch.org/whl/cu128` for Blackwell, sm_120). ' +
      'Find the capability with `nvidia-smi --query-gpu=compute_cap --format=csv` on the machine that runs it.',
  ].join('\n'),
  variants: [
    {
      when: 'supported',
      message:
        'This torch has no kernels for the GPU’s {arch:all}: it supports {context.supported.list} only. Install a torch build whose arch list ' +
        'includes the device, or build it with that arch in TORCH_CUDA_ARCH_LIST.',
    },
  ],
  docs: 'https://docs.nvidia.com/cuda/cuda-c-programming-guide/index.html#binary-compatibility',
};
