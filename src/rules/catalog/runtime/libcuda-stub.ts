// The process loaded a libcuda that is not the driver:
// - `ImportError: /usr/lib/x86_64-linux-gnu/libcuda.so.1: file too short` — the file is empty (0 bytes).
//   The real libcuda comes from the host's driver: the NVIDIA Container Toolkit mounts it into the
//   container when it starts with GPU access. An image built (or `docker commit`ed) in a container that
//   ran with the NVIDIA runtime keeps those mount points as 0-byte files; NVIDIA's maintainer:
//   "the container image was built using the nvidia-container-runtime instead of runc. This causes the
//   NVIDIA Container CLI to mount these files into the container from the host and these are then left as
//   zero-byte files" (NVIDIA/libnvidia-container#140). Started without GPU access, the loader finds the
//   empty file (warmshao/FasterLivePortrait#37, Thinklab-SJTU/R3Det_Tensorflow#78: `docker run` without
//   the NVIDIA runtime). Paddle opens the unversioned `libcuda.so`, which the toolkit does not provide, so
//   an empty `libcuda.so` fails even with a GPU (PaddlePaddle/PaddleNLP#7094: device 0 found, then
//   `libcuda.so: file too short`).
// - `CUDA driver is a stub library` (CUDA_ERROR_STUB_LIBRARY = 34, cuda.h of CUDA 13.0 on this machine:
//   "the CUDA driver that the application has loaded is a stub library"): the toolkit's
//   `lib64/stubs/libcuda.so`, for linking only, is ahead of the driver on the library path (NVIDIA/warp#219,
//   numba/numba#8985: `lib64/stubs` on LD_LIBRARY_PATH).
import type { RuleInput } from '../../schema.js';
import { PATH_CHAR } from '../../path-chars.js';

const EMPTY_FILES = "find / -xdev -name 'libcuda.so*' -size 0 2>/dev/null";

export const libcudaStub: RuleInput = {
  id: 'runtime/libcuda-stub',
  title: 'libcuda is an empty file or the stub, not the driver',
  severity: 'error',
  match: [
    // `ImportError: /usr/lib/x86_64-linux-gnu/libcuda.so.1: file too short`, `(error code is /usr/lib/x86_64-linux-gnu/libcuda.so: file too short)`
    { literals: ['file too short'], pattern: `(?<path>${PATH_CHAR}{0,200}libcuda\\.so[\\d.]{0,20}): file too short` },
    // cudaGetErrorString(cudaErrorStubLibrary) / cuGetErrorString(CUDA_ERROR_STUB_LIBRARY)
    { literals: ['CUDA driver is a stub library'] },
  ],
  context: [
    { name: 'unversioned', literals: ['libcuda.so: file too short'] },
    { name: 'stub', literals: ['CUDA driver is a stub library'] },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'The process loaded `{path|libcuda}`, an empty (0-byte) file, instead of the NVIDIA driver\'s library. Inside a container the ' +
    'real libcuda is mounted from the host by the NVIDIA Container Toolkit when the container starts with GPU access; an image ' +
    'built or committed in a container that ran with the NVIDIA runtime keeps those mount points as empty files, and without ' +
    'GPU access the loader finds them.',
  fix: [
    'Start the container with GPU access: add `--gpus all` to its `docker run` command (the host needs the NVIDIA Container',
    'Toolkit), so the toolkit mounts the driver\'s libcuda over the empty file; `nvidia-smi` inside the container then works.',
    '',
    'To repair the image, list the empty driver files it carries:',
    '',
    '```sh',
    EMPTY_FILES,
    '```',
    '',
    'delete them in the Dockerfile (`RUN ' + EMPTY_FILES.replace(' 2>/dev/null', ' -delete') + '`), and build without the',
    'NVIDIA runtime as Docker\'s default runtime (and do not `docker commit` a container that ran with GPUs).',
  ].join('\n'),
  variants: [
    {
      when: 'stub',
      message:
        'The process loaded the CUDA toolkit\'s stub `libcuda.so` (from `lib64/stubs`) instead of the NVIDIA driver: the stub ' +
        'only lets programs link without a driver, and every CUDA call through it fails. Its directory is ahead of the driver ' +
        'on the library path.',
      fix: [
        'Find which libcuda the loader picks and where the stubs directory comes from:',
        '',
        '```sh',
        'ldconfig -p | grep libcuda',
        'echo "$LD_LIBRARY_PATH"',
        '```',
        '',
        'Remove `…/lib64/stubs` from `LD_LIBRARY_PATH` (and from `/etc/ld.so.conf.d`) at run time; it belongs on `LIBRARY_PATH`',
        '(link time) only. In a container, start it with `--gpus all` so the driver\'s `libcuda.so.1` is there to be found.',
      ].join('\n'),
    },
    {
      when: 'unversioned',
      message:
        'The program opened the unversioned `{path}`, and in this container that name is an empty (0-byte) file. The NVIDIA ' +
        'Container Toolkit mounts the driver as `libcuda.so.1` (and its full version), not as `libcuda.so`, so the empty file ' +
        'left in the image stays in the way even with GPU access.',
      fix: [
        'Point the unversioned name at the driver\'s library (in the image, the link resolves once the container runs with a GPU):',
        '',
        '```sh',
        'ls -l {path}*',
        'ln -sf libcuda.so.1 {path}',
        '```',
        '',
        'In the Dockerfile: `RUN ln -sf libcuda.so.1 {path}`; and start the container with `--gpus all`.',
      ].join('\n'),
    },
  ],
  docs: 'https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/install-guide.html',
};
