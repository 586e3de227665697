// A container asked for CDI devices (`podman run --device nvidia.com/gpu=all`, docker or containerd with CDI) and the runtime
// could not inject them because the spec names a device node the host no longer has:
//   `Error: setting up CDI devices: failed to inject devices: failed to stat CDI host device "/dev/dri/renderD129": no such
//   file or directory` (NVIDIA/nvidia-container-toolkit#885, rootless podman; regenerating the spec as root fixed it);
//   `… failed to inject CDI devices: failed to inject devices: failed to stat CDI host device "/dev/dri/card0": …` (docker).
// The words are the CDI library's: DeviceNode.fillMissingInfo stats each node's host path and returns
// `failed to stat CDI host device %q: %w` (cncf-tags/container-device-interface, pkg/cdi/container-edits.go). A spec is a
// snapshot of the devices at generation time, so a node renumbered or removed since (a driver reinstalled or upgraded, a GPU
// added or removed, DRM nodes numbered otherwise) leaves it stale.
// Not this rule: `unresolvable CDI devices nvidia.com/gpu=all` (no spec names the device: runtime/cdi-device-unavailable).
// Where the advice comes from (NVIDIA Container Toolkit, "Support for Container Device Interface",
// docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/cdi-support.html): specs live in /etc/cdi and
// /var/run/cdi, the latter cleared at boot; `sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml` writes one;
// `nvidia-ctk cdi list` names the devices; from toolkit 1.18.0 the nvidia-cdi-refresh systemd service generates
// /var/run/cdi/nvidia.yaml itself and again on driver install events (its path unit watches /lib/modules/%v/modules.dep,
// NVIDIA/nvidia-container-toolkit#1229). /dev/nvidia-uvm is the nvidia_uvm module's node (NVIDIA's CUDA installation guide
// loads it with `modprobe nvidia-uvm` where the nodes are not created at boot).
import type { RuleInput } from '../../schema.js';

const CHECK = [
  '```sh',
  'ls /dev/dri /dev/nvidia*                                     # the device nodes this host has now',
  'ls /etc/cdi /var/run/cdi                                     # the specs the runtime reads (both directories)',
  'sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml   # again for /var/run/cdi/nvidia.yaml if that file exists',
  'nvidia-ctk cdi list                                          # the device names the new spec offers',
  '```',
].join('\n');

export const cdiSpecStale: RuleInput = {
  id: 'runtime/cdi-spec-stale',
  title: 'CDI spec names a GPU device node this host no longer has',
  severity: 'error',
  match: [
    {
      literals: ['failed to stat CDI host device'],
      pattern: 'failed to stat CDI host device "(?<node>[^"\\s]{1,200})": (?<why>[^\\n]{1,200})',
    },
  ],
  context: [{ name: 'uvm', literals: ['failed to stat CDI host device "/dev/nvidia-uvm'] }],
  scope: 'step',
  specificity: 3,
  message:
    'The container runtime could not inject the CDI devices the container asked for: the spec lists the device node `{node}`, and ' +
    'the host has no such node now ({why}). A CDI spec is a snapshot of the devices when it was generated; a driver reinstalled or ' +
    'upgraded, a GPU added or removed, or display nodes numbered otherwise since leave it naming nodes that are gone.',
  fix: [
    'Generate the spec again on the host, as root, where it is read from (a spec in each directory: regenerate each), then run the container again:',
    '',
    CHECK,
    '',
    'From NVIDIA Container Toolkit 1.18.0 the `nvidia-cdi-refresh` service regenerates /var/run/cdi/nvidia.yaml at boot and when the driver changes;',
    'a hand-written copy in /etc/cdi is not refreshed, so regenerate it (or remove it) after driver changes.',
  ].join('\n'),
  variants: [
    {
      when: 'uvm',
      message:
        'The container runtime could not inject the CDI devices the container asked for: the spec lists `{node}`, and the host has no such node now ' +
        '({why}). That node belongs to the nvidia_uvm kernel module: the module is not loaded, or the spec is older than the driver.',
      fix: [
        'Load the module on the host and check the node, then run the container again: `sudo modprobe nvidia-uvm && ls -l /dev/nvidia-uvm*`.',
        'If the node is there and the error stays, the spec is stale: generate it again where it is read from:',
        '',
        CHECK,
      ].join('\n'),
    },
  ],
  docs: 'https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/cdi-support.html',
};
