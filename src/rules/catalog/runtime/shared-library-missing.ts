// Any other shared library the loader cannot find, with advice per library family and per place:
// an image build gets Dockerfile advice, a `docker run` gets run advice (`--gpus`, the NVIDIA Container
// Toolkit), a host shell gets shell advice (LD_LIBRARY_PATH). libcuda.so.1 is the driver: never in an
// image, mounted by the NVIDIA container runtime at `docker run --gpus`. TensorFlow's dlerror lines are
// warnings it recovers from.
// Sources: package names in src/knowledge/cuda-packages.ts (cudnnFor, ncclFor; `cuda-libraries-X-Y` in
// NVIDIA's runtime Dockerfile); cuDNN image tags in cuda-image-tags.ts (`cudnn8` ≤ 12.2, `cudnn9` 12.3,
// `cudnn` from 12.4); `nvidia-ctk runtime configure --runtime=docker`: NVIDIA Container Toolkit install guide;
// ldconfig -p shows /etc/ld.so.cache only (ldconfig(8)). libgl1 / libglib2.0-0: apt-cache show on this machine.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';
import { aptInstallLine } from '../../../knowledge/apt-install-line.js';
import { BUILD_GPU } from '../cuda/build-gpu.js';
import { WSL_WINDOWS_DRIVER } from './no-nvidia-gpu.js';
import { HOST_GPU_CHECK, RUN_COMMAND_CONTEXT } from './run-command.js';

// The loader's wording (`libX.so.N: cannot open shared object file`) and CTranslate2's, which dlopens its CUDA libraries itself
// and throws `Library libcublas.so.12 is not found or cannot be loaded` when dlopen fails (OpenNMT/CTranslate2
// src/cuda/cublas_stub.cc: `"Library " + std::string(CUBLAS_LIBNAME) + " is not found or cannot be loaded"`; the same in its
// NCCL and MPI stubs); faster-whisper, WhisperX and LibreTranslate print it through CTranslate2.
// A paste or log that stops mid-word in the loader's line (`ImportError: libcudart.so.12: cannot open shared o`, where
// vllm-project/vllm#39923's excerpt ends): a proper prefix of the wording from `cannot open sh` on, at the end of the line. The
// rule's matcher for it counts only at the end of the log (`atEnd`); the contexts below read it at a line's end.
const optionalChars = (rest: string): string => (rest === '' ? '' : `(?:${rest[0]}${optionalChars(rest.slice(1))})?`);
const CUT_WORDING = `cannot open sh${optionalChars('ared object fil')}[ \\t]{0,20}$`;
// A paste can lose the space after each colon (`libnvidia-ml.so.1:cannot open shared object file:no such file or directory`,
// ollama/ollama#4279, a Docker Desktop on Windows report): the space is optional, the colon is not.
const MISSING = `(?::[ \\t]?cannot open shared object file| is not found or cannot be loaded|:[ \\t]?${CUT_WORDING})`;
const lib = (name: string): string => `${name}[\\w.+-]{0,200}${MISSING}`;

// OpenCV's system libraries in one RUN with its own `apt-get update`: a fresh stage of a Debian/Ubuntu image has empty apt lists.
const OPENCV_APT = aptInstallLine('libgl1 libglib2.0-0');
const GLU_APT = aptInstallLine('libglu1-mesa');
// GLib's runtime package was renamed by the 64-bit time_t transition: `libglib2.0-0` up to Debian 12 (bookworm) and
// Ubuntu 22.04, `libglib2.0-0t64` in Debian 13 (trixie) and Ubuntu 24.04 ("the GLib in releases <= bookworm assumed that
// the package containing GLib 2 would always be libglib2.0-0; this didn't account for ABI-breaking transitions like
// time64, which renamed that package to libglib2.0-0t64", Simon McVittie, Debian bug #1110696; "Ubuntu 22.04 has
// libglib2.0-0, while newer versions have libglib2.0-0t64", mkasberg/ghostty-ubuntu#38). `apt-cache policy` prints a
// `Candidate:` for a name the image's apt lists have.
const GLIB_NAME =
  'The GLib package is `libglib2.0-0` up to Debian 12 (bookworm) and Ubuntu 22.04, and `libglib2.0-0t64` in Debian 13 (trixie, ' +
  'the base of current `python:*-slim` images) and Ubuntu 24.04; if apt refuses one, `apt-get update && apt-cache policy ' +
  'libglib2.0-0 libglib2.0-0t64` in the image shows which has a candidate.';
// The headless wheel only helps when opencv-python is the project's own requirement: a package that depends on
// opencv-python by name (rapidocr, khoj-ai/khoj#842, whose merged fix installs the libraries) pulls it in again.
const OPENCV_HEADLESS =
  'When `opencv-python` is your own requirement (not a dependency of another package), `opencv-python-headless` instead does not load libGL.';

// libGL alone, for a package other than OpenCV (vtk, pyrender, open3d load libGL.so.1 and not GLib): Debian/Ubuntu's libgl1.
const LIBGL_APT = aptInstallLine('libgl1');
// Without root, a conda environment can carry libGL itself: conda-forge's `libgl` is libglvnd's GL dispatch library
// (anaconda.org/conda-forge/libgl: "GL Vendor-Neutral Dispatch library", 1.7.0 for linux-64, linux-aarch64, linux-ppc64le;
// UMass-Embodied-AGI/Virtual-Community#5 asked for a fix without sudo in a Determined container). A module built outside
// conda (a pip wheel) may not search the environment's lib directory; LD_LIBRARY_PATH adds it to the loader's search for
// that run (ld.so(8)). `~/.conda/envs/<name>` is conda's per-user directory of environments, beside `<install>/envs/<name>`.
const CONDA_LIBGL = (env: string): string =>
  [
    'Without root (no apt where it runs), put libGL into the conda environment from conda-forge, whose `libgl` package is libglvnd\'s',
    'libGL:',
    '',
    '```sh',
    `conda install -n ${env} -c conda-forge libgl`,
    '```',
    '',
    'If the import still does not find it, the module does not search the environment\'s `lib` (a pip wheel): run with',
    '`LD_LIBRARY_PATH="$CONDA_PREFIX/lib:$LD_LIBRARY_PATH"` in the activated environment. ' + LDD_CHECK,
  ].join('\n');

const LDD_CHECK = 'Check with `ldd` on the failing binary or extension module: every `=> not found` line is a library still missing.';

// Which package provides a file: `apt-file search` on Debian / Ubuntu (apt-file(1)), `dnf provides` with a file glob on the
// RPM distributions (dnf(8), "provides": "Finds the packages providing the given <provide-spec>", a file path or glob);
// the RPM one when the log shows such a system (the `rpmImage` context).
const APT_PROVIDER = '(Debian/Ubuntu: `apt-file search {library}`)';
const RPM_PROVIDER =
  "(this log shows an RPM distribution, by its Python's `lib64` site-packages, a Red Hat build of Python or dnf / yum: `dnf provides '*/{library}'` " +
  'lists the packages that ship it)';

// A CUDA library asked for by its bare name (`libnvrtc.so`, no `.N`): the name a program links against at build time, a symlink
// that only the development packages carry. cuDNN 8's libcudnn_cnn_infer.so.8 dlopens `libnvrtc.so` by that name
// (facefusion/facefusion-docker#9: `Could not load library libcudnn_cnn_infer.so.8. Error: libnvrtc.so: cannot open shared
// object file`; the reporter's fix, a link to torch's own hashed copy `torch/lib/libnvrtc-672ee683.so.11.2`). Sources: NVIDIA's
// repository packages `cuda-nvrtc-dev-11-8` ("NVRTC native dev links, headers", its dpkg description) beside the runtime's
// `cuda-nvrtc-11-8`; `cuda-cudart-dev-X-Y`, `libcublas-dev-X-Y`, `libcufft-dev-X-Y`, `libcurand-dev-X-Y`, `libcusolver-dev-X-Y`,
// `libcusparse-dev-X-Y` on apt and the same names with `-devel` on dnf/yum (`cuda-nvrtc-devel-12-8`, `cuda-cudart-devel-…`,
// `libcublas-devel-…`, as installed from NVIDIA's rhel8/rhel9 repositories), all in the nvidia/cuda `-devel` images' package
// set (cuda-libraries-dev-X-Y). The pip wheels ship the versioned file only: nvidia-cuda-nvrtc 13.0.88's file list on this
// machine has `nvidia/cu13/lib/libnvrtc.so.13` and no `libnvrtc.so` (likewise nvidia-cublas 13.1.1.3, nvidia-cufft
// 12.0.0.61, nvidia-curand 10.4.0.35), and CUDA 11's nvidia-cuda-nvrtc-cu11 `nvidia/cuda_nvrtc/lib/libnvrtc.so.11.2`, which
// setups link to `libnvrtc.so` by hand for cuDNN 8.
const DEV_LINK_MESSAGE =
  'The loader could not find {library:all}, a CUDA library asked for by its bare name, with no version number. That name is only a ' +
  'link to the versioned file (`{library}.N`) that the development packages add: the runtime libraries, an nvidia/cuda `-runtime` ' +
  'image and the `nvidia-*` pip wheels ship the versioned file alone. A library may still load it by that name at run time, as ' +
  'cuDNN 8\'s `libcudnn_cnn_infer.so.8` loads `libnvrtc.so`.';
function devLinkFix(context: 'devLinkCuda' | 'devLinkMath', pkg: string, known: boolean): string {
  const packages = known
    ? `\`${pkg}-dev-{enrich.aptSuffix}\` with apt, \`${pkg}-devel-{enrich.aptSuffix}\` with dnf or yum (CUDA {enrich.cudaVersion}, as this log shows)`
    : `the \`${pkg}-dev-\` package of that release with apt, \`${pkg}-devel-\` with dnf or yum (\`${pkg}-dev-11-8\` for CUDA 11.8; ` +
      `\`ls /usr/local/cuda*/lib64/{context.${context}.stem}.so.*\` or \`python3 -c "import torch; print(torch.version.cuda)"\` tells the release)`;
  return [
    'Give the program the bare name where it runs. Either link it to the versioned file that is there: find it, then make the link in the directory it is in:',
    '',
    '```sh',
    `find / -name '{context.${context}.stem}*.so*' 2>/dev/null`,
    `cd /that/directory && ln -s FILE {context.${context}.stem}.so   # FILE: the versioned file found there ({context.${context}.stem}.so.N)`,
    '```',
    '',
    '(a pip wheel\'s copy is in `site-packages/nvidia/…/lib/`, torch\'s own one in `site-packages/torch/lib/` under a hashed name such as ' +
      '`libnvrtc-672ee683.so.11.2`; a directory that is not on the loader\'s path also needs `LD_LIBRARY_PATH`). Or install the development ' +
      `package of that library for the CUDA release in use, from NVIDIA's CUDA repository: ${packages}. ` +
      'The `nvidia-*` pip wheels do not add the bare name. ' +
      'In an image, put either in a `RUN` line of its Dockerfile: a link made in a running container is gone when it is recreated.',
  ].join('\n');
}

/**
 * A Jetson build whose CUDA libraries come from the host. On L4T R32 (JetPack 4) the nvidia container runtime mounts the host's
 * CUDA into the container, as listed in /etc/nvidia-container-runtime/host-files-for-container.d/ (cuda.csv: `dir,
 * /usr/local/cuda-10.2`), which changed from r34.1 (NVIDIA/nvidia-container-runtime#173). During `docker build` that happens only
 * with `"default-runtime": "nvidia"` in /etc/docker/daemon.json, then a restart of Docker, checked with `docker info | grep 'Default
 * Runtime'` (dusty-nv/jetson-containers docs/setup.md, "Docker Default Runtime"; its maintainer's answer to this error in
 * dusty-nv/jetson-containers#121). BuildKit does not honour the default runtime during builds, so those builds use the classic
 * builder (`DOCKER_BUILDKIT=0`; the maintainer in dusty-nv/jetson-containers#352).
 */
const JETSON_BUILD_FIX = [
  'Make nvidia Docker\'s default runtime, so that build steps run under it. In `/etc/docker/daemon.json` (keep any other keys it has):',
  '',
  '```json',
  '{',
  '    "runtimes": {',
  '        "nvidia": {',
  '            "path": "nvidia-container-runtime",',
  '            "runtimeArgs": []',
  '        }',
  '    },',
  '    "default-runtime": "nvidia"',
  '}',
  '```',
  '',
  '```sh',
  'sudo systemctl restart docker',
  "docker info | grep 'Default Runtime'    # Default Runtime: nvidia",
  '```',
  '',
  'BuildKit does not use the default runtime for build steps: build with the classic builder (`DOCKER_BUILDKIT=0 docker build …`). Or keep',
  'the step from loading CUDA at build time (no `import torch` in a `RUN`); the container started with `--runtime nvidia` has the libraries.',
].join('\n');

/**
 * A CUDA 10 library (the sonames of JetPack 4's CUDA 10.0 / 10.2: `libcurand.so.10`, `libcudart.so.10.2`) missing in a build step,
 * with no CUDA release or only 10.x in the log: a Jetson on JetPack 4 is one reading, told apart by its release file.
 */
const MAYBE_JETSON_BUILD_CONDITIONS = [
  'cudaLibs&cuda10Lib&fact.place=image-build&!fact.cuda',
  'cudaLibs&cuda10Lib&fact.place=image-build&fact.cuda=10.0',
  'cudaLibs&cuda10Lib&fact.place=image-build&fact.cuda=10.2',
];

function maybeJetsonBuild(when: string): Variant {
  return {
    when,
    title: 'CUDA runtime library not found while building the image',
    message:
      'The loader could not find {library:all}, a CUDA toolkit library, in a build step: this stage has no CUDA libraries, or, if the build runs on an ' +
      'NVIDIA Jetson with JetPack 4 (L4T R32), they are never in the image: there the nvidia container runtime mounts them from the host, and a ' +
      '`docker build` step gets them only when that runtime is Docker\'s default.',
    fix: [
      'See which it is on the build host: `head -1 /etc/nv_tegra_release` prints `# R32 (release), …` on a Jetson with JetPack 4 (no such file elsewhere).',
      '',
      'On a Jetson with JetPack 4:',
      '',
      JETSON_BUILD_FIX,
      '',
      'On any other host, install the CUDA libraries of the release the program was built for in this stage (the number in the file name is the major ' +
        'release): NVIDIA\'s `cuda-libraries-` package of that release, an nvidia/cuda `-runtime` base image, or the `nvidia-*` pip wheels a pip-installed torch brings. ' +
        LDD_CHECK,
    ].join('\n'),
  };
}


/** The fix where the log shows no place, with `provider` how to find the package that ships the library. */
function defaultFix(provider: string): string {
  return `Find which package provides it and install it where the program runs ${provider}, or add its directory to \`LD_LIBRARY_PATH\`. ${LDD_CHECK}`;
}

/** The fix in a build step. */
function imageBuildFix(provider: string): string {
  return (
    `Find which package provides it and install it in this stage ${provider}, or copy it from the builder stage together with an ` +
    `\`ENV LD_LIBRARY_PATH=…\` entry for its directory. ${LDD_CHECK}`
  );
}

/** The image the log's `docker run` starts, named when the line shows it (run-command). */
const RUN_FIX = [
  'The image that ran lacks the library (or its directory is not on the loader path). Rebuild it with the library installed in the final stage, ' +
    'and check inside the image:',
  '',
  '```sh',
  "docker run --rm {enrich.runImage} sh -c 'ldconfig -p | grep {library}; echo \"LD_LIBRARY_PATH=$LD_LIBRARY_PATH\"'",
  '```',
  '',
  '(`ldconfig -p` lists only registered directories; a library found through `LD_LIBRARY_PATH` is not in it).',
].join('\n');

/** The same check when the log does not show the `docker run` line: run in the container, whatever its image. */
const RUN_FIX_NO_IMAGE = [
  'The image that ran lacks the library (or its directory is not on the loader path). Rebuild it with the library installed in the final stage, ' +
    'and check with a shell in the container (`docker run --rm -it` with the image and `sh`; `docker ps -a` lists the containers with their image):',
  '',
  '```sh',
  'ldconfig -p | grep {library}; echo "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"',
  '```',
  '',
  '(`ldconfig -p` lists only registered directories; a library found through `LD_LIBRARY_PATH` is not in it).',
].join('\n');

/** The fix in a shell, with `provider` how to find the package that ships the library. */
function shellFix(provider: string): string {
  return [
    'Find the library on this machine and put its directory on the loader path of the shell that runs the program:',
    '',
    '```sh',
    "find / -xdev -name '{library}*' 2>/dev/null",
    'export LD_LIBRARY_PATH=/path/printed/above:${LD_LIBRARY_PATH:-}',
    '```',
    '',
    `Not found: install the package that provides it ${provider}. ${LDD_CHECK}`,
  ].join('\n');
}

/**
 * Pin the NVIDIA Container Toolkit to one release: the install guide installs its four packages with one version each,
 * `${version}-1` (NVIDIA/cloud-native-docs, container-toolkit/install-guide.md, "With apt"); pinning only
 * `nvidia-container-toolkit` fails on the others' exact-version dependencies (NVIDIA/nvidia-container-toolkit#305: the
 * reporter's `apt install nvidia-container-toolkit=1.14.3-1` stopped on an unmet dependency; #1091: the Debian packages
 * depend on `nvidia-container-toolkit-base` with `=`). With `-y`, apt-get refuses a downgrade unless `--allow-downgrades`
 * (apt-get(8)); `apt-mark hold` keeps apt from upgrading them again.
 */
function pinToolkit(): string {
  return [
    "V=            # the release that worked, with its '-1' (1.14.3-1): apt-cache madison nvidia-container-toolkit lists them",
    'sudo apt-get install -y --allow-downgrades nvidia-container-toolkit=$V nvidia-container-toolkit-base=$V \\',
    '  libnvidia-container-tools=$V libnvidia-container1=$V',
    'sudo apt-mark hold nvidia-container-toolkit nvidia-container-toolkit-base libnvidia-container-tools libnvidia-container1',
    'sudo systemctl restart docker',
  ].join('\n');
}

/** A release that breaks a working host is the toolkit's bug: its issue template asks for `nvidia-container-cli -k -d /dev/tty info`. */
const TOOLKIT_REPORT =
  'If the older release works, report the regression at https://github.com/NVIDIA/nvidia-container-toolkit/issues with both versions and the ' +
  'output of `nvidia-container-cli -k -d /dev/tty info`.';

const CONTAINER_CLI_TITLE = "The NVIDIA container runtime could not load the host's driver library";

/**
 * Which of the host's stories holds: the driver (nvidia-smi loads the same libnvidia-ml.so.1), the loader cache the CLI
 * reads (libnvidia-container src/ldcache.c; ldconfig(8)), and which daemon `docker` talks to. Docker Desktop for Linux
 * "runs a Virtual Machine" (docs.docker.com/desktop/faqs/linuxfaqs), is reached through the CLI context `desktop-linux`
 * (NVIDIA/nvidia-docker#1647: `docker context use default` fixed it) and reports `Operating System: Docker Desktop` in
 * `docker info` (docker info outputs of Docker Desktop in public logs). A snap Docker: `snap list docker` lists it;
 * the toolkit does not support Docker installed as a snap (NVIDIA/nvidia-container-toolkit#522, its maintainer's open
 * request), and the snap's NVIDIA support was for Ubuntu Core only (canonical/docker-snap#148, the snap maintainer).
 */
const CONTAINER_CLI_CHECKS = [
  'nvidia-smi                                    # must list the GPU: if not, (re)install the NVIDIA driver and reboot',
  'ldconfig -p | grep libnvidia-ml               # the driver library in the loader cache: if missing, sudo ldconfig',
  'docker context ls                             # the current one (*): desktop-linux is Docker Desktop',
  "docker info --format '{{{{.OperatingSystem}}}}'   # Docker Desktop: its daemon runs in a VM, away from the host's driver",
  'snap list docker                              # listed: Docker installed as a snap',
];

/** Docker Desktop and the snap give way to Docker Engine from Docker's apt repository (docs.docker.com/engine/install/). */
const CONTAINER_CLI_DAEMON_FIX = [
  '- Docker Desktop: switch `docker` to Docker Engine, `docker context use default`; if that context has no daemon, install Docker Engine',
  "  from Docker's apt repository (https://docs.docker.com/engine/install/ubuntu/). GPU containers run on Docker Engine, where the toolkit is configured.",
  "- a snap Docker: `sudo snap remove docker`, then Docker Engine from Docker's apt repository as above.",
];

/**
 * Docker on Windows (WSL 2: Docker Desktop's WSL 2 engine, or Docker Engine inside a WSL distribution) gets the driver's
 * libraries from the Windows NVIDIA driver, which WSL 2 exposes in /usr/lib/wsl/lib (GPU paravirtualization): no Linux
 * driver is installed in WSL. Sources: Microsoft, "Enable NVIDIA CUDA on WSL 2" (MicrosoftDocs, windows/ai/directml/
 * gpu-cuda-in-wsl: Windows 11 and Windows 10 version 21H2 support CUDA in WSL 2, a WSL kernel 5.10.43.3 or higher, checked
 * with `wsl cat /proc/version`); NVIDIA's CUDA on WSL User Guide ("users must not install any NVIDIA GPU Linux driver
 * within WSL 2": the Windows driver is stubbed into WSL 2); Docker, "GPU support in Docker Desktop for Windows"
 * (docs.docker.com/desktop/features/gpu: up-to-date Windows 10 or 11, NVIDIA's WSL-capable driver from
 * developer.nvidia.com/cuda/wsl, `wsl --update`, the WSL 2 backend turned on, and the nbody check). Windows 10 21H2 is
 * build 19044 and Windows 11 starts at build 22000 (Microsoft's Windows release information); `cmd /c ver` prints the
 * build. AbdBarho/stable-diffusion-webui-docker#129: this error on Windows 10 20H2 (19042) with Docker Desktop's WSL 2
 * engine, fixed by moving to 21H2 or later.
 */
const WSL_TITLE = 'No GPU in WSL 2: the Windows NVIDIA driver\'s library is missing';
const WSL_MESSAGE =
  'The NVIDIA Container Toolkit (`nvidia-container-cli`) could not load {library:all} in WSL 2, where Docker on Windows runs ' +
  'its containers. There that library is not a Linux driver\'s: the Windows NVIDIA driver provides it to WSL 2 (in ' +
  '`/usr/lib/wsl/lib`), and only on Windows 11 or Windows 10 version 21H2 and later, with a current WSL kernel. On an older ' +
  'Windows build, an old WSL kernel or a driver without WSL support, WSL 2 has no GPU.';
const WSL_FIX = [
  'In PowerShell on Windows, check the Windows build, update the WSL kernel, and look for the driver\'s library in WSL:',
  '',
  '```powershell',
  'cmd /c ver                    # 10.0.19044 or later (Windows 10 21H2+), or 10.0.22000+ (Windows 11)',
  'wsl --update',
  'wsl --shutdown',
  'wsl cat /proc/version         # the WSL kernel: 5.10.43.3 or later',
  'wsl ls /usr/lib/wsl/lib       # libnvidia-ml.so.1 and libcuda.so.1 come from the Windows driver',
  '```',
  '',
  '- A Windows 10 build below 19044: update Windows to 10 version 21H2 or later, or to Windows 11; older builds give WSL 2 no GPU.',
  `- No \`libnvidia-ml.so.1\` there: ${WSL_WINDOWS_DRIVER}.`,
  '- In Docker Desktop, Settings > General: the WSL 2 based engine must be on (GPU support needs it); restart Docker Desktop.',
  '',
  'Then check with Docker\'s own test: `docker run --rm -it --gpus=all nvcr.io/nvidia/k8s/cuda-sample:nbody nbody -gpu -benchmark`.',
].join('\n');

/** A container meant to run without a GPU cannot run a CUDA build: the other way out of a missing driver library. */
const CPU_BUILD =
  'If the container is meant to run without a GPU, it needs a build of the program without CUDA: a CUDA build links `libcuda.so.1` ' +
  'and cannot start where the driver is not mounted.';

/**
 * A CUDA program run by a build step: no driver there. The toolkit's stub (`/usr/local/cuda/lib64/stubs/libcuda.so` in the
 * `-devel` images, without a `libcuda.so.1` beside it: NVIDIA/nvidia-docker#1139) lets it start, and every CUDA call in it
 * then fails: "the CUDA driver that the application has loaded is a stub library. Applications that run with the stub rather
 * than a real driver loaded will result in CUDA API returning this error" (CUDA Runtime API, `cudaErrorStubLibrary` = 34,
 * docs.nvidia.com/cuda/cuda-runtime-api/group__CUDART__TYPES.html); NVIDIA's maintainer on the stub: "this library is only for
 * build time, not for runtime. You don't want to pick the stub at runtime" (NVIDIA/nvidia-docker#508). The link and the
 * loader path for that one RUN: the reporter's working fix in ggml-org/llama.cpp#9392 (`ln -s …/stubs/libcuda.so
 * …/stubs/libcuda.so.1`, `LD_LIBRARY_PATH=/usr/local/cuda/lib64/stubs/:$LD_LIBRARY_PATH` on the `make`).
 */
const STUB_RUN_FIX = [
  'Best, do not run it while building: run it in the container, started with `docker run --gpus all …`. If the step must run it and the program',
  'uses no GPU there (it prints docs, `--help`, a version), let it start against the toolkit\'s stub in that `RUN` only. The `-devel` images have',
  '`/usr/local/cuda/lib64/stubs/libcuda.so`, but not under the name the loader asks for:',
  '',
  '```dockerfile',
  'RUN ln -s /usr/local/cuda/lib64/stubs/libcuda.so /usr/local/cuda/lib64/stubs/libcuda.so.1',
  '# the RUN that failed, its command prefixed with LD_LIBRARY_PATH=/usr/local/cuda/lib64/stubs:$LD_LIBRARY_PATH',
  'RUN rm /usr/local/cuda/lib64/stubs/libcuda.so.1',
  '```',
  '',
  'Never put `stubs` in an `ENV LD_LIBRARY_PATH` of the image: the stub is for linking, and a program that loads it instead of the host\'s',
  'driver gets `cudaErrorStubLibrary` from every CUDA call. To only link against the driver API: `-L/usr/local/cuda/lib64/stubs -lcuda`.',
];

/** Family variants (which library) come before the place variants; the driver has its own per place. */
function driverVariants(): Variant[] {

  const title = 'NVIDIA driver library not found';
  const message =
    'The loader could not find {library:all}, a library of the NVIDIA driver: images never contain it; the NVIDIA container runtime mounts it ' +
    'from the host when a container starts with GPUs.';
  return [
    // WSL 2 comes first: there the Linux remedies (driver, loader cache, Docker Engine from apt) do not apply.
    { when: 'driver&containerCliLoad&wsl', title: WSL_TITLE, message: WSL_MESSAGE, fix: WSL_FIX },
    { when: 'driver&containerCliLoad&fact.hostOs=windows', title: WSL_TITLE, message: WSL_MESSAGE, fix: WSL_FIX },
    {
      // The same error while the log shows `nvidia-smi` working (`Driver Version: 530.30.02`): nvidia-smi loads the same
      // libnvidia-ml.so.1, so the driver is fine and the toolkit's CLI does not see it. The causes the toolkit's maintainers
      // and reporters found: a Docker installed as a snap, confined away from the host's libraries (NVIDIA/nvidia-docker#1711,
      // the maintainer's question; NVIDIA/nvidia-container-toolkit#154: `snap list` shows a second docker); Docker Desktop,
      // whose context `desktop-linux` sends `docker` to its own VM's daemon (NVIDIA/nvidia-docker#1647: `docker context use
      // default` fixed it; SecureAI-Tools/SecureAI-Tools#26: removing docker-desktop fixed it; Docker Desktop for Linux runs its
      // daemon in a VM: docs.docker.com/desktop/faqs/linuxfaqs); the driver's library missing
      // from the host's loader cache, which the CLI reads (libnvidia-container src/ldcache.c).
      when: 'driver&containerCliLoad&hostDriver',
      title: "The NVIDIA container runtime cannot see the host's working driver",
      message:
        'The NVIDIA Container Toolkit (`nvidia-container-cli`, which runs on the host as the container starts) could not load {library:all}, ' +
        'yet this log shows `nvidia-smi` working with driver {context.hostDriver.version}, and nvidia-smi loads the same library. The driver is ' +
        'fine: the daemon that started the container, or the toolkit it runs, does not see the host\'s driver libraries.',
      fix: [
        'On the host, find which daemon `docker` talks to and whether the loader cache holds the library:',
        '',
        '```sh',
        'docker context show                  # desktop-linux: Docker Desktop, whose daemon runs in its own VM',
        'snap list docker                     # listed: a snap Docker, confined away from the host\'s driver libraries',
        'ldconfig -p | grep libnvidia-ml      # empty: the toolkit cannot find the library',
        '```',
        '',
        '- `desktop-linux`: `docker context use default` (Docker Engine, where the toolkit is configured), or remove Docker Desktop.',
        '- a snap Docker: `sudo snap remove docker` and use Docker Engine from Docker\'s apt repository (`sudo systemctl restart docker` if it is installed already).',
        '- `ldconfig -p` shows nothing: `sudo ldconfig`, then run the container again.',
        '',
        'Then reconfigure the toolkit for Docker Engine and restart it: ' +
          '`sudo nvidia-ctk runtime configure --runtime=docker && sudo systemctl restart docker`.',
      ].join('\n'),
    },
    {
      // `nvidia-container-cli: initialization error: load library failed: libnvidia-ml.so.1: cannot open shared object
      // file …` (NVIDIA/nvidia-container-toolkit#302, #305): the toolkit's CLI runs on the host as the container starts and
      // looks the driver's libraries up in the host's loader cache (libnvidia-container, src/ldcache.c); the container
      // asked for GPUs. With the toolkit's release in the log, a regression of an upgrade is one story the log supports:
      // #305's host ran the same containers with toolkit 1.14.3 and failed after the upgrade to 1.14.4.
      when: 'driver&containerCliLoad&toolkitVersion',
      title: CONTAINER_CLI_TITLE,
      message:
        'The NVIDIA Container Toolkit (`nvidia-container-cli`, which runs on the host as the container starts) could not load {library:all}. ' +
        'Either the host that runs Docker has no working NVIDIA driver or its libraries are not in the host\'s loader cache, the daemon that ' +
        'started the container cannot see them (Docker Desktop, or Docker installed as a snap), or the toolkit {context.toolkitVersion.version} ' +
        'does not find a driver that works (this happens after a toolkit upgrade). The container asked for GPUs; adding `--gpus` again changes nothing.',
      fix: [
        'On the host that runs Docker (not in a container), find out which:',
        '',
        '```sh',
        ...CONTAINER_CLI_CHECKS,
        'nvidia-container-cli --version                # the toolkit release (cli-version)',
        "grep nvidia-container-toolkit /var/log/apt/history.log   # apt's upgrades: (old, new) versions",
        '```',
        '',
        ...CONTAINER_CLI_DAEMON_FIX,
        '',
        'With `nvidia-smi` working and Docker Engine answering, reinstall or reconfigure the toolkit and restart Docker: ' +
          '`sudo nvidia-ctk runtime configure --runtime=docker && sudo systemctl restart docker`. If GPU containers worked on this host before ' +
          'a toolkit upgrade, go back to the release that worked, all four packages together (set `V` to it):',
        '',
        '```sh',
        pinToolkit(),
        '```',
        '',
        TOOLKIT_REPORT,
      ].join('\n'),
    },
    {
      // The same error with nothing else in the log (NVIDIA/nvidia-container-toolkit#154, a `docker run --gpus all` of an
      // NGC image): no toolkit release, no nvidia-smi. #302's host driver stack had broken (reinstalling fixed it); #154's
      // reporter had installed Docker Desktop (his comment in NVIDIA/nvidia-docker#1711). A toolkit downgrade is no advice
      // here: nothing in such a log points at an upgrade.
      when: 'driver&containerCliLoad',
      title: CONTAINER_CLI_TITLE,
      message:
        'The NVIDIA Container Toolkit (`nvidia-container-cli`, which runs on the host as the container starts) could not load {library:all}. ' +
        'Either the host that runs Docker has no working NVIDIA driver or its libraries are not in the host\'s loader cache, or the daemon ' +
        'that started the container cannot see the host\'s driver libraries: Docker Desktop on Linux runs its daemon in a VM, and Docker ' +
        'installed as a snap runs confined. The container asked for GPUs; adding `--gpus` again changes nothing.',
      fix: [
        'On the host that runs Docker (not in a container), find out which:',
        '',
        '```sh',
        ...CONTAINER_CLI_CHECKS,
        '```',
        '',
        ...CONTAINER_CLI_DAEMON_FIX,
        '',
        'With `nvidia-smi` working and Docker Engine answering, configure the toolkit for it and restart it: ' +
          '`sudo nvidia-ctk runtime configure --runtime=docker && sudo systemctl restart docker`; without the toolkit, install it first ' +
          '(https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/install-guide.html).',
      ].join('\n'),
    },
    {
      when: 'driver&fact.place=image-build',
      title: 'NVIDIA driver library loaded during the build',
      message: `This step tried to load {library:all}, which belongs to the NVIDIA driver: images never contain it. ${BUILD_GPU}`,
      fix: [
        'A program this step runs was built with CUDA and links the driver\'s library, which a build step does not have.',
        '',
        ...STUB_RUN_FIX,
      ].join('\n'),
    },
    {
      // The log's own `docker run` already asks for GPUs (`--gpus all`, a CDI `--device nvidia.com/gpu=…`) and the driver's
      // library is still missing: the runtime did not hand the host's driver over (ggml-org/llama.cpp#7822, `docker run …
      // --gpus all ghcr.io/ggerganov/llama.cpp:server-cuda`; the maintainer: libcuda is the driver's, "a configuration issue").
      // The checks, in the order that splits the causes: the host's driver (`nvidia-smi`), the toolkit installed
      // (`nvidia-ctk --version`: NVIDIA's install guide), the toolkit's own sample workload on `ubuntu` (install guide,
      // "Running a Sample Workload"), then the image: the runtime mounts the CUDA driver library only for the `compute` driver
      // capability ("compute: required for CUDA and OpenCL applications"; "utility: required for using nvidia-smi and NVML":
      // the toolkit's "Specialized Configurations with Docker", NVIDIA_DRIVER_CAPABILITIES), which is why `nvidia-smi` can work
      // where libcuda is absent. `ldconfig -p` lists the loader cache (ldconfig(8)).
      when: 'driver&fact.place=docker-run&enrich.runGpus&enrich.runImage',
      title: 'NVIDIA driver library not mounted, although the container asked for GPUs',
      message:
        'The loader could not find {library:all}, a library of the NVIDIA driver that the NVIDIA container runtime mounts from the host ' +
        'when a container starts with GPUs. This `docker run` already asks for them, so adding `--gpus` changes nothing: the host\'s driver, ' +
        'the NVIDIA Container Toolkit, or the daemon\'s setup did not hand the library over, or the image asks for no `compute` capability.',
      fix: [
        'On the host that runs Docker, check each link in turn:',
        '',
        '```sh',
        'nvidia-smi                                      # must list the GPU: if not, install the NVIDIA driver and reboot',
        'nvidia-ctk --version                            # the NVIDIA Container Toolkit: if missing, install it (guide below)',
        'docker run --rm --gpus all ubuntu nvidia-smi    # the toolkit\'s own check',
        "docker run --rm --gpus all --entrypoint sh {enrich.runImage} -c 'ldconfig -p | grep libcuda; echo \"caps=$NVIDIA_DRIVER_CAPABILITIES\"'",
        '```',
        '',
        '- The `ubuntu` check fails: configure the toolkit for this daemon and restart it, ' +
          '`sudo nvidia-ctk runtime configure --runtime=docker && sudo systemctl restart docker` (install guide: ' +
          'https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/install-guide.html). `docker context ls` must show ' +
          'the host\'s Docker Engine as current, not Docker Desktop (`desktop-linux`), and `snap list docker` nothing.',
        '- It works but the image shows no `libcuda`: if `caps=` lacks `compute` (and is not `all`), run the container with ' +
          '`-e NVIDIA_DRIVER_CAPABILITIES=compute,utility`; the runtime mounts the CUDA driver library only for `compute`.',
      ].join('\n'),
    },
    {
      // llama.cpp's programs (`/llama-server: error while loading shared libraries: libcuda.so.1`, mpazdzioch/llamacpp-webui-glue#4:
      // the project's CPU image built llama.cpp with CUDA; the reporter's fix built it without). A CUDA build links the driver's
      // library, so the loader stops it before any option such as `--n-gpu-layers 0` is read. llama.cpp's CMake builds the CPU
      // backend alone unless told otherwise (ggml/CMakeLists.txt: `option(GGML_CUDA "ggml: use CUDA" OFF)`; the old names
      // LLAMA_CUBLAS and LLAMA_CUDA are deprecated for GGML_CUDA in its CMakeLists.txt); its published images are `server` (CPU)
      // and `server-cuda` (CUDA 12), the CUDA ones to run with `--gpus` (docs/docker.md).
      when: 'driver&llamaCpp&!enrich.runGpus&!fact.place=host-shell',
      title: 'llama.cpp built with CUDA, started where the NVIDIA driver is not mounted',
      message:
        '`{context.llamaCpp.program}` was built with CUDA: it links {library:all}, a library of the NVIDIA driver, which images never contain (the NVIDIA ' +
        'container runtime mounts it from the host when a container starts with GPUs). The loader stops the program before it reads any option, so ' +
        '`--n-gpu-layers 0` does not make a CUDA build run on the CPU.',
      fix: [
        'Decide which build this container should run:',
        '',
        '- On the CPU (no GPU, or a CPU image): build llama.cpp without CUDA. Its CMake builds the CPU backend alone unless `-DGGML_CUDA=ON` ' +
          '(older releases: `LLAMA_CUBLAS` / `LLAMA_CUDA`) is given, so drop that flag from the CPU image\'s build, or say `-DGGML_CUDA=OFF`; ' +
          'or use llama.cpp\'s CPU image, `ghcr.io/ggml-org/llama.cpp:server`, instead of a `-cuda` one.',
        '- On the GPU: run the CUDA build with GPUs, on a host with the NVIDIA driver and the NVIDIA Container Toolkit: `--gpus all` in its ' +
          '`docker run` command, in a compose file a `deploy.resources.reservations.devices` entry with `capabilities: [gpu]`. The toolkit\'s ' +
          'own check of the host:',
        '',
        '```sh',
        HOST_GPU_CHECK,
        '```',
        '',
        'llama.cpp\'s images and flags: https://github.com/ggml-org/llama.cpp/blob/master/docs/docker.md',
      ].join('\n'),
    },
    {
      when: 'driver&fact.place=docker-run&enrich.runWithGpus',
      title,
      message: `${message} This container was started without them.`,
      fix: [
        'Start it with GPUs, on a host with the NVIDIA driver and the NVIDIA Container Toolkit: the same command with `--gpus all`:',
        '',
        '```sh',
        '{enrich.runWithGpus}',
        '```',
        '',
        'If `--gpus` fails (`could not select device driver "" with capabilities: [[gpu]]`), install the NVIDIA Container Toolkit on the host ' +
          'and run `sudo nvidia-ctk runtime configure --runtime=docker && sudo systemctl restart docker`. ' + CPU_BUILD,
      ].join('\n'),
    },
    {
      when: 'driver&fact.place=docker-run',
      title,
      message,
      fix: [
        'Start the container with GPUs, on a host with the NVIDIA driver and the NVIDIA Container Toolkit: `--gpus all` in its `docker run` command ' +
          '(in a compose file, a `deploy.resources.reservations.devices` entry with `capabilities: [gpu]`). The toolkit\'s own check of the host:',
        '',
        '```sh',
        HOST_GPU_CHECK,
        '```',
        '',
        'If `--gpus` fails (`could not select device driver "" with capabilities: [[gpu]]`), install the NVIDIA Container Toolkit on the host ' +
          'and run `sudo nvidia-ctk runtime configure --runtime=docker && sudo systemctl restart docker`. ' + CPU_BUILD,
      ].join('\n'),
    },
    {
      // No place in the log, but the program was already running: cuDNN 8 opens some libraries itself when a computation first
      // needs them and reports a failure as `Could not load library libcudnn_cnn_infer.so.8. Error: libcuda.so: cannot open shared
      // object file` (lbcb-sci/herro#76, after the program's own `Parsed 1961054 reads.` and its first batch; facefusion/
      // facefusion-docker#9, the same wording for libnvrtc.so in a compose service). That is run time, not a program a build step
      // starts, so the container and host checks lead. The bare name `libcuda.so` is the driver's link to `libcuda.so.1`, which
      // the NVIDIA container runtime creates with the library (libnvidia-container; NVIDIA/nvidia-container-toolkit#715 "aligns
      // the creation of symlinks under CDI with the implementation in libnvidia-container": `libcuda.so -> libcuda.so.1`), so
      // `ldconfig -p` (the loader cache, ldconfig(8)) in the container tells a driver not mounted (no `libcuda.so.1`); the
      // cache need not list the bare `libcuda.so` link (created before the toolkit runs ldconfig: NVIDIA/nvidia-container-toolkit#944,
      // a container listing `libcuda.so.1` alone), so the link itself is looked for with `ls -l`.
      // A log that shows an image build has its place and takes the build variant above.
      when: 'driver&cudnnLazyLoad',
      title,
      message:
        'cuDNN (`{context.cudnnLazyLoad.loader}`) could not load {library:all}, a library of the NVIDIA driver, while the program was already ' +
        'running: cuDNN opens it when a computation first needs it. Images never contain it; the NVIDIA container runtime mounts it from the ' +
        'host when a container starts with GPUs, and on a machine the NVIDIA driver installs it.',
      fix: [
        'In a container: start it with `--gpus all` (in a compose file, a `deploy.resources.reservations.devices` entry with ' +
          '`capabilities: [gpu]`), on a host with the NVIDIA driver and the NVIDIA Container Toolkit. On the host, check both:',
        '',
        '```sh',
        'nvidia-smi                                      # must list the GPU: if not, install the NVIDIA driver',
        HOST_GPU_CHECK,
        '```',
        '',
        'If that fails, install the NVIDIA Container Toolkit and run `sudo nvidia-ctk runtime configure --runtime=docker && sudo systemctl restart docker` ' +
          '(https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/install-guide.html). Then, in the container started with GPUs, ' +
          '`ldconfig -p | grep libcuda` must list `libcuda.so.1`: without it, the driver was not mounted. The bare name `libcuda.so` is a link ' +
          'beside it, which the cache may not list (`ls -l` that directory); only if it is missing there, link it to `libcuda.so.1` in that ' +
          'directory (`ln -s libcuda.so.1 libcuda.so`).',
        '',
        'On a machine without containers: install the NVIDIA driver (`nvidia-smi` must work); the CUDA toolkit alone does not bring `libcuda.so`.',
      ].join('\n'),
    },
    {
      // No place in the log: the three places have three fixes, the build step's first (ggml-org/llama.cpp#9392: a
      // `docker build` whose `make` runs the freshly built `./llama-gen-docs`; the log is the loader's line alone).
      when: 'driver',
      title,
      message:
        'The loader could not find {library:all}, a library of the NVIDIA driver. Which fix applies depends on where the program ran, which this log does not show.',
      fix: [
        'In a `docker build` step (a `RUN` that runs a program built with CUDA: a test, a docs generator, a self-check), a build has no GPU and no driver.',
        '',
        ...STUB_RUN_FIX,
        '',
        'In a container: start it with `--gpus all` on a host with the driver and the NVIDIA Container Toolkit. ' + CPU_BUILD,
        'On a machine: install the NVIDIA driver (`nvidia-smi` must work); the CUDA toolkit alone does not bring `libcuda.so.1`.',
      ].join('\n'),
    },
  ];
}

/**
 * A library missing from a conda environment: apt cannot fix it. The usual cause is a channel mix, conda-forge packages
 * (mamba, libmambapy) on a base whose dependencies come from Anaconda's `defaults` channel (SyneRBI/SIRF-SuperBuild#826:
 * mamba from conda-forge on a Miniconda base, `libarchive.so.13: cannot open shared object file`). mamba's troubleshooting
 * page (mamba.readthedocs.io, user_guide/troubleshooting) supports only the Miniforge/Mambaforge install, advises against
 * the defaults channels, and shows `mamba info` to list the channel URLs; Miniforge (github.com/conda-forge/miniforge)
 * takes base from conda-forge only. `--strict-channel-priority` and `--solver=classic` are conda install flags
 * (conda-libmamba-solver user guide: libmamba is conda's default solver from 23.10, and needs libmambapy too). A conda
 * package is usually named like the library it ships (`libarchive` ships `libarchive.so.13`): the fix says to check.
 * A conda prefix alone is no evidence of a mix: a module under /opt/conda also loads the OS's libraries (a system GL
 * library, Genesis-Embodied-AI/genesis-world#1896: pygel3d under /opt/conda needed libGLU.so.1, fixed with apt's
 * libglu1-mesa). The channel-mix story needs the log to show conda's own tools failing (mamba, libmambapy, conda) or
 * conda-forge in use; without it the fix checks both sources.
 */
function condaVariants(): Variant[] {
  const title = 'Shared library missing from the conda environment';
  const message =
    'The loader could not find {library:all} for a program of a conda environment (the failing module is under a conda prefix). ' +
    'Its libraries come from conda packages, not the OS, so apt does not fix it. The usual cause is a channel mix: a package from ' +
    'conda-forge (mamba and libmambapy are) on an environment whose libraries come from Anaconda\'s `defaults` channel, built with other versions.';
  const fix = (env: string): string =>
    [
      'Take the environment from one channel, conda-forge (mamba supports only that). In an image, install Miniforge instead of Miniconda ' +
        '(https://github.com/conda-forge/miniforge: conda and mamba with conda-forge as the only channel). In this environment, reinstall ' +
        'the package that ships the library from conda-forge:',
      '',
      '```sh',
      `conda install -n ${env} -y -c conda-forge --strict-channel-priority {stem}`,
      '```',
      '',
      'The package is usually named like the library (`conda search -c conda-forge {stem}` checks). If conda fails on the same import ' +
        '(conda 23.10 and newer solve with libmamba), add `--solver=classic`. `conda info` lists the channel URLs: ' +
        'none should be `repo.anaconda.com/pkgs/…`.',
    ].join('\n');
  const unknownSource = (env: string): Variant => ({
    when: env === 'base' ? 'condaPrefix' : 'condaNamedEnv',
    title: 'Shared library not found (program in a conda environment)',
    message:
      'The loader could not find {library:all} for a module of a conda environment. The library comes from a conda package or from ' +
      'the OS, and the log does not show which: check both.',
    fix: [
      'Ask conda-forge and the OS\'s archive which package ships it:',
      '',
      '```sh',
      'conda search -c conda-forge {stem}',
      'apt-get update && apt-get install -y apt-file && apt-file update && apt-file search {library}',
      '```',
      '',
      `A system package (Debian/Ubuntu) goes into the image's \`apt-get install\`; a conda package into the environment with \`conda install -n ${env} -c conda-forge\`. ${LDD_CHECK}`,
    ].join('\n'),
  });
  return [
    { when: 'condaNamedEnv&condaMix', title, message, fix: fix('{context.condaNamedEnv.env}') },
    { when: 'condaPrefix&condaMix', title, message, fix: fix('base') },
    unknownSource('{context.condaNamedEnv.env}'),
    unknownSource('base'),
  ];
}

const TORCH_ORDER_MESSAGE =
  'The loader could not find {library:all}, a library of PyTorch itself, which `import torch` loads: a compiled extension imported before torch ' +
  'does not find it. The same output imports the extension after torch, and it then fails on an undefined torch symbol: that is the failure ' +
  '(the extension was built for another PyTorch); this error is only the import order.';

/** Where torch's cuDNN wheel is, if anywhere, and whether pip misses a requirement of torch: the same Python as the program. */
const CUDNN_WHEEL_CHECK = [
  "python3 -m pip show -f nvidia-cudnn-cu12 nvidia-cudnn-cu11 | grep -E '^Location|libcudnn.so'   # the wheel, if anywhere",
  'python3 -m pip check                                                                           # a requirement of torch that is missing',
];

/** cuDNN for a torch under an RPM distribution's Python (see the variants' comment): `rpm` is the package for this cuDNN major. */
function rpmCudnnVariant(when: string, rpm: string, runLine: string, buildsNote: string): Variant {
  return {
    when,
    title: 'cuDNN not found when torch loads',
    message:
      '`import torch` failed: the loader could not find {library:all}. This torch is installed under `{context.pipTorch.site}`, the ' +
      'Python of an RPM distribution (Fedora, RHEL / UBI, CentOS, Rocky; openSUSE), and the log shows no `nvidia-cudnn` wheel: cuDNN ' +
      'comes either from the pip wheel torch\'s requirements name (`nvidia-cudnn-cu12`, `-cu11` / `-cu13`), or, for a torch installed ' +
      'without it, from the OS packages of NVIDIA\'s CUDA repository. One of them is missing, or not where the loader looks.',
    fix: [
      'See which it is, with the same Python that runs the program:',
      '',
      '```sh',
      ...CUDNN_WHEEL_CHECK,
      'echo "$LD_LIBRARY_PATH"                                                                        # a site-packages path of another Python here',
      '```',
      '',
      '- the wheel is installed, in another directory than the library path says: put its `nvidia/cudnn/lib` on the path in the image',
      '  (`ENV LD_LIBRARY_PATH={context.pipTorch.site}/nvidia/cudnn/lib:$LD_LIBRARY_PATH` beside this torch);',
      '- `pip check` names `nvidia-cudnn-cu…`: install that release (torch requires an exact one), or torch again without `--no-deps`;',
      '- no wheel and nothing missing for pip: install cuDNN from NVIDIA\'s CUDA repository (nvidia/cuda UBI images have it in',
      '  `/etc/yum.repos.d/cuda.repo`; elsewhere add it as NVIDIA\'s CUDA install guide gives it for the distribution). The number in',
      '  the file name is cuDNN\'s major release: `libcudnn8` for `libcudnn.so.8`, `libcudnn9-cuda-12` (`-cuda-13`) for `libcudnn.so.9`:',
      '',
      '```dockerfile',
      runLine,
      '```',
      '',
      `  (\`yum\` on CentOS 7, \`microdnf\` on a UBI minimal image; \`dnf list --showduplicates ${rpm}\` shows the builds${buildsNote}; on openSUSE, \`zypper search libcudnn\` lists the name).`,
    ].join('\n'),
  };
}

export const sharedLibraryMissing: RuleInput = {
  id: 'runtime/shared-library-missing',
  title: 'Shared library not found',
  severity: 'error',
  match: [
    // `error while loading shared libraries: libcudnn.so.9: cannot open shared object file: No such file or directory`,
    // a soname with one version part before `.so`: GLib's `libgthread-2.0.so.0`, `libglib-2.0.so.0` (cv2's imports,
    // PDFMathTranslate/PDFMathTranslate#521)
    // `ImportError: libcudnn.so.8: cannot open shared object file …`, `OSError: libcuda.so.1: …`
    {
      literals: ['cannot open shared object file'],
      pattern: '(?<library>(?<stem>\\blib(?!cupti\\b)[\\w+-]{0,200}(?:\\.\\d{1,3})?)\\.so[.\\d]{0,40}):[ \\t]?cannot open shared object file',
    },
    // the loader's line cut off where the log ends (CUT_WORDING): `ImportError: libcudart.so.12: cannot open shared o`
    {
      literals: ['cannot open sh'],
      pattern: `(?<library>(?<stem>\\blib(?!cupti\\b)[\\w+-]{0,200}(?:\\.\\d{1,3})?)\\.so[.\\d]{0,40}): ${CUT_WORDING}`,
      atEnd: true,
    },
    // CTranslate2's own dlopen (MISSING): `RuntimeError: Library libcublas.so.12 is not found or cannot be loaded` (LibreTranslate/LibreTranslate#621)
    {
      literals: ['is not found or cannot be loaded'],
      pattern: '\\bLibrary (?<library>(?<stem>lib(?!cupti\\b)[\\w+-]{0,200}(?:\\.\\d{1,3})?)\\.so[.\\d]{0,40}) is not found or cannot be loaded',
    },
    // ldd: `	libnccl.so.2 => not found`
    { literals: ['=> not found'], pattern: '^\\s{0,200}(?<library>(?<stem>lib(?!cupti\\b)[\\w+-]{0,200}(?:\\.\\d{1,3})?)\\.so[.\\d]{0,40}) => not found' },
  ],
  context: [
    { name: 'tensorflow', literals: ['Could not load dynamic library'] },
    // the program runs from a conda environment (a traceback frame or a path under a conda prefix): its libraries
    // are conda packages, not the OS's. `envs/<name>/` names the environment; anything else is the base one.
    { name: 'condaNamedEnv', literals: ['/envs/'], pattern: '/(?:conda|miniconda3?|anaconda3?|miniforge3?|mambaforge)/envs/(?<env>[\\w.-]{1,100})/(?:lib|bin)/' },
    { name: 'condaPrefix', literals: ['conda', 'miniforge', 'mambaforge'], pattern: '/(?:conda|miniconda3?|anaconda3?|miniforge3?|mambaforge)/(?:lib|bin)/' },
    // evidence of a channel mix: conda's own tools failing to load (mamba, libmambapy, conda's solver), or conda-forge in use
    {
      name: 'condaMix',
      literals: ['mamba', 'conda-forge', '/conda/', 'conda_libmamba_solver'],
      pattern: '/site-packages/(?:libmambapy|mamba|conda|conda_libmamba_solver)/|/bin/(?:mamba|conda)\\b|\\bconda-forge\\b',
    },
    // Mesa's OpenGL Utility library: the OS package libglu1-mesa (`dpkg -S libGLU.so.1` on Debian 12, this machine)
    { name: 'glu', literals: ['libGLU.so'], pattern: lib('libGLU\\.so') },
    // the toolkit's `nvidia-container-cli: initialization error: load library failed`, also pasted without the spaces after
    // its colons (`nvidia-container-cli:initialization error:load library failed:libnvidia-ml.so.1:…`, ollama/ollama#4279)
    {
      name: 'containerCliLoad',
      literals: ['load library failed'],
      pattern: 'nvidia-container-cli:[ \\t]?initialization error:[ \\t]?load library failed',
    },
    // Docker on Windows through WSL 2: the reporter's `I'm using WSL2`, `WSL 2`, or the WSL kernel's release
    // (`5.15.90.1-microsoft-standard-WSL2` in `uname -r` / `docker info`).
    { name: 'wsl', literals: ['WSL'], pattern: '\\bWSL ?2\\b|microsoft-standard-WSL' },
    // the toolkit's release: `nvidia-container-cli --version` (`cli-version: 1.14.6`), `nvidia-ctk --version` (`NVIDIA
    // Container Toolkit CLI version 1.14.6`), dpkg / apt (`Setting up nvidia-container-toolkit (1.17.4-1) ...`, `dpkg -l`'s
    // `ii  nvidia-container-toolkit  1.11.0-…`), and prose (`nvidia-runtime-toolkit (1.14.4)`)
    {
      name: 'toolkitVersion',
      literals: ['cli-version:', 'Toolkit CLI version', 'nvidia-container-toolkit', 'nvidia-runtime-toolkit'],
      pattern:
        '(?:cli-version: |Toolkit CLI version |nvidia-(?:container|runtime)-toolkit(?:[ \\t]{1,40}|[ \\t]?\\())v?(?<version>\\d{1,2}\\.\\d{1,3}\\.\\d{1,3})\\b',
    },
    // nvidia-smi's banner: `| NVIDIA-SMI 530.30.02              Driver Version: 530.30.02    CUDA Version: 12.1     |`
    { name: 'hostDriver', literals: ['Driver Version:'], pattern: 'NVIDIA-SMI [\\d.]{1,20}\\s{1,40}Driver Version: (?<version>\\d{2,4}\\.\\d{1,3}(?:\\.\\d{1,3})?)' },
    RUN_COMMAND_CONTEXT,
    // a llama.cpp program the loader stopped: `/llama-server: error while loading shared libraries: …`, `/app/llama-cli: …`
    {
      name: 'llamaCpp',
      literals: ['llama-server:', 'llama-cli:', 'llama-completion:'],
      pattern: '^(?:[\\w./-]{0,200}/)?(?<program>llama-(?:server|cli|completion)): error while loading shared libraries: ',
    },
    // cuDNN 8 opening a library itself at run time: `Could not load library libcudnn_cnn_infer.so.8. Error: libcuda.so: cannot open …`
    { name: 'cudnnLazyLoad', literals: ['Could not load library '], pattern: 'Could not load library (?<loader>lib[\\w.+-]{1,100})\\. Error: ' },
    { name: 'driver', literals: ['libcuda.so', 'libnvidia-ml.so'], pattern: `(?:${lib('libcuda\\.so')}|${lib('libnvidia-ml\\.so')}|libcuda\\.so[.\\d]{0,200} => not found)` },
    { name: 'cudnn', literals: ['libcudnn'], pattern: `(?:${lib('libcudnn')}|libcudnn[\\w.]{0,200} => not found)` },
    // the failing import is torch's own, from a pip install: `File "/usr/local/lib64/python3.12/site-packages/torch/__init__.py"`
    {
      name: 'pipTorch',
      literals: ['/torch/__init__.py'],
      pattern: 'File "(?<site>/[^"\\n]{1,300}/(?:site|dist)-packages)/torch/__init__\\.py"',
    },
    // torch's nvidia-* wheels in the log: a wheel's name (`nvidia-cudnn-cu12`, `nvidia_cublas_cu12-…whl`) or its directory
    // (`site-packages/nvidia/cudnn/lib`): then cuDNN is the wheel's
    {
      name: 'nvidiaWheels',
      literals: ['nvidia-', 'nvidia_', '/nvidia/'],
      pattern: '\\bnvidia[-_](?:cudnn|cublas|cuda[-_](?:runtime|nvrtc|cupti)|nccl|cufft|curand|cusolver|cusparse)[-_]cu1\\d|(?:site|dist)-packages/nvidia/',
    },
    // cuDNN 9's soname (`libcudnn.so.9`, `libcudnn_graph.so.9`): its packages carry the CUDA major (`libcudnn9-cuda-12`)
    { name: 'cudnn9', literals: ['libcudnn'], pattern: 'libcudnn\\w{0,40}\\.so\\.9\\b' },
    // The Python layout of an RPM distribution (Fedora, RHEL / UBI, CentOS, Rocky, Alma): pip as root installs extension modules
    // to `/usr/local/lib64/python3.X/site-packages` (Fedora's install scheme: "Python packages are installed to
    // `/usr/local/lib(64)/python3.10/site-packages/`", Fedora 36 release notes, "New installation scheme of Python packages";
    // Debian and Ubuntu use `dist-packages`), or the log runs dnf / yum / microdnf: the OS packages come from dnf. Or the
    // interactive Python's banner names Red Hat's build of GCC, which builds the python3 of RHEL and its rebuilds:
    // `[GCC 11.5.0 20240719 (Red Hat 11.5.0-2)] on linux` (Python 3.9.19 in nvidia/cuda:12.6.3-cudnn-devel-rockylinux9,
    // pytorch/pytorch#150399).
    {
      name: 'rpmImage',
      literals: ['/lib64/python3', 'dnf ', 'yum ', '(Red Hat '],
      pattern:
        '/usr(?:/local)?/lib64/python3\\.\\d{1,2}/site-packages/|\\b(?:micro)?dnf (?:-y )?install\\b|\\byum (?:-y )?install\\b|' +
        '\\[GCC \\d{1,2}\\.\\d{1,2}\\.\\d{1,2} \\d{8} \\(Red Hat \\d{1,2}\\.[\\d.-]{1,20}\\)\\] on linux',
    },
    // cuSPARSELt, which torch's CUDA wheels load (`libcusparseLt.so.0`)
    { name: 'cusparselt', literals: ['libcusparseLt'], pattern: `(?:${lib('libcusparseLt\\.so')}|libcusparseLt[\\w.]{0,200} => not found)` },
    { name: 'nccl', literals: ['libnccl'], pattern: `(?:${lib('libnccl')}|libnccl[\\w.]{0,200} => not found)` },
    {
      name: 'cudaLibs',
      literals: ['libcublas', 'libcudart', 'libcufft', 'libcurand', 'libcusparse', 'libcusolver', 'libnvrtc', 'libnvJitLink'],
      pattern: `(?:${lib('lib(?:cublas|cublasLt|cudart|cufft|curand|cusparse|cusolver|nvrtc|nvJitLink)\\.so')}|lib(?:cublas|cudart)[\\w.]{0,200} => not found)`,
    },
    // CTranslate2's own wording (MISSING) for CUDA 12's cuBLAS: its 4.x wheels
    { name: 'ctranslate2Cuda12', literals: ['is not found or cannot be loaded'], pattern: '\\bLibrary libcublas(?:Lt)?\\.so\\.12 is not found or cannot be loaded' },
    { name: 'tensorrt', literals: ['libnvinfer'], pattern: lib('libnvinfer') },
    // a CUDA library's bare development name (`libnvrtc.so: cannot open …`), no `.N` after `.so`; the package is `cuda-<x>-dev`
    // for the toolkit's own libraries and `lib<x>-dev` for the math libraries (DEV_LINK_MESSAGE)
    { name: 'devLinkCuda', literals: ['libnvrtc.so', 'libcudart.so'], pattern: '\\b(?<stem>lib(?<pkg>nvrtc|cudart))\\.so(?:: cannot open shared object file| => not found)' },
    {
      name: 'devLinkMath',
      literals: ['libcublas', 'libcufft.so', 'libcurand.so', 'libcusolver.so', 'libcusparse.so'],
      pattern: '\\b(?<stem>lib(?<pkg>cublas|cufft|curand|cusolver|cusparse)(?:Lt)?)\\.so(?:: cannot open shared object file| => not found)',
    },
    // an image whose tag names its CUDA as a wheel tag does: vLLM's `vllm/vllm-openai:latest-cu130`, `…:v0.11.0-cu130`
    // (the image's CUDA for the cuda-lib-major enricher, beside the nvidia/cuda tag and torch's `+cu130`)
    {
      name: 'cuImageTag',
      literals: ['-cu1', ':cu1'],
      pattern: '(?<image>\\b[a-z0-9][a-z0-9._/-]{0,200}:(?:[\\w.]{0,40}-)?(?<cu>cu1[1-3]\\d)(?![\\w])(?:-[\\w.]{1,40})?)',
    },
    // the CUDA runtime of another major the environment does have, listed by its path (`ls` / `find` output):
    // `/opt/vllm/lib/python3.12/site-packages/nvidia/cu13/lib/libcudart.so.13` beside `libcudart.so.12 => not found`
    // (llm-d/llm-d#1402): the environment's CUDA for the cuda-lib-major enricher when nothing else shows it
    {
      name: 'cudartPresent',
      literals: ['/libcudart.so.'],
      pattern: '^\\s{0,8}(?<path>/[\\w./+-]{0,300}/libcudart\\.so\\.(?<major>1[1-3]))(?:\\.[\\d.]{1,20})?\\s{0,8}$',
    },
    { name: 'cuda10Lib', literals: ['.so.10'], pattern: 'lib(?:cublas|cudart|cufft|curand|cusparse|cusolver|nvrtc)\\.so\\.10\\b' },
    // an NVIDIA Jetson on JetPack 4 (L4T R32) named by the log: an L4T image of R32 (`nvcr.io/nvidia/l4t-pytorch:r32.7.1-…`),
    // its release file's first line (`# R32 (release), REVISION: 7.1`), R32's 4.9 kernel (`4.9.253-tegra`), or in words
    {
      name: 'jetpack4',
      literals: ['l4t-', '# R32 (release)', '-tegra', 'JetPack 4'],
      pattern: '\\bl4t-[\\w-]{1,30}:r32\\.|# R32 \\(release\\)|\\b4\\.9\\.\\d{1,3}-tegra\\b|\\bJetPack 4\\b',
    },
    // PyTorch's own libraries: an extension linked against another torch, or imported before torch
    { name: 'torchLibs', literals: ['libtorch', 'libc10'], pattern: lib('lib(?:torch|c10)[\\w]{0,40}\\.so') },
    // The same scope also shows the extension loaded after torch and failing on a torch symbol (runtime/torch-symbol-mismatch's
    // line: `…/flash_attn_2_cuda.cpython-310-x86_64-linux-gnu.so: undefined symbol: _ZN3c105ErrorC2ENS_14SourceLocationESs`,
    // Dao-AILab/flash-attention#1644): libc10.so was only not loaded yet; the module is the file name before `.cpython-…`.
    {
      name: 'torchSymbolSo',
      literals: ['undefined symbol: _ZN'],
      pattern: '/(?<module>[A-Za-z_]\\w{0,100})\\.(?:cpython-[\\w-]{1,60}|abi3)\\.so: undefined symbol: _ZNK?(?:3c10|2at|5torch)\\d',
    },
    { name: 'torchSymbol', literals: ['undefined symbol: _ZN'], pattern: 'undefined symbol: _ZNK?(?:3c10|2at|5torch)\\d' },
    { name: 'opengl', literals: ['libGL.so', 'libgthread', 'libglib-2.0'], pattern: lib('lib(?:GL|gthread-2\\.0|glib-2\\.0)\\.so') },
    // libGL itself (not GLib, not libGLU)
    { name: 'libGL', literals: ['libGL.so'], pattern: lib('libGL\\.so') },
    // the Python package whose import loaded it: the traceback's last frame in site-packages (dist-packages for Debian's
    // Python), a package directory
    // (`…/site-packages/cv2/__init__.py`) or a module file (`…/site-packages/vtk.py`, UMass-Embodied-AGI/Virtual-Community#5)
    {
      name: 'importer',
      keep: 'last',
      literals: ['site-packages/', 'dist-packages/'],
      pattern: 'File "[^"]{0,300}/(?:site|dist)-packages/(?<pkg>[A-Za-z_]\\w{0,100})(?:/|\\.py")',
    },
    // OpenCV is the importer: its own frames, or the import line of the program
    { name: 'opencv', literals: ['cv2'], pattern: '/(?:site|dist)-packages/cv2/|\\bimport cv2\\b|\\bfrom cv2 import\\b' },
    // a conda environment by name, also under conda's per-user directory (`/home/u/.conda/envs/vico/lib/python3.11/…`)
    {
      name: 'condaEnv',
      literals: ['/envs/'],
      pattern: '/(?:\\.conda|conda|miniconda3?|anaconda3?|miniforge3?|mambaforge|micromamba)/envs/(?<env>[\\w.-]{1,100})/(?:lib|bin)/',
    },
    // the extension the step imports (`from pytorch3d import _C`): what to rebuild against this torch
    {
      name: 'extModule',
      source: 'instruction',
      literals: ['import'],
      pattern: '\\bfrom (?!torch\\b)(?<package>[A-Za-z_][A-Za-z0-9_]{0,100})(?:\\.[\\w.]{0,100})? import\\b',
    },
  ],
  scope: 'step',
  specificity: 3,
  message: 'The dynamic loader could not find {library:all}: the library is not installed where the program runs, or not on its loader path.',
  fix: defaultFix(APT_PROVIDER),
  variants: [
    {
      when: 'tensorflow',
      severity: 'warning',
      message:
        'TensorFlow could not load {library:all}; it goes on without GPU support for it. On a GPU-less builder this is expected; in ' +
        'the image that runs on GPUs it means the CUDA libraries are missing.',
      fix: 'Use a CUDA `-runtime` base image (or `pip install tensorflow[and-cuda]`) for the image that runs on GPUs; nothing to do for a build-time import.',
    },
    ...driverVariants(),
    // libc10.so / libtorch_cpu.so not found, and the extension, imported after torch, then fails on an undefined torch symbol: the
    // first error is only the import order (torch loads its own libraries; an extension finds them once torch has), the second
    // is the failure, explained by runtime/torch-symbol-mismatch, so this one is a notice ranked after it.
    {
      when: 'torchLibs&torchSymbolSo',
      severity: 'notice',
      title: 'PyTorch library not found: the extension was imported before torch',
      message: TORCH_ORDER_MESSAGE,
      fix: [
        'Import torch first, in the same process, and the loader finds {library}:',
        '',
        '```sh',
        "python -c 'import torch; import {context.torchSymbolSo.module}'",
        '```',
        '',
        'In code, `import torch` above the import of `{context.torchSymbolSo.module}`. Imported after torch, it fails on the undefined torch symbol: that is the failure to fix.',
      ].join('\n'),
    },
    {
      when: 'torchLibs&torchSymbol',
      severity: 'notice',
      title: 'PyTorch library not found: the extension was imported before torch',
      message: TORCH_ORDER_MESSAGE,
      fix: 'Import torch first, in the same process (`import torch` above the import of the extension), and the loader finds {library}. Imported after torch, it fails on the undefined torch symbol: that is the failure to fix.',
    },
    {
      when: 'torchLibs&extModule',
      title: 'PyTorch library not found (extension built for another PyTorch)',
      message:
        'The loader could not find {library:all}, a library of PyTorch itself. A compiled extension (here `{context.extModule.package}`) looks for the ' +
        'libraries of the PyTorch it was built against: `libtorch_cuda_cu.so` and `libtorch_cuda_cpp.so` exist only in older releases built with split ' +
        'CUDA libraries (current ones ship `libtorch_cuda.so`), and `libc10.so` / `libtorch_cpu.so` are found only once `import torch` has loaded them.',
      fix: [
        'Rebuild the extension from source against the torch installed here (its dependencies, torch included, stay as they are):',
        '',
        '```sh',
        '{enrich.rebuildFromSource}',
        '```',
        '',
        'or install the extension build made for this torch release. Where a module loads the extension directly, `import torch` first.',
      ].join('\n'),
    },
    {
      when: 'torchLibs',
      title: 'PyTorch library not found (extension built for another PyTorch)',
      message:
        'The loader could not find {library:all}, a library of PyTorch itself. A compiled extension looks for the libraries of the PyTorch it was built ' +
        'against: `libtorch_cuda_cu.so` and `libtorch_cuda_cpp.so` exist only in older releases built with split CUDA libraries (current ones ship ' +
        '`libtorch_cuda.so`), and `libc10.so` / `libtorch_cpu.so` are found only once `import torch` has loaded them.',
      fix:
        'Rebuild the extension that failed to load (the module named in the traceback) from source against the installed torch: the same install command with ' +
        '`--no-build-isolation --force-reinstall --no-deps --no-binary` and the package name, or install its build for this torch release. ' +
        'Where a module loads the extension directly, `import torch` first.',
    },
    // torch from pip takes cuDNN from the `nvidia-cudnn-cu12` wheel (`-cu11` / `-cu13` for those builds; torch 2.2.2's
    // metadata: `Requires-Dist: nvidia-cudnn-cu12 (==8.9.2.26)`), installed as `<site-packages>/nvidia/cudnn/lib`; when the
    // loader does not find it, torch/__init__.py's `_load_global_deps` looks for `nvidia/cudnn/lib/libcudnn.so.*` under each
    // `sys.path` entry (`_preload_cuda_deps`; pytorch/pytorch#101314). Missing there: the wheel is not installed in this
    // environment (`pip check` names the requirement), or a library path that points at another Python's site-packages (a
    // base image whose Python moved to 3.12 under an image-set LD_LIBRARY_PATH: YanWenKun/ComfyUI-Docker#56). Only when the log
    // shows those wheels: a torch installed without them (`--no-deps`, a build of its own) takes cuDNN from the OS.
    {
      when: 'cudnn&pipTorch&nvidiaWheels',
      title: 'cuDNN not found when torch loads (pip\'s nvidia-cudnn wheel)',
      message:
        '`import torch` failed: the loader could not find {library:all}. This torch is a pip install (`{context.pipTorch.site}/torch`), ' +
        'which takes cuDNN from the pip wheel `nvidia-cudnn-cu12` (`-cu11` / `-cu13` for those CUDA builds), installed beside it as ' +
        '`{context.pipTorch.site}/nvidia/cudnn/lib`, not from the system. So either that wheel is not in this environment, or the ' +
        'loader path points at another Python\'s site-packages (after the base image\'s Python moved to a new version, for one).',
      fix: [
        'See which it is, with the same Python that runs the program:',
        '',
        '```sh',
        "python3 -m pip show -f nvidia-cudnn-cu12 | grep -E '^Location|libcudnn.so'   # where the wheel put it, if anywhere",
        'python3 -m pip check                                                          # a requirement of torch that is missing',
        'echo "$LD_LIBRARY_PATH"                                                        # a site-packages path of another Python here',
        '```',
        '',
        '- not installed: install the release `pip check` names (torch requires an exact one), or install torch again without',
        '  `--no-deps` so that pip brings its `nvidia-*` wheels;',
        '- installed, in another directory than the library path says: put the directory `pip show` printed (its `Location` and',
        '  `nvidia/cudnn/lib`) on the path, in the Dockerfile of the image (for an image you pull, its maintainer does: pull it again',
        '  once fixed); beside this torch that is:',
        '',
        '```dockerfile',
        'ENV LD_LIBRARY_PATH={context.pipTorch.site}/nvidia/cudnn/lib:$LD_LIBRARY_PATH',
        '```',
        '',
        'Installing cuDNN from the OS\'s packages instead adds a second copy; keep the wheel torch was installed with.',
      ].join('\n'),
    },
    // A torch under an RPM distribution's Python with no nvidia-* wheel in the log: cuDNN from NVIDIA's CUDA repository for
    // RHEL-family systems is the OS package (instructlab/instructlab#1018: `dnf install -y libcudnn8` fixed this import in
    // a dnf-based CUDA image). The RPM names: `libcudnn8` (versions `8.9.6.50-1.cuda11.8`, NVIDIA dist/11.8.0/ubi8/runtime/
    // cudnn8/Dockerfile: `yum install -y libcudnn8-${NV_CUDNN_VERSION}.cuda11.8`), `libcudnn9-cuda-12` (NVIDIA's UBI 9
    // runtime cudnn Dockerfile for 12.4.1: `libcudnn9-cuda-12-9.1.0.70-1`, with `/etc/yum.repos.d/cuda.repo`); the cuDNN
    // install guide installs its RPM packages with dnf (docs.nvidia.com/deeplearning/cudnn/installation/linux.html).
    rpmCudnnVariant('cudnn&pipTorch&rpmImage&cudnn9', 'libcudnn9-cuda-12', 'RUN dnf install -y libcudnn9-cuda-12 && dnf clean all    # -cuda-13 for a CUDA 13 torch', ''),
    rpmCudnnVariant('cudnn&pipTorch&rpmImage', 'libcudnn8', 'RUN dnf install -y libcudnn8 && dnf clean all', ", whose versions end in the CUDA release (`8.9.6.50-1.cuda11.8`): take the image's"),
    {
      when: 'cudnn&pipTorch',
      title: 'cuDNN not found when torch loads',
      message:
        '`import torch` failed: the loader could not find {library:all}. This torch is installed under `{context.pipTorch.site}`; ' +
        'a torch from PyPI brings cuDNN as the pip wheel `nvidia-cudnn-cu12` (`-cu11` / `-cu13`), a torch installed without its ' +
        'dependencies or built on its own takes it from the OS. The log shows neither.',
      fix: [
        'See which it is, with the same Python that runs the program:',
        '',
        '```sh',
        ...CUDNN_WHEEL_CHECK,
        '```',
        '',
        '- `pip check` names `nvidia-cudnn-cu…`: install that release (torch requires an exact one), or torch again without `--no-deps`;',
        '- the wheel is installed: put its `nvidia/cudnn/lib` directory (under the `Location` printed) on `LD_LIBRARY_PATH`;',
        '- neither: install cuDNN of the major release in the file name (`libcudnn.so.8` → cuDNN 8) from NVIDIA\'s CUDA repository with',
        '  the image\'s package manager: `apt-get install -y libcudnn8` (Debian / Ubuntu), `dnf install -y libcudnn8` (RHEL family);',
        '  for cuDNN 9, `libcudnn9-cuda-12` (`-cuda-13`) on both.',
      ].join('\n'),
    },
    {
      when: 'cudnn&fact.place=image-build&fact.imageFlavour',
      title: 'cuDNN library not found',
      message: 'The loader could not find {library:all}: cuDNN is not in this image. The plain nvidia/cuda `-runtime` and `-devel` images do not include it; the `-cudnn` tags do. {enrich.stageNote}',
      fix:
        'Use the cuDNN tag of the same CUDA release ({enrich.cudnnImage|its `-cudnn` tag: https://hub.docker.com/r/nvidia/cuda/tags}), or install cuDNN from NVIDIA\'s apt repository ' +
        '(`libcudnn8` for `libcudnn.so.8`; `libcudnn9-cuda-{enrich.cudaMajor}` for `libcudnn.so.9`) or the pip wheel (`nvidia-cudnn-cu{enrich.cudaMajor}`). ' +
        'The number in the file name must match what the framework was built with.',
    },
    {
      when: 'cudnn',
      title: 'cuDNN library not found',
      message: 'The loader could not find {library:all}: cuDNN is not installed where the program runs, or not on its loader path.',
      fix:
        'Install the cuDNN whose major version is the number in the file name (`libcudnn.so.9` → cuDNN 9) for the CUDA major release in use: NVIDIA\'s apt repository has ' +
        '`libcudnn8` (CUDA 11 / 12) and `libcudnn9-cuda-12` / `libcudnn9-cuda-13`, PyPI `nvidia-cudnn-cu11` / `-cu12` / `-cu13`; nvidia/cuda images have it in their `-cudnn` tags. ' +
        `Then: ${LDD_CHECK}`,
    },
    {
      when: 'nccl&fact.cuda',
      title: 'NCCL library not found',
      message: 'The loader could not find {library:all}: NCCL is not installed where the program runs, or not on its loader path.',
      fix:
        'Install it: `apt-get install -y --no-install-recommends libnccl2` (NVIDIA\'s apt repository; pin the build of this CUDA with a `+cuda{enrich.cudaVersion}` version from `apt-cache madison libnccl2`) ' +
        'or `pip install nvidia-nccl-cu{enrich.cudaMajor}` for a pip-installed framework.',
    },
    {
      when: 'nccl',
      title: 'NCCL library not found',
      message: 'The loader could not find {library:all}: NCCL is not installed where the program runs, or not on its loader path.',
      fix:
        'Install it: `libnccl2` from NVIDIA\'s apt repository (its versions end in `+cuda` and the CUDA release: `apt-cache madison libnccl2`), or the pip wheel of the CUDA major ' +
        'release in use (`nvidia-nccl-cu12` for CUDA 12). The log does not show the CUDA release: `nvcc --version`, or `python3 -c "import torch; print(torch.version.cuda)"`, prints it.',
    },
    // cuSPARSELt under a pip-installed torch. torch's CUDA wheels from PyPI require it as a pip wheel, `nvidia-cusparselt-cu12`
    // (torch 2.6.0+cu124 installs `nvidia-cusparselt-cu12==0.6.2` beside it; `nvidia-cusparselt-cu13` for CUDA 13 builds), which
    // puts it in `<site-packages>/nvidia/cusparselt/lib/libcusparseLt.so.0`. pytorch/pytorch#150399 (`import torch` in
    // nvidia/cuda:12.6.3-cudnn-devel-rockylinux9), malfet: "If CUDA toolkit is installed on the system via RPMs, it becomes a
    // preferred provider of all the libraries, but if such installation for some reason misses extra packages … than package
    // resolution will fail"; "`dnf install libcusparselt0` indeed solves the problem". The same error on Amazon Linux 2023 with
    // torch 2.6.0 (pytorch/pytorch#144433, atalman: torch/__init__.py's preload list lacked cusparselt). So: a system CUDA
    // found first shadows the wheels, and cuSPARSELt is then looked for where the system's CUDA has none.
    {
      when: 'cusparselt&pipTorch&rpmImage',
      title: 'cuSPARSELt not found when torch loads (a system CUDA from RPMs shadows torch\'s wheels)',
      message:
        '`import torch` failed: the loader could not find {library:all}, cuSPARSELt. This torch is a pip install (`{context.pipTorch.site}/torch`); its ' +
        'CUDA wheels bring cuSPARSELt as the pip wheel `nvidia-cusparselt-cu12` (`-cu13` for CUDA 13 builds). On an RPM distribution with the CUDA ' +
        'toolkit installed from NVIDIA\'s RPMs (the nvidia/cuda images on Rocky, UBI, Oracle Linux), the system\'s CUDA libraries are found first and ' +
        'torch takes its libraries from there; that CUDA install has no cuSPARSELt, so the load fails (https://github.com/pytorch/pytorch/issues/150399).',
      fix: [
        'Add cuSPARSELt to the system\'s CUDA, from the same NVIDIA repository the image\'s CUDA came from (the nvidia/cuda images have it configured), ' +
          'in the Dockerfile:',
        '',
        '```dockerfile',
        'RUN dnf install -y libcusparselt0 && dnf clean all',
        '```',
        '',
        "(`dnf install -y libcusparselt0` in the running container tries it first; `dnf provides '*/{library}'` names the package if the repository " +
          'calls it otherwise.) Or keep torch on its own wheel: see that it is there, and where:',
        '',
        '```sh',
        "python3 -m pip show -f nvidia-cusparselt-cu12 nvidia-cusparselt-cu13 | grep -E '^(Name|Location)|libcusparseLt'",
        '```',
        '',
        'then put that `Location` followed by `/nvidia/cusparselt/lib` in front of the loader path (an `ENV LD_LIBRARY_PATH=…:$LD_LIBRARY_PATH` line ' +
          `in the Dockerfile). ${LDD_CHECK}`,
      ].join('\n'),
    },
    {
      when: 'cusparselt&pipTorch',
      title: 'cuSPARSELt not found when torch loads',
      message:
        '`import torch` failed: the loader could not find {library:all}, cuSPARSELt. This torch is a pip install (`{context.pipTorch.site}/torch`); its ' +
        'CUDA wheels bring cuSPARSELt as the pip wheel `nvidia-cusparselt-cu12` (`-cu13` for CUDA 13 builds). Either that wheel is not in this environment, ' +
        'or a CUDA installed on the system is found first on the loader path and torch takes its libraries from there, where there is no cuSPARSELt ' +
        '(https://github.com/pytorch/pytorch/issues/150399).',
      fix: [
        'See which it is, with the same Python that runs the program:',
        '',
        '```sh',
        "python3 -m pip show -f nvidia-cusparselt-cu12 nvidia-cusparselt-cu13 | grep -E '^(Name|Location)|libcusparseLt'   # the wheel, if anywhere",
        'python3 -m pip check                                                          # a requirement of torch that is missing',
        'echo "$LD_LIBRARY_PATH"; ldconfig -p | grep -E \'libcudart|libcusparse\'          # a system CUDA the loader finds first',
        '```',
        '',
        '- `pip check` names `nvidia-cusparselt-cu…`: install that release (torch requires an exact one), or torch again without `--no-deps`;',
        '- the wheel is there and a system CUDA is on the path: put the wheel\'s directory (the `Location` printed, then `/nvidia/cusparselt/lib`) in front',
        '  of the loader path (an `ENV LD_LIBRARY_PATH=…:$LD_LIBRARY_PATH` line in the Dockerfile, for an image), or add cuSPARSELt to that system CUDA',
        '  from the NVIDIA repository it came from. ' + LDD_CHECK,
      ].join('\n'),
    },
    {
      // CTranslate2's wording with a CUDA 12 cuBLAS (LibreTranslate/LibreTranslate#621: the project's image on `nvidia/cuda:11.x`,
      // fixed by the reporter with `FROM nvidia/cuda:12.4.1-devel-ubuntu20.04`). CTranslate2's changelog: v4.0.0 (2024-02-15)
      // "introduces the breaking change while updating to cuda 12" (Python: "Support cuda 12"); 3.24.0 is the last 3.x; v2.0.0:
      // the Linux wheels "require CUDA 11.x to be installed on the system ... loaded dynamically". The CUDA 12 cuBLAS as a pip
      // wheel is `nvidia-cublas-cu12` (a requirement of torch's cu12x wheels), under `site-packages/nvidia/cublas/lib`.
      when: 'ctranslate2Cuda12',
      title: 'CTranslate2 cannot load CUDA 12\'s cuBLAS (a CUDA 12 wheel without CUDA 12 libraries)',
      message:
        'CTranslate2 (the engine under faster-whisper, WhisperX and LibreTranslate) could not load {library:all}. Its pip wheels load ' +
        'cuBLAS themselves at run time, and from CTranslate2 4.0 they are built for CUDA 12: they need CUDA 12\'s `libcublas.so.12` where the ' +
        'program runs. An image on a CUDA 11 base (`nvidia/cuda:11.x`) has `libcublas.so.11`, and an image without the CUDA libraries has none.',
      fix: [
        'Give it CUDA 12\'s cuBLAS, or give it a CTranslate2 built for the CUDA the image has. `pip show ctranslate2` prints its version; the ' +
          'image\'s CUDA is in its `FROM` tag, or `ls /usr/local/cuda*/lib64/libcublas.so.*` in the container.',
        '',
        '- Base the image on CUDA 12: a `FROM nvidia/cuda:12.` tag of the `-runtime-` flavour (the `-cudnn` tag when the model needs cuDNN; ' +
          'the OS part of the tag as before, https://hub.docker.com/r/nvidia/cuda/tags).',
        '- Or keep the image and add CUDA 12\'s cuBLAS as a pip wheel, with its directory on the loader path (the command below prints it):',
        '',
        '```sh',
        'python3 -m pip install nvidia-cublas-cu12',
        'echo "$(python3 -m pip show nvidia-cublas-cu12 | sed -n \'s/^Location: //p\')/nvidia/cublas/lib"    # the directory to add',
        '```',
        '',
        '  then put the directory it prints first in `LD_LIBRARY_PATH` with an `ENV` line in the Dockerfile.',
        '- Or, on a CUDA 11 image, install a CTranslate2 built for CUDA 11: `pip install \'ctranslate2<4\'` (3.x; 4.0.0 moved the wheels to CUDA 12, ' +
          'https://github.com/OpenNMT/CTranslate2/blob/master/CHANGELOG.md), if the package that requires it allows 3.x (`pip check` tells).',
      ].join('\n'),
    },
    {
      // The image's CUDA is another major than the library's soname: the module was built for the other CUDA (cuda-lib-major.ts).
      when: 'cudaLibs&enrich.libMajor',
      title: 'CUDA library of another CUDA major release missing (a package built for another CUDA)',
      message:
        'The loader could not find {library:all}, a library of CUDA {enrich.libMajor}, while this environment ships CUDA {enrich.imageMajor} ' +
        '({enrich.imageCudaProof}). The module that failed to load was built for CUDA {enrich.libMajor}: a wheel or extension of the other CUDA major release.',
      fix: [
        'Install that package\'s build for CUDA {enrich.imageMajor}. Projects publish one build per CUDA major: as a package name with the CUDA in it ' +
          '(`-cu{enrich.imageMajor}`, `cuda{enrich.imageMajor}x`: `nixl-cu{enrich.imageMajor}`, `cupy-cuda{enrich.imageMajor}x`), or as wheels on an index per CUDA ' +
          '(`+cu{enrich.imageMajor}0`-style local versions, `--index-url …/cu{enrich.imageMajor}…`); the project\'s install page lists them. The traceback\'s last ' +
          'frames name the module (its top-level package is the one to replace), and ' +
          '`pip list 2>/dev/null | grep -Ei \'cu(da)?1[0-9]\'` lists the CUDA-specific packages installed. Install its CUDA {enrich.imageMajor} build over it ' +
          'with pip\'s `--force-reinstall --no-deps` (so nothing else moves), or build it from source in this environment.',
        '',
        'The other way round, if that package has no CUDA {enrich.imageMajor} build: add the CUDA {enrich.libMajor} runtime beside the image\'s ' +
          '(`pip install {enrich.libRuntimeWheel}`, and whatever else `ldd` on the module shows `=> not found`). ' + LDD_CHECK,
      ].join('\n'),
    },
    ...(['devLinkCuda', 'devLinkMath'] as const).flatMap((c): Variant[] => {
      const pkg = c === 'devLinkCuda' ? 'cuda-{context.devLinkCuda.pkg}' : 'lib{context.devLinkMath.pkg}';
      const title = 'CUDA development link not found (a bare library name)';
      return [
        { when: `${c}&enrich.aptSuffix`, title, message: DEV_LINK_MESSAGE, fix: devLinkFix(c, pkg, true) },
        { when: c, title, message: DEV_LINK_MESSAGE, fix: devLinkFix(c, pkg, false) },
      ];
    }),
    {
      when: 'cudaLibs&jetpack4&!fact.place=docker-run&!fact.place=host-shell',
      title: 'CUDA library missing during a Jetson image build (nvidia is not the default runtime)',
      message:
        'The loader could not find {library:all}, a CUDA library, in a build on an NVIDIA Jetson with JetPack 4 (L4T R32). There the CUDA, cuDNN and TensorRT ' +
        'libraries are not in the images: the nvidia container runtime mounts them from the host, and a `docker build` step runs under that runtime ' +
        'only when it is Docker\'s default one.',
      fix: JETSON_BUILD_FIX,
    },
    {
      when: 'cudaLibs&fact.place=image-build&fact.imageFlavour',
      title: 'CUDA runtime library not found',
      message:
        'The loader could not find {library:all}, a CUDA toolkit library: this stage uses a `-base` image (no CUDA libraries) or copied binaries without the libraries they link. {enrich.stageNote}',
      fix:
        'Use the `-runtime` flavour of the same image ({enrich.runtimeImage|the `-runtime` tag of this CUDA release}) or install `cuda-libraries-{enrich.aptSuffix}` (NVIDIA\'s apt repository); ' +
        'a pip-installed torch brings its own copies as `nvidia-*` wheels.',
    },
    ...MAYBE_JETSON_BUILD_CONDITIONS.map((when) => maybeJetsonBuild(when)),
    {
      // A soname of the toolkit's major (libcudart.so.12) and no CUDA of the environment in the log: both ways (cuda-lib-major.ts).
      when: 'cudaLibs&enrich.soleMajor',
      title: 'CUDA runtime library not found',
      message: 'The loader could not find {library:all}, a library of CUDA {enrich.soleMajor}: the CUDA runtime libraries are not installed where the program runs, or not on its loader path.',
      fix: [
        'See which CUDA the environment ships: `python3 -c "import torch; print(torch.version.cuda)"`, the image\'s tag (`-cu{enrich.otherMajor}0`, ' +
          '`nvidia/cuda:{enrich.otherMajor}.…`), or `ls /usr/local/cuda*/lib64/libcudart.so.*`.',
        '',
        '- It is CUDA {enrich.otherMajor} (an image built for it on purpose): the module that failed was built for CUDA {enrich.soleMajor}. Install that package\'s ' +
          'build for CUDA {enrich.otherMajor} instead: a package variant with the CUDA in its name (`nixl-cu{enrich.otherMajor}`, `cupy-cuda{enrich.otherMajor}x`) or its ' +
          'wheel from the index of that CUDA, installed over it with pip\'s `--force-reinstall --no-deps` (so nothing else moves). The traceback\'s last frames name the module; ' +
          '`pip list 2>/dev/null | grep -Ei \'cu(da)?1[0-9]\'` lists the CUDA-specific packages installed.',
        '- It is CUDA {enrich.soleMajor}, or none: install the CUDA {enrich.soleMajor} libraries: NVIDIA\'s `cuda-libraries-{enrich.soleMajor}-…` package, an nvidia/cuda ' +
          '`-runtime` image of that release, or the `nvidia-*` pip wheels a pip-installed torch brings.',
        '',
        LDD_CHECK,
      ].join('\n'),
    },
    {
      when: 'cudaLibs',
      title: 'CUDA runtime library not found',
      message: 'The loader could not find {library:all}, a CUDA toolkit library: the CUDA runtime libraries are not installed where the program runs, or not on its loader path.',
      fix:
        'Install the CUDA libraries of the release the program was built for (the number in the file name is the major release): NVIDIA\'s `cuda-libraries-` package of that release, ' +
        'an nvidia/cuda `-runtime` image, or the `nvidia-*` pip wheels a pip-installed torch brings. ' + LDD_CHECK,
    },
    {
      when: 'tensorrt',
      title: 'TensorRT library not found',
      message: 'The loader could not find {library:all}: TensorRT is not installed where the program runs.',
      fix:
        'Install the TensorRT whose major version is the number in the file name (NVIDIA\'s apt repository: the `libnvinfer` package with that number; ' +
        'PyPI: `tensorrt`), or use an `nvcr.io/nvidia/tensorrt` base image.',
    },
    // A system library, whatever prefix the program runs from (genesis-world#1896: the merged fix adds libglu1-mesa).
    {
      when: 'glu&fact.place=image-build',
      title: 'OpenGL Utility library (libGLU) not found',
      message: 'The loader could not find {library:all}, Mesa\'s OpenGL Utility library: a system library that slim, CUDA and headless images lack.',
      fix: `Install it in this stage: \`RUN ${GLU_APT}\` (Debian/Ubuntu).`,
    },
    {
      when: 'glu',
      title: 'OpenGL Utility library (libGLU) not found',
      message:
        'The loader could not find {library:all}, Mesa\'s OpenGL Utility library: a system library (the OS package libglu1-mesa), which slim, ' +
        'CUDA and headless images lack, even when the program runs from a conda environment.',
      fix: [
        'Add it to the image\'s `apt-get install` in the Dockerfile, and rebuild (Debian/Ubuntu):',
        '',
        '```dockerfile',
        `RUN ${GLU_APT}`,
        '```',
        '',
        'To go on in a running container meanwhile: `apt-get update && apt-get install -y libglu1-mesa`.',
      ].join('\n'),
    },
    // libGL for a package the traceback names that is not OpenCV: the OpenCV advice (its GLib, its headless wheel) does not apply.
    {
      when: 'libGL&importer&!opencv&condaEnv&!fact.place=image-build',
      title: 'OpenGL library (libGL) not found',
      message:
        'The loader could not find {library:all} when Python imported `{context.importer.pkg}` (the last site-packages frame of the traceback), ' +
        'in the conda environment `{context.condaEnv.env}`: that package links the system OpenGL library, which this machine or container lacks.',
      fix: [
        CONDA_LIBGL('{context.condaEnv.env}'),
        '',
        `With root, or in the image's Dockerfile (Debian/Ubuntu): \`${LIBGL_APT}\`.`,
      ].join('\n'),
    },
    {
      when: 'libGL&importer&!opencv&fact.place=image-build',
      title: 'OpenGL library (libGL) not found',
      message:
        'The loader could not find {library:all} when Python imported `{context.importer.pkg}` (the last site-packages frame of the traceback): ' +
        'that package links the system OpenGL library, which slim and CUDA images lack.',
      fix: `Install it in this stage (Debian/Ubuntu): \`RUN ${LIBGL_APT}\`.`,
    },
    {
      when: 'libGL&importer&!opencv',
      title: 'OpenGL library (libGL) not found',
      message:
        'The loader could not find {library:all} when Python imported `{context.importer.pkg}` (the last site-packages frame of the traceback): ' +
        'that package links the system OpenGL library, which slim, CUDA and headless images lack.',
      fix: [
        "Add it to the image's `apt-get install` in the Dockerfile, and rebuild (Debian/Ubuntu):",
        '',
        '```dockerfile',
        `RUN ${LIBGL_APT}`,
        '```',
        '',
        'To go on in a running container meanwhile: `apt-get update && apt-get install -y libgl1`.',
      ].join('\n'),
    },
    {
      when: 'opengl&fact.place=image-build',
      title: 'OpenGL / GLib library not found (OpenCV)',
      message: 'The loader could not find {library:all}: `opencv-python` needs the system OpenGL and GLib libraries, which slim and CUDA images lack.',
      fix: [
        'Install them in this stage (Debian/Ubuntu):',
        '',
        '```dockerfile',
        `RUN ${OPENCV_APT}`,
        '```',
        '',
        GLIB_NAME,
        '',
        OPENCV_HEADLESS,
      ].join('\n'),
    },
    {
      when: 'opengl',
      title: 'OpenGL / GLib library not found (OpenCV)',
      message: 'The loader could not find {library:all}: `opencv-python` needs the system OpenGL and GLib libraries.',
      fix: [
        'Add them to the image\'s `apt-get install` in the Dockerfile, and rebuild (Debian/Ubuntu):',
        '',
        '```dockerfile',
        `RUN ${OPENCV_APT}`,
        '```',
        '',
        'To go on in a running container meanwhile: `apt-get update && apt-get install -y libgl1 libglib2.0-0`. ' + GLIB_NAME,
        '',
        OPENCV_HEADLESS,
      ].join('\n'),
    },
    ...condaVariants(),
    { when: 'fact.place=docker-run&enrich.runImage', fix: RUN_FIX },
    { when: 'fact.place=docker-run', fix: RUN_FIX_NO_IMAGE },
    { when: 'rpmImage&fact.place=host-shell', fix: shellFix(RPM_PROVIDER) },
    { when: 'fact.place=host-shell', fix: shellFix(APT_PROVIDER) },
    { when: 'rpmImage&fact.place=image-build', fix: imageBuildFix(RPM_PROVIDER) },
    { when: 'fact.place=image-build', fix: imageBuildFix(APT_PROVIDER) },
    { when: 'rpmImage', fix: defaultFix(RPM_PROVIDER) },
  ],
  enrich: ['cuda-version', 'extension-build', 'run-command', 'cuda-lib-major'],
  docs: 'https://man7.org/linux/man-pages/man8/ld.so.8.html',
};
