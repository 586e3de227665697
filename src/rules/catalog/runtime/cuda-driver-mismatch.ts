// CUDA error 803, as the runtime prints it: `Error 803: system has unsupported display driver / cuda driver combination`
// (torch's `Unexpected error from cudaGetDeviceCount(). … Error 803: …`, rnakato/ShortCake#14; Caffe's `Check failed: e ==
// cudaSuccess (803 vs. 0) : system has unsupported display driver / cuda driver combination`, NVIDIA/nvidia-docker#1256), and
// its names `cudaErrorSystemDriverMismatch` / `CUDA_ERROR_SYSTEM_DRIVER_MISMATCH`. CUDA's reference: "This error indicates
// that there is a mismatch between the versions of the display driver and the CUDA driver. Refer to the compatibility
// documentation for supported versions" (cudaErrorSystemDriverMismatch = 803, CUDA Runtime API, enum cudaError). The CUDA
// driver is the user-space library, libcuda.so; the display driver the kernel module, whose version
// /proc/driver/nvidia/version prints. They differ when:
// - the host's driver packages were upgraded and the old kernel module still runs (nvidia-smi on the host then fails with
//   `Failed to initialize NVML: Driver/library version mismatch`): a reboot loads the new one;
// - the program loads a libcuda.so of its own instead of the host's: NVIDIA's forward-compatibility package (cuda-compat-X-Y,
//   installed under /usr/local/cuda-X.Y/compat; NVIDIA's "CUDA Compatibility", Forward Compatibility: only for data-center
//   GPUs, select NGC Server Ready RTX SKUs and Jetson boards; conda's `cuda-compat` package says "Used for Tesla cards only"),
//   or a libcuda copied into an image or environment. In a container the NVIDIA Container Toolkit mounts the host's own
//   libcuda, so one of the image's comes first only through LD_LIBRARY_PATH or the image's ld.so.conf.
// Error 804 (`forward compatibility was attempted on non supported HW`) is cuda/driver-too-old's, the nomatch fixture.
// rnakato/ShortCake#14 (the match fixture): the thread's fix was a rebuilt image with another jax build (jax[cuda11]); the
// log shows neither the image's libraries nor the driver, so the fix tells how to see which libcuda was loaded.
// The same mismatch as NVML reports it (NVML_ERROR_LIB_RM_VERSION_MISMATCH, 18: "RM detects a driver/library version
// mismatch", nvml.h / cuda.bindings.nvml.Return): nvidia-smi's `Failed to initialize NVML: Driver/library version mismatch`,
// and the NVIDIA Container Toolkit's `nvidia-container-cli: initialization error: nvml error: driver/library version mismatch`
// when a container is started with GPUs (lightgbm-org/LightGBM#5546, a self-hosted GPU runner; the maintainers' fix was a
// reboot). Both are read on the host that runs the driver, never in an image: a CUDA program's own libcuda is not the cause,
// the user-space driver upgraded under a kernel module still loaded is. `cat /proc/driver/nvidia/version` prints the loaded
// module's version; `lsmod | grep nvidia` lists the modules, `sudo rmmod`/`modprobe` reloads them when no process holds them
// (nvidia_uvm, nvidia_drm, nvidia_modeset before nvidia: their dependency order in lsmod's "Used by").
import type { RuleInput } from '../../schema.js';

const COMPAT_DOCS = 'https://docs.nvidia.com/deploy/cuda-compatibility/';

/** NVML's version mismatch: a driver upgraded under its running kernel module; `more` adds a sentence on where it was hit. */
function nvmlMismatch(more: string): { title: string; message: string; fix: string } {
  return {
    title: 'NVIDIA driver upgraded, its old kernel module still loaded (Driver/library version mismatch)',
    message:
      'NVML refused to start: the NVIDIA driver\'s user-space libraries on this host are of another version than the NVIDIA kernel module ' +
      'that is loaded. That is what a driver upgrade (an unattended-upgrades run, a package update) leaves until the host reboots: the new ' +
      `libraries are installed, the old module still runs.${more}`,
    fix: [
      'On the host (for a CI job, the runner\'s machine), compare the two versions, then reboot (or reload the modules) so the upgraded module runs:',
      '',
      '```sh',
      'cat /proc/driver/nvidia/version        # the kernel module that is loaded',
      'nvidia-smi                             # "Driver/library version mismatch" while the two differ',
      'grep -i nvidia /var/log/apt/history.log | tail -5   # the upgrade (Debian/Ubuntu; dnf history on RHEL)',
      'sudo reboot',
      '```',
      '',
      'Without a reboot, stop what uses the GPU (`sudo lsof /dev/nvidia*`) and reload the modules: ' +
        '`sudo rmmod nvidia_uvm nvidia_drm nvidia_modeset nvidia && sudo modprobe nvidia && nvidia-smi`. ' +
        'On a machine that must not change under running jobs (a CI runner), hold the driver packages between planned upgrades ' +
        '(`sudo apt-mark hold` on them, or exclude them from unattended-upgrades).',
    ].join('\n'),
  };
}

export const cudaDriverMismatch: RuleInput = {
  id: 'runtime/cuda-driver-mismatch',
  title: 'CUDA driver library does not match the kernel driver (error 803)',
  severity: 'error',
  match: [
    // `Error 803: system has unsupported display driver / cuda driver combination`, `… (803 vs. 0) : system has unsupported …`
    { literals: ['system has unsupported display driver / cuda driver combination'] },
    { literals: ['cudaErrorSystemDriverMismatch', 'CUDA_ERROR_SYSTEM_DRIVER_MISMATCH'] },
    // NVML: `Failed to initialize NVML: Driver/library version mismatch`, `nvml error: driver/library version mismatch: unknown.`
    { literals: ['Driver/library version mismatch', 'driver/library version mismatch'] },
  ],
  context: [
    { name: 'nvmlMismatch', literals: ['Driver/library version mismatch', 'driver/library version mismatch'] },
    { name: 'containerCli', literals: ['nvidia-container-cli: initialization error'] },
  ],
  variants: [
    { when: 'nvmlMismatch&containerCli', ...nvmlMismatch(' The NVIDIA Container Toolkit hit it on the host as the container started: the image is not the cause.') },
    { when: 'nvmlMismatch', ...nvmlMismatch('') },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'CUDA stopped with error 803 (cudaErrorSystemDriverMismatch): the CUDA driver library the program loaded (libcuda.so) is not of the ' +
    'version of the NVIDIA kernel driver that runs. Either the host\'s driver was upgraded and the old kernel module still runs, or the ' +
    'program loads a libcuda of its own (a forward-compatibility `compat` library, or one copied into the image or environment) instead of the host\'s.',
  fix: [
    'See which two versions meet, where the program ran (in the container, for a container) and on the host:',
    '',
    '```sh',
    'cat /proc/driver/nvidia/version                         # the kernel driver that runs',
    'nvidia-smi                                              # on the host: "Driver/library version mismatch" = upgraded, not rebooted',
    'ldconfig -p | grep libcuda.so; echo "$LD_LIBRARY_PATH"  # the libcuda the program finds first',
    'ls /usr/local/cuda*/compat 2>/dev/null                  # a forward-compatibility libcuda in the image',
    '```',
    '',
    '- `nvidia-smi` on the host reports the mismatch: reboot the host (or unload and reload the nvidia modules) so the upgraded driver runs.',
    '- a libcuda.so of another version than /proc/driver/nvidia/version, from a `compat` directory or the environment: take it off the ' +
      'library path (LD_LIBRARY_PATH, the image\'s ld.so.conf, a conda `cuda-compat` package) so the host\'s libcuda is used; forward ' +
      'compatibility works only on data-center GPUs and Jetson boards (' + COMPAT_DOCS + '). If the program then needs a newer driver ' +
      'than the host has, use a build of it (or an image) for the host\'s CUDA, or upgrade the host driver.',
  ].join('\n'),
  docs: COMPAT_DOCS,
};
