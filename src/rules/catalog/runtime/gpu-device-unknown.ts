// The NVIDIA runtime was asked for a GPU this host does not have: `nvidia-container-cli: device error: 1: unknown device`
// (NVIDIA/nvidia-docker#1283: `docker run --gpus 2` on a machine with one GPU; klueska: "usually consistent with you asking
// for more GPUs than you have available"). GPUs are named by index (from 0) or UUID, as `nvidia-smi -L` lists them.
// The id can also be text that was meant to be a variable: MaskAnyone/MaskAnyone#61, a compose file's
// `device_ids: ["{MASKANYONE_GPU_ID:-0}"]` without the `$`, which Compose passes on as it is (`device error:
// {MASKANYONE_GPU_ID:-0}: unknown device`); the merged fix wrote `"${MASKANYONE_GPU_ID:-0}"`.
// Sources: Docker's "Run Docker Compose services with GPU access" (device_ids: "GPU device IDs from the host. You can find
// the device ID in the output of nvidia-smi on the host"; `count`); Compose interpolation (`${VAR:-default}`) and `docker
// compose config`, which prints the file with its variables substituted (Compose file reference, Interpolation; the `docker
// compose config` reference). Docker's `--gpus`: `all`, a count, or `device=` with indexes or UUIDs (docker run reference).
// Not this rule: `device error: /var/run/nvidia-container-devices: unknown device` (a Kubernetes device plugin passing GPUs
// as volume mounts, NVIDIA/nvidia-container-toolkit#108), whose id is a path.
import type { RuleInput } from '../../schema.js';

const LIST_GPUS = 'nvidia-smi -L     # on the host: GPU 0: … (UUID: GPU-…), one line per GPU';

export const gpuDeviceUnknown: RuleInput = {
  id: 'runtime/gpu-device-unknown',
  title: 'GPU asked for is not on this host (unknown device)',
  severity: 'error',
  match: [
    {
      literals: ['nvidia-container-cli: device error: '],
      // a `{NAME:-0}` reference holds a colon of its own
      pattern: 'nvidia-container-cli: device error: (?<id>\\$?\\{[^}\\n]{1,200}\\}|[^/:\\s][^:\\n]{0,200}): unknown device',
    },
  ],
  context: [
    // a variable reference that was never substituted: `{NAME:-0}`, `${NAME}`, `$NAME`
    { name: 'unexpanded', literals: ['device error: '], pattern: 'device error: [^\\s:]{0,100}[{$][^\\n]{0,200}: unknown device' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'The NVIDIA container runtime was asked for the GPU `{id}`, which this host does not have. GPUs are named by index, from 0, or by ' +
    'UUID: asking for more GPUs than the host has (`--gpus 2` on a one-GPU machine asks for index 1) or for an index of another machine gives this.',
  fix: [
    'List the host\'s GPUs, then ask for one that is there:',
    '',
    '```sh',
    LIST_GPUS,
    '```',
    '',
    '- `docker run`: `--gpus all`, `--gpus 1` (a count), or `--gpus \'"device=0"\'` (indexes or UUIDs from the list);',
    '- Compose: `count: 1` or `device_ids: ["0"]` under `deploy.resources.reservations.devices`;',
    '- `NVIDIA_VISIBLE_DEVICES`: `all`, or indexes / UUIDs from the list.',
  ].join('\n'),
  variants: [
    {
      when: 'unexpanded',
      title: 'GPU id is a variable that was never substituted',
      message:
        'The NVIDIA container runtime was asked for the GPU `{id}`: that is the text of a variable reference, not a GPU index or UUID. ' +
        'Nothing substituted it: in a Compose file interpolation needs the `$` (`${NAME:-0}`); written as `{NAME:-0}` it reaches the runtime as it is.',
      fix: [
        'Write the reference with its `$`, in the file or command that sets the GPU (a Compose file\'s `device_ids`, `NVIDIA_VISIBLE_DEVICES`,',
        '`--gpus device=`), e.g. `device_ids: ["${NAME:-0}"]` with the variable\'s own name, and check what Compose passes on:',
        '',
        '```sh',
        'docker compose config | grep -A3 device_ids   # the file with its variables substituted',
        LIST_GPUS,
        '```',
        '',
        'The value must be an index or a UUID that `nvidia-smi -L` lists.',
      ].join('\n'),
    },
  ],
  docs: 'https://docs.docker.com/compose/how-tos/gpu-support/',
};
