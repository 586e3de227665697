// The NVIDIA Container Toolkit found no NVIDIA kernel driver on the host as a container started with GPUs:
// `nvidia-container-cli: initialization error: nvml error: driver not loaded: unknown.` NVML's error 9,
// NVML_ERROR_DRIVER_NOT_LOADED, "NVIDIA driver is not loaded" (nvml.h; cuda.bindings.nvml.Return), returned by nvmlInit when
// the kernel module is not there: never installed for the running kernel, lost to a kernel update that no DKMS build followed,
// or unloaded. lightgbm-org/LightGBM#4610: a self-hosted GPU runner of the project's CI; the maintainers' way out (LightGBM#4606)
// was updating the driver and rebooting. nvidia-smi's own answer on such a host is `NVIDIA-SMI has failed because it couldn't
// communicate with the NVIDIA driver` (cuda/no-gpu-at-build reads that wording). `lsmod | grep nvidia` lists the loaded modules,
// `modprobe nvidia` loads one, `dkms status` lists the module builds per kernel (DKMS), `uname -r` names the running kernel.
import type { RuleInput } from '../../schema.js';

export const nvidiaDriverNotLoaded: RuleInput = {
  id: 'runtime/nvidia-driver-not-loaded',
  title: 'NVIDIA kernel driver not loaded on the host',
  severity: 'error',
  match: [
    // `nvidia-container-cli: initialization error: nvml error: driver not loaded: unknown.`
    { literals: ['nvml error: driver not loaded'] },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'The NVIDIA Container Toolkit (`nvidia-container-cli`, which runs on the host as a container starts with GPUs) found no NVIDIA kernel ' +
    'driver loaded (NVML: "NVIDIA driver is not loaded"). The host\'s driver is missing or not loaded for the running kernel: not installed, ' +
    'or a kernel update booted a kernel the module was never built for. The image is not the cause.',
  fix: [
    'On the host that runs Docker (for a CI job, the runner\'s machine):',
    '',
    '```sh',
    'nvidia-smi                          # "couldn\'t communicate with the NVIDIA driver": no module loaded',
    'lsmod | grep nvidia                 # empty: the module is not loaded',
    'uname -r; dkms status               # the running kernel, and the kernels the nvidia module was built for',
    'sudo modprobe nvidia && nvidia-smi  # load it; an error here says why (no module for this kernel, Secure Boot)',
    '```',
    '',
    '- No module for the running kernel (a kernel update): rebuild it (`sudo dkms autoinstall`) or reinstall the driver package for this kernel, then reboot.',
    '- No driver installed: install it the way the distribution does (https://docs.nvidia.com/datacenter/tesla/driver-installation-guide/), then reboot.',
    '- `modprobe` refused with "Key was rejected by service": Secure Boot; enroll the module\'s key (the driver installer offers it) or sign the module.',
    '',
    'Then the toolkit\'s check: `docker run --rm --gpus all ubuntu nvidia-smi` must list the GPU.',
  ].join('\n'),
  docs: 'https://docs.nvidia.com/deploy/nvml-api/group__nvmlReturn.html',
};
