// The NVIDIA Container Toolkit's legacy mode could not give the container its GPU device nodes in the cgroup: its hook
// (`nvidia-container-cli`, run by the runtime as the container starts) changes the cgroup's device-access eBPF program, and
// that failed: `nvidia-container-cli: mount error: failed to add device rules: unable to find any existing device filters
// attached to the cgroup: bpf_prog_query(BPF_CGROUP_DEVICE) failed: operation not permitted: unknown.` after `Auto-detected
// mode as 'legacy'` (NVIDIA/nvidia-container-toolkit#1200, Debian 12). The maintainer there: "The `nvidia-container-cli`
// modifies the device access eBPF program to allow containers to access the injected device nodes", "we are in the process
// of switching to an alternative implementation in our next release", and asked to try v1.18.0-rc.1. The toolkit's 1.18.0
// release: "The default mode of the NVIDIA Container Runtime has been updated to make use of a just-in-time-generated CDI
// specification instead of defaulting to the legacy mode" (its changelog, as distributions' update notices quote it).
// `mode = "legacy"` in /etc/nvidia-container-runtime/config.toml forces the legacy mode (NVIDIA/nvidia-container-toolkit#1553).
// Only the NVIDIA runtime moved: `--gpus` on Docker's default runtime (runc) runs the toolkit's hook directly, and the hook
// still resolves to the legacy mode (CHANGELOG.md, v1.18.0-rc.1: "Default to jit-cdi mode in the nvidia runtime", "Resolve to
// legacy by default in nvidia-container-runtime-hook"; PR #910: "when only the nvidia-container-runtime-hook is used (as is
// the case with the Docker --gpus flag …), the default runtime mode is set to legacy"). `nvidia-ctk runtime configure
// --set-as-default` makes the NVIDIA runtime Docker's default (cmd/nvidia-ctk/runtime/configure, v1.18.0).
// Rootless engines: "running rootless containers will never give `libnvidia-container` permission to modify cgroups, and
// the only way to make this work will be to set `no-cgroups: true`" (NVIDIA/libnvidia-container#154, a maintainer). NVIDIA's
// install guide, "Rootless mode" for Docker: `nvidia-ctk runtime configure --runtime=docker
// --config=$HOME/.config/docker/daemon.json`, `systemctl --user restart docker`, `sudo nvidia-ctk config --set
// nvidia-container-cli.no-cgroups --in-place`. On 1.18.0 the same error came under Docker Rootless with `--gpus` where
// 1.17.8-1 and 1.17.9-1 worked (NVIDIA/nvidia-container-toolkit#1487, "regression from v1.17.8"): 1.18.0 is no cure
// there, and upgrading to it is no advice for it. Podman's way is CDI, which leaves device cgroups to the low-level runtime
// (NVIDIA's "Support for Container Device Interface": `nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml`,
// `podman run --device nvidia.com/gpu=all`). `docker info` lists `rootless` under Security Options for Docker Rootless
// (docs.docker.com/engine/security/rootless); `podman info` reports `rootless: true`.
import type { RuleInput } from '../../schema.js';

const GUIDE = 'https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/install-guide.html';

const message =
  'The NVIDIA Container Toolkit\'s hook (`nvidia-container-cli`, its legacy mode) could not change the container\'s cgroup device rules (the ' +
  'eBPF program that lets the container open the GPU\'s device nodes): {reason}. The image is not the cause; the toolkit\'s legacy mode fails ' +
  'on this host.';

function rootlessSteps(lead: string): string[] {
  return [
    `${lead} (Docker Rootless, Podman as a user): the hook may not change device cgroups there on any version, so tell it not to`,
    `(NVIDIA's install guide, Rootless mode: ${GUIDE}):`,
    '',
    '```sh',
    'nvidia-ctk runtime configure --runtime=docker --config=$HOME/.config/docker/daemon.json',
    'systemctl --user restart docker',
    'sudo nvidia-ctk config --set nvidia-container-cli.no-cgroups --in-place',
    '```',
    '',
    'With Podman, use CDI instead: `sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml`, then',
    '`podman run --device nvidia.com/gpu=all …`. If `no-cgroups = true` is already set (`grep no-cgroups',
    '/etc/nvidia-container-runtime/config.toml`) and the toolkit is 1.18.0, it is the regression of',
    'NVIDIA/nvidia-container-toolkit#1487 (Docker Rootless with `--gpus`; 1.17.8-1 and 1.17.9-1 work): keep the previous release',
    'installed (its four packages: nvidia-container-toolkit, nvidia-container-toolkit-base, libnvidia-container-tools,',
    'libnvidia-container1, all at 1.17.9-1) and follow that issue for a release that fixes it. With apt:',
    '',
    '```sh',
    'sudo apt-get install -y --allow-downgrades nvidia-container-toolkit=1.17.9-1 nvidia-container-toolkit-base=1.17.9-1 \\',
    '  libnvidia-container-tools=1.17.9-1 libnvidia-container1=1.17.9-1',
    '```',
  ];
}

function rootfulSteps(lead: string): string[] {
  return [
    `${lead}: from 1.18.0 the NVIDIA Container Runtime no longer uses the legacy mode by default but a CDI specification`,
    'generated as the container starts, the other implementation the toolkit\'s maintainers point to for this error',
    `(NVIDIA/nvidia-container-toolkit#1200; NVIDIA's install guide: ${GUIDE}). With apt, from NVIDIA's repository:`,
    '',
    '```sh',
    'sudo apt-get update && sudo apt-get install -y nvidia-container-toolkit',
    'sudo nvidia-ctk runtime configure --runtime=docker',
    'sudo systemctl restart docker',
    'docker run --rm --runtime=nvidia --gpus all ubuntu nvidia-smi',
    '```',
    '',
    ...newRootfulSteps('Rootful on 1.18 or later'),
  ];
}

function newRootfulSteps(lead: string): string[] {
  return [
    `${lead}: start GPU containers with the NVIDIA runtime (\`--runtime=nvidia\`, or \`runtime: nvidia\` in compose): \`--gpus\` alone, on`,
    'Docker\'s default runtime, runs the toolkit\'s hook directly, and the hook stays in the legacy mode on 1.18 too. To make the',
    'NVIDIA runtime Docker\'s default: `sudo nvidia-ctk runtime configure --runtime=docker --set-as-default && sudo systemctl restart docker`.',
    'If it persists, see the mode in /etc/nvidia-container-runtime/config.toml (`mode = "legacy"` forces the old path) and report it',
    'with the output of `nvidia-ctk --version` and `docker info` to https://github.com/NVIDIA/nvidia-container-toolkit/issues.',
  ];
}

export const nvidiaCgroupDeviceRules: RuleInput = {
  id: 'runtime/nvidia-cgroup-device-rules',
  title: "The NVIDIA runtime's legacy mode could not add the GPU to the container's cgroup",
  severity: 'error',
  match: [
    {
      literals: ['failed to add device rules'],
      pattern: 'nvidia-container-cli: mount error: failed to add device rules: (?<reason>[^\\n]{1,200}?)(?:: unknown)?\\.?$',
    },
  ],
  scope: 'step',
  maxFindings: 1,
  specificity: 3,
  context: [
    {
      name: 'rootless',
      literals: ['rootless', 'Rootless'],
      pattern: '(?:dockerd-rootless|[Dd]ocker [Rr]ootless|rootlesskit|[Rr]ootless (?:[Dd]ocker|[Pp]odman|mode)|podman[^\\n]{0,80}rootless)',
    },
    // `sudo docker run …` (NVIDIA/nvidia-container-toolkit#1200): the root daemon's socket, so a rootful engine
    { name: 'sudoDocker', literals: ['sudo docker '] },
    {
      // `nvidia-ctk --version`: `NVIDIA Container Toolkit CLI version 1.18.0`; `nvidia-container-cli -V`: `cli-version: 1.18.0`
      name: 'ctkNew',
      literals: ['NVIDIA Container Toolkit CLI version ', 'cli-version: '],
      pattern: '(?:NVIDIA Container Toolkit CLI version|cli-version:) (?<version>1\\.(?:1[89]|[2-9]\\d)\\.\\d{1,3}|[2-9]\\.\\d{1,3}\\.\\d{1,3})\\b',
    },
  ],
  message,
  fix: [
    'On the host, see which toolkit runs and whether the engine is rootless (Docker Rootless lists `rootless` under',
    'Security Options; rootless Podman says `rootless: true`):',
    '',
    '```sh',
    'nvidia-ctk --version',
    'docker info | grep -i rootless    # or: podman info | grep -i rootless',
    '```',
    '',
    ...rootlessSteps('Rootless'),
    '',
    ...rootfulSteps('Rootful and older than 1.18.0, upgrade it'),
  ].join('\n'),
  variants: [
    {
      when: 'sudoDocker&!rootless&!ctkNew',
      fix: ['On the host, check the toolkit\'s version:', '', '```sh', 'nvidia-ctk --version', '```', '', ...rootfulSteps('Older than 1.18.0, upgrade it')].join('\n'),
    },
    {
      when: 'sudoDocker&!rootless&ctkNew',
      message: `${message} The toolkit here is {context.ctkNew.version}, 1.18 or later.`,
      fix: newRootfulSteps('On {context.ctkNew.version}').join('\n'),
    },
    {
      // the log names a rootless engine (`dockerd-rootless`, `Docker Rootless`, rootlesskit, rootless Podman)
      when: 'rootless',
      message: `${message} The engine runs rootless (the log says so), and a rootless engine may not change device cgroups at all.`,
      fix: [...rootlessSteps('The engine is rootless'), '', 'Check the toolkit\'s version with `nvidia-ctk --version`.'].join('\n'),
    },
    {
      // the toolkit's version is in the log and is 1.18 or later: no "upgrade" for it
      when: 'ctkNew',
      message: `${message} The toolkit here is {context.ctkNew.version}, 1.18 or later.`,
      fix: [
        'See whether the engine is rootless (`docker info | grep -i rootless`, or `podman info | grep -i rootless`).',
        '',
        ...rootlessSteps('Rootless'),
        '',
        ...newRootfulSteps('Rootful on {context.ctkNew.version}'),
      ].join('\n'),
    },
  ],
  docs: 'https://github.com/NVIDIA/nvidia-container-toolkit/issues/1200',
};
