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
import type { RuleInput } from '../../schema.js';

const GUIDE = 'https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/install-guide.html';

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
  message:
    'The NVIDIA Container Toolkit\'s hook (`nvidia-container-cli`, its legacy mode) could not change the container\'s cgroup device rules (the ' +
    'eBPF program that lets the container open the GPU\'s device nodes): {reason}. The image is not the cause; the toolkit\'s legacy mode fails ' +
    'on this host.',
  fix: [
    'On the host, check the toolkit\'s version:',
    '',
    '```sh',
    'nvidia-ctk --version',
    '```',
    '',
    'Before 1.18.0, upgrade it: from 1.18.0 the NVIDIA Container Runtime no longer uses the legacy mode by default but a CDI specification',
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
    'Start GPU containers with that runtime (`--runtime=nvidia`, or `runtime: nvidia` in compose): `--gpus` alone, on Docker\'s',
    'default runtime, runs the toolkit\'s hook directly, and the hook stays in the legacy mode on 1.18 too. To make the NVIDIA',
    'runtime Docker\'s default: `sudo nvidia-ctk runtime configure --runtime=docker --set-as-default && sudo systemctl restart docker`.',
    '',
    'If it persists on 1.18 or later, see the mode in /etc/nvidia-container-runtime/config.toml (`mode = "legacy"` forces the old path)',
    'and report it with the output of `nvidia-ctk --version` and `docker info` to https://github.com/NVIDIA/nvidia-container-toolkit/issues.',
  ].join('\n'),
  docs: 'https://github.com/NVIDIA/nvidia-container-toolkit/issues/1200',
};
