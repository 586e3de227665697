// Shared wording and signs for a machine that has no NVIDIA GPU a process can use, and for WSL 2, where the GPU comes
// from the Windows driver. Used by runtime/gpu-runtime-missing, runtime/shared-library-missing and cuda/no-gpu-at-build.

/**
 * Any NVIDIA GPU the log names (a laptop with Intel graphics lists the NVIDIA one too): nvidia-smi's table, lspci, a model name.
 */
export const NVIDIA_GPU_SEEN = {
  literals: ['GeForce', 'Quadro', 'Tesla ', 'RTX', 'GTX', 'NVIDIA Corporation', 'NVIDIA-SMI', 'Driver Version:', 'Jetson'],
  pattern: '\\b(?:GeForce|Quadro|Tesla [A-Z]\\d|RTX ?[A-Z]?\\d|GTX ?\\d|NVIDIA Corporation|NVIDIA-SMI \\d|Driver Version: \\d|Jetson)',
};

/** Where a program's CPU mode is found, without naming a flag the log does not show. */
export const CPU_MODE = "the program's CPU mode if it has one (its docs name the option, such as a `--device cpu` flag)";

/**
 * NVIDIA's CUDA on WSL User Guide (docs.nvidia.com/cuda/wsl-user-guide, "CUDA Support for WSL 2"): "The CUDA driver installed on
 * Windows host will be stubbed inside the WSL 2 as libcuda.so, therefore users must not install any NVIDIA GPU Linux driver within
 * WSL 2"; the default CUDA Toolkit packages come with a driver, "easy to overwrite the WSL 2 NVIDIA driver with the default
 * installation", hence its WSL-Ubuntu toolkit packages, which do not. The library sits in /usr/lib/wsl/lib (Microsoft, "Enable
 * NVIDIA CUDA on WSL 2"; the thread's `ls /usr/lib/wsl/lib`). The Windows driver's page: developer.nvidia.com/cuda/wsl.
 */
export const WSL_WINDOWS_DRIVER =
  'install the current NVIDIA driver for Windows (https://developer.nvidia.com/cuda/wsl), on Windows; never install a Linux NVIDIA driver inside WSL';
