// nvidia-smi started and its loader found no NVML library: `NVIDIA-SMI couldn't find libnvidia-ml.so library in your system.
// Please make sure that the NVIDIA Display Driver is properly installed and present in your system.` NVML (libnvidia-ml.so.1)
// is part of the driver's user-space, installed with the driver on a machine. In a container it is the host's: the NVIDIA
// Container Toolkit mounts the driver's libraries and nvidia-smi into a container started with GPUs (driver capability
// `utility`, "required for using nvidia-smi and NVML": the toolkit's "Specialized Configurations with Docker" page; `--gpus`
// gives `utility,compute` when the image names none) and refreshes the container's loader cache. So where it ran decides:
// - a container: the library was not mounted (started without `--gpus` / the NVIDIA runtime, while the image ships an
//   nvidia-smi of its own), or it was mounted as `libnvidia-ml.so.<driver>` and the image's links or loader cache do not
//   lead `libnvidia-ml.so.1` to it. warmshao/FasterLivePortrait#8 (2024-07, container with GPUs, nvidia-smi fine on the host):
//   the maintainer's fix, confirmed by the reporter, was `ln -sf …/libnvidia-ml.so.<driver> …/libnvidia-ml.so.1` (and the same
//   for libcuda.so.1); NVIDIA/nvidia-docker#1163 and NVIDIA/libnvidia-container#67: `ldconfig` in the container fixed it.
// - a machine: the driver is not installed (or only part of it). NVIDIA/nvidia-docker#876 (maintainer): an empty
//   `ldconfig -p` "points rather heavily to a driver install".
// `ls -l /usr/lib/x86_64-linux-gnu/libnvidia-ml.so*` shows what the container has (the toolkit mounts into the image's
// library directory: FasterLivePortrait#8's listing); `ldconfig -p | grep libnvidia-ml` what the loader knows.
// Not this rule: `NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver` (the library is there, the
// kernel driver is not: cuda/no-gpu-at-build, runtime/nvidia-driver-not-loaded).
import type { RuleInput } from '../../schema.js';
import { HOST_GPU_CHECK } from './run-command.js';

const DRIVER_GUIDE = 'https://docs.nvidia.com/datacenter/tesla/driver-installation-guide/';

/** What the container has, and the two ways out: links / loader cache, or a start with GPUs. */
const IN_CONTAINER = [
  'Inside the container:',
  '',
  '```sh',
  'ls -l /usr/lib/x86_64-linux-gnu/libnvidia-ml.so* /usr/lib/x86_64-linux-gnu/libcuda.so*   # what the toolkit mounted',
  'ldconfig -p | grep libnvidia-ml                                                         # what the loader finds',
  '```',
  '',
  '- A `libnvidia-ml.so.` file named after the driver\'s version is there (the mount): the image\'s links or loader cache are stale. Run `ldconfig` ' +
    'in the container, or point the link at the mounted file, then `nvidia-smi` again:',
  '',
  '  ```sh',
  '  ldconfig && nvidia-smi',
  '  # or, by hand (the same for libcuda.so.1):',
  '  cd /usr/lib/x86_64-linux-gnu && ln -sf "$(ls libnvidia-ml.so.*.* | head -n 1)" libnvidia-ml.so.1',
  '  ```',
  '',
  '  For good, remove from the image whatever ships its own `libnvidia-ml.so.1` / `libcuda.so.1` links, and rebuild it.',
  '- No `libnvidia-ml.so.*` at all: the container got no driver. Start it with `--gpus all` (compose: a `deploy.resources.reservations.devices` ' +
    `entry with \`capabilities: [gpu]\`) on a host with the NVIDIA driver and the NVIDIA Container Toolkit; the toolkit's check of the host is \`${HOST_GPU_CHECK}\`.`,
].join('\n');

const ON_MACHINE =
  `On a machine (not a container): the NVIDIA driver is not installed, or only in part. Check that it has an NVIDIA GPU (\`lspci | grep -i nvidia\`), ` +
  `then install the driver the way its distribution does (${DRIVER_GUIDE}) and reboot.`;

export const nvmlLibraryMissing: RuleInput = {
  id: 'runtime/nvml-library-missing',
  title: 'nvidia-smi found no libnvidia-ml.so (the driver\'s NVML library)',
  severity: 'error',
  match: [
    // `NVIDIA-SMI couldn't find libnvidia-ml.so library in your system. Please make sure that the NVIDIA Display Driver is …`
    { literals: ["NVIDIA-SMI couldn't find libnvidia-ml.so library"] },
  ],
  scope: 'step',
  specificity: 3,
  message:
    '`nvidia-smi` ran, but the loader found no `libnvidia-ml.so.1`, the NVML library of the NVIDIA driver. On a machine it comes with the driver; ' +
    'in a container it is the host\'s, mounted by the NVIDIA Container Toolkit when the container starts with GPUs. The log does not show which of the two this was.',
  fix: [IN_CONTAINER, '', ON_MACHINE].join('\n'),
  variants: [
    {
      when: 'fact.place=docker-run',
      title: 'The container cannot load the driver\'s libnvidia-ml.so (NVML)',
      message:
        '`nvidia-smi` ran in the container, but the loader found no `libnvidia-ml.so.1`. That library is the host driver\'s: the NVIDIA Container Toolkit ' +
        'mounts it (a file named after the driver\'s version) into a container started with GPUs. Either it was not mounted (no `--gpus`), or it was and the ' +
        'image\'s links or loader cache do not lead to it. The host\'s driver is not the cause when `nvidia-smi` works on the host.',
      fix: IN_CONTAINER,
    },
    {
      when: 'fact.place=host-shell',
      title: 'No NVIDIA driver library (libnvidia-ml.so) on this machine',
      message:
        '`nvidia-smi` ran, but the loader found no `libnvidia-ml.so.1`, the NVML library that comes with the NVIDIA driver: the driver is not installed on this machine, or only in part.',
      fix: [
        '```sh',
        'lspci | grep -i nvidia            # the GPU on the PCI bus',
        'ldconfig -p | grep libnvidia-ml   # empty: no driver user-space installed',
        '```',
        '',
        `Install the NVIDIA driver the way the distribution does (${DRIVER_GUIDE}), reboot, and \`nvidia-smi\` must list the GPU. ` +
          'If this shell is in fact inside a container, the driver comes from the host instead: start the container with `--gpus all` ' +
          `(the toolkit's check: \`${HOST_GPU_CHECK}\`), and run \`ldconfig\` in it when a \`libnvidia-ml.so.*\` file is there.`,
      ].join('\n'),
    },
  ],
  docs: 'https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/docker-specialized.html',
};
