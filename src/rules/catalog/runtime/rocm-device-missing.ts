// A container asked for the AMD GPU's compute device, /dev/kfd (`docker run --device=/dev/kfd`, compose `devices: - /dev/kfd`),
// and the machine the Docker daemon runs on has none:
//   `Error response from daemon: error gathering device information while adding custom device "/dev/kfd": no such file or directory`
// (hydrian/stable-diffusion-webui-rocm#17: `docker-compose up` on Windows 11 with the HIP SDK; the maintainer: "The /dev/kfd
// device file is created when ROCm is installed and the module is loaded correctly on the docker host. If the device is not
// showing up, you probably need to look at your host's ROCm install.").
// Sources of the advice:
// - ROCm's "Running ROCm Docker containers" (rocm.docs.amd.com/projects/install-on-linux/en/latest/how-to/docker.html):
//   "Docker containers share the kernel with the host OS. Therefore, the ROCm kernel-mode driver (amdgpu-dkms) must be
//   installed on the host"; /dev/kfd is "the main compute interface, shared by all GPUs", /dev/dri holds a render node per
//   GPU; the run line `docker run --device /dev/kfd --device /dev/dri --security-opt seccomp=unconfined <image>`. The image
//   brings ROCm's user space; only the kernel driver comes from the host (the 5.3 page: "The other user-space parts … will be
//   loaded from the container image and don't need to be installed to the host").
// - rocminfo prints `ROCk module is loaded` / `ROCk module is NOT loaded, possibly no GPU devices` (ROCm/ROCm#1249: WSL 2,
//   no /dev/kfd): whether the amdgpu kernel module (KFD) is there; `lsmod` shows it on the host.
// Docker Desktop (Windows, macOS) runs the daemon in its own Linux VM, which has no amdgpu driver, so no /dev/kfd.
// Not this rule: a device the container has but may not open (`Unable to open /dev/kfd read-write: Permission denied`,
// runtime/rocm-device-permission), and the same daemon error on another device (the nomatch fixture).
import type { RuleInput } from '../../schema.js';

const ROCM_DOCKER_DOCS = 'https://rocm.docs.amd.com/projects/install-on-linux/en/latest/how-to/docker.html';

export const rocmDeviceMissing: RuleInput = {
  id: 'runtime/rocm-device-missing',
  title: 'No AMD GPU compute device (/dev/kfd) where the container engine runs',
  severity: 'error',
  match: [
    // `Error response from daemon: error gathering device information while adding custom device "/dev/kfd": no such file or directory`
    {
      literals: ['while adding custom device "/dev/kfd"'],
      pattern: 'error gathering device information while adding custom device "(?<device>/dev/kfd)": no such file or directory',
    },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'The container asked for `{device}`, the AMD GPU\'s compute device (ROCm), and it does not exist on the machine the Docker daemon runs on: ' +
    'the amdgpu kernel driver (with its KFD part) is not loaded there, or that machine is not the Linux host with the GPU (Docker Desktop on ' +
    'Windows or macOS runs the daemon in its own Linux VM, which has no AMD GPU driver).',
  fix: [
    'On the Linux host with the AMD GPU, see whether the driver made the devices:',
    '',
    '```sh',
    'ls -l /dev/kfd /dev/dri/renderD*',
    'lsmod | grep amdgpu',
    'sudo dmesg | grep -i -E "amdgpu|kfd" | tail -n 20',
    '```',
    '',
    '- No `amdgpu` module, or no /dev/kfd: install the ROCm kernel driver (`amdgpu-dkms`) on the host following ROCm\'s install guide for its ' +
      'distribution, reboot, and check `ls -l /dev/kfd` again. Containers share the host\'s kernel: the image brings ROCm\'s user space, the ' +
      'driver must be the host\'s.',
    '- Docker Desktop on Windows or macOS: its VM has no /dev/kfd; run the container with Docker Engine on a Linux host with the GPU.',
    '',
    'Then start it with both devices, as before: `docker run --device=/dev/kfd --device=/dev/dri …`, or in a compose service ' +
      `\`devices: [/dev/kfd, /dev/dri]\` (ROCm's page: ${ROCM_DOCKER_DOCS}).`,
  ].join('\n'),
  docs: ROCM_DOCKER_DOCS,
};
