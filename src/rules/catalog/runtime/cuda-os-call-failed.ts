// CUDA error 304, cudaErrorOperatingSystem (CUDA_ERROR_OPERATING_SYSTEM in the driver API): "This error indicates that an
// OS call failed" (CUDA Runtime API, enum cudaError; the cuda-python bindings mirror it), printed by the runtime as
// `OS call failed or operation not supported on this OS`: ggml's `CUDA error 304 at …/ggml-cuda.cu:5065: OS call failed or
// operation not supported on this OS` (abetlen/llama-cpp-python#645), DALI's `CUDA runtime API error cudaErrorOperatingSystem
// (304)` (NVIDIA/DALI#4852).
// What the CUDA driver asked of the OS and was refused is not in the message. In a container the usual refusal is the
// container's seccomp filter, a list of the system calls a process may make (Docker's "Seccomp security profiles for
// Docker": the default profile allows a list and fails the rest with a permission error; `--security-opt seccomp=unconfined`
// runs without one). Reported cases: llama-cpp-python#645, "resolved by adding `--security-opt seccomp=unconfined` to the
// `docker run` command"; NVIDIA/OpenShell#1696, a sandbox profile that blocked memfd_create, which the CUDA driver calls at
// initialisation (CUDA works under Docker's default profile there). A host whose Docker and libseccomp are older than the
// image's C library expects blocks system calls they do not know (docker-library/official-images#16829: test with
// `seccomp=unconfined` only, the fix is a newer docker and libseccomp on the host). So the advice tests the filter once and
// names the lasting fix, without claiming which call it was; outside a container it says how to find the failing call.
// Not this rule: the NVIDIA Container Toolkit's own `nvidia-container-cli: initialization error: cuda error: os call failed
// or operation not supported on this os` (lower case, the toolkit's hook before the container starts,
// NVIDIA/nvidia-container-toolkit#908): the nomatch fixture.
import type { RuleInput } from '../../schema.js';

const SECCOMP_DOCS = 'https://docs.docker.com/engine/security/seccomp/';

const FIND_THE_CALL = [
  'To see which call failed, run the program under strace and look at the last calls that returned an error before CUDA gave up:',
  '',
  '```sh',
  'strace -f -o /tmp/cuda.strace PROGRAM ARGS          # the command that failed',
  "grep -E '= -1 E(PERM|NOSYS|ACCES)' /tmp/cuda.strace | tail",
  '```',
].join('\n');

export const cudaOsCallFailed: RuleInput = {
  id: 'runtime/cuda-os-call-failed',
  title: 'CUDA error 304: an OS call of the CUDA driver failed',
  severity: 'error',
  match: [
    // `CUDA error 304 at …/ggml-cuda.cu:5065: OS call failed or operation not supported on this OS` (case-sensitive: the
    // toolkit's lower-case `cuda error: os call failed` is another story)
    { literals: ['OS call failed or operation not supported on this OS'] },
    { literals: ['cudaErrorOperatingSystem', 'CUDA_ERROR_OPERATING_SYSTEM'] },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'A system call the CUDA driver made failed (CUDA error 304, cudaErrorOperatingSystem: "an OS call failed"), so CUDA could not go on. ' +
    'The message does not say which call or why. In a container the usual cause is the container\'s seccomp filter, which allows only a list of system calls.',
  fix: [
    FIND_THE_CALL,
    '',
    'If this runs in a container, test its syscall filter first: start it once with `--security-opt seccomp=unconfined` (Docker, podman). If CUDA then starts, ' +
      'the filter blocked the call: update Docker (or podman), containerd/runc and libseccomp on the host, or allow that call in a custom profile. Docker\'s page: ' +
      SECCOMP_DOCS,
  ].join('\n'),
  variants: [
    {
      when: 'fact.place=docker-run',
      title: 'CUDA error 304 in a container: an OS call of the CUDA driver was refused',
      message:
        'The CUDA driver made a system call that was refused (CUDA error 304, cudaErrorOperatingSystem), so CUDA could not start in this container. ' +
        'The message does not say which call. The usual refusal in a container is its seccomp filter: the runtime lets a process make only the system calls of its ' +
        'profile, and a Docker or libseccomp older than the image expects refuses calls it does not know. The image and the GPU are not shown to be at fault.',
      fix: [
        'On the host, test the filter once: run the same `docker run` (or `podman run`) with `--security-opt seccomp=unconfined` added. If CUDA starts, the seccomp ' +
          'filter refused the call. `seccomp=unconfined` turns the whole filter off, so keep it as a test, not as the fix; the lasting fixes are:',
        '',
        '- update Docker (or podman), containerd/runc and libseccomp on the host (their packages from the same source Docker came from), so the default profile knows ' +
          'the calls of the image\'s C library and driver; or',
        '- if the container runs with a custom profile (`--security-opt seccomp=profile.json`; in Kubernetes, `securityContext.seccompProfile`), allow the call that ' +
          'strace shows refused (`strace -f` on the program inside the container, the last `= -1 EPERM` before the error).',
        '',
        'If the error stays with `seccomp=unconfined`, the filter is not the cause: run the program under `strace -f` to find the failing call. Docker\'s page: ' + SECCOMP_DOCS,
      ].join('\n'),
    },
  ],
  docs: 'https://docs.nvidia.com/cuda/cuda-runtime-api/group__CUDART__TYPES.html',
};
