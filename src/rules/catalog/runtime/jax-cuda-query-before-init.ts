// jaxlib 0.4.26 added a check of each GPU's compute capability when JAX starts its CUDA backend (jax/_src/xla_bridge.py,
// `make_gpu_client`: `_check_cuda_compute_capability(devices_to_check)` for jaxlib >= 0.4.26), calling
// jaxlib/cuda/versions_helpers.cc `CudaComputeCapability`, which asks the driver for
// `GPU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR` without calling cuInit first. When JAX is told which devices to use
// (`jax_cuda_visible_devices` set, which `jax.distributed.initialize()` also does for each process, e.g. on Slurm), it skips
// the device count (`cuda_device_count()`, the only call that ran cuInit), so the query fails with
// `CUDA_ERROR_NOT_INITIALIZED`, JAX prints `CUDA backend failed to initialize: jaxlib/cuda/versions_helpers.cc:90:
// operation gpuDeviceGetAttribute( &major, GPU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device) failed:
// CUDA_ERROR_NOT_INITIALIZED` and runs on the CPU: a JAX bug, not the GPU or the driver (jax-ml/jax#20711,
// `jax.distributed.initialize()`; jax-ml/jax#20722, `jax.config.update("jax_cuda_visible_devices", "0")`, both on
// jax 0.4.26 / jaxlib 0.4.26+cuda12.cudnn89). Fixed by jax-ml/jax#20588 ("Call cuInit before querying compute
// capability", commit c97d955, first in jaxlib 0.4.27: versions_helpers.cc calls `gpuInit(0)` before the query), so a later
// release cannot print this line. The check runs only in the monolithic `+cuda` jaxlib's backend (`make_gpu_client`); the
// reporter of #20722 got the GPU back on 0.4.26 by installing the release's CUDA 12 plugin packages with it
// (`pip install jax[cuda12]==0.4.26 jaxlib==0.4.26+cuda12.cudnn89 -f https://storage.googleapis.com/jax-releases/jax_cuda_releases.html`).
// Without the flag, `CUDA_VISIBLE_DEVICES` chooses the devices in CUDA itself and JAX counts them (cuInit runs).
// Install extras: JAX's setup.py has `jax[cuda12]` (jaxlib, `jax-cuda12-plugin` and the `nvidia-*-cu12` wheels of one
// release; so in 0.4.26's setup.py already) and `jax[cuda13]` since 0.7.0 (setup.py at the jax-v0.7.0 tag); JAX's installation docs (docs.jax.dev/en/latest/installation.html) recommend
// `pip install --upgrade "jax[cuda13]"` from 0.8.0 (driver >= 580 on Linux; CUDA 12 needs >= 525), `jax[cuda12]` still offered.
// A cuInit that itself fails (`failed call to cuInit: … CUDA_ERROR_NOT_INITIALIZED`) is runtime/cuda-driver-init-failed's.
import type { RuleInput } from '../../schema.js';

const LOOK = [
  'See which jax and jaxlib this environment has (a jaxlib of 0.4.26, `+cuda12…` in its version, is the one with this bug):',
  '',
  '```sh',
  'pip list 2>/dev/null | grep -iE "^(jax|jaxlib|jax-cuda)"',
  '```',
];

const UPGRADE = [
  'Move to a JAX release with the fix (jaxlib 0.4.27 and later initialise CUDA before the check, jax-ml/jax#20588), installed with the extra ' +
    'that brings jaxlib and the CUDA plugin of the same release:',
  '',
  '```sh',
  'pip install --upgrade "jax[cuda12]"',
  '```',
  '',
  '(`"jax[cuda13]"` is the extra JAX\'s install docs recommend from jax 0.8.0; it needs NVIDIA driver 580 or newer.) Then check that JAX sees the GPU ' +
    '(`CudaDevice` / `cuda(id=0)`, not `CpuDevice`):',
  '',
  '```sh',
  'python -c "import jax; print(jax.devices())"',
  '```',
];

const STAY =
  'To stay on 0.4.26: the reporter of jax-ml/jax#20722 got the GPU back by installing the release\'s CUDA 12 plugin with it: ' +
  '`pip install "jax[cuda12]==0.4.26" "jaxlib==0.4.26+cuda12.cudnn89" -f https://storage.googleapis.com/jax-releases/jax_cuda_releases.html`.';

export const jaxCudaQueryBeforeInit: RuleInput = {
  id: 'runtime/jax-cuda-query-before-init',
  title: 'jaxlib 0.4.26 asked the GPU for its compute capability before initialising CUDA, so JAX runs on the CPU',
  severity: 'error',
  match: [
    // `CUDA backend failed to initialize: jaxlib/cuda/versions_helpers.cc:90: operation gpuDeviceGetAttribute( &major, GPU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device) failed: CUDA_ERROR_NOT_INITIALIZED (Set …`
    {
      literals: ['GPU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR'],
      pattern: 'gpuDeviceGetAttribute\\( ?&major, GPU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device\\) failed: CUDA_ERROR_NOT_INITIALIZED',
    },
  ],
  context: [
    // `jax.config.update("jax_cuda_visible_devices", "0")` in the program (not the line jax.distributed logs)
    { name: 'visibleFlag', literals: ['jax_cuda_visible_devices'], pattern: 'config\\.update\\(\\s*["\']jax_cuda_visible_devices["\']|JAX_CUDA_VISIBLE_DEVICES=' },
    { name: 'distributed', literals: ['jax.distributed.initialize', 'JAX distributed initialized'] },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'JAX did not start its CUDA backend and runs on the CPU: this jaxlib (0.4.26, the release with this check) asked the driver for the ' +
    'GPU\'s compute capability before CUDA was initialised (`CUDA_ERROR_NOT_INITIALIZED`). It happens when JAX is told which GPUs to use ' +
    '(`jax_cuda_visible_devices`, which `jax.distributed.initialize()` also sets): a JAX bug, not a fault of the GPU or the driver.',
  fix: [...LOOK, '', ...UPGRADE, '', STAY].join('\n'),
  variants: [
    {
      when: 'visibleFlag',
      message:
        'JAX did not start its CUDA backend and runs on the CPU: with `jax_cuda_visible_devices` set, this jaxlib (0.4.26, the release with ' +
        'this check) asks the driver for the chosen GPU\'s compute capability before CUDA was initialised (`CUDA_ERROR_NOT_INITIALIZED`): ' +
        'a JAX bug, not a fault of the GPU or the driver.',
      fix: [
        ...LOOK,
        '',
        ...UPGRADE,
        '',
        STAY,
        'Or, without reinstalling, drop the `jax_cuda_visible_devices` setting and choose the GPU with `CUDA_VISIBLE_DEVICES=0` in the ' +
          'environment that starts Python: JAX then counts the devices, which initialises CUDA first.',
      ].join('\n'),
    },
    {
      when: 'distributed',
      message:
        'JAX did not start its CUDA backend and runs on the CPU: `jax.distributed.initialize()` gives each process its GPUs ' +
        '(`jax_cuda_visible_devices`), and this jaxlib (0.4.26, the release with this check) then asks the driver for their compute ' +
        'capability before CUDA was initialised (`CUDA_ERROR_NOT_INITIALIZED`): a JAX bug, not a fault of the GPUs or the driver.',
      fix: [...LOOK, '', ...UPGRADE, '', STAY].join('\n'),
    },
  ],
  docs: 'https://github.com/jax-ml/jax/pull/20588',
};
