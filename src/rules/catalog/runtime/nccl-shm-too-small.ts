// NCCL could not create its shared-memory segment: GPUs of one node exchange data through files in
// /dev/shm, and a container's /dev/shm is 64 MB unless `docker run --shm-size` (or compose `shm_size`)
// says otherwise (Docker's `docker run` reference, `--shm-size`). NCCL's words:
//   `Error while creating shared memory segment /dev/shm/nccl-1YsMbG (size 7340384)` under
//   `ncclSystemError: System call (e.g. socket, malloc) or external library call failed …` (pytorch/torchtitan#853:
//   its CI container's /dev/shm, fixed with `--shm-size=1g`), `NCCL WARN Error while creating shared memory segment
//   nccl-shm-recv-…` after `Call to posix_fallocate failed : No space left on device` (pytorch/pytorch#40622), or
//   after `Call to shm_open failed : Permission denied` (NVIDIA/nccl#328: /dev/shm not writable on a machine).
// The fixes the threads give: a bigger /dev/shm (`--shm-size=1g`: torchtitan#853; `--shm-size=2gb`: pytorch/tutorials
// CI for `ncclShmOpen`), or the host's IPC namespace (`--ipc=host`: NVIDIA/nccl#473). Not this rule: NCCL's
// `unhandled system error` alone, whose cause the log does not name (socket, InfiniBand, shm alike): runtime/nccl-system-error.
import type { RuleInput } from '../../schema.js';
import { RUN_COMMAND_CONTEXT } from './run-command.js';

const MESSAGE =
  'NCCL could not create its shared-memory segment in `/dev/shm`, where the GPUs of one machine exchange data, so the process group could not start. ' +
  'In a container `/dev/shm` is 64 MB unless the container is started with more.';

export const ncclShmTooSmall: RuleInput = {
  id: 'runtime/nccl-shm-too-small',
  title: 'NCCL could not create its shared memory (/dev/shm too small)',
  severity: 'error',
  match: [
    // `Error while creating shared memory segment /dev/shm/nccl-1YsMbG (size 7340384)`, `… segment nccl-shm-recv-b79…-0-3-0 (size 4460544)`
    { literals: ['Error while creating shared memory segment'] },
  ],
  context: [
    { name: 'denied', literals: ['shm_open failed : Permission denied'] },
    RUN_COMMAND_CONTEXT,
  ],
  scope: 'step',
  specificity: 3,
  message: MESSAGE,
  fix: [
    'Give the container a bigger `/dev/shm`: `--shm-size=1g` in its `docker run` command (in a compose file, `shm_size: 1g` on the service), ' +
      'or share the host\'s with `--ipc=host`. Inside it, `df -h /dev/shm` shows the size it has. On a machine outside a container, ' +
      '`df -h /dev/shm` shows whether it is full.',
  ].join('\n'),
  variants: [
    {
      when: 'denied',
      message: 'NCCL could not create its shared-memory segment: opening it in `/dev/shm` was refused (Permission denied), so the process group could not start.',
      fix: 'Make `/dev/shm` writable for the user that runs the job (`ls -ld /dev/shm` shows its mode; it is normally `drwxrwxrwt`, mode 1777), or start the container with `--ipc=host`.',
    },
    {
      when: 'enrich.runWithShm',
      fix: [
        'Give the container a bigger `/dev/shm`: the same command with `--shm-size=1g` (or `--ipc=host` in its place, to share the host\'s):',
        '',
        '```sh',
        '{enrich.runWithShm}',
        '```',
        '',
        'Inside the container, `df -h /dev/shm` shows the size it has.',
      ].join('\n'),
    },
  ],
  enrich: 'run-command',
  docs: 'https://docs.nvidia.com/deeplearning/nccl/user-guide/docs/troubleshooting.html',
};
