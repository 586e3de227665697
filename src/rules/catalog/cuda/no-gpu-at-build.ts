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
import type { RuleInput } from '../../schema.js';
import { BUILD_GPU } from './build-gpu.js';

const MOVE_CHECKS = '- move device checks (`nvidia-smi`, `torch.cuda.is_available()`) to `docker run --gpus all IMAGE …` or a CI test step on a GPU runner;';

type Variant = NonNullable<RuleInput['variants']>[number];

const SAMPLE_WORKLOAD = 'https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/sample-workload.html';

/** Exported for shell/command-not-found, which leaves these to this rule. `/bin/sh: 1: nvidia-smi: not found`, bash's `command not found`, or the solve error of a step that is only `nvidia-smi …`. */
export const NVIDIA_SMI_MISSING = [
  { literals: ['nvidia-smi: not found', 'nvidia-smi: command not found'], pattern: 'sh: (?:line )?(?:\\d{1,7}: )?nvidia-smi: (?:command )?not found' },
  {
    literals: ['-c nvidia-smi'],
    pattern: '"/bin/(?:ba)?sh -c nvidia-smi(?: [^"&|;\\n]{0,200})?" did not complete successfully: exit code: 127|\'/bin/(?:ba)?sh -c nvidia-smi(?: [^\'&|;\\n]{0,200})?\' returned a non-zero code: 127',
  },
];

const nvidiaSmiVariant: Omit<Variant, 'when'> = {
  title: 'nvidia-smi run at build time: it comes from the host driver at `docker run --gpus`',
  message:
    '`nvidia-smi` is not in the image: it belongs to the NVIDIA driver of the host, and the NVIDIA Container Toolkit mounts it into a ' +
    'container started with GPUs (`docker run --gpus …`). A build step has no GPU and no driver, so the shell does not find it (exit code 127).',
  fix: [
    'Drop the GPU check from the Dockerfile (installing driver packages into the image does not help: a build step still has no GPU, ' +
      'and the image must use the driver of the host it runs on). Check the GPU when the container runs, on a host with the driver and the toolkit:',
    '',
    '```sh',
    'docker run --rm --gpus all IMAGE nvidia-smi',
    '```',
    '',
    `(the toolkit's own check, ${SAMPLE_WORKLOAD}), or in a CI test step on a GPU runner.`,
  ].join('\n'),
};

/** `nvidia-smi` missing in a container: it was started without GPUs (`--gpus`), or the host's toolkit is missing. */
const NVIDIA_SMI_AT_RUN: Omit<Variant, 'when'> = {
  title: 'nvidia-smi not found in the container: it was started without a GPU',
  message:
    '`nvidia-smi` is not part of the image: the NVIDIA Container Toolkit mounts it, with the driver of the host, into a container started ' +
    'with GPUs (`docker run --gpus …`). This container got none, so the shell does not find it (exit code 127).',
  fix: [
    'Start the container with the GPUs, on a host with the NVIDIA driver and the NVIDIA Container Toolkit:',
    '',
    '```sh',
    'docker run --rm --gpus all IMAGE nvidia-smi',
    '```',
    '',
    `(the toolkit's own check, ${SAMPLE_WORKLOAD}). If Docker answers \`could not select device driver "" with capabilities: [[gpu]]\`, ` +
      'the toolkit is not installed or not configured for Docker on that host.',
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

const ARCH_LIST_MESSAGE =
  "With TORCH_CUDA_ARCH_LIST unset (or `native`), torch.utils.cpp_extension builds the arch list from the GPUs it can see; this step saw none, so the list was empty and `arch_list[-1] += '+PTX'` raised IndexError. " +
  'A build step sees no GPU by default (`docker build` has no `--gpus`).';

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
  for (const imageBuild of [true, false]) {
    const place = imageBuild ? '&fact.place=image-build' : '';
    out.push({
      when: `archList&fact.cuda${place}`,
      title: 'No GPU at build: torch found no arch to compile for',
      message: ARCH_LIST_MESSAGE,
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
  ],
  context: [
    { name: 'nvidiaSmi', ...NVIDIA_SMI_MISSING[0]! },
    { name: 'nvidiaSmiStep', ...NVIDIA_SMI_MISSING[1]! },
    { name: 'archList', literals: ["arch_list[-1] += '+PTX'"] },
    { name: 'emptyArch', literals: ["architecture 'compute_'", "architecture 'sm_'"] },
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
      '`-DCMAKE_CUDA_ARCHITECTURES="…"` (quoted) rather than `native` for CMake, and `FORCE_CUDA=1` for torchvision, detectron2, mmcv and ' +
      'pytorch3d, which skip CUDA when they see no GPU. The log does not show the CUDA version, so which arches its nvcc takes is unknown here: ' +
      '`nvcc --list-gpu-arch` in the build stage lists them (`compute_86` → `8.6` / `86`).',
  ].join('\n'),
  variants: [
    // Not a build: the same missing nvidia-smi means the container got no GPU, or the host has no driver.
    { ...NVIDIA_SMI_AT_RUN, when: 'nvidiaSmi&fact.place=docker-run' },
    { ...NVIDIA_SMI_ON_HOST, when: 'nvidiaSmi&fact.place=host-shell' },
    { ...nvidiaSmiVariant, when: 'nvidiaSmi' },
    { ...nvidiaSmiVariant, when: 'nvidiaSmiStep' },
    ...archVariants(),
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
  enrich: ['cuda-version', 'arch-lists'],
  docs: 'https://docs.docker.com/build/building/cdi/',
};
