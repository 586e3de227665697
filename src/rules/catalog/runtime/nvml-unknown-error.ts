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
// When the log itself names `daemon-reload`, that is the cause and the advice leads with NVIDIA's notice. Docker's cgroupfs
// switch is Docker's own (daemon.json); on Kubernetes the kubelet and containerd must keep one cgroup driver, and NVIDIA's
// answer there is the symlinks, which the GPU Operator from 22.9.2 creates on every node (NVIDIA/nvidia-docker#1671, klueska,
// 2023-02-06: "Deploying GPU Operator 22.9.2 will automatically fix the issue on all K8s nodes"; the udev rule file
// /lib/udev/rules.d/71-nvidia-dev-char.rules and its `ACTION=="add", DEVPATH=="/bus/pci/drivers/nvidia"` line are from
// the same comment, and NVIDIA's notice NVIDIA/nvidia-docker#1730 gives the same rule and path). The notice: only runc with systemd cgroup management is affected (NVIDIA developer forums,
// "Containers losing access to GPUs, Failed to Initialize NVML").
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

/** NVIDIA's prevention: the /dev/char symlinks runc needs, now and at every boot (udev rule from NVIDIA/nvidia-docker#1671 and #1730). */
const DEV_CHAR_SYMLINKS = [
  '```sh',
  'sudo nvidia-ctk system create-dev-char-symlinks --create-all',
  'echo \'ACTION=="add", DEVPATH=="/bus/pci/drivers/nvidia", RUN+="/usr/bin/nvidia-ctk system create-dev-char-symlinks --create-all"\' \\',
  '  | sudo tee /lib/udev/rules.d/71-nvidia-dev-char.rules',
  '```',
].join('\n');

const RELOAD_LEAD = [
  'On the host, delete the containers that lost the GPU and start them again (`docker rm -f` and `docker run` again; on Kubernetes,',
  'delete the pods and let their controller recreate them): a restart of the same container is not enough. Then keep it from',
  'happening again with the `/dev/char` symlinks runc needs for the NVIDIA devices, created now and by a udev rule at every boot:',
  '',
  DEV_CHAR_SYMLINKS,
  '',
].join('\n');

const RELOAD_DOCKER =
  'With Docker, letting Docker manage cgroups itself also avoids it: `"exec-opts": ["native.cgroupdriver=cgroupfs"]` in ' +
  '`/etc/docker/daemon.json`, then `sudo systemctl restart docker`.';
const RELOAD_K8S =
  'On Kubernetes keep the systemd cgroup driver (the kubelet and containerd must agree on it); the NVIDIA GPU Operator 22.9.2 ' +
  'and later creates these symlinks on every node itself.';

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
    // The reporter names what came before: `running \`systemctl daemon-reload\` cause all running gpu containers to lost gpu devices`.
    { name: 'daemonReload', literals: ['daemon-reload'] },
    // Which engine ran the containers, when the log names one.
    { name: 'kubernetes', literals: ['kubectl ', 'kubelet', 'cri-containerd', 'crictl ', 'Kubernetes']  },
    { name: 'docker', literals: ['docker run', 'docker ps', 'docker exec', 'dockerd', 'docker restart'] },
  ],
  scope: 'step',
  specificity: 3,
  variants: [
    ...(['kubernetes', 'docker', ''] as const).map((engine) => ({
      when: engine === '' ? 'daemonReload' : `daemonReload&${engine}`,
      title: '`systemctl daemon-reload` took the GPUs from running containers (NVML: Unknown Error)',
      message:
        'The containers had the GPU and lost it when systemd reloaded its units (`systemctl daemon-reload`, which package upgrades ' +
        'run too): with systemd managing the containers\' cgroups, the reload rewrites their device rules without the NVIDIA devices, ' +
        'because runc finds no `/dev/char` entries for them. NVIDIA documents this; the image and the driver are not the cause.',
      fix: [
        RELOAD_LEAD,
        engine === 'kubernetes' ? RELOAD_K8S : engine === 'docker' ? RELOAD_DOCKER : `${RELOAD_DOCKER} ${RELOAD_K8S}`,
        'NVIDIA\'s notice: https://github.com/NVIDIA/nvidia-docker/issues/1730',
      ].join('\n'),
    })),
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
