// torch's `CUDA driver initialization failed, you might not have a CUDA gpu.`: as the warning of
// `torch.cuda.is_available()` (`UserWarning: CUDA initialization: CUDA driver initialization failed …`, pytorch/pytorch#98885)
// or as a RuntimeError at the first CUDA call. The driver is there (with no driver torch says `Found no NVIDIA driver on
// your system`, and with no GPU `No CUDA GPUs are available`: cuda/no-gpu-at-build), but CUDA could not initialise it.
// #98885 shows the shape: `torch.cuda.device_count()` is 1 and nvidia-smi lists the GPU (driver 525, CUDA 12.0 for a
// cu117 torch: not too old), yet CUDA does not start. The thread is stored without a resolution, so the fix tells the
// causes apart instead of picking one:
// - the Unified Memory device missing: CUDA needs `/dev/nvidia-uvm` (and `/dev/nvidia-uvm-tools`), nvidia-smi does not; a
//   container that lacks them while the host has them, or a host whose nvidia_uvm module is not loaded
//   (pytorch/pytorch#49081, comment quoted by xhinker 2024-01-08: "Check that you have them on both host and container",
//   `sudo nvidia-modprobe -c 0 -u` on the host; the toolkit maintainers' `nvidia-modprobe -u -c=0`, NVIDIA/nvidia-docker#106;
//   ggml-org/llama.cpp#7218: `sudo modprobe nvidia_uvm`). A container gets its device nodes when it starts, so it has to
//   be started again once the host has them.
// - nvidia_uvm broken by a suspend and resume: `sudo modprobe -r nvidia_uvm && sudo modprobe nvidia_uvm` (pytorch/pytorch#49081,
//   same comment; pop-os/default-settings#64: CUDA fails after resume until nvidia_uvm is reloaded).
// - a GPU or driver in a bad state: Xid / `RmInitAdapter failed` lines in dmesg (NVIDIA/nvidia-container-toolkit#236), a reboot.
// - a build step: no GPU at all there (cuda/build-gpu.ts).
// A second wording has a cause of its own: `CUDA_ERROR_SYSTEM_NOT_READY: system not yet initialized` (error 802, XLA's
// `failed call to cuInit`, jax-ml/jax#24866; torch's `Error 802: system not yet initialized`, microsoft/lisa#2823). The
// driver is loaded but the GPUs are not registered with the NVLink fabric yet: on NVSwitch systems (DGX/HGX A100, H100,
// H200, B200) the NVIDIA Fabric Manager daemon must run (jax-ml/jax#34113; aws-samples/aws-deep-learning-ami-ubuntu-dcv-desktop#33;
// pytorch/pytorch#35710). Its systemd unit is `nvidia-fabricmanager.service` (NVIDIA/NVSentinel#883, NVIDIA/gpu-operator#356);
// its package, `nvidia-fabricmanager-<driver branch>` from NVIDIA's CUDA repository, must be the driver's exact version
// (NVIDIA/gpu-operator#163, the maintainer dualvtable; Talos' and SlackBuilds' fabricmanager pages: "has to match with
// the NVIDIA driver version in use"). `nvidia-smi -q -i 0 | grep -i -A 2 Fabric` shows each GPU's registration: `In Progress`
// when Fabric Manager is not running, `Completed` when it is (Fabric Manager user guide, quoted in siderolabs/extensions#717,
// which also says Blackwell boards need NVLSM running before Fabric Manager starts). The packages per distribution
// (NVIDIA/yum-packaging-fabric-manager README: `nvidia-fabricmanager-XXX` and `cuda-drivers-fabricmanager-XXX`, "XXX is the
// first . delimited field in the driver version"; RHEL 8 / Fedora `dnf module install nvidia-driver:${stream}/fm` with the
// streams `XXX`, `XXX-dkms`, `latest`, `latest-dkms`, the "NvSwitch modularity profile (fm)"; the stream names changed with the
// open kernel modules: NVIDIA's Driver Installation Guide, "Kernel Modules", installs a branch on RHEL/Rocky/Alma/Oracle 8/9 and
// Amazon Linux 2023 with `dnf module enable nvidia-driver:580-open`, the latest with `nvidia-driver:open-dkms` (the `XXX-dkms`
// streams stay for the proprietary modules, NVIDIA/yum-packaging-dkms-nvidia README: "Open GPU Kernel Modules streams available
// in 515 and newer: open-dkms and XXX-open"), and RHEL 10 / Fedora have no module streams at all (`dnf versionlock` instead).
// Which stream a machine uses, and whether it has an `fm` profile, is therefore read from `dnf module list nvidia-driver`,
// not guessed from the branch), RHEL 7 `yum
// install cuda-drivers-fabricmanager-XXX`, openSUSE / SLES 15 `zypper install cuda-drivers-fabricmanager-XXX`; Ubuntu's CUDA
// repository `nvidia-fabricmanager-<branch>`, NVIDIA/gpu-operator#163; from the 580 branch that name is virtual, provided by a
// package `nvidia-fabricmanager`, and `apt-get install nvidia-fabricmanager-580=580.65.06-1` fails with "Package
// nvidia-fabricmanager-580 is a virtual package provided by: nvidia-fabricmanager 580.65.06-1", NVIDIA/gpu-driver-container#451,
// which installs `nvidia-fabricmanager=<version>` instead). ollama/ollama#12136 (8× H100, ggml's wording): "neglected
// the fabric manager version. I purged everything associated with it and reinstalled the right version with a reboot".
// Fabric Manager's own refusal names the fault before any CUDA program runs: `fabric manager NVIDIA GPU driver interface version
// 590.48.01 don't match with driver version 580.126.09. Please update with matching NVIDIA driver package.` (Fabric Manager's
// FMGpuDriverVersionCheck: it reads the version of the driver loaded now, compares it with the version it was built for,
// exactly or against a short list of allowed ones, and otherwise logs that line and exits; the same wording in
// NVIDIA/gpu-driver-container#735, NVIDIA/gpu-operator#544, siderolabs/pkgs#720, canonical/microk8s#2119, dstackai/dstack#2348;
// NVIDIA/nvtrust#55 quotes it with a typographic apostrophe). The first version is Fabric Manager's, the second the loaded
// driver's. The causes: a Fabric Manager package that apt moved to another version (Azure/azhpc-images#86: the driver from the
// .run installer, Fabric Manager from apt, out of step after `apt-get upgrade`; hence `apt-mark hold`), a driver package
// updated while the old module stays loaded until a reboot (the comparison is with the loaded driver), or a GPU Operator driver
// container image built with another Fabric Manager (NVIDIA/gpu-driver-container#735: the Ubuntu 22.04 image of 580.126.09
// installed `nvidia-fabricmanager=${DRIVER_VERSION}*` unheld and got 590.48.01; the 580.105.08 image is unaffected).
// `--allow-downgrades` (apt-get(8)) is needed when the installed Fabric Manager is newer than the driver.
// Error 999 (cudaErrorUnknown) at the start, ggml's `failed to initialize CUDA: unknown error` or torch's `CUDA unknown error -
// this may be due to an incorrectly set up environment`: ollama/ollama#15400 (driver 590.48.01, nvidia-container-toolkit
// 1.19.0): a CDI spec generated before a driver update, fixed by `sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml`
// (two users; the toolkit's CDI page, see runtime/cdi-spec-stale); after a suspend and resume, reloading nvidia_uvm (the
// sources above); a driver updated without a reboot shows in nvidia-smi as `Driver/library version mismatch`
// (runtime/cuda-driver-mismatch).
// A third: ollama's `cuda driver library init failure: 3` (its GPU discovery calls cuInit(0) and prints
// `cuda driver library init failure: %d` with the code, ollama's gpu_info_nvcuda.c), code 3 being CUDA_ERROR_NOT_INITIALIZED
// (cuda.h), while nvidia-smi works (ollama/ollama#11593: RTX PRO 6000 Blackwell, drivers 570.158.01 and 575.57.08). The known
// cause on the 570 / 575 / 580 open kernel modules is HMM (heterogeneous memory management) in nvidia_uvm: disabling it with
// `options nvidia_uvm uvm_disable_hmm=1` and reloading nvidia_uvm fixes CUDA (NVIDIA/open-gpu-kernel-modules#901, 570.158.01 /
// 575.57.08; #797, 570.86.16, "does not occur on proprietary kernel"; #947, 570.133.20 … 580.95.05; the #11593 reporter's fix).
// NVIDIA's CUDA release notes list it as a known issue ("CUDA initialization can fail on certain Linux kernels with KASLR
// enabled", an HMM initialization problem, with the dmesg line `nvidia-uvm: … devmem_alloc_pagemap … request_free_mem_region()
// err -34`; workaround: that line in /etc/modprobe.d/uvm.conf, then `modprobe -r nvidia_uvm` and `modprobe nvidia_uvm`, or a
// reboot: CUDA Features Archive 13.2.1, "Known Issues"). No driver release that fixes it is named in those threads, so the
// fix does not name one. The open module says so in /proc/driver/nvidia/version (`NVRM version: NVIDIA UNIX Open Kernel
// Module for x86_64  555.58.02 …`). Other codes of the same line (999 after a suspend and resume) are not this finding.
import type { RuleInput } from '../../schema.js';
import { BUILD_GPU } from '../cuda/build-gpu.js';

const HOST_UVM = [
  '```sh',
  'ls -l /dev/nvidia-uvm /dev/nvidia-uvm-tools     # missing: the nvidia_uvm module is not loaded',
  'lsmod | grep nvidia_uvm',
  'sudo modprobe nvidia_uvm                        # load it (or: sudo nvidia-modprobe -u -c=0)',
  'sudo dmesg | grep -iE "NVRM|Xid" | tail         # a GPU the driver could not start',
  '```',
].join('\n');

// Error 802 (cudaErrorSystemNotReady, CUDA_ERROR_SYSTEM_NOT_READY: "the system is not yet ready to start any CUDA work. To
// continue using CUDA, verify the system configuration is in a valid state and all required driver daemons are actively
// running", CUDA Runtime API, cudaError) as each layer prints it with cudaGetErrorString's `system not yet initialized`: the
// driver API's name, ggml's `failed to initialize CUDA: %s` (ggml-cuda.cu, ggml_cuda_init: `GGML_LOG_ERROR("%s: failed to
// initialize " GGML_CUDA_NAME ": %s\n", __func__, cudaGetErrorString(err))` after cudaGetDeviceCount), torch's `Error 802: `.
const SYSTEM_NOT_READY = '(?:CUDA_ERROR_SYSTEM_NOT_READY|failed to initialize CUDA|Error 802): system not yet initialized';

// Fabric Manager's version check (see the comment at the top): its own version, then the loaded driver's.
const FM_VERSION_MISMATCH =
  'fabric manager NVIDIA GPU driver interface version (?<fm>\\d{3}\\.\\d{1,3}(?:\\.\\d{1,3})?) don.t match with driver version ' +
  '(?<driver>(?<branch>\\d{3})\\.\\d{1,3}(?:\\.\\d{1,3})?)';

const AFTER_SUSPEND =
  'If the machine was suspended and resumed since CUDA last worked, reload the module instead: ' +
  '`sudo modprobe -r nvidia_uvm && sudo modprobe nvidia_uvm` (every CUDA program stopped first). With Xid errors in dmesg, reboot.';

// Ubuntu's own archive (multiverse) builds Fabric Manager from its source `fabric-manager-580` as a real package
// `nvidia-fabricmanager-580`, which depends on `nvidia-kernel-common-580-server-<version>`: it pairs with Ubuntu's own
// `-server` driver of that exact version (packages.ubuntu.com, noble and questing: nvidia-fabricmanager-580 580.159.03).
/** For the version-mismatch variant (its `fmMismatch` context names the branch). */
const UBUNTU_ARCHIVE_FM =
  'Where the driver comes from Ubuntu\'s own archive (`nvidia-driver-{context.fmMismatch.branch}-server` and the like, not NVIDIA\'s repository), Fabric ' +
  'Manager is Ubuntu\'s package named with the branch at every branch, `nvidia-fabricmanager-{context.fmMismatch.branch}`, built for that archive\'s own driver version: ' +
  '`apt-cache policy nvidia-fabricmanager-{context.fmMismatch.branch} nvidia-driver-{context.fmMismatch.branch}-server` shows whether the two versions are equal.';

export const cudaDriverInitFailed: RuleInput = {
  id: 'runtime/cuda-driver-init-failed',
  title: 'CUDA could not initialise the NVIDIA driver',
  severity: 'error',
  match: [
    // `UserWarning: CUDA initialization: CUDA driver initialization failed, you might not have a CUDA gpu. (Triggered internally at ../c10/cuda/CUDAFunctions.cpp:109.)`
    // `RuntimeError: CUDA driver initialization failed, you might not have a CUDA gpu.`
    { literals: ['CUDA driver initialization failed, you might not have a CUDA gpu'] },
    // `failed call to cuInit: INTERNAL: CUDA error: Failed call to cuInit: CUDA_ERROR_SYSTEM_NOT_READY: system not yet initialized`;
    // ggml's `ggml_cuda_init: failed to initialize CUDA: system not yet initialized` (ollama/ollama#12136); torch's `Error 802:
    // system not yet initialized` (see SYSTEM_NOT_READY)
    { literals: [' system not yet initialized'], pattern: SYSTEM_NOT_READY },
    // error 999 (cudaErrorUnknown) at CUDA's start: ggml's `ggml_cuda_init: failed to initialize CUDA: unknown error`
    // (ollama/ollama#15400), torch's `CUDA unknown error - this may be due to an incorrectly set up environment, e.g. changing env
    // variable CUDA_VISIBLE_DEVICES after program start. Setting the available devices to be zero.` (c10/cuda/CUDAFunctions.cpp)
    { literals: ['failed to initialize CUDA: unknown error', 'CUDA unknown error - this may be due to'] },
    // `msg="Unable to load cudart library /usr/lib/x86_64-linux-gnu/libcuda.so.575.57.08: cuda driver library init failure: 3"`
    { literals: ['cuda driver library init failure: 3'], pattern: 'cuda driver library init failure: 3(?![\\d.])' },
    // `nv-fabricmanager[3228]: fabric manager NVIDIA GPU driver interface version 530.30.02 don't match with driver version 530.41.03. …`
    { literals: ['GPU driver interface version'], pattern: FM_VERSION_MISMATCH },
  ],
  context: [
    { name: 'fmMismatch', literals: ['GPU driver interface version'], pattern: FM_VERSION_MISMATCH },
    { name: 'unknownError', literals: ['failed to initialize CUDA: unknown error', 'CUDA unknown error - this may be due to'] },
    { name: 'systemNotReady', literals: [' system not yet initialized'], pattern: SYSTEM_NOT_READY },
    // the driver library ollama loaded names the driver: `libcuda.so.575.57.08`
    {
      name: 'notInitialized',
      literals: ['cuda driver library init failure: 3'],
      pattern: '(?:libcuda\\.so\\.(?<driver>\\d{3}\\.\\d{1,3}(?:\\.\\d{1,3})?)\\S{0,20}: )?cuda driver library init failure: 3(?![\\d.])',
    },
  ],
  scope: 'step',
  specificity: 3,
  variants: [
    {
      when: 'fmMismatch',
      title: 'Fabric Manager refused to start: its version is not the loaded NVIDIA driver\'s',
      message:
        'Fabric Manager {context.fmMismatch.fm} stopped at start: it runs only with the NVIDIA driver of its own version, and the driver ' +
        'loaded now is {context.fmMismatch.driver}. Without Fabric Manager the GPUs of an NVSwitch system (DGX/HGX A100, H100, H200, B200) ' +
        'never join the NVLink fabric, and CUDA fails with error 802 (`system not yet initialized`).',
      fix: [
        'Make the two versions equal. On the machine with the GPUs:',
        '',
        '```sh',
        'cat /proc/driver/nvidia/version                # the driver loaded now: {context.fmMismatch.driver}',
        'dpkg -l | grep -iE "nvidia-(driver|fabricmanager)" # the installed packages (rpm -qa | grep -i nvidia on RHEL)',
        '```',
        '',
        'If the installed driver package is already {context.fmMismatch.fm} (updated, the old module still loaded), reboot: Fabric',
        'Manager compares itself with the loaded driver. Otherwise install the Fabric Manager of version {context.fmMismatch.driver}',
        'from NVIDIA\'s CUDA repository, and hold it so that apt does not move it away from the driver again:',
        '',
        '```sh',
        'apt-cache madison nvidia-fabricmanager         # 580 and later: pick the version that starts with {context.fmMismatch.driver}',
        'sudo apt-get install --allow-downgrades nvidia-fabricmanager=VERSION',
        '# a driver before 580: nvidia-fabricmanager-BRANCH=VERSION (BRANCH: the number before the first dot)',
        'sudo apt-mark hold nvidia-fabricmanager        # before 580: nvidia-fabricmanager-BRANCH',
        'sudo systemctl restart nvidia-fabricmanager',
        'nvidia-smi -q -i 0 | grep -i -A 2 Fabric       # State: Completed',
        '```',
        '',
        UBUNTU_ARCHIVE_FM,
        '',
        'RHEL/Rocky/Alma 8/9: `dnf module list nvidia-driver` shows the enabled stream (`[e]`) and its profiles; where it has an `fm`',
        'profile (the Fabric Manager profile), `sudo dnf module install nvidia-driver:STREAM/fm` with that stream (branch',
        '{context.fmMismatch.branch}: `{context.fmMismatch.branch}-open` for the open kernel modules, `{context.fmMismatch.branch}-dkms` for the proprietary ones)',
        'installs the driver and Fabric Manager of one version together. RHEL 10/Fedora have no streams: `dnf list --showduplicates',
        '\'nvidia-fabric*\'` lists the Fabric Manager packages, install the one of version {context.fmMismatch.driver}. When the driver',
        'and Fabric Manager come from the GPU Operator\'s driver container, the image carries its own Fabric Manager: that image was built',
        'with the wrong one (NVIDIA/gpu-driver-container#735). Use a driver version whose image matches (the `driver.version` of the',
        'ClusterPolicy), or an image rebuilt with Fabric Manager pinned to the driver\'s version.',
      ].join('\n'),
    },
    {
      when: 'systemNotReady',
      title: 'CUDA is not ready: the GPUs are not registered with the NVLink fabric (Fabric Manager)',
      message:
        'CUDA returned error 802, `system not yet initialized` (`CUDA_ERROR_SYSTEM_NOT_READY`): the driver is loaded, but the GPUs have not joined the NVLink fabric. ' +
        'On NVSwitch systems (DGX/HGX A100, H100, H200, B200) that takes the NVIDIA Fabric Manager service, of the same version as the driver.',
      fix: [
        'On the machine with the GPUs (the host, when this ran in a container):',
        '',
        '```sh',
        'nvidia-smi -q -i 0 | grep -i -A 2 Fabric       # "In Progress": not registered, Fabric Manager is not running',
        'systemctl status nvidia-fabricmanager          # not found, failed or inactive?',
        'sudo journalctl -u nvidia-fabricmanager | tail # why it stopped',
        'nvidia-smi --query-gpu=driver_version --format=csv,noheader',
        '```',
        '',
        'Install the Fabric Manager package of exactly that driver version from NVIDIA\'s CUDA repository, named after the',
        'driver branch, the number before the first dot of that version (535 below stands for it; the package\'s version must equal the driver\'s): Ubuntu/Debian',
        '`sudo apt-get install nvidia-fabricmanager-535` (from the 580 branch on, the package is `nvidia-fabricmanager`, which only',
        'provides the `-580` name: `apt-cache madison nvidia-fabricmanager` lists its versions,',
        '`sudo apt-get install nvidia-fabricmanager=VERSION` installs the driver\'s); RHEL/Rocky/Alma 8/9: `dnf module list nvidia-driver` shows the enabled',
        'stream (`535-open` for the open kernel modules, `535-dkms` for the proprietary ones) and whether it has the `fm` profile,',
        'then `sudo dnf module install nvidia-driver:STREAM/fm` (the driver with Fabric Manager); RHEL 10/Fedora (no streams):',
        '`dnf list --showduplicates \'nvidia-fabric*\'`, the package of that driver version; RHEL 7 `sudo yum install cuda-drivers-fabricmanager-535`; SLES/openSUSE',
        '`sudo zypper install cuda-drivers-fabricmanager-535`. Remove an installed one of another version first; then',
        '`sudo systemctl enable --now nvidia-fabricmanager` (after replacing it, reboot, so that the driver and Fabric Manager start',
        'together) and run CUDA again. Blackwell boards also need NVLSM running first.',
        'On a machine without NVSwitch (`nvidia-smi topo -m` shows no `NV#` links), no Fabric Manager is needed: look for Xid errors in',
        '`sudo dmesg | grep -iE "NVRM|Xid"` instead.',
      ].join('\n'),
    },
    {
      when: 'unknownError',
      title: 'CUDA could not start: unknown error (999)',
      message:
        'CUDA\'s first call returned `unknown error` (cudaErrorUnknown, 999): the driver is there, but CUDA could not start on it. ' +
        'The known causes are outside the program: a driver updated without a reboot, a container whose CDI spec was generated ' +
        'for the driver before, the nvidia_uvm module not loaded, or a suspend and resume.',
      fix: [
        'On the host:',
        '',
        '```sh',
        'nvidia-smi                                     # "Driver/library version mismatch": the driver was updated, reboot',
        'lsmod | grep nvidia_uvm                        # nothing: sudo modprobe nvidia_uvm',
        '```',
        '',
        'When this ran in a container that gets its GPU through CDI (Docker with CDI, podman `--device nvidia.com/gpu=all`), a spec',
        'generated for the driver before an update names its old files: generate it again, then start the container again:',
        '',
        '```sh',
        'sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml   # again for /var/run/cdi/nvidia.yaml if that file exists',
        '```',
        '',
        AFTER_SUSPEND,
      ].join('\n'),
    },
    {
      when: 'notInitialized',
      title: 'cuInit failed with CUDA_ERROR_NOT_INITIALIZED (3): HMM in nvidia_uvm on the open kernel modules',
      message:
        'cuInit returned 3 (`CUDA_ERROR_NOT_INITIALIZED`) with driver {context.notInitialized.driver|(its version not in the log)}: the ' +
        'driver library loaded, but CUDA could not start. When nvidia-smi still lists the GPU, the known cause on the 570, 575 and 580 drivers\' open kernel ' +
        'modules is HMM in the Unified Memory module, nvidia_uvm (NVIDIA/open-gpu-kernel-modules#901, #947; a known issue in ' +
        'NVIDIA\'s CUDA release notes). The fix is a kernel module option on the machine with the GPU, not a change to an image.',
      fix: [
        'On the machine with the GPU (for a container, the host that runs it):',
        '',
        '```sh',
        'nvidia-smi                                    # lists the GPU: the driver itself is loaded',
        'cat /proc/driver/nvidia/version               # "Open Kernel Module": the open modules',
        'ls -l /dev/nvidia-uvm; lsmod | grep nvidia_uvm # missing: sudo modprobe nvidia_uvm, and try again',
        'sudo dmesg | grep -i nvidia-uvm               # "request_free_mem_region() err -34": HMM could not start',
        '```',
        '',
        'Then turn HMM off in nvidia_uvm and reload the module, with every CUDA program stopped first (`sudo systemctl stop ollama`, ' +
          'or the container), or reboot:',
        '',
        '```sh',
        'echo "options nvidia_uvm uvm_disable_hmm=1" | sudo tee /etc/modprobe.d/uvm.conf',
        'sudo modprobe -r nvidia_uvm && sudo modprobe nvidia_uvm',
        '```',
        '',
        'The option turns off only HMM (GPU access to memory from plain `malloc`, NVIDIA/open-gpu-kernel-modules#338); remove the file ' +
          'again once a driver fixes the bug (NVIDIA/open-gpu-kernel-modules#901 tracks it).',
      ].join('\n'),
    },
    {
      when: 'fact.place=image-build',
      title: 'CUDA initialised in a build step, which has no GPU',
      message: `This step called CUDA through torch, and CUDA could not initialise a driver. ${BUILD_GPU}`,
      fix:
        'Do not touch the GPU while building: move `torch.cuda` calls and device checks to the start of the container ' +
        '(`docker run --gpus all` with the image this build makes) or to a test step on a GPU runner.',
    },
    {
      when: 'fact.place=host-shell',
      message:
        'torch found the NVIDIA driver but CUDA could not initialise it. nvidia-smi may still work: it does not need the Unified Memory ' +
        'module (`nvidia_uvm`, `/dev/nvidia-uvm`) that CUDA needs, and a suspend and resume can leave that module broken.',
      fix: ['On this machine:', '', HOST_UVM, '', AFTER_SUSPEND].join('\n'),
    },
  ],
  message:
    'torch found the NVIDIA driver but CUDA could not initialise it. nvidia-smi may still work: it does not need the Unified Memory ' +
    'device (`/dev/nvidia-uvm`, from the `nvidia_uvm` module) that CUDA needs. In a container that device comes from the host when ' +
    'the container starts; on a machine, a suspend and resume can leave the module broken.',
  fix: [
    'Where the program ran, see whether the Unified Memory device is there (in a container: with a shell in it):',
    '',
    '```sh',
    'ls -l /dev/nvidia*',
    '```',
    '',
    '`nvidia-uvm` missing: on the host (the machine that runs Docker, if this is a container), load the module and check the driver:',
    '',
    HOST_UVM,
    '',
    'then start the container again (a running container keeps the devices it started with). ' + AFTER_SUSPEND,
  ].join('\n'),
  docs: 'https://github.com/pytorch/pytorch/issues/49081',
};
