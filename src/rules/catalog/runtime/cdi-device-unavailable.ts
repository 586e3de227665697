// A container asked for a GPU as a CDI device (`docker run --device=nvidia.com/gpu=all`) and the Docker daemon could
// not give it. Two of the daemon's words:
//   `docker: Error response from daemon: could not select device driver "cdi" with capabilities: [].`: the daemon has
//     no CDI driver, CDI is not turned on for it (NixOS/nixpkgs#339999, the NixOS toolkit maintainer's analysis: the
//     rootless daemon did not get `features.cdi`);
//   `docker: Error response from daemon: CDI device injection failed: unresolvable CDI devices nvidia.com/gpu=all.`: CDI
//     is on and no spec the daemon reads names that device (moby/moby#47676: a rootless daemon, inside rootlesskit's
//     namespace, could not read the specs in /etc/cdi and /var/run/cdi; the reporter fixed it with specs in a directory
//     under the home and `cdi-spec-dirs` naming it).
// Not this rule: `could not select device driver "" with capabilities: [[gpu]]` (`--gpus` with no NVIDIA toolkit:
// runtime/gpu-runtime-missing, the nomatch fixture).
// Sources of the advice:
// - Docker's dockerd reference, "Enable CDI devices" (docker/cli docs/reference/dockerd.md): `"features": {"cdi": true}`
//   in daemon.json; default spec directories /etc/cdi and /var/run/cdi; `cdi-spec-dirs` (daemon.json) or `--cdi-spec-dir`
//   sets others; `docker info` lists the CDI spec directories the daemon uses.
// - Docker's "Docker daemon configuration overview" (docs.docker.com/config/daemon): daemon.json is /etc/docker/daemon.json,
//   and ~/.config/docker/daemon.json in rootless mode ($XDG_CONFIG_HOME/docker/daemon.json when that is set).
// - CDI in Docker: opt-in from Docker 25 (cncf-tags/container-device-interface#84, elezar), on by default from Docker
//   28.2.0 (moby/moby#45192, vvoland: "CDI will be enabled by default in v28.2.0"; moby/moby#49963;
//   cncf-tags/container-device-interface#277 "Docker 28.2 enables CDI by default").
// - NVIDIA Container Toolkit, "Support for Container Device Interface" (docs.nvidia.com/datacenter/cloud-native/
//   container-toolkit/latest/cdi-support.html): `sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml`, `nvidia-ctk
//   cdi list` names the devices; without `--output` the spec, alone, goes to standard output (cmd/nvidia-ctk README;
//   cmd/nvidia-ctk/cdi/generate/generate.go writes it with `spec.WriteTo(os.Stdout)`, and the CLI's logrus logger writes
//   its messages to standard error), so `> FILE` saves a valid spec; from toolkit
//   1.18.0 a systemd service, nvidia-cdi-refresh, writes /var/run/cdi/nvidia.yaml. `nvidia-ctk runtime configure
//   --runtime=docker --cdi.enabled` sets `features.cdi` for Docker from toolkit 1.14.5 (its CHANGELOG).
// - Rootless Docker runs as a user service: `systemctl --user restart docker` (Docker's rootless mode docs; moby's
//   contrib/dockerd-rootless-setuptool.sh installs it as the user unit `docker.service`). Newer
//   dockerd-rootless.sh mounts /etc/cdi and /var/run/cdi into the daemon's namespace (moby/moby#48541); the directory in the
//   home named by `cdi-spec-dirs` works on every release with CDI.
// - NixOS: `virtualisation.docker.rootless.daemon.settings` is written to the rootless daemon's daemon.json, passed as
//   `dockerd-rootless --config-file=…` by the user unit `docker` (nixpkgs, nixos/modules/virtualisation/docker-rootless.nix:
//   `systemd.user.services.docker`, hence `systemctl --user restart docker`); the system daemon's is
//   `virtualisation.docker.daemon.settings`, a free-form JSON submodule (nixos/modules/virtualisation/docker.nix), so
//   `features.cdi` goes there as well; the thread's setting is `features.cdi = true` in the rootless one.
import type { RuleInput } from '../../schema.js';

const CDI_DOCS = 'https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/cdi-support.html';
const CHECK = 'docker run --rm --device=nvidia.com/gpu=all ubuntu nvidia-smi -L';

/** The rootless daemon's own spec directory and daemon.json, in the home of the user who runs it. */
const ROOTLESS_STEPS = [
  '```sh',
  'mkdir -p ~/.config/cdi ~/.config/docker',
  'sudo nvidia-ctk cdi generate > ~/.config/cdi/nvidia.yaml',
  'cat ~/.config/docker/daemon.json 2>/dev/null   # settings already there: add the two keys below to them instead',
  'printf \'{\\n  "features": {"cdi": true},\\n  "cdi-spec-dirs": ["%s/.config/cdi"]\\n}\\n\' "$HOME" > ~/.config/docker/daemon.json',
  'systemctl --user restart docker',
  "docker info | grep -A2 'CDI spec directories'   # must list ~/.config/cdi",
  CHECK,
  '```',
].join('\n');

const ROOTLESS_TAIL =
  'A rootless daemon reads `~/.config/docker/daemon.json` (`$XDG_CONFIG_HOME/docker/daemon.json` when that is set), never ' +
  '`/etc/docker/daemon.json`. Generate the spec again after a driver upgrade. NVIDIA\'s CDI page: ' + CDI_DOCS;

export const cdiDeviceUnavailable: RuleInput = {
  id: 'runtime/cdi-device-unavailable',
  title: 'Docker could not give the CDI device (NVIDIA GPU)',
  severity: 'error',
  match: [
    // `docker: Error response from daemon: could not select device driver "cdi" with capabilities: [].`
    { literals: ['device driver "cdi"'], pattern: 'could not select device driver "cdi" with capabilities' },
    // `docker: Error response from daemon: CDI device injection failed: unresolvable CDI devices nvidia.com/gpu=all.`
    { literals: ['unresolvable CDI devices'], pattern: 'unresolvable CDI devices (?<device>[\\w.-]{1,100}/[\\w.-]{1,100}=[\\w:-]{1,100})' },
  ],
  context: [
    { name: 'cdiDriver', literals: ['device driver "cdi"'] },
    // the reporter's words (`rootless docker 26.0.0`, `rootless.enable = true;`), or the rootless daemon's socket
    { name: 'rootless', literals: ['rootless', '/run/user/'], ignoreCase: true },
    // a NixOS configuration: the daemon's settings come from Nix, not from a daemon.json edited by hand
    { name: 'nixos', literals: ['virtualisation.docker'] },
  ],
  scope: 'step',
  specificity: 3,
  variants: [
    {
      when: 'cdiDriver&nixos',
      title: 'CDI is not enabled in the NixOS Docker daemon',
      message:
        'The container asked for a CDI device (`--device=nvidia.com/gpu=…`), and the Docker daemon has no CDI driver: CDI is not turned on ' +
        'for it (opt-in before Docker 28.2). On NixOS the daemon\'s settings come from the configuration, and the rootless daemon has ' +
        'its own, apart from the system daemon\'s.',
      fix: [
        'Turn CDI on in the daemon\'s settings in the NixOS configuration (for the system daemon: `virtualisation.docker.daemon.settings`):',
        '',
        '```nix',
        'virtualisation.docker.rootless.daemon.settings.features.cdi = true;',
        '```',
        '',
        `then \`sudo nixos-rebuild switch\`, \`systemctl --user restart docker\` and check with \`${CHECK}\`. If it then fails with ` +
          '`unresolvable CDI devices`, the rootless daemon cannot read the specs in /etc/cdi and /var/run/cdi: put a spec in a directory of ' +
          'your home (`mkdir -p ~/.config/cdi && sudo nvidia-ctk cdi generate > ~/.config/cdi/nvidia.yaml`) and list it in the same settings, ' +
          '`virtualisation.docker.rootless.daemon.settings.cdi-spec-dirs`. NVIDIA\'s CDI page: ' + CDI_DOCS,
      ].join('\n'),
    },
    {
      when: 'cdiDriver&rootless',
      title: 'CDI is not enabled in the rootless Docker daemon',
      message:
        'The container asked for a CDI device (`--device=nvidia.com/gpu=…`), and the rootless Docker daemon has no CDI driver: CDI is not ' +
        'turned on in the daemon.json it reads (opt-in before Docker 28.2), and a rootless daemon reads its own, in the home of its user. ' +
        'It also cannot read the specs in /etc/cdi and /var/run/cdi, so give it a spec directory of its own as well.',
      fix: ['As the user who runs the rootless daemon:', '', ROOTLESS_STEPS, '', ROOTLESS_TAIL].join('\n'),
    },
    {
      when: 'cdiDriver',
      title: 'CDI is not enabled in the Docker daemon',
      message:
        'The container asked for a CDI device (`--device=nvidia.com/gpu=…`), and the Docker daemon has no CDI driver: CDI is opt-in before ' +
        'Docker 28.2 and not turned on in this daemon\'s configuration.',
      fix: [
        'On the host, turn CDI on and make sure a spec names the device (`docker version` shows the release: from 28.2 CDI is on by default):',
        '',
        '```sh',
        'sudo nvidia-ctk runtime configure --runtime=docker --cdi.enabled   # writes "features": {"cdi": true} to /etc/docker/daemon.json',
        'sudo systemctl restart docker',
        'sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml',
        'nvidia-ctk cdi list',
        CHECK,
        '```',
        '',
        'A toolkit older than 1.14.5 writes the wrong key for Docker: then add `"features": {"cdi": true}` to /etc/docker/daemon.json by hand. ' +
          'A rootless daemon reads `~/.config/docker/daemon.json` instead. NVIDIA\'s CDI page: ' + CDI_DOCS,
      ].join('\n'),
    },
    {
      when: 'rootless',
      title: 'The rootless Docker daemon cannot read the CDI specs',
      message:
        'The container asked for the CDI device {device}, and the rootless Docker daemon found no spec that names it: it runs in ' +
        'rootlesskit\'s namespace, where the default spec directories /etc/cdi and /var/run/cdi are not readable, so the spec ' +
        '`nvidia-ctk cdi generate` wrote there is not seen.',
      fix: ['Give the daemon a spec directory in the home of the user who runs it, and name it in that daemon\'s daemon.json:', '', ROOTLESS_STEPS, '', ROOTLESS_TAIL].join('\n'),
    },
  ],
  message:
    'The container asked for the CDI device {device}, and no CDI spec the Docker daemon reads names it: the spec was never ' +
    'generated, is stale (written for another driver or GPU set), or lies in a directory the daemon does not read.',
  fix: [
    'On the host, generate the spec where the daemon looks, check the device names it gives, and run again:',
    '',
    '```sh',
    'sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml',
    'nvidia-ctk cdi list',
    "docker info | grep -A2 'CDI spec directories'",
    CHECK,
    '```',
    '',
    'Use a device name that `nvidia-ctk cdi list` prints. If `docker info` lists other directories (`cdi-spec-dirs` in daemon.json), write ' +
      'the spec into one of them. A rootless daemon cannot read /etc/cdi: see its own spec directory in ' + CDI_DOCS,
  ].join('\n'),
  docs: CDI_DOCS,
};
