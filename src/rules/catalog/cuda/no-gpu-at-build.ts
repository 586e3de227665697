// A build step that needs a GPU or a driver. `docker build` runs steps without GPUs (there is no
// `--gpus` for builds), so anything that queries the device fails. Only in a failed step: builds
// that merely print a driver warning and go on (apex's "Torch did not find available GPUs") are fine.
import type { RuleInput } from '../../schema.js';

export const noGpuAtBuild: RuleInput = {
  id: 'cuda/no-gpu-at-build',
  title: 'Build step needs a GPU (builds have none)',
  severity: 'error',
  match: [
    // torch: `RuntimeError: Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver …`
    { literals: ['Found no NVIDIA driver on your system'] },
    { literals: ['No CUDA GPUs are available', 'no CUDA-capable device is detected', 'cudaErrorNoDevice', 'CUDA_ERROR_NO_DEVICE'] },
    // `CUDA driver version is insufficient for CUDA runtime version` (cudaErrorInsufficientDriver): no driver at all, in a build
    { literals: ['CUDA driver version is insufficient for CUDA runtime version', 'The NVIDIA driver on your system is too old'] },
    { literals: ["NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver"] },
    // CMake ≥ 3.24: `CUDA_ARCHITECTURES is set to "native", but no GPU was detected.` (HIP alike)
    { literals: ['is set to "native", but no GPU was detected'] },
    // an assertion on the device: `assert torch.cuda.is_available(), 'CUDA not available'` in a traceback
    { literals: ['torch.cuda.is_available()'], pattern: '\\bassert\\b[^\\n]{0,200}torch\\.cuda\\.is_available\\(\\)' },
    { literals: ['AssertionError: '], pattern: 'AssertionError: [^\\n]{0,200}\\b(?:CUDA|GPU|cuda|gpu)s? (?:is |are )?(?:not available|unavailable)' },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'This step needs a GPU or the NVIDIA driver, and image builds have neither: `docker build` runs every step without ' +
    'GPUs (there is no `--gpus` for builds), so the driver library and the device are missing.',
  fix: [
    'Do not touch the GPU while building:',
    '',
    '- move device checks (`nvidia-smi`, `torch.cuda.is_available()`) to `docker run --gpus all IMAGE …` or a CI test step;',
    '- compile CUDA code for explicit architectures instead of the detected device: `ENV TORCH_CUDA_ARCH_LIST="8.0;8.6;9.0+PTX"` ' +
      '(and `FORCE_CUDA=1` for projects that skip CUDA when no GPU is seen), `-DCMAKE_CUDA_ARCHITECTURES=80;86;90` rather than `native`.',
  ].join('\n'),
  docs: 'https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/docker-specialized.html',
};
