// `Failed to initialize NVML: Unknown Error` from nvidia-smi (or any NVML user) inside a container: the driver's
// libraries are in the container, but the container may not open the GPU device nodes. Two ways to get there,
// both on the host, never in the image:
// - The container never had the devices: it was started with `--gpus` only, through Docker's built-in GPU request,
//   and the host's Docker was not set up to run it through the NVIDIA runtime. Starting it with
//   `--runtime=nvidia --gpus=all` after `nvidia-ctk runtime configure --runtime=docker` and a restart of Docker fixed it
//   (pytorch/pytorch#184277, a re-provisioned B200 host; the commands: NVIDIA Container Toolkit install guide, and its
//   own check `docker run --rm --runtime=nvidia --gpus all ubuntu nvidia-smi`).
// - The container had the GPU and lost it: with systemd managing the container's cgroups, a `systemctl daemon-reload`
//   (a package upgrade runs one) drops the device rules the toolkit set up. NVIDIA's notice (NVIDIA/nvidia-docker#1730,
//   NVIDIA/nvidia-container-toolkit#48): the container must be deleted and started again; to prevent it, create the
//   `/dev/char` symlinks runc needs (`nvidia-ctk system create-dev-char-symlinks --create-all`, with a udev rule so it
//   survives a reboot), or let Docker manage cgroups itself (`"exec-opts": ["native.cgroupdriver=cgroupfs"]` in
//   /etc/docker/daemon.json; NVIDIA/nvidia-docker#1730, dstackai/dstack#2601).
// Not this rule: `NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver` (no driver loaded) and
// `Failed to initialize NVML: Driver/library version mismatch` (a driver upgraded without a reboot): other errors.
import type { RuleInput } from '../../schema.js';
import { HOST_GPU_CHECK, RUN_COMMAND_CONTEXT } from './run-command.js';

const GUIDE = 'https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/install-guide.html';

const CONFIGURE = [
  '```sh',
  'sudo nvidia-ctk runtime configure --runtime=docker',
  'sudo systemctl restart docker',
  '```',
].join('\n');

const LOST_GPU = [
  'If the same container had the GPU before and lost it while running, systemd reloaded its cgroups (`systemctl daemon-reload`,',
  'run by package upgrades) and dropped its device rules: delete the container and start it again, and to prevent it run',
  '`sudo nvidia-ctk system create-dev-char-symlinks --create-all` (https://github.com/NVIDIA/nvidia-docker/issues/1730 gives the udev rule that keeps it',
  'after a reboot), or set `"exec-opts": ["native.cgroupdriver=cgroupfs"]` in `/etc/docker/daemon.json`.',
].join('\n');

export const nvmlUnknownError: RuleInput = {
  id: 'runtime/nvml-unknown-error',
  title: 'The container cannot use the GPU (NVML: Unknown Error)',
  severity: 'error',
  match: [
    // `root@dcaedd872da8:/# nvidia-smi` → `Failed to initialize NVML: Unknown Error`
    { literals: ['Failed to initialize NVML: Unknown Error'] },
  ],
  context: [
    RUN_COMMAND_CONTEXT,
    { name: 'nvidiaRuntime', literals: ['--runtime=nvidia', '--runtime nvidia', 'nvidia-docker run'] },
  ],
  scope: 'step',
  specificity: 3,
  variants: [
    {
      when: 'enrich.runGpus&!nvidiaRuntime',
      title: 'GPU requested with --gpus, not through the NVIDIA runtime (NVML: Unknown Error)',
      message:
        'The driver\'s libraries are in the container, but NVML may not open the GPU devices. The container was started with `--gpus` ' +
        'alone, through Docker\'s built-in GPU request, not the NVIDIA runtime; on a host whose Docker is not set up for that runtime ' +
        'the devices are not usable inside. The image is not the cause.',
      fix: [
        `On the host that runs Docker, with the NVIDIA Container Toolkit installed (${GUIDE}), register its runtime and restart Docker:`,
        '',
        CONFIGURE,
        '',
        `then start the container through it: the same \`docker run\` with \`--runtime=nvidia\` before \`--gpus\` (the toolkit's check: \`${HOST_GPU_CHECK}\`).`,
        '',
        LOST_GPU,
      ].join('\n'),
    },
  ],
  message:
    'The driver\'s libraries are in the container, but NVML may not open the GPU devices: the container was not given access to them, ' +
    'or it had it and lost it. The image is not the cause.',
  fix: [
    `On the host that runs Docker, with the NVIDIA Container Toolkit installed (${GUIDE}), check that Docker runs containers through`,
    `its runtime: \`${HOST_GPU_CHECK}\` must list the GPU. If it does not, register the runtime and restart Docker:`,
    '',
    CONFIGURE,
    '',
    'and start the container with `--runtime=nvidia --gpus all`.',
    '',
    LOST_GPU,
  ].join('\n'),
  enrich: 'run-command',
  docs: 'https://github.com/NVIDIA/nvidia-docker/issues/1730',
};
