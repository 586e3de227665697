// A build step that needs a GPU or a driver. By default BuildKit runs steps without GPUs (no `--gpus`
// for builds); CDI devices (BuildKit ≥ 0.20) are the exception, see build-gpu.ts. Only in a failed
// step: builds that merely print a driver warning and go on (apex's "Torch did not find available GPUs") are fine.
// `FORCE_CUDA=1`: read as `os.getenv("FORCE_CUDA", "0") == "1"` by torchvision, detectron2, mmcv and
// pytorch3d setup.py (fact check); not a general pip / CMake knob. The arch lists come from `arch-lists`:
// what the step asked for, kept where this build's toolkit accepts it.
import type { RuleInput } from '../../schema.js';
import { BUILD_GPU } from './build-gpu.js';

const MOVE_CHECKS = '- move device checks (`nvidia-smi`, `torch.cuda.is_available()`) to `docker run --gpus all IMAGE …` or a CI test step on a GPU runner;';

export const noGpuAtBuild: RuleInput = {
  id: 'cuda/no-gpu-at-build',
  title: 'Build step needs a GPU (the build has none)',
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
  message: `This step needs a GPU or the NVIDIA driver, and it had neither. ${BUILD_GPU}`,
  fix: [
    'Do not touch the GPU while building:',
    '',
    MOVE_CHECKS,
    '- compile CUDA code for named architectures instead of the detected device: TORCH_CUDA_ARCH_LIST for PyTorch extensions, ' +
      '`-DCMAKE_CUDA_ARCHITECTURES="…"` (quoted) rather than `native` for CMake, and `FORCE_CUDA=1` for torchvision, detectron2, mmcv and ' +
      'pytorch3d, which skip CUDA when they see no GPU. The log does not show the CUDA version, so which arches its nvcc takes is unknown here: ' +
      '`nvcc --list-gpu-arch` in the build stage lists them (`compute_86` → `8.6` / `86`).',
  ].join('\n'),
  variants: [
    {
      when: 'fact.cuda',
      fix: [
        'Do not touch the GPU while building:',
        '',
        MOVE_CHECKS,
        '- compile CUDA code for named architectures instead of the detected device; here, {enrich.archListBasis}:',
        '',
        '```dockerfile',
        'ENV TORCH_CUDA_ARCH_LIST="{enrich.torchArchList}"',
        '```',
        '',
        '  (`FORCE_CUDA=1` too for torchvision, detectron2, mmcv and pytorch3d, which skip CUDA when they see no GPU), ' +
          'and for CMake `-DCMAKE_CUDA_ARCHITECTURES="{enrich.cmakeArchList}"` (quoted) rather than `native`.',
      ].join('\n'),
    },
  ],
  enrich: ['cuda-version', 'arch-lists'],
  docs: 'https://docs.docker.com/build/building/cdi/',
};
