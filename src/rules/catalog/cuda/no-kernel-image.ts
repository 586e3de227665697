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
    'Find the GPU\'s compute capability on the machine that runs the code (`nvidia-smi --query-gpu=compute_cap --format=csv`) and compile for it: ' +
      'add it to TORCH_CUDA_ARCH_LIST (`8.9` style) or `-DCMAKE_CUDA_ARCHITECTURES="…"` (`89` style), with `+PTX` on the newest entry so newer GPUs can JIT-compile it. ' +
      'The toolkit must accept it: `nvcc --list-gpu-arch` in the build stage lists what it compiles. For torch itself, install a build whose arch list has the GPU ' +
      '(`python3 -c "import torch; print(torch.cuda.get_arch_list())"` on that machine prints it).',
  ].join('\n'),
  variants: [
    {
      when: 'supported&fact.cuda',
      message:
        'This torch has no kernels for the GPU’s {arch:all}: it supports {context.supported.list} only. {enrich.verdict}',
      fix:
        'Use a torch whose arch list includes the device: {enrich.wheelAdvice|a torch build (or a source build with the device in TORCH_CUDA_ARCH_LIST) for a CUDA release that compiles it}. ' +
        'Check on the machine with the GPU: `python3 -c "import torch; print(torch.cuda.get_arch_list())"`.',
    },
    {
      // the CUDA of this torch unknown: the first CUDA release whose nvcc compiles the GPU, and PyTorch's wheels for it (cuda-arches)
      when: 'supported&enrich.wheelAdvice',
      message:
        'This torch has no kernels for the GPU’s {arch:all}: it supports {context.supported.list} only. Install a torch build whose arch list ' +
        'includes the device.',
      fix:
        'Use a torch whose arch list includes the device: {enrich.wheelAdvice}. Then check on the machine with the GPU: ' +
        '`python3 -c "import torch; print(torch.cuda.get_arch_list())"`.',
    },
    {
      when: 'supported',
      message:
        'This torch has no kernels for the GPU’s {arch:all}: it supports {context.supported.list} only. Install a torch build whose arch list ' +
        'includes the device, or build it with that arch in TORCH_CUDA_ARCH_LIST.',
      fix:
        'Install a torch built for a CUDA release that compiles {arch:all} (`nvcc --list-gpu-arch` of a toolkit lists what it compiles; PyTorch lists its wheel indexes per ' +
        'release at https://pytorch.org/get-started/previous-versions/), then check on the machine with the GPU: `python3 -c "import torch; print(torch.cuda.get_arch_list())"`.',
    },
    {
      when: 'fact.cuda',
      fix: [
        'Compile for the GPU that runs the code: its compute capability (`nvidia-smi --query-gpu=compute_cap --format=csv` on that machine) must be in the list. ' +
          'Here, {enrich.archListBasis}:',
        '',
        '```dockerfile',
        'ENV TORCH_CUDA_ARCH_LIST="{enrich.torchArchList}"',
        '```',
        '',
        '(CMake: `-DCMAKE_CUDA_ARCHITECTURES="{enrich.cmakeArchList}"`). `+PTX` on the newest entry lets newer GPUs JIT-compile it. If the capability is not in ' +
          '`nvcc --list-gpu-arch`, the toolkit is too old for the GPU.',
      ].join('\n'),
    },
  ],
  enrich: ['cuda-arches', 'arch-lists'],
  docs: 'https://docs.nvidia.com/cuda/cuda-c-programming-guide/index.html#binary-compatibility',
};
