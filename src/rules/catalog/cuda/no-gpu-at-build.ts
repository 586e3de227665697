// A build step that needs a GPU or a driver. By default BuildKit runs steps without GPUs (no `--gpus`
// for builds); CDI devices (BuildKit ≥ 0.20) are the exception, see build-gpu.ts. Only in a failed
// step: builds that merely print a driver warning and go on (apex's "Torch did not find available GPUs") are fine.
// `FORCE_CUDA=1`: read as `os.getenv("FORCE_CUDA", "0") == "1"` by torchvision, detectron2, mmcv and
// pytorch3d setup.py (fact check); not a general pip / CMake knob. The arch lists come from `arch-lists`:
// what the step asked for, kept where this build's toolkit accepts it.
// Two arch lists that come out empty because they were read from the GPU:
// - torch.utils.cpp_extension._get_cuda_arch_flags: with TORCH_CUDA_ARCH_LIST unset or `native` it collects the
//   capability of each visible GPU, then `arch_list[-1] += '+PTX'`: IndexError with none (read in the
//   cpp_extension.py of the torch 2.13.0 wheel on this machine; the same line in torch 1.x tracebacks).
// - CMake's CUDA compiler check turns each CMAKE_CUDA_ARCHITECTURES entry into its digits
//   (`string(REGEX MATCH "[0-9]+" …)` in CMakeDetermineCUDACompiler.cmake), so a word it does not know
//   (`native` before CMake 3.24) or a list detected from no GPU gives `-gencode=arch=compute_,code=sm_`
//   and `nvcc fatal : Unsupported gpu architecture 'compute_'`; `native` itself needs a GPU (CMake 3.24+).
// A `+PTX` or `native` reaching nvcc is a malformed list, not a missing GPU: cuda/invalid-arch-list.
// `RUN nvidia-smi` exiting 127: nvidia-smi is no part of a CUDA image. It belongs to the host's driver and
// the NVIDIA Container Toolkit mounts it into a container started with GPUs (its driver capability
// `utility`, "required for using nvidia-smi and NVML"; "it depends on the driver and hence is mounted at
// runtime": NVIDIA/nvidia-docker#274, maintainer). The toolkit's own check is
// `docker run --rm --runtime=nvidia --gpus all ubuntu nvidia-smi` (its "Running a Sample Workload" page).
// Only the whole command `nvidia-smi …` counts on the solve line: in `nvidia-smi && make`, 127 may be make's.
// tiny-cuda-nn's PyTorch bindings (bindings/torch/setup.py, NVlabs/tiny-cuda-nn@0291951): `detect_compute_capabilities()`
// takes TCNN_CUDA_ARCHITECTURES when set (integers, `;` or `,` between them), else the capability of the GPU torch sees
// (`torch.cuda.is_available()`), else raises `EnvironmentError("Unknown compute capability …")`: no GPU in a build step,
// or a torch without CUDA. The variable is the fix in image builds (nerfstudio's and modelscope's Dockerfiles set it).
// `nvidia-smi --query-gpu=compute_cap` prints the capability as `8.6` (tiny-cuda-nn wants `86`).
// setup.py files that stop without a GPU: `if torch.cuda.is_available() or os.getenv('FORCE_CUDA', '0') == '1': … else: raise
// EnvironmentError('CUDA is required to compile MMDetection!')` (open-mmlab/mmdetection setup.py, make_cuda_ext, 1.x; the raise is
// commented out at 00e97308 and the CUDA ops built on FORCE_CUDA alone); forks and projects built on it keep the wording (`… to compile
// bev_detection!`, `… to compile!`). mmdetection's docker/Dockerfile (01a79624) sets `ENV FORCE_CUDA="1"` and TORCH_CUDA_ARCH_LIST
// before `pip install -e .`. torch's cpp_extension prints `No CUDA runtime is found, using CUDA_HOME=…` whenever it sees no GPU, in builds
// that go on too: a hint, never a match.
// The classic builder runs steps with the daemon's default runtime: `"default-runtime": "nvidia"` in /etc/docker/daemon.json gives them
// the GPU ("build-time GPU support", NVIDIA/nvidia-docker wiki, quoted in NVIDIA/nvidia-docker#1356), when the image sets
// NVIDIA_VISIBLE_DEVICES; BuildKit does not honour it (NVIDIA/nvidia-container-toolkit#122, dusty-nv/jetson-containers#352).
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';
import { BUILD_GPU } from './build-gpu.js';
import { LLAMA_CPP_CUDA_OPTION } from './nvcc-host-flag-rejected.js';
import { CPU_MODE, NVIDIA_GPU_SEEN, WSL_WINDOWS_DRIVER } from '../runtime/no-nvidia-gpu.js';
import { HOST_GPU_CHECK, RUN_COMMAND_CONTEXT } from '../runtime/run-command.js';

// The GPU the image will run on is not in a build log: the `86` these commands carry is an example, and says so.
const EXAMPLE_86 = 'for example `8.6` → `86`, the example the `86` below stands for: put your GPU\'s value';

const MOVE_CHECKS =
  '- move device checks (`nvidia-smi`, `torch.cuda.is_available()`) to the start of the container (`docker run --gpus all` with the image this build makes) or a CI test step on a GPU runner;';

const SAMPLE_WORKLOAD = 'https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/sample-workload.html';

/** Exported for shell/command-not-found, which leaves these to this rule. `/bin/sh: 1: nvidia-smi: not found`, bash's `command not found`, or the solve error of a step that is only `nvidia-smi …`. */
export const NVIDIA_SMI_MISSING = [
  { literals: ['nvidia-smi: not found', 'nvidia-smi: command not found'], pattern: 'sh: (?:line )?(?:\\d{1,7}: )?nvidia-smi: (?:command )?not found' },
  {
    literals: ['-c nvidia-smi'],
    pattern: '"/bin/(?:ba)?sh -c nvidia-smi(?: [^"&|;\\n]{0,200})?" did not complete successfully: exit code: 127|\'/bin/(?:ba)?sh -c nvidia-smi(?: [^\'&|;\\n]{0,200})?\' returned a non-zero code: 127',
  },
  // the runtime's, for a container whose command is `nvidia-smi` (quotes escaped inside Docker's own message):
  // `OCI runtime create failed: … caused "exec: \"nvidia-smi\": executable file not found in $PATH": unknown.` (gw0/docker-keras#7)
  { literals: ['executable file not found'], pattern: 'exec: \\\\?"nvidia-smi\\\\?": executable file not found' },
];

const TCNN_UNKNOWN_ARCH = {
  literals: ['Unknown compute capability'],
  pattern: 'Unknown compute capability[^\\n]{0,200}TCNN_CUDA_ARCHITECTURES',
};

const nvidiaSmiVariant: Omit<Variant, 'when'> = {
  title: 'nvidia-smi run at build time: it comes from the host driver at `docker run --gpus`',
  message:
    '`nvidia-smi` is not in the image: it belongs to the NVIDIA driver of the host, and the NVIDIA Container Toolkit mounts it into a ' +
    'container started with GPUs (`docker run --gpus …`). A build step has no GPU and no driver, so the shell does not find it (exit code 127).',
  fix: [
    'Drop the GPU check from the Dockerfile (installing driver packages into the image does not help: a build step still has no GPU, ' +
      'and the image must use the driver of the host it runs on). Check the GPU when the container runs: `nvidia-smi` as the command of ' +
      '`docker run --rm --gpus all` with the image this build makes, on a host with the driver and the toolkit, or in a CI test step on a GPU runner. ' +
      `The toolkit's own check of such a host (${SAMPLE_WORKLOAD}):`,
    '',
    '```sh',
    HOST_GPU_CHECK,
    '```',
  ].join('\n'),
};

/** `nvidia-smi` missing in a container: it was started without GPUs (`--gpus`), or the host's toolkit is missing. */
const NVIDIA_SMI_AT_RUN_MESSAGE =
  '`nvidia-smi` is not part of the image: the NVIDIA Container Toolkit mounts it, with the driver of the host, into a container started ' +
  'with GPUs (`docker run --gpus …`). This container got none, so the shell does not find it (exit code 127).';

const NO_TOOLKIT =
  'If Docker answers `could not select device driver "" with capabilities: [[gpu]]`, the toolkit is not installed or not configured for Docker on that host.';

/** Where `--gpus` goes for a container started by hand or by compose (Docker's "GPU support in Docker Compose"). */
const ADD_GPUS = '`--gpus all` in its `docker run` command (in a compose file, a `deploy.resources.reservations.devices` entry with `capabilities: [gpu]`)';

/** A container started without GPUs, its command unknown: where `--gpus` goes, and the toolkit's check of the host. */
const START_WITH_GPUS = [
  `Start the container with the GPUs, on a host with the NVIDIA driver and the NVIDIA Container Toolkit: ${ADD_GPUS}. The toolkit's own check of the host (${SAMPLE_WORKLOAD}):`,
  '',
  '```sh',
  HOST_GPU_CHECK,
  '```',
  '',
  NO_TOOLKIT,
].join('\n');

/** The same, with the log's own `docker run` line asking for GPUs (run-command). */
const START_WITH_COMMAND = [
  'Start it with the GPUs, on a host with the NVIDIA driver and the NVIDIA Container Toolkit: the same command with them:',
  '',
  '```sh',
  '{enrich.runWithGpus}',
  '```',
  '',
  NO_TOOLKIT,
].join('\n');

/** The same command with GPUs, when the log shows the `docker run` line (run-command). */
const NVIDIA_SMI_AT_RUN_COMMAND: Omit<Variant, 'when'> = {
  title: 'nvidia-smi not found in the container: it was started without a GPU',
  message: NVIDIA_SMI_AT_RUN_MESSAGE,
  fix: START_WITH_COMMAND,
};

const NVIDIA_SMI_AT_RUN: Omit<Variant, 'when'> = {
  title: 'nvidia-smi not found in the container: it was started without a GPU',
  message: NVIDIA_SMI_AT_RUN_MESSAGE,
  fix: START_WITH_GPUS,
};

/**
 * `--runtime=nvidia` alone: the runtime acts as plain runc unless NVIDIA_VISIBLE_DEVICES is set ("void or empty or unset:
 * nvidia-container-runtime will have the same behavior as runc"), and only NVIDIA's CUDA images set it; `--gpus all` sets the
 * devices, and the driver capabilities default to `utility,compute` (`utility`: nvidia-smi) when the image names none
 * (NVIDIA Container Toolkit, "Specialized Configurations with Docker").
 */
const NVIDIA_SMI_RUNTIME_ONLY: Omit<Variant, 'when'> = {
  title: 'nvidia-smi not in the container: the NVIDIA runtime was given no GPU',
  message:
    'The container ran with the NVIDIA runtime (`--runtime=nvidia`), which mounts the driver and `nvidia-smi` only when `NVIDIA_VISIBLE_DEVICES` names GPUs. ' +
    'NVIDIA\'s CUDA images set it; this image does not, so the runtime exposed nothing and `nvidia-smi` is not there.',
  fix: [
    'Ask for the GPUs on the command line (Docker ≥ 19.03 with the NVIDIA Container Toolkit); `--gpus` sets the devices, and the driver\'s `utility` capability (nvidia-smi) comes by default:',
    '',
    '```sh',
    '{enrich.runWithGpus}',
    '```',
    '',
    'or keep `--runtime=nvidia` and add `-e NVIDIA_VISIBLE_DEVICES=all` (or `ENV NVIDIA_VISIBLE_DEVICES=all` in the image\'s Dockerfile).',
  ].join('\n'),
};

/**
 * An interactive shell's `bash: nvidia-smi: command not found`, in a paste that does not say where it ran: a container
 * started without GPUs, or a machine without the driver. Each case's check.
 */
const NVIDIA_SMI_SOMEWHERE: Omit<Variant, 'when'> = {
  title: 'nvidia-smi not found: no NVIDIA driver where this shell runs',
  message:
    '`nvidia-smi` comes with the NVIDIA driver; the shell does not find it. In a container it is there only when the container was started with GPUs ' +
    '(the NVIDIA Container Toolkit mounts it with the host\'s driver); on a machine it is there once the driver is installed.',
  fix: [
    `- In a container: start it with ${ADD_GPUS}, on a host with the NVIDIA driver and the NVIDIA Container Toolkit. The toolkit's own check of the host: ` +
      `\`${HOST_GPU_CHECK}\`.`,
    '- On a machine: check that it has an NVIDIA GPU (`lspci | grep -i nvidia`), then install the driver the way its distribution does ' +
      '(https://docs.nvidia.com/datacenter/tesla/driver-installation-guide/).',
  ].join('\n'),
};

/**
 * `nvidia-smi` missing in a host shell: it comes with the NVIDIA driver, which this machine lacks. The guide's address is the
 * one NVIDIA's driver download pages link as "NVIDIA Data Center GPU Driver Documentation".
 */
const NVIDIA_SMI_ON_HOST: Omit<Variant, 'when'> = {
  title: 'nvidia-smi not found: this machine has no NVIDIA driver installed',
  message: '`nvidia-smi` is installed with the NVIDIA driver; the shell does not find it, so this machine has no NVIDIA driver (or no NVIDIA GPU).',
  fix: [
    'Check that the machine has an NVIDIA GPU, then install the driver the way its distribution does (NVIDIA\'s driver installation guide, ' +
      'https://docs.nvidia.com/datacenter/tesla/driver-installation-guide/):',
    '',
    '```sh',
    'lspci | grep -i nvidia',
    '```',
  ].join('\n'),
};

const ARCH_LIST_CAUSE =
  "With TORCH_CUDA_ARCH_LIST unset (or `native`), torch.utils.cpp_extension builds the arch list from the GPUs it can see; it saw none, so the list was empty and `arch_list[-1] += '+PTX'` raised IndexError. ";
const ARCH_LIST_MESSAGE = ARCH_LIST_CAUSE + 'A `docker build` step sees no GPU by default (it has no `--gpus`); in a shell, torch sees none when the driver is not reachable from it.';
const ARCH_LIST_IMAGE_MESSAGE = ARCH_LIST_CAUSE + 'A build step sees no GPU by default (`docker build` has no `--gpus`).';
// A host shell (WSL2 included) is no build container: torch saw no GPU there because the driver is not reachable from
// that shell (under WSL2 the GPU comes from the Windows NVIDIA driver: NVIDIA's CUDA on WSL User Guide,
// docs.nvidia.com/cuda/wsl-user-guide, "Getting Started with CUDA on WSL 2", step 1 installs the driver on Windows, the only
// one to install; the Windows host's CUDA driver appears inside WSL 2 as libcuda.so, and no Linux driver goes into WSL) or torch is a CPU-only build (`torch.version.cuda`
// is None). `torch.cuda.is_available()` and `nvidia-smi` in that shell tell which; naming the arches works either way.
const ARCH_LIST_SHELL_MESSAGE =
  ARCH_LIST_CAUSE + 'In this shell torch found no usable GPU: the driver is not reachable from it, or torch is a CPU-only build.';
const ARCH_LIST_SHELL_FIX = [
  'Name the architectures, so torch does not ask the GPU; this works whether or not it sees one. List what nvcc compiles and pick those of your GPU (`compute_86` → `8.6`, for RTX 30 / A10 cards), `+PTX` on the last:',
  '',
  '```sh',
  'nvcc --list-gpu-arch',
  'export TORCH_CUDA_ARCH_LIST="8.6+PTX"',
  '```',
  '',
  'Then rebuild in the same shell. To find out why torch saw no GPU, in that shell:',
  '',
  '```sh',
  'nvidia-smi',
  'python -c "import torch; print(torch.__version__, torch.version.cuda, torch.cuda.is_available())"',
  '```',
  '',
  '`nvidia-smi` failing means the driver is not reachable (on WSL2 it comes from the Windows NVIDIA driver); `None` for `torch.version.cuda` means a CPU-only torch.',
].join('\n');

const EMPTY_ARCH_MESSAGE =
  'nvcc was given an empty architecture (`compute_`): the list or variable that should name it was empty. CMake keeps only the digits of each CMAKE_CUDA_ARCHITECTURES entry, ' +
  'so `native` on a CMake older than 3.24 (which does not know it) comes out empty; so does a value a script read from the GPU on a builder without one, or a build argument left empty ' +
  'in a `-gencode arch=compute_…` flag. `native` on CMake 3.24+ needs a GPU too, which a build step does not see by default.';

/** TORCH_CUDA_ARCH_LIST or CMake's list, named instead of detected; in a Dockerfile or a shell, CUDA version known or not. */
function archVariants(): Variant[] {
  const out: Variant[] = [];
  const torchKnown = (imageBuild: boolean): string[] =>
    imageBuild
      ? ['```dockerfile', 'ENV TORCH_CUDA_ARCH_LIST="{enrich.torchArchList}"', '```']
      : ['```sh', 'export TORCH_CUDA_ARCH_LIST="{enrich.torchArchList}"', '```'];
  for (const hostShell of ['archList&fact.place=host-shell', 'archList&wsl']) {
    out.push({ when: hostShell, title: 'No GPU in this shell: torch found no arch to compile for', message: ARCH_LIST_SHELL_MESSAGE, fix: ARCH_LIST_SHELL_FIX });
  }
  for (const imageBuild of [true, false]) {
    const place = imageBuild ? '&fact.place=image-build' : '';
    out.push({
      when: `archList&fact.cuda${place}`,
      title: 'No GPU at build: torch found no arch to compile for',
      message: imageBuild ? ARCH_LIST_IMAGE_MESSAGE : ARCH_LIST_MESSAGE,
      fix: ['Name the architectures, so torch does not ask the GPU; here, {enrich.archListBasis}:', '', ...torchKnown(imageBuild), '', MOVE_CHECKS.replace(/;$/, '.')].join('\n'),
    });
  }
  out.push({
    when: 'archList',
    title: 'No GPU at build: torch found no arch to compile for',
    message: ARCH_LIST_MESSAGE,
    fix: [
      'Name the architectures, so torch does not ask the GPU. The log does not show the CUDA version, so which arches its nvcc compiles is unknown here: in the build stage',
      '',
      '```sh',
      'nvcc --list-gpu-arch',
      '```',
      '',
      'lists them (`compute_86` → `8.6`); set TORCH_CUDA_ARCH_LIST to the ones of the GPUs the image will run on, `+PTX` on the last for newer GPUs ' +
        '(for RTX 30 / A10 cards, when the list has `compute_86`: `ENV TORCH_CUDA_ARCH_LIST="8.6+PTX"` in a Dockerfile, `export TORCH_CUDA_ARCH_LIST="8.6+PTX"` in a shell).',
    ].join('\n'),
  });
  out.push({
    when: 'emptyArch&fact.cuda',
    title: 'CUDA arch list empty: detected from a GPU the build does not have',
    message: EMPTY_ARCH_MESSAGE,
    fix: [
      'Name the architectures instead of detecting them, quoted (an unquoted `;` ends the shell command in a `RUN` line); here, {enrich.archListBasis}:',
      '',
      '```sh',
      'cmake -S . -B build -DCMAKE_CUDA_ARCHITECTURES="{enrich.cmakeArchList}"',
      '```',
      '',
      'Where a script or build argument sets the list (a Dockerfile `ARG` defaulting to `native`), give it these numbers.',
    ].join('\n'),
  });
  out.push({
    when: 'emptyArch',
    title: 'CUDA arch list empty: detected from a GPU the build does not have',
    message: EMPTY_ARCH_MESSAGE,
    fix: [
      'Name the architectures instead of detecting them. The log does not show the CUDA version; list what its nvcc compiles in the build stage and pass the numbers of the GPUs the image will run on, quoted:',
      '',
      '```sh',
      'nvcc --list-gpu-arch',
      'cmake -S . -B build -DCMAKE_CUDA_ARCHITECTURES="86"',
      '```',
      '',
      '(`86` is the RTX 30 / A10 arch, `compute_86` in the list). Where a script or build argument sets the list (a Dockerfile `ARG` defaulting to `native`), give it these numbers.',
    ].join('\n'),
  });
  return out;
}

/**
 * torch.utils.cpp_extension asking the GPU: with TORCH_CUDA_ARCH_LIST unset, `_get_cuda_arch_flags` calls
 * `torch.cuda.get_device_capability()` for each visible GPU (torch 1.3+, the frame in the traceback; pytorch/vision#1566:
 * "Solved by supplying TORCH_CUDA_ARCH_LIST"), and with no driver torch raises `Found no NVIDIA driver`. A build of a
 * package that compiles through cpp_extension (torchvision, detectron2, mmcv, pytorch3d, apex) named in the prose
 * counts too. The example list `7.5+PTX` (T4 / RTX 20): every toolkit from CUDA 10.0 to 13.0 compiles sm_75 (cuda-arches),
 * and every torch 1.x cpp_extension that asks the GPU takes it (`supported_arches` lists '7.5' and `named_arches` has
 * Turing '7.5+PTX' from the first such release; the oldest ones end at '7.5', so `8.0` there raises
 * `Unknown CUDA arch (8.0) or GPU not supported`; later 1.x add '8.0', then '8.6'). `torch.version.cuda` is the CUDA torch was built for, which the
 * extension must be compiled with.
 */
const ARCH_QUERY = {
  literals: ['_get_cuda_arch_flags', 'torchvision', 'detectron2', 'mmcv', 'pytorch3d', 'apex'],
  pattern: '_get_cuda_arch_flags|\\b(?:build|building|compile|compiling) (?:torchvision|detectron2|mmcv|pytorch3d|apex)\\b',
};

const ARCH_QUERY_MESSAGE =
  'A PyTorch CUDA extension build (torch.utils.cpp_extension, which torchvision, detectron2, mmcv, pytorch3d and apex compile with) asks the GPU for its ' +
  'compute capability when TORCH_CUDA_ARCH_LIST is unset, and where it ran torch found no NVIDIA driver: a `docker build` step has no GPU (a build has no ' +
  '`--gpus`), nor has a container started without `--gpus`. The query is torch\'s own, not the project\'s code; with the architectures named the build needs no GPU.';

/**
 * TORCH_CUDA_ARCH_LIST set before the build, in a Dockerfile or a shell; the list of the log's CUDA, or read where it builds.
 * nvcc 10.2 lists the accepted values in `--help` under `--gpu-architecture` (quoted in Kitware's cmake#23293), so an nvcc of
 * the torch 1.x era may lack `--list-gpu-arch`: the fix names both.
 */
function archQueryVariants(): Variant[] {
  const title = 'No GPU at build: torch asked the GPU for the arch to compile, TORCH_CUDA_ARCH_LIST unset';
  const lines = (place: 'image' | 'shell' | 'either', list: string): string[] => {
    const env = ['```dockerfile', `ENV TORCH_CUDA_ARCH_LIST="${list}"`, '```'];
    const sh = ['```sh', `export TORCH_CUDA_ARCH_LIST="${list}"`, '```'];
    if (place === 'image') return ['In the Dockerfile, before the `RUN` that runs `pip install` / `setup.py`:', '', ...env];
    if (place === 'shell') return ['In the shell, before the `pip install` / `setup.py` command:', '', ...sh];
    return ['In a Dockerfile, before the `RUN` that runs `pip install` / `setup.py`:', '', ...env, '', 'In a shell (or a container), before that command:', '', ...sh];
  };
  const known = 'Set TORCH_CUDA_ARCH_LIST, so torch compiles for named GPUs instead of asking the device; here, {enrich.archListBasis}.';
  const unknown =
    'Set TORCH_CUDA_ARCH_LIST, so torch compiles for named GPUs instead of asking the device. The log does not show the CUDA version: where it builds, ' +
    '`python -c "import torch; print(torch.version.cuda)"` prints the CUDA torch was built for and `nvcc --list-gpu-arch` what its nvcc compiles (`compute_75` → `7.5`; an older nvcc without that option ' +
    'lists them under `--gpu-architecture` in `nvcc --help`). Name the GPUs the image will run on (a recent driver\'s `nvidia-smi --query-gpu=compute_cap ' +
    '--format=csv` on such a host, or the model in NVIDIA\'s list at https://developer.nvidia.com/cuda-gpus: T4 / RTX 20 `7.5`, A100 `8.0`, RTX 30 / A10 `8.6`), ' +
    '`+PTX` on the last. For T4 / RTX 20, which every CUDA from 10.0 to 13.0 compiles and torch 1.x accepts:';
  const out: Variant[] = [];
  for (const [when, place] of [['&fact.place=image-build', 'image'], ['&fact.place=host-shell', 'shell'], ['', 'either']] as const) {
    out.push({ when: `archQuery&enrich.torchArchList${when}`, title, message: ARCH_QUERY_MESSAGE, fix: [known, '', ...lines(place, '{enrich.torchArchList}')].join('\n') });
  }
  for (const [when, place] of [['&fact.place=image-build', 'image'], ['&fact.place=host-shell', 'shell'], ['', 'either']] as const) {
    out.push({ when: `archQuery${when}`, title, message: ARCH_QUERY_MESSAGE, fix: [unknown, '', ...lines(place, '7.5+PTX')].join('\n') });
  }
  return out;
}

/**
 * ColossalAI with `BUILD_EXT=1`: its setup.py raises `RuntimeError("[extension] Could not find any kernel compatible with the current
 * environment.")` when no extension is available, and its CUDA extensions are available when `torch.cuda.is_available()` or the
 * environment has a non-empty FORCE_CUDA (extensions/cuda_extension.py, `is_available`). Without TORCH_CUDA_ARCH_LIST it sets its
 * own default list (extensions/utils.py, `set_cuda_arch_list`). FORCE_CUDA came with hpcaitech/ColossalAI#5535 ("Allow building
 * cuda extension without a device"); a docker build sets it and TORCH_CUDA_ARCH_LIST before the install (#5732, #5300).
 */
const COLOSSALAI_NO_KERNEL = { literals: ['Could not find any kernel compatible with the current environment'] };

function colossalaiVariants(): Variant[] {
  const title = 'No GPU at build: ColossalAI (BUILD_EXT=1) found no CUDA kernel it could build';
  const message =
    "With `BUILD_EXT=1`, ColossalAI's setup.py builds the kernels of the extensions available where it runs, and its CUDA extensions count as " +
    'available only when torch sees a GPU or FORCE_CUDA is set. A `docker build` step has no GPU, so none was available and setup.py stopped ' +
    'with `[extension] Could not find any kernel compatible with the current environment`.';
  const env = (list: string) => ['```dockerfile', 'ENV FORCE_CUDA=1', `ENV TORCH_CUDA_ARCH_LIST="${list}"`, '```'];
  const lead = 'Set FORCE_CUDA, and name the GPU architectures (without them ColossalAI picks a default list of its own), in the Dockerfile before the `RUN` that installs it';
  return [
    { when: 'colossalai&fact.place=image-build&enrich.torchArchList', title, message, fix: [`${lead}; here, {enrich.archListBasis}:`, '', ...env('{enrich.torchArchList}')].join('\n') },
    {
      when: 'colossalai&fact.place=image-build',
      title,
      message,
      fix: [
        `${lead}. The log does not show the CUDA version: \`nvcc --version\` in the build stage prints it. Name the GPUs the image will run on ` +
          '(A100 `8.0`, RTX 30 / A10 `8.6`, both from CUDA 11.1; H100 `9.0` from CUDA 11.8), `+PTX` on the last; for A100 and RTX 30 / A10:',
        '',
        ...env('8.0;8.6+PTX'),
      ].join('\n'),
    },
    {
      when: 'colossalai',
      title: 'No GPU where ColossalAI (BUILD_EXT=1) was installed: no CUDA kernel it could build',
      message:
        "With `BUILD_EXT=1`, ColossalAI's setup.py builds the kernels of the extensions available where it runs, and its CUDA extensions count as " +
        'available only when torch sees a GPU or FORCE_CUDA is set. Where this ran torch saw none (a `docker build` step, a container started ' +
        'without `--gpus`, or a torch without CUDA).',
      fix: [
        'Where the GPU is missing on purpose (an image build), set FORCE_CUDA and name the GPU architectures before the install: `ENV FORCE_CUDA=1` and ' +
          '`ENV TORCH_CUDA_ARCH_LIST="8.0;8.6+PTX"` in a Dockerfile (A100 `8.0`, RTX 30 / A10 `8.6`: name the GPUs the code will run on), ' +
          '`export` of the same in a shell. Where a GPU should be there, `python -c "import torch; print(torch.cuda.is_available(), torch.version.cuda)"` ' +
          `must print True and a CUDA version: a container needs ${ADD_GPUS} and the NVIDIA Container Toolkit on the host.`,
      ].join('\n'),
    },
  ];
}

/** A `CUDA is required to compile …` matcher: setup.py's own check of `torch.cuda.is_available()`. */
const CUDA_REQUIRED_TO_COMPILE = {
  literals: ['CUDA is required to compile'],
  pattern: "(?:Error: |Error\\(['\"])CUDA is required to compile\\b",
};

/**
 * The MultiScaleDeformableAttention op of Deformable-DETR (models/ops/setup.py, fundamentalvision/Deformable-DETR@48092c5) and
 * the projects that copy it (DINO, D-Align, InternImage's ops_dcnv3): `if torch.cuda.is_available() and CUDA_HOME is not None:
 * … else: raise NotImplementedError('Cuda is not availabel')`. The original reads no FORCE_CUDA; some copies test
 * `(torch.cuda.is_available() or os.getenv('FORCE_CUDA', '0') == '1')`. cpp_extension's `No CUDA runtime is found` above it says
 * torch saw no GPU (CUDA_HOME was found).
 */
const DEFORMABLE_ATTENTION_NO_CUDA = { literals: ['NotImplementedError: Cuda is not availabel'] };

const MSDA_MESSAGE =
  'This setup.py (the MultiScaleDeformableAttention op of Deformable-DETR, or a copy of it) builds only when torch sees a GPU and raises ' +
  '`NotImplementedError` otherwise; `No CUDA runtime is found` above it is torch saying it saw none.';

/** FORCE_CUDA only where the copy reads it: the original does not. */
const MSDA_FORCE =
  'To build without a GPU, look whether this copy reads FORCE_CUDA (`grep -n FORCE_CUDA setup.py`; the original does not, and then it builds only where torch sees a GPU). ' +
  'If it does, set it with the architectures of the GPUs it will run on (`nvidia-smi --query-gpu=compute_cap --format=csv` prints them; `8.6` is RTX 30 / A10), `+PTX` on the last:';

function msdaVariants(): Variant[] {
  const title = 'No GPU where the deformable-attention op was built: its setup.py needs one';
  return [
    {
      when: 'msdaNoCuda&fact.place=image-build',
      title,
      message: `${MSDA_MESSAGE} A \`docker build\` step has no GPU (a build has no \`--gpus\`).`,
      fix: [
        MSDA_FORCE,
        '',
        '```dockerfile',
        'ENV FORCE_CUDA="1"',
        'ENV TORCH_CUDA_ARCH_LIST="8.6+PTX"',
        '```',
        '',
        'Otherwise build the op when the container starts, with `docker run --gpus all`, or give the classic builder (`DOCKER_BUILDKIT=0`) the GPU: ' +
          '`"default-runtime": "nvidia"` in the host\'s `/etc/docker/daemon.json` (BuildKit ignores it).',
      ].join('\n'),
    },
    {
      when: 'msdaNoCuda&!fact.place=image-build&!fact.place=host-shell&inContainerProse',
      title: 'No GPU in the container: the deformable-attention op\'s setup.py needs one',
      message: `${MSDA_MESSAGE} The container was started without GPU access, so torch inside it sees none.`,
      fix: [START_WITH_GPUS, '', MSDA_FORCE, '', '```sh', 'FORCE_CUDA=1 TORCH_CUDA_ARCH_LIST="8.6+PTX" python setup.py build install', '```'].join('\n'),
    },
  ];
}

/** setup.py refused to build without a GPU: its FORCE_CUDA switch and the arch list, in the Dockerfile. */
function forceCudaVariants(): Variant[] {
  const title = 'setup.py saw no GPU in the image build: CUDA ops need FORCE_CUDA=1';
  const message =
    'This setup.py compiles its CUDA ops only when `torch.cuda.is_available()` is true or `FORCE_CUDA=1` is set, and stops otherwise. ' +
    'A `docker build` step has no GPU (a build has no `--gpus`), so torch saw none and setup.py raised.';
  const intro =
    'Build the CUDA ops without a GPU: set FORCE_CUDA (the switch mmdetection, mmcv, detectron2 and torchvision read as `FORCE_CUDA=1`; ' +
    '`grep -n FORCE_CUDA setup.py` shows whether this one does) and name the architectures, which torch would otherwise read from the GPU';
  const after = [
    '',
    'Or give the classic builder (`DOCKER_BUILDKIT=0`) the GPU: `"default-runtime": "nvidia"` in the host\'s `/etc/docker/daemon.json`, with a base image that sets ' +
      '`NVIDIA_VISIBLE_DEVICES` (NVIDIA\'s CUDA images do). BuildKit ignores the default runtime, and the image then builds only on a GPU host.',
  ];
  const env = (list: string): string[] => ['```dockerfile', 'ENV FORCE_CUDA="1"', `ENV TORCH_CUDA_ARCH_LIST="${list}"`, '```'];
  return [
    {
      // the arch list of the log's CUDA (the enricher gives none when it does not know that CUDA)
      when: 'forceCuda&fact.place=image-build&enrich.torchArchList',
      title,
      message,
      fix: [`${intro}; here, {enrich.archListBasis}. Before the \`RUN\` that installs it:`, '', ...env('{enrich.torchArchList}'), ...after].join('\n'),
    },
    {
      when: 'forceCuda&fact.place=image-build',
      title,
      message,
      fix: [
        `${intro}. The log does not show the CUDA version: \`nvcc --list-gpu-arch\` in the build stage lists what its nvcc compiles (\`compute_86\` → \`8.6\`); ` +
          'keep those of the GPUs the image will run on (`nvidia-smi --query-gpu=compute_cap --format=csv` on such a host prints them), `+PTX` on the last. ' +
          'Before the `RUN` that installs it; for example, for RTX 30 / A10 GPUs (`8.6`, which nvcc compiles from CUDA 11.1 on):',
        '',
        ...env('8.6+PTX'),
        ...after,
      ].join('\n'),
    },
  ];
}

/**
 * CMake's `native` (CMake ≥ 3.24: "the architectures of the visible GPUs") in an image build: the list named instead.
 * llama.cpp's CMakeLists picks `native` itself when CMAKE_CUDA_ARCHITECTURES is not given (ggml-org/llama.cpp#10368
 * turned GGML_NATIVE off for its images), so a pip build of llama-cpp-python takes the list through CMAKE_ARGS, as
 * llama.cpp's own `.devops/cuda.Dockerfile` does (`export CMAKE_ARGS="-DCMAKE_CUDA_ARCHITECTURES=${CUDA_DOCKER_ARCH}"`).
 * The list is CMake's notation (`75;80;86`, arch-lists); inside the double quotes the `;` stays in the value, and pip
 * hands the value to CMake word by word, without a shell.
 */
function nativeVariants(): Variant[] {
  const message =
    'CMake was asked to compile CUDA for the `native` architectures, those of the GPUs it can see, and a `docker build` step sees none ' +
    '(a build has no `--gpus`). The architectures must be named instead.';
  const title = 'CUDA architectures `native` in an image build: no GPU to detect';
  const knownIntro = 'Name the architectures in the build\'s CMAKE_ARGS; here, {enrich.archListBasis}:';
  const unknownIntro =
    'Name the architectures in the build\'s CMAKE_ARGS. The log does not show the CUDA version, so which ones its nvcc compiles is unknown here: ' +
    '`nvcc --list-gpu-arch` in the build stage lists them (`compute_86` → `86`); put those of the GPUs the image will run on in the list ' +
    '(`86` below is the RTX 30 / A10 one):';
  const pipRun = (list: string, kept: boolean): string[] => [
    '```dockerfile',
    `RUN CMAKE_ARGS="${kept ? '{enrich.cmakeArgs} ' : ''}-DCMAKE_CUDA_ARCHITECTURES=${list}" {enrich.cmakeCommand}`,
    '```',
  ];
  const cmakeRun = (list: string): string[] => [
    'Name the architectures on the configure command (quoted: an unquoted `;` ends the shell command of a `RUN` line)' +
      (list === '86'
        ? '; `nvcc --list-gpu-arch` in the build stage lists what its nvcc compiles (`compute_86` → `86`): keep those of the GPUs the image will run on ' +
          '(`nvidia-smi --query-gpu=compute_cap --format=csv` on such a host prints it, ' + EXAMPLE_86 + '; several: `"75;86"`):' : '; here, {enrich.archListBasis}:'),
    '',
    '```sh',
    `cmake -S . -B build -DCMAKE_CUDA_ARCHITECTURES="${list}"`,
    '```',
    '',
    'A pip build of a CMake project (llama-cpp-python) takes the same flag in `CMAKE_ARGS`.',
  ];
  return [
    ...[true, false].flatMap((kept): Variant[] => {
      const pip = `cmakeNative&fact.place=image-build&enrich.cmakeCommand${kept ? '&enrich.cmakeArgs' : ''}`;
      return [
        { when: `${pip}&enrich.cmakeArchList`, title, message, fix: [knownIntro, '', ...pipRun('{enrich.cmakeArchList}', kept)].join('\n') },
        { when: pip, title, message, fix: [unknownIntro, '', ...pipRun('86', kept)].join('\n') },
      ];
    }),
    { when: 'cmakeNative&fact.place=image-build&enrich.cmakeArchList', title, message, fix: cmakeRun('{enrich.cmakeArchList}').join('\n') },
    { when: 'cmakeNative&fact.place=image-build', title, message, fix: cmakeRun('86').join('\n') },
  ];
}

const TCNN_MESSAGE =
  'tiny-cuda-nn\'s setup.py compiles for the compute capability named in TCNN_CUDA_ARCHITECTURES, or else for the GPU torch sees; ' +
  'it saw neither, so it stopped before compiling. ';

const FIND_CAPABILITY =
  'TCNN_CUDA_ARCHITECTURES takes the compute capability of the GPUs the code will run on, without the dot: on that machine `nvidia-smi --query-gpu=compute_cap --format=csv` ' +
  'prints it, ' + EXAMPLE_86 + '; several GPUs: `75,86` (each one is a separate build, so list only those).';

/** tiny-cuda-nn's `Unknown compute capability`: the variable named, in a Dockerfile or a shell. */
function tcnnVariants(): Variant[] {
  const title = 'tiny-cuda-nn found no GPU to compile for: TCNN_CUDA_ARCHITECTURES not set';
  return [
    {
      when: 'tcnnArch&fact.place=image-build',
      title,
      message: TCNN_MESSAGE + 'A `docker build` step has no GPU (a build has no `--gpus`), so the variable must be set in the Dockerfile.',
      fix: [FIND_CAPABILITY + ' Set it before the `RUN` that builds tiny-cuda-nn:', '', '```dockerfile', 'ENV TCNN_CUDA_ARCHITECTURES=86', '```'].join('\n'),
    },
    {
      when: 'tcnnArch&fact.place=host-shell',
      title,
      message: TCNN_MESSAGE + 'On a machine with a GPU this means torch has no CUDA (a CPU-only wheel) or sees no GPU.',
      fix: [
        'Check what torch sees (`None` for a CPU-only torch, which needs reinstalling from PyTorch\'s CUDA index):',
        '',
        '```sh',
        'python -c "import torch; print(torch.version.cuda, torch.cuda.is_available())"',
        '```',
        '',
        FIND_CAPABILITY + ' To build without a visible GPU, set it in the shell that runs the build: `export TCNN_CUDA_ARCHITECTURES=86`.',
      ].join('\n'),
    },
    {
      when: 'tcnnArch',
      title,
      message: TCNN_MESSAGE + 'A `docker build` step has no GPU; elsewhere, torch has no CUDA (a CPU-only wheel) or sees no GPU.',
      fix: [
        FIND_CAPABILITY + ' Set it where the build runs: `ENV TCNN_CUDA_ARCHITECTURES=86` before the `RUN` in a Dockerfile, ' +
          '`export TCNN_CUDA_ARCHITECTURES=86` in a shell. On a machine with a GPU, `python -c "import torch; print(torch.version.cuda, torch.cuda.is_available())"` ' +
          'shows whether torch has CUDA (`None`: a CPU-only torch).',
      ].join('\n'),
    },
  ];
}

// A Rust build script that asks `nvidia-smi --query-gpu=compute_cap` for the GPU to compile for: mistral.rs's mistralrs-quant
// build.rs up to 0.3.x (`.expect("Failed to get compute cap")`, no fallback) panics with `Failed to get compute cap: Os { code: 2,
// kind: NotFound, … }` where nvidia-smi is missing, as in every `docker build` step. mistral.rs PR #944 (2024-11-28) and #960
// (2024-12-01) made it read CUDA_COMPUTE_CAP first, as an integer without the dot (`var.parse::<usize>()`: `86`), first in
// release v0.4.0 (git tag --contains, EricLBuehler/mistral.rs); its Dockerfile.cuda-all there sets `ARG CUDA_COMPUTE_CAP=80` /
// `ENV CUDA_COMPUTE_CAP=${CUDA_COMPUTE_CAP}` before `cargo build`. candle's build scripts and bindgen_cuda read the same variable
// (huggingface/candle#1516; text-embeddings-inference's docs build with `--build-arg CUDA_COMPUTE_CAP=80`).
const COMPUTE_CAP_PROBE = {
  literals: ['Failed to get compute cap'],
  pattern: 'Failed to get compute cap: Os \\{ code: \\d{1,5}, kind: NotFound',
};
const COMPUTE_CAP_TITLE = 'A Rust build script asked nvidia-smi for the GPU: no GPU in this build';
const COMPUTE_CAP_MESSAGE =
  "The crate's build script runs `nvidia-smi --query-gpu=compute_cap` to learn which GPU to compile its CUDA kernels for, and nvidia-smi " +
  'is not there: it comes with the host driver, mounted only into containers started with GPUs. ';
const COMPUTE_CAP_VALUE =
  'CUDA_COMPUTE_CAP takes the compute capability of the GPU the binary will run on, without the dot: on that machine ' +
  '`nvidia-smi --query-gpu=compute_cap --format=csv` prints it, ' + EXAMPLE_86 + '. mistral.rs reads it from release 0.4.0 on ' +
  '(its build.rs up to 0.3.x, which prints `Failed to get compute cap`, asks nvidia-smi only): build 0.4.0 or later.';
function computeCapVariants(): Variant[] {
  return [
    {
      when: 'computeCapProbe&fact.place=image-build',
      title: COMPUTE_CAP_TITLE,
      message: COMPUTE_CAP_MESSAGE + 'A `docker build` step has no GPU and no driver (a build has no `--gpus`).',
      fix: [
        COMPUTE_CAP_VALUE + ' Name the capability before the `RUN` that runs `cargo build` (`--build-arg CUDA_COMPUTE_CAP=…` overrides it):',
        '',
        '```dockerfile',
        'ARG CUDA_COMPUTE_CAP=86',
        'ENV CUDA_COMPUTE_CAP=${CUDA_COMPUTE_CAP}',
        '```',
      ].join('\n'),
    },
    {
      when: 'computeCapProbe',
      title: COMPUTE_CAP_TITLE,
      message: COMPUTE_CAP_MESSAGE + 'A `docker build` step has no GPU and no driver; a machine without the NVIDIA driver has no nvidia-smi either.',
      fix: [
        COMPUTE_CAP_VALUE + ' Set it where `cargo build` runs: in a Dockerfile before that `RUN`, in a shell before the command:',
        '',
        '```dockerfile',
        'ARG CUDA_COMPUTE_CAP=86',
        'ENV CUDA_COMPUTE_CAP=${CUDA_COMPUTE_CAP}',
        '```',
        '',
        '```sh',
        'export CUDA_COMPUTE_CAP=86',
        '```',
      ].join('\n'),
    },
  ];
}

/**
 * `native` in a llama-cpp-python build, where the log does not show where it ran (a docker build, or a machine
 * without a GPU): its README's CUDA build (`CMAKE_ARGS="-DGGML_CUDA=on" pip install llama-cpp-python`) with the
 * architectures named. Its CHANGELOG records LLAMA_CUBLAS as removed at 0.2.81 and the `LLAMA_` → `GGML_`
 * build options at 0.2.85; `--no-cache-dir` is its README's way to rebuild rather than reuse a built wheel.
 */
function llamaCppPythonVariants(): Variant[] {
  const where = '!fact.place=image-build&!fact.place=docker-run&!fact.place=host-shell';
  const title = 'llama-cpp-python: CUDA architectures `native`, and no GPU to detect';
  const message =
    'llama.cpp\'s CMake build asked for the `native` CUDA architectures, those of the GPUs it can see, and saw none: a `docker build` step has ' +
    'no GPU (a build has no `--gpus`), nor has a machine without one. The architectures must be named instead.';
  const fix = (list: string, basis: string): string =>
    [
      `Name them in the build's CMAKE_ARGS (\`;\` between several, inside the quotes); ${basis}:`,
      '',
      '```sh',
      `CMAKE_ARGS="-DGGML_CUDA=on -DCMAKE_CUDA_ARCHITECTURES=${list}" pip install --no-cache-dir llama-cpp-python`,
      '```',
      '',
      `In a Dockerfile that is the \`RUN\` line itself. ${LLAMA_CPP_CUDA_OPTION}`,
    ].join('\n');
  return [
    { when: `cmakeNative&llamaCppPython&enrich.cmakeArchList&${where}`, title, message, fix: fix('{enrich.cmakeArchList}', 'here, {enrich.archListBasis}') },
    {
      when: `cmakeNative&llamaCppPython&${where}`,
      title,
      message,
      fix: fix(
        '86',
        'the log does not show the CUDA version, so `nvcc --list-gpu-arch` where it builds lists what its nvcc compiles (`compute_86` → `86`, the RTX 30 / A10 one below): ' +
          'keep those of the GPUs it will run on',
      ),
    },
  ];
}

const DRIVER_GUIDE = 'https://docs.nvidia.com/datacenter/tesla/driver-installation-guide/';

/**
 * Under WSL 2 the GPU comes from the Windows NVIDIA driver (`libcuda.so` in /usr/lib/wsl/lib, see no-nvidia-gpu.ts). A Linux
 * driver installed in the distribution shadows that library and cuInit answers CUDA_ERROR_NO_DEVICE: Genesis-Embodied-AI/genesis-world#114
 * ("The root issue is incorrect driver got installed"; `export LD_LIBRARY_PATH=/usr/lib/wsl/lib` "is a workaround"), NVIDIA/cuml#6218
 * (the numba maintainer: a workaround "due to having an incorrect driver installed in the WSL2 environment", better to remedy the root
 * cause), NVIDIA/cuml#5624 and numba/numba#7104 (the LD_LIBRARY_PATH workaround). `wsl --update` / `wsl --shutdown`: Microsoft's WSL commands,
 * as runtime/shared-library-missing gives them. The package names are grep patterns of Ubuntu's (`nvidia-driver-*`, `libnvidia-compute-*`)
 * and NVIDIA's repository's (`cuda-drivers`) driver packages, printed for the user to read, not removed blindly.
 */
const WSL_VARIANT: Omit<Variant, 'when'> = {
  title: 'No CUDA device in WSL 2: the GPU comes from the Windows driver, not a Linux one',
  message:
    'This program found no NVIDIA GPU, and the log shows it ran in WSL 2. There the GPU comes from the Windows NVIDIA driver, which WSL 2 ' +
    'provides as `libcuda.so` in `/usr/lib/wsl/lib`; no Linux NVIDIA driver belongs inside WSL. A Linux driver installed in the distribution ' +
    '(the default CUDA Toolkit packages bring one) puts its own `libcuda.so` in front, and CUDA then finds no device; a Windows driver ' +
    'without WSL support or an old WSL kernel gives none either. Installing a Linux driver in WSL makes it worse.',
  fix: [
    'In WSL, see which `libcuda` the loader finds, and whether a Linux driver is installed (Ubuntu/Debian):',
    '',
    '```sh',
    'ls -l /usr/lib/wsl/lib/libcuda.so*',
    'ldconfig -p | grep libcuda',
    "dpkg -l | grep -E 'nvidia-driver|libnvidia-compute|cuda-drivers'",
    '```',
    '',
    '- A Linux driver listed, or a `libcuda.so` outside `/usr/lib/wsl/lib`: remove those packages (`sudo apt-get remove --purge` with the names ' +
      '`dpkg` printed), take the CUDA toolkit from NVIDIA\'s WSL-Ubuntu packages (they bring no driver), and restart WSL (`wsl --shutdown` in ' +
      'PowerShell). Until then, `export LD_LIBRARY_PATH=/usr/lib/wsl/lib:$LD_LIBRARY_PATH` loads the Windows driver\'s library first.',
    `- No \`libcuda.so\` in \`/usr/lib/wsl/lib\`: ${WSL_WINDOWS_DRIVER}; then, in PowerShell, \`wsl --update\` and \`wsl --shutdown\`.`,
  ].join('\n'),
};

/** The host's check for an NVIDIA GPU, then what to do without one and with one. */
function noNvidiaFix(lead: string): string {
  return [
    lead,
    '',
    '```sh',
    'lspci | grep -i nvidia',
    'nvidia-smi',
    '```',
    '',
    '- No NVIDIA GPU: use the program\'s build for the hardware that is there; its README or image tags name its CPU, XPU (Intel) or ' +
      `ROCm (AMD) builds (an image or wheel built for CUDA runs only on NVIDIA GPUs). Or start it with ${CPU_MODE}.`,
    `- An NVIDIA GPU listed: in a container, start it with ${ADD_GPUS}, on a host with the NVIDIA driver and the NVIDIA Container Toolkit ` +
      `(the toolkit's check: \`${HOST_GPU_CHECK}\`); on the machine itself, \`nvidia-smi\` failing means the NVIDIA driver is missing: ` +
      `install it (${DRIVER_GUIDE}).`,
    "- In a `docker build` step, which has no GPU at all: move the device use to the container's start.",
  ].join('\n');
}

/**
 * Unsloth's device check at import: `get_device_type()` returns "cuda" when `torch.cuda.is_available()` (an AMD GPU counts there
 * through a ROCm build of torch, `torch.version.hip`), "xpu" when `torch.xpu.is_available()`, and otherwise raises
 * `NotImplementedError("Unsloth currently only works on NVIDIA GPUs and Intel GPUs.")`; later releases say "NVIDIA, AMD and Intel
 * GPUs" (unslothai/unsloth, unsloth/__init__.py and unsloth/device_type.py, code corpus). So the torch of that Python saw no GPU:
 * a CPU-only build (`torch.version.cuda` is `None`, runtime/torch-cpu-build), a container started without GPUs, no NVIDIA driver,
 * or a torch / image that does not support the GPU and driver there (unslothai/unsloth#3553: a Jupyter kernel in a container of
 * nvcr.io/nvidia/pytorch:25.09-py3 on a DGX Spark, fixed by a newer release of that image, 25.11-py3, unslothai/unsloth#3733).
 * The checks run where the program ran, in the same Python, and tell these apart.
 */
const UNSLOTH_NO_DEVICE = {
  literals: ['Unsloth currently only works on'],
  pattern: 'NotImplementedError: Unsloth currently only works on (?:NVIDIA GPUs and Intel GPUs|NVIDIA, AMD and Intel GPUs)',
};

const UNSLOTH_VARIANT: Omit<Variant, 'when'> = {
  title: 'Unsloth found no GPU: torch here sees no CUDA (or XPU) device',
  message:
    'Unsloth checks `torch.cuda.is_available()` (NVIDIA, and AMD with a ROCm build of torch) and `torch.xpu.is_available()` (Intel) when it is ' +
    'imported, and the torch of this Python answered False to both. Either that torch is a CPU-only build, or it cannot see a GPU: a container ' +
    'started without GPUs, no NVIDIA driver, a driver or image that does not support this GPU, or a machine with none of these GPUs (a Mac).',
  fix: [
    'Run these where the program ran (in the container, with the Python of the notebook kernel or script):',
    '',
    '```sh',
    'nvidia-smi',
    'python -c "import torch; print(torch.__version__, torch.cuda.is_available(), torch.version.cuda)"',
    '```',
    '',
    '- `torch.version.cuda` is `None` (a build from PyTorch\'s CPU index also ends its version in `+cpu`): a CPU-only torch. Reinstall a CUDA build with the same Python from ' +
      'PyTorch\'s index (https://pytorch.org/get-started/locally/ lists the builds and their `--index-url`; pick one not newer than the ' +
      '`CUDA Version` in `nvidia-smi`\'s header).',
    `- \`nvidia-smi\` not found or failing in a container: it was started without GPUs. Start it with ${ADD_GPUS}, on a host with the NVIDIA ` +
      `driver and the NVIDIA Container Toolkit (the toolkit's check of the host: \`${HOST_GPU_CHECK}\`). On a machine, install the NVIDIA driver (${DRIVER_GUIDE}).`,
    '- `nvidia-smi` lists the GPU and torch has CUDA, but `is_available()` is False: the driver (the `CUDA Version` in its header) is older ' +
      'than `torch.version.cuda`, or this torch or image does not support the GPU: update the driver, or use a torch build or image release ' +
      'made for this GPU and driver (an NVIDIA NGC image\'s release notes list the GPUs and drivers each release supports).',
  ].join('\n'),
};

/** The same failure outside a build: in a container (its command known or not), on a machine, or where the log does not say. */
function placeVariants(): Variant[] {
  const inContainer =
    'This program needs a GPU and the NVIDIA driver, and the container it ran in had neither: a container sees GPUs only when it is started with them ' +
    '(`docker run --gpus …`); the NVIDIA Container Toolkit then mounts the host\'s driver into it.';
  return [
    // WSL 2 first: there the NVIDIA driver remedies of a Linux machine do harm.
    { ...WSL_VARIANT, when: 'wsl&!fact.place=image-build&!fact.place=docker-run' },
    { ...UNSLOTH_VARIANT, when: 'unslothNoDevice&!fact.place=image-build&!fact.place=docker-run' },
    {
      // torch's own `Found no NVIDIA driver on your system`, no NVIDIA GPU named, and nothing puts the run in a container or a build
      // (ai-dock/comfyui#79: an Intel-iGPU host ran the image's `cuda` tag instead of its `cpu` one; simonlui/Docker_IPEX_ComfyUI#1 and
      // eleiton/ollama-intel-arc#26: Intel Arc images whose XPU stack was missing fell to torch.cuda): the machine may have no NVIDIA GPU
      // at all, so the host check leads, and the NVIDIA remedies follow for a host that has one. A compose service's `name  | ` prefix
      // is no `docker run` line: the place stays unknown. `lspci | grep -i nvidia` / `nvidia-smi`: the checks NVIDIA_SMI_SOMEWHERE uses.
      when: 'foundNoDriver&!nvidiaGpu&!fact.place=image-build&!fact.place=docker-run&!fact.place=host-shell&!inContainerProse',
      title: 'No NVIDIA GPU that this program can see',
      message:
        'torch found no NVIDIA driver: this process sees no NVIDIA GPU, and the log names no NVIDIA GPU and does not show where it ran. On a machine without one ' +
        '(Intel or AMD graphics only), no NVIDIA driver, toolkit or `--gpus` can give it one: the program needs its CPU, XPU (Intel) or ROCm (AMD) ' +
        'build, or its CPU mode. The NVIDIA remedies apply only where the host has an NVIDIA GPU.',
      fix: noNvidiaFix('First, on the host (not in a container), see whether it has an NVIDIA GPU:'),
    },
    {
      when: 'fact.place=docker-run&enrich.runWithGpus',
      title: 'No GPU in the container: it was started without one',
      message: inContainer,
      fix: START_WITH_COMMAND,
    },
    {
      when: 'fact.place=docker-run&enrich.runGpus',
      title: 'No GPU visible in the container, though it asked for GPUs',
      message:
        'This program needs a GPU and the NVIDIA driver and saw none, although its `docker run` asked for GPUs: the host gave none (no driver, no toolkit), ' +
        'or a variable in the container hides them.',
      fix: [
        `Check the host with the toolkit's own sample (${SAMPLE_WORKLOAD}); it must list the GPU:`,
        '',
        '```sh',
        HOST_GPU_CHECK,
        '```',
        '',
        'It does: in the container, `CUDA_VISIBLE_DEVICES` and `NVIDIA_VISIBLE_DEVICES` must be unset or name the GPU (`env | grep VISIBLE_DEVICES` prints them). ' + NO_TOOLKIT,
      ].join('\n'),
    },
    {
      when: 'fact.place=docker-run',
      title: 'No GPU in the container: it was started without one',
      message: inContainer,
      fix: START_WITH_GPUS,
    },
    {
      // the log names no `docker run`, but its prose puts the run in a container (`no available GPU could be found in the container`)
      when: '!fact.place=image-build&!fact.place=host-shell&inContainerProse',
      title: 'No GPU visible in the container',
      message:
        'This program needs a GPU and the NVIDIA driver, and the container it ran in had neither: a container sees GPUs only when it is started with ' +
        'them (`docker run --gpus …`) on a host whose NVIDIA Container Toolkit then mounts the driver into it. The log does not show how it was started.',
      fix: [START_WITH_GPUS, '', 'The toolkit\'s check lists the GPU: in the container, `CUDA_VISIBLE_DEVICES` and `NVIDIA_VISIBLE_DEVICES` must be unset or name it (`env | grep VISIBLE_DEVICES`).'].join('\n'),
    },
    {
      when: 'fact.place=host-shell',
      title: 'No NVIDIA GPU or driver on this machine',
      message: 'This program needs a GPU and the NVIDIA driver, and on the machine it ran on it found none.',
      fix: [
        'Check what the machine has:',
        '',
        '```sh',
        'nvidia-smi',
        'echo "CUDA_VISIBLE_DEVICES=${CUDA_VISIBLE_DEVICES-unset}"',
        '```',
        '',
        '`nvidia-smi` not found or failing: install the NVIDIA driver the way the distribution does (https://docs.nvidia.com/datacenter/tesla/driver-installation-guide/; ' +
          '`lspci | grep -i nvidia` shows whether there is an NVIDIA GPU at all). It lists the GPU: `CUDA_VISIBLE_DEVICES` must be unset or name it.',
      ].join('\n'),
    },
    {
      when: '!fact.place=image-build',
      title: 'No NVIDIA GPU or driver where this ran',
      message:
        'This program needs a GPU and the NVIDIA driver and found none. Why depends on where it ran, which the log does not show: a `docker build` step ' +
        'has no GPU by default, a container has one only when it is started with `--gpus`, and a machine needs the NVIDIA driver.',
      fix: [
        '- In a `docker build` step: do not touch the GPU while building; move device checks to the start of the container (`docker run --gpus all` with the image the build makes), ' +
          'and compile CUDA code for named architectures instead of the detected device: TORCH_CUDA_ARCH_LIST for PyTorch extensions, CMAKE_CUDA_ARCHITECTURES for CMake (`nvcc --list-gpu-arch` lists what the toolkit compiles: `compute_86` → `8.6` / `86`).',
        `- In a container: start it with ${ADD_GPUS}, on a host with the NVIDIA driver and the NVIDIA Container Toolkit; the toolkit's check of the host is \`${HOST_GPU_CHECK}\`.`,
        '- On a machine: `nvidia-smi` must list the GPU; when it is not found, install the NVIDIA driver (https://docs.nvidia.com/datacenter/tesla/driver-installation-guide/).',
      ].join('\n'),
    },
  ];
}

export const noGpuAtBuild: RuleInput = {
  id: 'cuda/no-gpu-at-build',
  title: 'Build step needs a GPU (the build has none)',
  severity: 'error',
  match: [
    // torch: `RuntimeError: Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver …`
    { literals: ['Found no NVIDIA driver on your system'] },
    { literals: ['No CUDA GPUs are available', 'no CUDA-capable device is detected', 'cudaErrorNoDevice', 'CUDA_ERROR_NO_DEVICE'] },
    // `CUDA driver version is insufficient for CUDA runtime version` (no driver at all, in a build): cuda/driver-too-old,
    // which gives this rule's advice in an image build and the driver's at `docker run`
    { literals: ["NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver"] },
    // CMake ≥ 3.24: `CUDA_ARCHITECTURES is set to "native", but no GPU was detected.` (HIP alike)
    { literals: ['is set to "native", but no GPU was detected'] },
    // an assertion on the device: `assert torch.cuda.is_available(), 'CUDA not available'` in a traceback
    { literals: ['torch.cuda.is_available()'], pattern: '\\bassert\\b[^\\n]{0,200}torch\\.cuda\\.is_available\\(\\)' },
    { literals: ['AssertionError: '], pattern: 'AssertionError: [^\\n]{0,200}\\b(?:CUDA|GPU|cuda|gpu)s? (?:is |are )?(?:not available|unavailable)' },
    // torch's arch list from the visible GPUs, empty: the traceback's source line above `IndexError: list index out of range`
    { literals: ["arch_list[-1] += '+PTX'"] },
    // an empty arch: `nvcc fatal : Unsupported gpu architecture 'compute_'` (CMake's `-gencode=arch=compute_,code=sm_`)
    { literals: ["architecture 'compute_'", "architecture 'sm_'"], pattern: "Unsupported gpu architecture '(?:compute|sm)_'" },
    // `RUN nvidia-smi` with no driver in the step
    ...NVIDIA_SMI_MISSING,
    // tiny-cuda-nn: `OSError: Unknown compute capability. Specify the target compute capabilities in the TCNN_CUDA_ARCHITECTURES …`
    // (newer: `Unknown compute capability for extension build. Specify TCNN_CUDA_ARCHITECTURES manually …`)
    TCNN_UNKNOWN_ARCH,
    // a Rust build script's nvidia-smi probe (mistral.rs's mistralrs-quant up to 0.3.x)
    COMPUTE_CAP_PROBE,
    // a setup.py's own GPU check: `OSError: CUDA is required to compile MMDetection!` (its `raise EnvironmentError(…)` above it)
    CUDA_REQUIRED_TO_COMPILE,
    // Deformable-DETR's models/ops/setup.py and its copies: `NotImplementedError: Cuda is not availabel`
    DEFORMABLE_ATTENTION_NO_CUDA,
    // ColossalAI's setup.py with BUILD_EXT=1: `RuntimeError: [extension] Could not find any kernel compatible with the current environment.`
    COLOSSALAI_NO_KERNEL,
    // vLLM: `RuntimeError: Failed to infer device type` (vllm/config.py, DeviceConfig with device='auto'): no platform plugin
    // found a device, which for the CUDA build means NVML saw no GPU. vLLM's troubleshooting page ("Failed to infer device
    // type", vllm-project/vllm#14200) points at its platform detection (vllm/platforms/__init__.py); the reporters of
    // vllm-project/vllm#13946 and #12847 ran vllm/vllm-openai with no GPU visible in the container.
    { literals: ['Failed to infer device type'], pattern: 'RuntimeError: Failed to infer device type' },
    // Unsloth at import: `NotImplementedError: Unsloth currently only works on NVIDIA GPUs and Intel GPUs.`
    UNSLOTH_NO_DEVICE,
  ],
  context: [
    { name: 'forceCuda', ...CUDA_REQUIRED_TO_COMPILE },
    { name: 'msdaNoCuda', ...DEFORMABLE_ATTENTION_NO_CUDA },
    { name: 'colossalai', ...COLOSSALAI_NO_KERNEL },
    { name: 'unslothNoDevice', ...UNSLOTH_NO_DEVICE },
    // prose that places the run in a container (`… inside the container while configuring the environment`)
    { name: 'inContainerProse', literals: [' container'], pattern: '\\b(?:inside|in) (?:the|a|my|this) (?:docker )?container\\b' },
    { name: 'nvidiaSmi', ...NVIDIA_SMI_MISSING[0]! },
    { name: 'nvidiaSmiExec', ...NVIDIA_SMI_MISSING[2]! },
    { name: 'nvidiaSmiStep', ...NVIDIA_SMI_MISSING[1]! },
    // an interactive bash (`bash: nvidia-smi: command not found`): typed in a shell, not a `RUN` line's `/bin/sh -c`
    { name: 'nvidiaSmiInteractive', literals: ['bash: nvidia-smi: command not found'], pattern: '^bash: nvidia-smi: command not found' },
    RUN_COMMAND_CONTEXT,
    { name: 'archList', literals: ["arch_list[-1] += '+PTX'"] },
    // cpp_extension's own query of the GPU, or a cpp_extension package's build named in the prose
    { name: 'archQuery', ...ARCH_QUERY },
    // a host shell under WSL2, named in the pasted log (`Ubuntu WSL2 in Windows 11`)
    // (`run under wsl2`), the WSL kernel's release (`5.15.90.1-microsoft-standard-WSL2`) or its driver folder
    {
      name: 'wsl',
      literals: ['WSL', 'wsl'],
      pattern: '\\bWSL ?2\\b|microsoft-standard-WSL|/usr/lib/wsl/',
      ignoreCase: true,
    },
    // torch's `RuntimeError: Found no NVIDIA driver on your system`
    { name: 'foundNoDriver', literals: ['Found no NVIDIA driver on your system'] },
    { name: 'nvidiaGpu', ...NVIDIA_GPU_SEEN },
    { name: 'tcnnArch', ...TCNN_UNKNOWN_ARCH },
    { name: 'computeCapProbe', ...COMPUTE_CAP_PROBE },
    { name: 'emptyArch', literals: ["architecture 'compute_'", "architecture 'sm_'"] },
    { name: 'cmakeNative', literals: ['is set to "native", but no GPU was detected'] },
    // llama-cpp-python's build: its sdist vendors llama.cpp under vendor/llama.cpp (`CMake Error in vendor/llama.cpp/CMakeLists.txt`)
    { name: 'llamaCppPython', literals: ['llama-cpp-python', 'llama_cpp_python', 'vendor/llama.cpp'] },
    // a pasted `CMAKE_ARGS="…" pip install …` line (the step's RUN instruction is read by the cmake-args enricher itself)
    { name: 'cmakeArgs', literals: ['CMAKE_ARGS='] },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message: `This step needs a GPU or the NVIDIA driver, and it had neither. ${BUILD_GPU}`,
  fix: [
    'Do not touch the GPU while building:',
    '',
    MOVE_CHECKS,
    '- compile CUDA code for named architectures instead of the detected device: TORCH_CUDA_ARCH_LIST for PyTorch extensions, ' +
      'CMAKE_CUDA_ARCHITECTURES (quoted, `"80;86"`) rather than `native` for CMake, and `FORCE_CUDA=1` for torchvision, detectron2, mmcv and ' +
      'pytorch3d, which skip CUDA when they see no GPU. The log does not show the CUDA version, so which arches its nvcc takes is unknown here: ' +
      '`nvcc --list-gpu-arch` in the build stage lists them (`compute_86` → `8.6` / `86`).',
  ].join('\n'),
  variants: [
    // Not a build: the same missing nvidia-smi means the container got no GPU, or the host has no driver.
    { ...NVIDIA_SMI_RUNTIME_ONLY, when: 'nvidiaSmiExec&enrich.runRuntimeOnly&enrich.runWithGpus' },
    { ...NVIDIA_SMI_AT_RUN_COMMAND, when: 'nvidiaSmiExec&fact.place=docker-run&enrich.runWithGpus' },
    { ...NVIDIA_SMI_AT_RUN, when: 'nvidiaSmiExec&fact.place=docker-run' },
    { ...NVIDIA_SMI_AT_RUN_COMMAND, when: 'nvidiaSmi&fact.place=docker-run&enrich.runWithGpus' },
    { ...NVIDIA_SMI_AT_RUN, when: 'nvidiaSmi&fact.place=docker-run' },
    { ...NVIDIA_SMI_ON_HOST, when: 'nvidiaSmi&fact.place=host-shell' },
    { ...NVIDIA_SMI_SOMEWHERE, when: 'nvidiaSmiInteractive&!fact.place=image-build' },
    { ...nvidiaSmiVariant, when: 'nvidiaSmi' },
    { ...nvidiaSmiVariant, when: 'nvidiaSmiStep' },
    ...msdaVariants(),
    ...colossalaiVariants(),
    ...tcnnVariants(),
    ...computeCapVariants(),
    ...forceCudaVariants(),
    ...archVariants(),
    ...archQueryVariants(),
    ...nativeVariants(),
    ...llamaCppPythonVariants(),
    ...placeVariants(),
    {
      when: 'fact.cuda',
      fix: [
        'Do not touch the GPU while building:',
        '',
        MOVE_CHECKS,
        '- compile CUDA code for named architectures instead of the detected device; here, {enrich.archListBasis}:',
        '',
        '```dockerfile',
        'ENV TORCH_CUDA_ARCH_LIST="{enrich.torchArchList}"',
        '```',
        '',
        '  (`FORCE_CUDA=1` too for torchvision, detectron2, mmcv and pytorch3d, which skip CUDA when they see no GPU), ' +
          'and for CMake `-DCMAKE_CUDA_ARCHITECTURES="{enrich.cmakeArchList}"` (quoted) rather than `native`.',
      ].join('\n'),
    },
  ],
  enrich: ['cuda-version', 'arch-lists', 'run-command', 'cmake-args'],
  docs: 'https://docs.docker.com/build/building/cdi/',
};
