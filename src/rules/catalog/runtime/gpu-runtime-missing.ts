// Docker was asked for GPUs (`docker run --gpus …`, or a compose service that reserves `devices:` with
// `capabilities: [gpu]`) and no device driver for them is registered with the daemon:
//   `docker: Error response from daemon: could not select device driver "" with capabilities: [[gpu]]`
//   (hiyouga/LlamaFactory#5268, 2024), `… device driver "nvidia" …` when compose names the driver
//   (infiniflow/ragflow#9573, 2025). The NVIDIA Container Toolkit is what registers it; the users who
//   reported it fixed it by installing the toolkit (OpenBMB/XAgent#273, eduidl/ElasticFusion-Dockerfile#11),
//   and a Docker installed as a snap is a known cause too (NVIDIA/nvidia-docker#1642, maintainer's reply).
// Not this rule: `nvidia-container-cli: initialization error: load library failed: libnvidia-ml.so.1`,
// where the toolkit ran and the host's driver is missing (the nomatch fixture).
// Advice from NVIDIA's install guide (docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/
// install-guide.html): the driver first; with apt, the repository line, `sudo apt-get install -y
// nvidia-container-toolkit`; then `sudo nvidia-ctk runtime configure --runtime=docker` and
// `sudo systemctl restart docker` (the restart is required: NVIDIA/nvidia-docker README). It runs on the
// host that runs Docker, never in the image.
// When the log shows the toolkit installed (`nvidia-container-runtime --version`: `NVIDIA Container Runtime version 1.17.2`;
// `nvidia-ctk --version`: `NVIDIA Container Toolkit CLI version …`; `dpkg -l`: `ii  nvidia-container-toolkit …`), installing
// it again is no fix: the CLI talked to a daemon the toolkit was not configured for. The reported case
// (NVIDIA/nvidia-container-toolkit#814, the reporter's comment of 2024-12-26): installing Docker Desktop made its context
// `desktop-linux` current, and Docker Desktop's daemon runs in a VM of its own, apart from the host's Docker Engine
// (Docker's docs, "Differences between Docker Desktop for Linux and Docker Engine"); `docker context use default` went back
// to the host's daemon (`docker context use`: "To disable usage of contexts, you can use the special default context").
// `docker info` lists the daemon's runtimes (`Runtimes: io.containerd.runc.v2 nvidia runc` once configured).
// When the log shows Docker Desktop (`Docker Desktop 2.3.0.3`, its `docker-desktop` WSL distribution), the daemon is
// Docker Desktop's, and neither apt nor systemctl in a WSL distribution reaches it (docker/for-win#7581: `sudo service
// docker stop` gave `docker: unrecognized service`). Docker's docs, "GPU support in Docker Desktop"
// (docs.docker.com/desktop/features/gpu/): GPU support is only on Windows with the WSL 2 backend, and needs an NVIDIA GPU,
// an up-to-date Windows 10 or 11, NVIDIA's driver with WSL 2 GPU Paravirtualization (developer.nvidia.com/cuda/wsl), the
// latest WSL 2 kernel (`wsl --update`) and the WSL 2 backend turned on; the check is
// `docker run --rm -it --gpus=all nvcr.io/nvidia/k8s/cuda-sample:nbody nbody -gpu -benchmark`. The same page in its
// earlier form (desktop/windows/wsl.md, "GPU support"): "Starting with Docker Desktop 3.1.0, Docker Desktop supports
// WSL 2 GPU Paravirtualization (GPU-PV) on NVIDIA GPUs". No Linux NVIDIA driver inside WSL 2: the Windows driver is
// mapped into it (NVIDIA's "CUDA on WSL User Guide", docs.nvidia.com/cuda/wsl-user-guide, getting started).
// The same missing piece asked for by runtime name (`docker run --runtime=nvidia`, compose's `runtime: nvidia`): dockerd
// knows no runtime called `nvidia` until the toolkit registers it in /etc/docker/daemon.json (`nvidia-ctk runtime
// configure`) and the daemon restarts. Its words: `docker: Error response from daemon: unknown or invalid runtime name:
// nvidia.` (nv-tlabs/3dgrut#71, fixed by installing and configuring the toolkit; NVIDIA/nvidia-docker#1795), without
// the period (NVIDIA-NeMo/labs-molt#88, gpustack/gpustack#3654), compose's bare `Error response from daemon: unknown
// or invalid runtime name: nvidia` (duixcom/Duix-Avatar#28, Steam-Headless/docker-steam-headless#117), and older
// Docker's `Unknown runtime specified nvidia.`. Docker's docs, "Alternative container runtimes"
// (docs.docker.com/engine/daemon/alternative-runtimes/): a runtime that is not a containerd shim on PATH must be
// registered in the daemon configuration. `--gpus` needs no registered runtime: dockerd itself adds the toolkit's
// `nvidia-container-runtime-hook` when it finds it on PATH at start (moby, daemon/nvidia_linux.go), so the toolkit
// installed and a restart are enough for `--gpus all` (compose: `deploy.resources.reservations.devices`).
// On a Jetson (JetPack / L4T) the GPU is not a PCI device the datacenter route knows: JetPack's own apt sources carry the
// container packages (`sudo apt install nvidia-container` on JetPack 5.0.2 and later, NVIDIA-AI-IOT jetson-min-disk,
// "nvidia-container only configuration"; the NVIDIA Container Toolkit install guide, 1.12: Jetson support since 1.7.0 on
// Ubuntu 18.04-22.04), and Jetson containers are started with `--runtime nvidia` (dusty-nv/jetson-containers: run.sh adds
// it). The reported fix on a Jetson Orin Nano with JetPack 6.2.3 (NVIDIA-AI-IOT/live-vlm-webui#28, the maintainer):
// `apt install nvidia-container-toolkit`, `nvidia-ctk runtime configure --runtime=docker`, restart Docker, and
// `docker info --format '{{json .Runtimes}}'` must list nvidia. So no datacenter repository and no `--gpus all` instead.
// A rootless daemon (Docker's "Rootless mode": the daemon runs as a user service, its socket under /run/user/UID, started by
// dockerd-rootless.sh inside rootlesskit) reads ~/.config/docker/daemon.json, not the /etc/docker/daemon.json that
// `sudo nvidia-ctk runtime configure` writes. NVIDIA's install guide, "Rootless mode": `nvidia-ctk runtime configure
// --runtime=docker --config=$HOME/.config/docker/daemon.json`, `systemctl --user restart docker`, and `sudo nvidia-ctk config
// --set nvidia-container-cli.no-cgroups --in-place` (sets `no-cgroups = true` in /etc/nvidia-container-runtime/config.toml).
// The reported case: gazebo-tooling/gzdev#97 (2025), the toolkit installed and configured for the rootful daemon only.
// `docker info --format '{{.SecurityOptions}}'` lists `name=rootless` when the daemon runs rootless (moby, daemon/info.go).
import type { RuleInput } from '../../schema.js';
import { CPU_MODE, NVIDIA_GPU_SEEN } from './no-nvidia-gpu.js';
import { COMPOSE_UP_CONTEXT, HOST_GPU_CHECK } from './run-command.js';

const GUIDE = 'https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/install-guide.html';

// The route on Windows, where the daemon is Docker Desktop's (or a Docker Engine inside a WSL 2 distribution):
// nothing of the Linux route (apt, systemctl) runs on Windows itself. Windows 10 or 11, up to date: Docker's
// "GPU support in Docker Desktop"; `winver` is Windows' own dialog that shows the version and build.
const desktopGpuSteps = (lead: string): string => [
  lead,
  '',
  '1. Update Windows 10 or 11 (`winver` shows the version), then install or update Docker Desktop (3.1.0 or later; its',
  '   version is in its About dialog) and turn on its WSL 2 based engine (Settings, General).',
  '2. Install NVIDIA\'s current Windows driver with WSL 2 support (https://developer.nvidia.com/cuda/wsl); do not install',
  '   a Linux NVIDIA driver inside WSL.',
  '3. Update the WSL 2 kernel from a Windows prompt: `wsl --update`, then restart Docker Desktop.',
  '',
  'Check with `docker run --rm -it --gpus=all nvcr.io/nvidia/k8s/cuda-sample:nbody nbody -gpu -benchmark`.',
  'The other way: run Docker Engine inside the WSL distribution itself, with the NVIDIA Container Toolkit there',
  `(${GUIDE}), and use that daemon instead of Docker Desktop's. Docker Desktop on Linux or macOS gives no GPU to containers.`,
  'Docker\'s page: https://docs.docker.com/desktop/features/gpu/',
].join('\n');

/** Install the toolkit from apt sources already set up, register its runtime with Docker and restart it. */
const INSTALL_AND_REGISTER = [
  'sudo apt-get update',
  'sudo apt-get install -y nvidia-container-toolkit',
  'sudo nvidia-ctk runtime configure --runtime=docker',
  'sudo systemctl restart docker',
];
const ROOTLESS_GUIDE = `${GUIDE}#rootless-mode`;

// The CDI route, and hosts that do not use apt. Facts as runtime/cdi-device-unavailable.ts cites them: CDI in Docker is opt-in
// from Docker 25 (`"features": {"cdi": true}` in daemon.json) and on by default from 28.2.0 (moby/moby#49963); NVIDIA's
// "Support for Container Device Interface" (docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/cdi-support.html):
// `sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml`, `nvidia-ctk cdi list`, and the device `nvidia.com/gpu=all`.
// NixOS: `hardware.nvidia-container-toolkit.enable = true` (nixos/modules/services/hardware/nvidia-container-toolkit/default.nix)
// generates the CDI specs at boot and turns `features.cdi` on for Docker 25 or later, and registers no `nvidia` runtime for
// `--gpus`: NixOS/nixpkgs#337873 (`--runtime=nvidia` unknown and `--gpus` refused, `--device=nvidia.com/gpu=all` working) and
// #340386 (`--gpus` refused with only that option set), the NixOS toolkit maintainer in #322400: CDI is the way to go; nixpkgs
// PR #331071 fixed the runtime wrapper that `virtualisation.docker.enableNvidia` (deprecated) registers.
const CDI_ROUTE = [
  'Or ask for the GPUs through CDI, which needs no runtime registered and no `--gpus`: Docker 25 or later with CDI on (`"features": {"cdi": true}`',
  'in /etc/docker/daemon.json; on by default from Docker 28.2), the specs written by the toolkit, and the device on the command line:',
  '',
  '```sh',
  'sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml',
  'nvidia-ctk cdi list',
  'docker run --rm --device nvidia.com/gpu=all ubuntu nvidia-smi',
  '```',
  '',
  'NVIDIA\'s page: https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/cdi-support.html',
].join('\n');

const NON_APT_NOTE =
  'On a host that does not use apt, install the toolkit as NVIDIA\'s guide gives it for that distribution (dnf, zypper) or from the distribution\'s own ' +
  'packaging; on NixOS that is `hardware.nvidia-container-toolkit.enable = true`, which sets up CDI only (the route below).';


/** NVIDIA's steps for a rootless daemon, run as the user who owns it (only the config.toml edit needs root). */
const ROOTLESS_STEPS = [
  '```sh',
  'nvidia-ctk runtime configure --runtime=docker --config=$HOME/.config/docker/daemon.json',
  'systemctl --user restart docker',
  'sudo nvidia-ctk config --set nvidia-container-cli.no-cgroups --in-place   # no-cgroups = true in /etc/nvidia-container-runtime/config.toml',
  'docker run --rm --gpus all ubuntu nvidia-smi',
  '```',
].join('\n');

/** How to tell a rootless daemon, for logs that do not show which one refused. */
const ROOTLESS_CHECK =
  "If `docker info --format '{{{{.SecurityOptions}}}}'` lists `name=rootless`, the daemon is a rootless one, which never reads " +
  '/etc/docker/daemon.json: configure it as its own user instead (NVIDIA\'s steps for rootless mode, ' + ROOTLESS_GUIDE + '):';

const DESKTOP_LEAD = 'On Windows, for Docker Desktop (nothing to install inside the WSL distribution):';

const DESKTOP_MESSAGE =
  'The container asked for GPUs, and the log shows Docker Desktop: the daemon that refused is Docker Desktop\'s, which runs in ' +
  'a VM of its own and cannot be set up with apt or systemctl from a WSL distribution or the host. Docker Desktop gives GPUs ' +
  'only on Windows with its WSL 2 backend, from Docker Desktop 3.1.0 on, and with NVIDIA\'s Windows driver for WSL.';

export const gpuRuntimeMissing: RuleInput = {
  id: 'runtime/gpu-runtime-missing',
  title: 'Docker has no GPU runtime (NVIDIA Container Toolkit)',
  severity: 'error',
  match: [
    // `docker: Error response from daemon: could not select device driver "" with capabilities: [[gpu]]`
    // moby prints the driver with %q (`""` when none was asked for: daemon/errors.go, incompatibleDeviceRequest); pastes
    // in issue threads often lose the empty quotes (`could not select device driver with capabilities`, NVIDIA/nvidia-docker#1642).
    { literals: ['could not select device driver'], pattern: 'could not select device driver (?:"(?<driver>[\\w.-]{0,40})" )?with capabilities: \\[\\[gpu' },    // `unknown or invalid runtime name: nvidia.` (Docker 20.10 on); `Unknown runtime specified nvidia.` (older Docker)
    { literals: ['invalid runtime name: nvidia', 'Unknown runtime specified nvidia'], pattern: 'unknown or invalid runtime name: nvidia\\b|Unknown runtime specified nvidia\\b' },
  ],
  context: [
    { name: 'runtimeName', literals: ['invalid runtime name: nvidia', 'Unknown runtime specified nvidia'] },
    // `Docker Desktop 2.3.0.3`, `restart docker desktop`, the `docker-desktop` WSL distribution.
    { name: 'dockerDesktop', literals: ['Docker Desktop', 'docker-desktop'], ignoreCase: true },
    // Docker Desktop for Linux named by `docker info`: its CLI context (`Context:    desktop-linux`) or its own name for the
    // daemon's OS (`Operating System: Docker Desktop`). Desktop's bundled plugins (`v0.13.1-desktop.1`) only say it is installed.
    { name: 'desktopLinux', literals: ['desktop-linux', 'Operating System: Docker Desktop'], pattern: '^\\s{0,4}(?:Context:\\s{1,10}desktop-linux\\b|Operating System: Docker Desktop\\b)' },
    // … but Docker Desktop on Windows and on macOS has the same context and OS name: the CLI's plugins are Windows programs
    // (`Path:     C:\\Program Files\\Docker\\cli-plugins\\docker-ai.exe`, docker/for-win#14544 and #14487, both `Context:
    // desktop-linux`) or live under a macOS home (`/Users/…/.docker/cli-plugins`), `docker version` names the client's OS
    // (`OS/Arch: windows/amd64`), or the kernel is WSL 2's (`microsoft-standard-WSL2`).
    {
      name: 'desktopElsewhere',
      literals: ['cli-plugins\\docker-', 'OS/Arch:', 'microsoft-standard-WSL2', '/Users/', '/Applications/Docker.app'],
      pattern:
        'cli-plugins\\\\docker-[\\w-]{1,40}\\.exe|^\\s{0,4}OS/Arch:\\s{1,20}(?:windows|darwin)/|microsoft-standard-WSL2|' +
        '^\\s{0,6}Path:\\s{1,10}/Users/|/Applications/Docker\\.app/',
    },
    // The host named by its reporter: `I am running Docker on my Windows 10 machine`. Only the words in the log
    // decide; a log that names no OS keeps the Linux route.
    { name: 'windowsHost', literals: ['Windows 1'], pattern: '\\b(?<os>Windows 1[01])\\b', ignoreCase: true },
    // A Jetson named by its reporter (`Jetson orin nano + Jetpack6.2.3`) or by L4T (`R36 (release), REVISION: 4.3`, `l4t-base`).
    { name: 'jetson', literals: ['Jetson', 'JetPack', 'L4T'], pattern: '\\b(?:Jetson|JetPack|L4T)', ignoreCase: true },
    // the rootless daemon's socket (`unix:///run/user/1000/docker.sock`), its launcher, or rootlesskit
    // `--gpus` refused by the daemon on the same host: `could not select device driver "" with capabilities: [[gpu]]`
    { name: 'gpusRefused', literals: ['could not select device driver "" with capabilities: [[gpu]]'] },
    { name: 'rootless', literals: ['/run/user/', 'rootlesskit', 'dockerd-rootless'], pattern: '/run/user/\\d+/docker\\.sock|rootlesskit|dockerd-rootless' },
    // the run line asks for GPUs with `--gpus` as well as `--runtime nvidia` (sair-lab/AirSLAM#113)
    { name: 'gpusToo', literals: ['--gpus'], pattern: '--runtime[= ]nvidia\\b.{0,400}--gpus[= ]\\S|--gpus[= ]\\S.{0,400}--runtime[= ]nvidia\\b' },
    // Docker Compose starting the services: the GPU is a compose reservation
    COMPOSE_UP_CONTEXT,
    // The host's graphics as the reporter lists them, when they are Intel's: `Graphics Mesa Intel® Xe Graphics (TGL GT2)`
    // (Ubuntu's About panel, fboulnois/stable-diffusion-docker#82), `Intel(R) UHD Graphics 620`, or lspci's `VGA compatible
    // controller: Intel Corporation …`. No device driver serves `--gpus` for Intel GPUs: NVIDIA's toolkit registers the one
    // moby knows, AMD's runtime a second one since moby PR #49952 (2025); Intel has none (docker/cli#2063, the maintainer:
    // "nvidia are the ones that did the work to make `--gpus` work"). AMD graphics are left to the other variants.
    {
      name: 'otherGraphics',
      literals: ['Intel'],
      pattern:
        '(?<gpu>(?:Mesa )?Intel(?:®|\\(R\\))? (?:Iris(?: Xe| Plus| Pro)?|Xe|UHD|HD) Graphics(?: \\d{2,4})?(?: \\([A-Z0-9 ]{1,20}\\))?|' +
        'VGA compatible controller: Intel Corporation[^\\n]{0,80})',
    },
    // … and any NVIDIA GPU the log names (a laptop with both lists the NVIDIA one too): nvidia-smi, lspci, a model name
    { name: 'nvidiaGpu', ...NVIDIA_GPU_SEEN },
    {
      name: 'toolkitInstalled',
      literals: ['NVIDIA Container Runtime version ', 'NVIDIA Container Toolkit CLI version ', 'nvidia-container-toolkit '],
      pattern: '^(?:NVIDIA Container Runtime version|NVIDIA Container Toolkit CLI version) \\d|^ii\\s{1,10}nvidia-container-toolkit\\s',
    },
  ],
  scope: 'step',
  specificity: 3,
  variants: [
    {
      // The machine shows Intel graphics and no NVIDIA GPU (fboulnois/stable-diffusion-docker#82: Intel Xe graphics only; the
      // maintainer asked "Do you have an Nvidia GPU?" and the CPU options worked): no toolkit or driver can give one.
      when: 'otherGraphics&!nvidiaGpu',
      title: 'The container asks for a GPU, and this machine shows only Intel graphics',
      message:
        'The container asked for GPUs (`--gpus`, or a compose service that reserves GPU devices), and the Docker daemon has no device driver for them. ' +
        'The log names this machine\'s graphics, {context.otherGraphics.gpu}, and no NVIDIA GPU. `--gpus` is served by a GPU vendor\'s container runtime ' +
        '(NVIDIA\'s Container Toolkit; AMD\'s in recent Docker), and none serves Intel graphics: without an NVIDIA GPU, installing NVIDIA\'s driver or toolkit ' +
        'cannot help. The image is not the cause.',
      fix: [
        'On the host, list its GPUs: `lspci | grep -iE \'vga|3d|display\'` (an NVIDIA GPU shows as `NVIDIA Corporation`).',
        '',
        '- No NVIDIA GPU: start the container without `--gpus` (compose: remove the `devices:` reservation with `capabilities: [gpu]`), with',
        `  ${CPU_MODE}, or run it on a machine with an NVIDIA GPU.`,
        '- An NVIDIA GPU listed as well (a laptop with two GPUs): install the NVIDIA driver first (`nvidia-smi` must list the GPU), then the NVIDIA',
        `  Container Toolkit as NVIDIA's install guide gives it for this distribution (${GUIDE}), and restart Docker (\`sudo systemctl restart docker\`).`,
      ].join('\n'),
    },
    {
      // `docker info` shows the CLI on Docker Desktop for Linux (docker/desktop-linux#213, Debian 12: "without docker-desktop,
      // docker works fine with GPUs"). Docker Desktop for Linux runs its daemon in a VM (docs.docker.com/desktop/faqs/linuxfaqs),
      // has GPU support only on Windows with WSL 2 (docs.docker.com/desktop/features/gpu/), and its VM has no NVIDIA
      // Container Toolkit: "The recommendation is to use Docker Engine" (NVIDIA/nvidia-container-toolkit#83, the maintainer).
      // `docker context use default` went back to Docker Engine (NVIDIA/nvidia-container-toolkit#814, NVIDIA/nvidia-docker#1647).
      when: 'desktopLinux&!windowsHost&!desktopElsewhere',
      title: "`docker` talks to Docker Desktop's VM, which has no GPU",
      message:
        'The container asked for GPUs, and `docker info` in the log shows the CLI using Docker Desktop for Linux (`{context.desktopLinux}`). ' +
        'Docker Desktop runs its daemon in a VM of its own, apart from the host\'s Docker Engine and its NVIDIA Container Toolkit, and ' +
        'gives GPUs to containers only on Windows with its WSL 2 backend. Installing the toolkit on the host does not reach that VM.',
      fix: [
        'On the host, point `docker` back to Docker Engine and check that it has the NVIDIA runtime:',
        '',
        '```sh',
        'docker context ls              # the current one (*) is desktop-linux',
        'docker context use default',
        'docker info | grep -i runtimes # nvidia must be listed',
        HOST_GPU_CHECK,
        '```',
        '',
        'If the `default` context has no daemon, install Docker Engine from Docker\'s apt repository (https://docs.docker.com/engine/install/)',
        `and the NVIDIA Container Toolkit (${GUIDE}); if \`nvidia\` is not listed, register it and restart Docker Engine:`,
        '`sudo nvidia-ctk runtime configure --runtime=docker && sudo systemctl restart docker`. GPU containers run on Docker Engine,',
        'not on Docker Desktop for Linux.',
      ].join('\n'),
    },
    // Docker Desktop on Windows or macOS, named by docker info's context alone: the Desktop reading below
    { when: 'desktopLinux&desktopElsewhere', title: "Docker Desktop's daemon gives no GPU here", message: DESKTOP_MESSAGE, fix: desktopGpuSteps(DESKTOP_LEAD) },
    {
      when: 'dockerDesktop',
      title: "Docker Desktop's daemon gives no GPU here",
      message: DESKTOP_MESSAGE,
      fix: desktopGpuSteps(DESKTOP_LEAD),
    },
    {
      when: 'runtimeName&jetson',
      title: "Docker on this Jetson has no nvidia runtime (NVIDIA Container Toolkit not registered)",
      message:
        'The container asked for the `nvidia` runtime, and the Docker daemon on this Jetson has no runtime of that name: JetPack\'s container ' +
        'packages are not installed, or the runtime was never registered with Docker, or Docker was not restarted since. On a Jetson ' +
        'that runtime is how containers get the GPU. The image is not the cause.',
      fix: [
        'On the Jetson, install the NVIDIA Container Toolkit from the apt sources JetPack already set up (no repository to add), register',
        'its runtime and restart Docker:',
        '',
        '```sh',
        ...INSTALL_AND_REGISTER,
        "docker info --format '{{{{json .Runtimes}}}}'",
        '```',
        '',
        '`docker info` must list `nvidia`; then run the same command again, keeping `--runtime nvidia`. JetPack\'s own package for all of',
        'its container support is `nvidia-container` (JetPack 5.0.2 and later: https://nvidia-ai-iot.github.io/jetson-min-disk/jp5_container-only.html).',
        'If `nvidia` was listed already, the CLI talks to another daemon (`docker context ls`, then `docker context use default`).',
        ].join('\n'),
      },
      {
      when: 'rootless',
      title: 'The rootless Docker daemon has no NVIDIA runtime',
      message:
        'The container asked for GPUs, and the log shows a rootless Docker daemon (`{context.rootless}`). A rootless daemon reads ' +
        '`~/.config/docker/daemon.json`, not the /etc/docker/daemon.json that `sudo nvidia-ctk runtime configure` writes, so a toolkit ' +
        'set up for the system daemon does not reach it.',
      fix: [
        'On the host, as the user who runs the rootless daemon, with the NVIDIA Container Toolkit installed (' + GUIDE + '):',
        '',
        ROOTLESS_STEPS,
        '',
        '`no-cgroups = true` because a rootless daemon cannot set up the device cgroups the toolkit would write. NVIDIA\'s steps: ' + ROOTLESS_GUIDE,
      ].join('\n'),
    },
    {
      when: 'runtimeName&gpusRefused&!windowsHost&!jetson&!rootless',
      title: "Docker has no nvidia runtime and no GPU hook (NVIDIA Container Toolkit not set up for Docker)",
      message:
        'The container asked for the `nvidia` runtime and the daemon has none of that name; the log shows `--gpus` refused as well (`could not ' +
        'select device driver "" …`), so the daemon has neither the runtime nor the toolkit\'s hook: the NVIDIA Container Toolkit is not installed ' +
        'for this Docker, or set up for CDI only (as NixOS\'s module does), or the daemon was not restarted since. The image is not the cause.',
      fix: [
        'On the host that runs Docker (not in the Dockerfile), check the NVIDIA driver first: `nvidia-smi` must list the GPU. If the toolkit is not',
        `installed, install it with its repository as NVIDIA's install guide gives it for this host's distribution (${GUIDE}; with apt, after adding`,
        'the repository), register it and restart the daemon:',
        '',
        '```sh',
        ...INSTALL_AND_REGISTER,
        'docker info | grep -i runtimes',
        '```',
        '',
        NON_APT_NOTE,
        '',
        CDI_ROUTE,
      ].join('\n'),
    },
    {
      when: 'runtimeName&gpusToo&!windowsHost&!jetson&!rootless',
      title: "Docker has no nvidia runtime (NVIDIA Container Toolkit not registered)",
      message:
        'The container asked for the `nvidia` runtime (its `--runtime` option), and the Docker daemon has no runtime of that name: the NVIDIA ' +
        'Container Toolkit is not installed on the host that runs Docker, or was never registered with the daemon, or the daemon was not ' +
        'restarted since. The same command asks for the GPUs with `--gpus` too, which needs no registered runtime. The image is not the cause.',
      fix: [
        'On the host that runs Docker (not in the Dockerfile), check the NVIDIA driver first: `nvidia-smi` must list the GPU. Then install the NVIDIA',
        `Container Toolkit with its repository as NVIDIA's install guide gives it for this host's distribution (${GUIDE}; with apt, after adding`,
        'the repository) and restart the daemon:',
        '',
        '```sh',
        ...INSTALL_AND_REGISTER,
        '```',
        '',
        'Then run the same command without its `--runtime` option: its `--gpus` asks for the GPUs through the toolkit\'s hook, which Docker finds when',
        'it starts, with no runtime registered (moby daemon/nvidia_linux.go). With `nvidia-ctk runtime configure` done as above, the `nvidia`',
        'runtime works as well (`docker info | grep -i runtimes` lists it). Docker\'s page on runtimes: https://docs.docker.com/engine/daemon/alternative-runtimes/',
      ].join('\n'),
    },
    {
      when: 'runtimeName&!windowsHost',
      title: "Docker has no nvidia runtime (NVIDIA Container Toolkit not registered)",
      message:
        'The container asked for the `nvidia` runtime (`--runtime=nvidia`, or `runtime: nvidia` in a compose file), and the Docker daemon has no ' +
        'runtime of that name: the NVIDIA Container Toolkit is not installed on the host that runs Docker, or was never registered with the daemon ' +
        '(`nvidia-ctk runtime configure`), or the daemon was not restarted since. The image is not the cause.',
      fix: [
        'On the host that runs Docker (not in the Dockerfile), check the NVIDIA driver first: `nvidia-smi` must list the GPU. Then install the NVIDIA',
        `Container Toolkit with its repository as NVIDIA's install guide gives it for this host's distribution (${GUIDE}; with apt, after adding`,
        'the repository), register its runtime and restart the daemon:',
        '',
        '```sh',
        'sudo apt-get install -y nvidia-container-toolkit',
        'sudo nvidia-ctk runtime configure --runtime=docker',
        'sudo systemctl restart docker',
        'docker info | grep -i runtimes',
        '```',
        '',
        '`docker info` must list `nvidia` among the runtimes; if it did already, the CLI talks to another daemon (`docker context ls`, then',
        '`docker context use default`). Or drop `--runtime=nvidia` (compose: `runtime: nvidia`) and ask for the GPUs with `--gpus all` (compose:',
        '`deploy.resources.reservations.devices` with `capabilities: [gpu]`): that needs the toolkit installed and Docker restarted, no runtime',
        'registered. Docker\'s page on runtimes: https://docs.docker.com/engine/daemon/alternative-runtimes/',
      ].join('\n'),
    },
    {
      when: 'compose&!runtimeName&!windowsHost&!dockerDesktop&!rootless&!toolkitInstalled',
      title: 'A compose service reserves an NVIDIA GPU, and Docker has no GPU driver',
      message:
        'A service of the compose file reserves GPUs (`deploy.resources.reservations.devices` with `driver: nvidia` or `capabilities: [gpu]`), ' +
        'and the Docker daemon has no device driver for them: the NVIDIA Container Toolkit is not installed on the host that runs Docker, or ' +
        'Docker was not restarted since, or the host has no NVIDIA GPU at all. The image is not the cause.',
      fix: [
        'On the host, check whether it has an NVIDIA GPU and driver: `nvidia-smi` must list the GPU.',
        '',
        '- No NVIDIA GPU here (or the program can run without one): remove the GPU reservation from that service in the compose file (the',
        '  `devices:` entry under `deploy.resources.reservations` with `driver: nvidia` / `capabilities: [gpu]`), or use the project\'s CPU',
        '  compose file if it has one, then `docker compose up -d` again.',
        `- A GPU that \`nvidia-smi\` lists: install the NVIDIA Container Toolkit as NVIDIA's install guide gives it for this distribution (${GUIDE};`,
        '  with apt, after adding the repository), then start the services again:',
        '',
        '```sh',
        ...INSTALL_AND_REGISTER,
        'docker compose up -d',
        '```',
      ].join('\n'),
    },
    {
      when: 'toolkitInstalled',
      title: 'The Docker daemon in use has no NVIDIA runtime',
      message:
        'The container asked for GPUs, and the Docker daemon that got the request has no device driver registered for them, although the log shows ' +
        'the NVIDIA Container Toolkit installed (`{context.toolkitInstalled}`). So the request went to a daemon the toolkit was not configured for, such as ' +
        'Docker Desktop\'s, whose context (`desktop-linux`) becomes the current one when Docker Desktop is installed and whose daemon runs in ' +
        'a VM of its own, or a Docker installed as a snap; or the host\'s daemon was never configured for the runtime or not restarted since.',
      fix: [
        'On the host, check which daemon the CLI talks to (the current context is marked `*`), go back to the host\'s own daemon, and check that it lists',
        'the `nvidia` runtime:',
        '',
        '```sh',
        'docker context ls',
        'docker context use default',
        'docker info | grep -i runtimes',
        '```',
        '',
        'If `nvidia` is not among the runtimes, register it and restart that daemon:',
        '',
        '```sh',
        'sudo nvidia-ctk runtime configure --runtime=docker',
        'sudo systemctl restart docker',
        '```',
        '',
        `then check with \`${HOST_GPU_CHECK}\` and run the container again. Reinstalling the toolkit changes nothing here.`,
        '',
        ROOTLESS_CHECK,
        '',
        ROOTLESS_STEPS,
      ].join('\n'),
    },
    {
      when: 'windowsHost',
      title: 'Docker on Windows gives no GPU without WSL 2 GPU support',
      message:
        'The container asked for GPUs, and the log says the host runs {context.windowsHost.os}. There the daemon is Docker Desktop\'s (or a ' +
        'Docker Engine inside a WSL 2 distribution), not a Linux host\'s: the NVIDIA Container Toolkit\'s packages and systemctl do not ' +
        'apply to Windows itself. Docker Desktop gives GPUs only with its WSL 2 backend, from Docker Desktop 3.1.0 on, and with ' +
        'NVIDIA\'s Windows driver for WSL.',
      fix: desktopGpuSteps('On this Windows host, with Docker Desktop (nothing to install inside a WSL distribution):'),
    },
  ],
  message:
    'The container asked for GPUs (`--gpus`, or a compose service that reserves GPU devices), and the Docker daemon has no ' +
    'device driver registered for them: the NVIDIA Container Toolkit is not installed on the host that runs Docker, or ' +
    'Docker was not configured to use it. The image is not the cause.',
  fix: [
    'On the host that runs Docker (not in the Dockerfile), check the NVIDIA driver first: `nvidia-smi` must list the GPU.',
    'Then install the NVIDIA Container Toolkit with its repository as NVIDIA\'s install guide gives it for this host\'s',
    `distribution (${GUIDE}; with apt, after adding the repository):`,
    '',
    '```sh',
    ...INSTALL_AND_REGISTER,
    '```',
    '',
    'and check with `docker run --rm --gpus all ubuntu nvidia-smi`. A Docker installed as a snap does not pick the toolkit',
    'up; a host without an NVIDIA GPU cannot give one: start the container without `--gpus` (and without the compose',
    'device reservation) if the program can run on the CPU.',
    '',
    NON_APT_NOTE,
    '',
    CDI_ROUTE,
    '',
    ROOTLESS_CHECK,
    '',
    ROOTLESS_STEPS,
  ].join('\n'),
  docs: GUIDE,
};
