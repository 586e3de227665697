// CUDA error 500 (CUDA_ERROR_NOT_FOUND / cudaErrorSymbolNotFound, "named symbol not found") as CUDA starts, in a Linux
// container on Windows: torch's `Unexpected error from cudaGetDeviceCount(). … Error 500: named symbol not found`
// (jhj0517/Whisper-WebUI#279, YanWenKun/ComfyUI-Docker#74 and #77, TencentARC/InstantMesh#118, transcriptionstream#13) and
// llama.cpp's `ggml_cuda_init: failed to initialize CUDA: named symbol not found` (xorbitsai/inference#1704).
// The cause, from NVIDIA (NVIDIA/nvidia-container-toolkit#520, cliffwoolley, 2024-05-29): "NVIDIA drivers 555.xx and newer
// for Windows have added a library called `libnvdxgdmal.so.1` that must be mapped into the container for CUDA to continue
// working in containers under WSL2"; when it is missing, "CUDA initialization will return error 500 'named symbol not
// found' (CUDA_ERROR_NOT_FOUND)". Fixed in the NVIDIA Container Toolkit 1.14.4 and 1.15.0, and "for Docker Desktop users
// … as part of the Docker Desktop 4.31.0 update" (same thread). So the container runtime of WSL 2 (Docker Desktop's, or a
// toolkit installed in a WSL distribution) is older than the Windows driver. The threads' confirmed fixes: updating Docker
// Desktop (jhj0517/Whisper-WebUI#279 "Updating Docker Desktop to latest version solved the problem."; YanWenKun/ComfyUI-Docker#74
// "更新docker 解决"), or going back to a Windows driver before 555 (tensorflow/tensorflow#68711: 551.86 worked where 555.85
// failed). Docker's prerequisites for GPUs in Docker Desktop (docs.docker.com/desktop/features/gpu): up-to-date NVIDIA
// drivers supporting WSL 2 GPU paravirtualization, the latest WSL 2 kernel (`wsl --update`), the WSL 2 backend, and the
// check `docker run --rm -it --gpus=all nvcr.io/nvidia/k8s/cuda-sample:nbody nbody -gpu -benchmark`. NVIDIA's CUDA on WSL
// User Guide (docs.nvidia.com/cuda/wsl-user-guide): the Windows driver provides libcuda to WSL 2 (in /usr/lib/wsl/lib); no
// Linux driver is installed in WSL.
// Error 500 names no place: the two logs this rule was written for show neither WSL nor Docker Desktop (a bare line, a
// traceback), so without a sign of WSL the finding says that this is the WSL 2 reading and how to tell. Other cudaGetDeviceCount
// errors are other rules': 803 (runtime/cuda-driver-mismatch), 804 (cuda/driver-too-old). A `named symbol not found` from a
// kernel launch (not from CUDA's start) is not matched.
import type { RuleInput } from '../../schema.js';

const NVIDIA_ISSUE = 'https://github.com/NVIDIA/nvidia-container-toolkit/issues/520';
const DOCKER_GPU_DOCS = 'https://docs.docker.com/desktop/features/gpu/';

const MESSAGE_WSL =
  'CUDA could not start in the container: error 500, "named symbol not found" (CUDA_ERROR_NOT_FOUND). Under WSL 2 (Docker Desktop on ' +
  'Windows) this is the Windows NVIDIA driver and the WSL 2 GPU path out of step: Windows drivers 555 and later need a library ' +
  '(`libnvdxgdmal.so.1`) mounted into the container, which older Docker Desktop releases (before 4.31.0) and NVIDIA Container Toolkit ' +
  'releases (before 1.14.4) do not mount. The image is not the cause.';

const VERSIONS = [
  'Check the versions, in PowerShell on Windows:',
  '',
  '```powershell',
  'docker version        # "Server: Docker Desktop 4.x": 4.31.0 or later is needed with a 555+ Windows driver',
  'wsl --version         # the WSL and WSL kernel versions',
  'nvidia-smi            # "Driver Version:", the Windows NVIDIA driver',
  '```',
  '',
];

const FIX_STEPS = [
  '- Update Docker Desktop (Settings > Software updates, or the installer from docs.docker.com), then update the WSL kernel and restart WSL:',
  '  `wsl --update`, `wsl --shutdown`, and start Docker Desktop again.',
  '- Docker Engine installed inside a WSL distribution (no Docker Desktop): update the NVIDIA Container Toolkit there to 1.14.4 or later ' +
    '(`sudo apt-get install --only-upgrade nvidia-container-toolkit`, then `sudo systemctl restart docker`).',
  '- If you cannot update them yet: install a Windows NVIDIA driver before 555 (551.86 is one the threads confirm) until you can.',
  '',
  'Then check with Docker\'s own test: `docker run --rm -it --gpus=all nvcr.io/nvidia/k8s/cuda-sample:nbody nbody -gpu -benchmark` ' +
    `(${DOCKER_GPU_DOCS}; NVIDIA's notice: ${NVIDIA_ISSUE}).`,
];

export const wslCudaSymbolNotFound: RuleInput = {
  id: 'runtime/wsl-cuda-symbol-not-found',
  title: 'CUDA cannot start (error 500, named symbol not found): on Windows, a WSL 2 GPU path older than the driver',
  severity: 'error',
  match: [
    // torch: `Unexpected error from cudaGetDeviceCount(). Did you run some cuda functions before calling NumCudaDevices() that
    // might have already set an error? Error 500: named symbol not found`. The CUDA runtime's own words for its error 500
    // (cudaErrorSymbolNotFound), read alone: a terminal or a paste often wraps that long warning before them.
    { literals: ['Error 500: named symbol not found'] },
    // llama.cpp (ggml): `ggml_cuda_init: failed to initialize CUDA: named symbol not found`
    { literals: ['failed to initialize CUDA: named symbol not found'] },
  ],
  context: [
    // Signs that it ran under WSL 2: the WSL kernel's name, the WSL driver folder, Docker Desktop (its VM's host name
    // `docker-desktop`, as in `root@docker-desktop:/opt/lmdeploy#`, InternLM/lmdeploy#2570).
    { name: 'wsl', literals: ['WSL', 'docker-desktop', 'Docker Desktop', '/usr/lib/wsl/'], pattern: '\\bWSL ?2\\b|microsoft-standard-WSL|/usr/lib/wsl/|docker-desktop|Docker Desktop' },
  ],
  variants: [
    {
      when: 'wsl',
      title: 'CUDA cannot start in the container: WSL 2 GPU path older than the Windows driver (error 500)',
      message: MESSAGE_WSL,
      fix: [...VERSIONS, ...FIX_STEPS].join('\n'),
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'CUDA could not start: error 500, "named symbol not found" (CUDA_ERROR_NOT_FOUND), as it counted the GPUs. The known cause is a ' +
    'Linux container on Windows (Docker Desktop, or Docker in WSL 2) whose GPU path is older than the Windows NVIDIA driver: Windows ' +
    'drivers 555 and later need a library (`libnvdxgdmal.so.1`) mounted into the container, which Docker Desktop before 4.31.0 and the ' +
    'NVIDIA Container Toolkit before 1.14.4 do not mount. The log does not show where the container ran; the image is not the cause.',
  fix: [
    'First tell where it ran: in the container, `ls /usr/lib/wsl/lib` lists the Windows driver\'s libraries under WSL 2 (Docker Desktop on ' +
      'Windows); on a Linux host that folder does not exist.',
    '',
    ...VERSIONS,
    ...FIX_STEPS,
    '',
    'On a Linux host (no WSL), error 500 at CUDA\'s start is not this case: compare the driver the program loads with the one that ' +
      'runs (`ldconfig -p | grep libcuda.so` in the container, `cat /proc/driver/nvidia/version`), and update the NVIDIA Container ' +
      'Toolkit (`nvidia-ctk --version`).',
  ].join('\n'),
  docs: NVIDIA_ISSUE,
};
