// NCCL returned ncclSystemError and the log does not show why:
//   `torch.distributed.DistBackendError: NCCL error in: …/NCCLUtils.hpp:268, unhandled system error (run with NCCL_DEBUG=INFO
//   for details), NCCL version 2.21.5` (MiniMax-AI/MiniMax-01#42: vLLM's docker image, tensor parallel on one machine; the
//   maintainer, reading the user's NCCL_DEBUG output: "A low-level system call failed, likely due to a lack of shared memory
//   or improper permissions. I think you need to check shared memory (/dev/shm) space.").
// NCCL's troubleshooting guide ("Runtime and MPI issues", docs.nvidia.com/deeplearning/nccl/user-guide/docs/troubleshooting/
// runtime_and_mpi_issues.html): "ncclUnhandledCudaError and ncclSystemError indicate that a call to an external library
// failed … refer to the NCCL warning message"; NCCL_DEBUG=WARN prints it (INFO prints it and more); shared memory: "Docker
// containers default to limited shared and pinned memory resources … `--shm-size=1g --ulimit memlock=-1`", with the WARN line
// `NCCL WARN Error: failed to extend /dev/shm/nccl-… to … bytes`. Network: NCCL_SOCKET_IFNAME names the interfaces NCCL uses
// (the same guide, "IP Network Interfaces"). A container's /dev/shm is 64 MB unless `--shm-size` says otherwise or `--ipc=host`
// shares the host's (Docker's `docker run` reference).
// The cause is not in the line, so this rule names the class and how to see the cause, and claims none: the WARN line, when
// the log has it, goes to runtime/nccl-shm-too-small (the `unless` below) or says itself what failed.
import type { RuleInput } from '../../schema.js';

const NCCL_DOCS = 'https://docs.nvidia.com/deeplearning/nccl/user-guide/docs/troubleshooting/runtime_and_mpi_issues.html';

const CAUSES = [
  'Then read the `NCCL WARN` line printed before the error; it names the call that failed:',
  '',
  '- `Error while creating shared memory segment` or `failed to extend /dev/shm/…`: /dev/shm is too small. A container has 64 MB unless started ' +
    'with more: `--shm-size=1g --ulimit memlock=-1` (NCCL\'s advice for Docker) or `--ipc=host`; in compose, `shm_size: 1g` or `ipc: host`. ' +
    '`df -h /dev/shm` inside shows the size it has.',
  '- a socket, `connect` or `NET/…` line: the network between the processes; `NCCL_SOCKET_IFNAME` names the interface NCCL should use.',
  '',
  `NCCL's guide to these errors: ${NCCL_DOCS}.`,
];

export const ncclSystemError: RuleInput = {
  id: 'runtime/nccl-system-error',
  title: 'NCCL failed on a system call (the log does not show which)',
  severity: 'error',
  match: [
    // `NCCL error in: /pytorch/torch/csrc/distributed/c10d/NCCLUtils.hpp:268, unhandled system error (run with NCCL_DEBUG=INFO for details), NCCL version 2.21.5`
    // nccl-tests: `fastmoe: Test NCCL failure common.cu:777 'unhandled system error'` (NVIDIA/nccl#473: shared memory in a container, fixed with `--ipc=host`)
    { literals: ['unhandled system error'], pattern: 'NCCL (?:error|failure)[^\\n]{0,600}?\\bunhandled system error' },
  ],
  // NCCL's own WARN line says what failed: the shared-memory one is runtime/nccl-shm-too-small's
  unless: [{ literals: ['Error while creating shared memory segment', 'failed to extend /dev/shm/'] }],
  scope: 'step',
  specificity: 2,
  message:
    'NCCL stopped with `unhandled system error` (ncclSystemError): a system call or an external library call it made failed, and the log ' +
    'does not show NCCL\'s own warning that names which. In a container the usual one is /dev/shm, which NCCL needs for the GPUs of one ' +
    'machine to exchange data and which is 64 MB unless the container is started with more; a socket or the network between processes ' +
    'fails with the same words.',
  fix: [
    'Run it again with NCCL\'s warnings on: `NCCL_DEBUG=INFO` in the environment of the processes (`-e NCCL_DEBUG=INFO` on `docker run`, ' +
      '`environment:` in compose, `export NCCL_DEBUG=INFO` in a shell).',
    '',
    ...CAUSES,
  ].join('\n'),
  docs: NCCL_DOCS,
};
