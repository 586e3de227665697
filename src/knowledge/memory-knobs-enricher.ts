// The `memory-knobs` enricher: which variables lower the memory a compile step needs, for the package
// the step builds (knowledge/extension-knobs.ts: knobsFor), and what more memory means on this runner.
// Values are plain text (no backticks, one line).
//
// - torch.utils.cpp_extension reads MAX_JOBS (ninja -j); flash-attn and vllm add NVCC_THREADS (nvcc
//   --threads per job, flash-attn's default 4), so their peak is about MAX_JOBS x NVCC_THREADS
//   compiler threads: extension-knobs.ts, and flash-attn's README ("MAX_JOBS=4 pip install flash-attn
//   --no-build-isolation").
// - CMAKE_BUILD_PARALLEL_LEVEL: CMake's environment variable for `cmake --build` (CMake >= 3.12,
//   cmake-env-variables(7)), read only when the command gives no `-j` / `--parallel` of its own (cmake(1),
//   `--parallel [<jobs>]`: "a default parallel level when this option is not given"); PyTorch's own setup.py reads MAX_JOBS.
// - The runner: fact `runner` / FactView.githubHosted. No memory sizes are claimed (the swap size is labelled an example).
// - `buildUnknown`: the log shows neither the command that compiled nor a package with knobs of its own (a lone
//   `cc1plus` line), so no job count is known to reach the build; the rule then leads with more memory or swap.
// - The command that compiled (knowledge/build-parallelism.ts), read from the step's RUN: a make, ninja or
//   cmake --build given a job count gets that count lowered in its own command, since none of them reads
//   MAX_JOBS, and cmake --build reads CMAKE_BUILD_PARALLEL_LEVEL only without -j / --parallel. A make
//   without -j (and no MAKEFLAGS, and no `Waiting for unfinished jobs` in the log) ran one job at a time:
//   fewer jobs cannot help, only more memory. A package that reads MAX_JOBS itself (flash-attn, vllm, a
//   torch extension) keeps its knobs when the RUN is not such a command (pip, setup.py, a script).
// - A build driver script that passes its own -j: RAPIDS cudf's build.sh runs `cmake --build . -j${PARALLEL_LEVEL}`
//   (extension-knobs.ts), so only PARALLEL_LEVEL lowers it; the driver is known from the command or from the
//   CMake targets the log compiles (`CMakeFiles/cudf_base.dir/…`).
// - ONNX Runtime's build.sh (tools/ci_build/build.py, build_args.py): `--parallel [N]` is its job count (the flag without a number
//   = one job per CPU), `--nvcc_threads N` the nvcc threads of each job ("Max NVCC threads per parallel job (-1=auto)"; auto gives 4
//   with more than 60 GB available, else about one per 4 GB: `number_of_nvcc_threads`), and `--cmake_extra_defines
//   CMAKE_CUDA_ARCHITECTURES=…` the GPU architectures: without it ORT's CMake compiles every CUDA kernel for a list of them
//   (sm_52, 60, 70, 75, 80, 90 on x86_64 with CUDA 12: the `if(NOT CMAKE_CUDA_ARCHITECTURES)` block of ORT's CUDA CMake), so nvcc
//   runs one device compile per architecture for each of the flash-attention kernels that blew up. MAX_JOBS and
//   CMAKE_BUILD_PARALLEL_LEVEL are not read (build.py runs `cmake --build … --parallel N` itself). microsoft/onnxruntime#18579:
//   `--parallel 1` did not help; `--cmake_extra_defines CMAKE_CUDA_ARCHITECTURES=75` did ("Now build works").
// - A setup.py build named by the command (`python3 setup.py bdist_wheel`) whose package the log does not name: the
//   knobs of the setup.py builds that read them are named, each with its reader (torch.utils.cpp_extension: MAX_JOBS;
//   flash-attn and vllm: NVCC_THREADS too, extension-knobs.ts), and a setup.py that reads neither is said to need its own.
// - What the compile command in the log shows (oom-killed's nvccThreads / ownGencode contexts), for a torch extension or
//   flash-attn: nvcc's `--threads N` multiplies each job (flash-attn setup.py: `NVCC_THREADS = os.getenv("NVCC_THREADS") or "4"`,
//   appended as `["--threads", NVCC_THREADS]`; the setup.py files copied from it do the same), so both knobs go to 1; and a
//   `-gencode arch=…` list in the space form is the package's own: torch's cpp_extension writes TORCH_CUDA_ARCH_LIST as
//   `-gencode=arch=compute_XY,code=sm_XY` and returns no arch flags at all when the extension's own flags hold one
//   (_get_cuda_arch_flags: `if 'arch' in flag: return []`), so the list is narrowed in the package's setup.py.
// - Docker Desktop sets the memory of its VM in Settings, Resources (docs.docker.com/desktop/settings-and-
//   maintenance/settings, "Resources": "Memory limit").
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { runInstructionOf } from '../grammar/run-command.js';
import { knobsFor } from './extension-knobs.js';
import { buildJobsIn, type BuildJobs } from './build-parallelism.js';

/** The package whose knobs apply, from the rule's context hits (`context.flashAttn`, …). */
export function packageOf(captures: Readonly<Record<string, string>>): string | null {
  if (captures['context.flashAttn'] !== undefined) return 'flash-attn';
  if (captures['context.vllm'] !== undefined) return 'vllm';
  if (captures['context.torchExtension'] !== undefined) return 'torch-cpp-extension';
  if (captures['context.rapidsCudf'] !== undefined) return 'rapids-cudf';
  if (captures['context.onnxruntime'] !== undefined) return 'onnxruntime';
  return null;
}

/** `MAX_JOBS=2 NVCC_THREADS=1` for a package that reads both, `MAX_JOBS=2` for torch extensions, else the generic pair. */
export function jobsEnv(pkg: string | null): string {
  const names = new Set((pkg === null ? [] : knobsFor(pkg)).map((k) => k.name));
  if (names.has('MAX_JOBS') && names.has('NVCC_THREADS')) return 'MAX_JOBS=2 NVCC_THREADS=1';
  if (names.has('MAX_JOBS')) return 'MAX_JOBS=2';
  if (names.has('PARALLEL_LEVEL')) return 'PARALLEL_LEVEL=2';
  return 'MAX_JOBS=2 CMAKE_BUILD_PARALLEL_LEVEL=2';
}

function knobNote(pkg: string | null): string {
  if (pkg === 'flash-attn' || pkg === 'vllm') {
    return `${pkg} runs MAX_JOBS compile jobs at once and passes NVCC_THREADS to each nvcc (flash-attn's default is 4), so memory grows with both.`;
  }
  if (pkg === 'onnxruntime') {
    return "This is ONNX Runtime's CUDA provider, built by its build.sh (build.py): that script passes its own --parallel job count and nvcc --threads, so MAX_JOBS and CMAKE_BUILD_PARALLEL_LEVEL do not reach it, and without CMAKE_CUDA_ARCHITECTURES it compiles every kernel (the flash-attention ones are the largest) for a list of GPU architectures, one device compile per architecture.";
  }
  if (pkg === 'torch-cpp-extension') return 'torch.utils.cpp_extension builds with ninja and reads MAX_JOBS for the number of parallel jobs.';
  if (pkg === 'rapids-cudf') {
    return "This is a cudf build: cudf's build.sh passes -j${PARALLEL_LEVEL} to cmake --build (one job per core when unset), so MAX_JOBS and CMAKE_BUILD_PARALLEL_LEVEL do not reach it; a make run by hand in cpp/build needs its own -j lowered.";
  }
  return 'PyTorch-style setup.py builds read MAX_JOBS; cmake --build reads CMAKE_BUILD_PARALLEL_LEVEL when it is given no -j or --parallel of its own; a make or ninja called directly, or a -j / --parallel written in the command, needs that number lowered.';
}

/** A setuptools build run by the command: `python3 setup.py bdist_wheel`, `python setup.py install`. */
const SETUP_PY_BUILD = /\bsetup\.py\s+(?:bdist_wheel|build_ext|build|install|develop)\b/;
const SETUP_PY_NOTE =
  'The step builds with setup.py: a PyTorch C++/CUDA extension (torch.utils.cpp_extension) runs MAX_JOBS compile jobs at once, and ' +
  'flash-attn and vLLM also pass NVCC_THREADS to each nvcc (flash-attn\'s default is 4), so memory grows with both; a setup.py that ' +
  'reads neither takes its job count from its own build docs.';

/**
 * What the compile command in the log shows of each nvcc's own load, for a torch extension or flash-attn build: its
 * `--threads N` and the package's own `-gencode arch=…,code=…` targets (oom-killed's nvccThreads / ownGencode contexts).
 */
function nvccShown(captures: Readonly<Record<string, string>>, pkg: string | null): { threads: number | null; targets: string[] } {
  if (pkg !== 'torch-cpp-extension' && pkg !== 'flash-attn') return { threads: null, targets: [] };
  const n = Number(captures['context.nvccThreads.n'] ?? '');
  const list = captures['context.ownGencode.list'] ?? '';
  const targets = [...list.matchAll(/(?<=\s|^)-gencode arch=compute_\w{1,8},code=(\w{1,16})(?=\s|$)/g)].map((m) => m[1]!);
  return { threads: Number.isInteger(n) && n > 1 ? n : null, targets };
}

/** nvcc's `--threads N` in the command: flash-attn's setup.py (and the setup.py files copied from it) passes NVCC_THREADS there. */
function threadsNote(threads: number): string {
  return (
    `The compile command in the log gives each nvcc --threads ${threads}, so the peak is about MAX_JOBS x ${threads} compilations at once: ` +
    'flash-attn\'s setup.py, and the setup.py files copied from it, pass NVCC_THREADS as that number (default 4), so set both to 1; ' +
    'a setup.py that writes the number itself needs it lowered there.'
  );
}

/** The package's own -gencode list (the space form torch does not write): TORCH_CUDA_ARCH_LIST does not narrow it. */
function ownArchNote(targets: readonly string[]): string {
  const shown = targets.length > 6 ? `${targets.slice(0, 6).join(', ')}, …` : targets.join(', ');
  return (
    `Each file is also compiled for ${targets.length} GPU targets (${shown}), from the package's own -gencode flags: torch.utils.cpp_extension ` +
    'adds no TORCH_CUDA_ARCH_LIST flags when an extension passes its own, so keep only the architectures of the GPUs you run in the ' +
    "package's setup.py (flash-attn reads FLASH_ATTN_CUDA_ARCHS): each target left out is one device compile less per file."
  );
}

/** The RUN the step ran: its own instruction, the one BuildKit's error names, or the classic builder's last line (`context.classicRun`). */
function commandOf(captures: Readonly<Record<string, string>>, step: Step | null, model: BuildModel): string {
  const own = step !== null && !step.internal ? step.instruction : '';
  return own || runInstructionOf(model.solveError?.message ?? '') || (captures['context.classicRun.cmd'] ?? '');
}

/** What the command asked for, in words (values are plain text: commands in single quotes). */
function jobsNote(jobs: BuildJobs): string {
  const cmd = `'${jobs.command.length > 120 ? `${jobs.command.slice(0, 119)}…` : jobs.command}'`;
  if (jobs.tool === 'make') {
    if (jobs.jobs === 'cores') return `The step runs ${cmd}: one compile job per core of the builder, each compiler with memory of its own.`;
    if (jobs.jobs === 'unlimited') return `The step runs ${cmd}: make's -j without a number starts as many compile jobs as it can, with no limit.`;
    if (typeof jobs.jobs === 'number') return `The step runs ${cmd}: ${jobs.jobs} compile jobs at once.`;
    return `The step runs ${cmd} with -j set elsewhere (MAKEFLAGS), so make ran several compile jobs at once.`;
  }
  if (jobs.tool === 'ninja') {
    return typeof jobs.jobs === 'number'
      ? `The step runs ${cmd}: ${jobs.jobs} compile jobs at once.`
      : `The step runs ${cmd}: without -j, ninja runs one job per core and more.`;
  }
  if (jobs.option !== null) {
    return typeof jobs.jobs === 'number'
      ? `The step runs ${cmd}: ${jobs.jobs} compile jobs at once; CMAKE_BUILD_PARALLEL_LEVEL is not read when the command gives -j or --parallel.`
      : `The step runs ${cmd}: --parallel without a number leaves the count to the build tool, and CMAKE_BUILD_PARALLEL_LEVEL is not read when the option is given.`;
  }
  return `The step runs ${cmd}: without -j or --parallel, cmake --build takes its job count from CMAKE_BUILD_PARALLEL_LEVEL, else from the build tool (ninja: one per core and more).`;
}

/** Whether the make ran one job at a time: no -j, no MAKEFLAGS in the command, and no sign of parallel jobs in the log. */
function serialMake(jobs: BuildJobs, command: string, captures: Readonly<Record<string, string>>): boolean {
  return jobs.tool === 'make' && jobs.jobs === 'default' && !/\bMAKEFLAGS=/.test(command) && captures['context.parallelMake'] === undefined;
}

function runnerNote(facts: FactView): string {
  return facts.githubHosted
    ? 'This job ran on a GitHub-hosted runner, whose memory is fixed by its size: a larger runner or a self-hosted one gives more.'
    : 'Or give the builder more memory or swap (a larger machine, swap on a Linux host, more memory for Docker Desktop or the buildx builder node).';
}

function moreMemory(facts: FactView): string {
  if (facts.githubHosted) return "This job ran on a GitHub-hosted runner, whose memory is fixed by its size: a larger runner or a self-hosted one gives more.";
  return "Give the builder more memory: Docker Desktop's memory limit (Settings, Resources), a larger machine or CI runner, or swap on the machine that runs the builder.";
}

export function memoryKnobsEnrich(captures: Readonly<Record<string, string>>, step: Step | null, model: BuildModel, facts: FactView): Record<string, string> {
  const command = commandOf(captures, step, model);
  const jobs = buildJobsIn(command);
  if (jobs !== null) return commandKnobs(jobs, command, captures, facts);
  const pkg = packageOf(captures);
  if (pkg === 'onnxruntime') return onnxruntimeKnobs(facts);
  const setupPy = pkg === null && SETUP_PY_BUILD.test(command);
  const shown = nvccShown(captures, pkg);
  const env = shown.threads !== null ? 'MAX_JOBS=1 NVCC_THREADS=1' : setupPy ? 'MAX_JOBS=2 NVCC_THREADS=1' : jobsEnv(pkg);
  const inImage = facts.place === 'image-build';
  // Where the build ran is unknown (an excerpt without builder framing): both forms, each labelled.
  const unknown = facts.place === null;
  return {
    jobsEnv: env,
    // The line to add where the build runs: Dockerfile `ENV` in an image build, `export` elsewhere.
    jobsLine: inImage ? `ENV ${env}` : `export ${env}`,
    // The language of the block that holds jobsLine.
    jobsFence: inImage ? 'dockerfile' : 'sh',
    jobsWhere: inImage
      ? 'Add before the RUN that compiles:'
      : unknown
        ? `The log does not show where the build ran: in a Dockerfile, add ENV ${env} before the RUN that compiles; in a shell:`
        : 'Set in the shell before the build command:',
    knobNote: `${setupPy ? SETUP_PY_NOTE : knobNote(pkg)}${shown.threads === null ? '' : ` ${threadsNote(shown.threads)}`}`,
    // TORCH_CUDA_ARCH_LIST is read by torch.utils.cpp_extension (and the packages built with it), not by make or cmake.
    tailNote: `${
      shown.targets.length > 1
        ? `${ownArchNote(shown.targets)} `
        : (pkg === null && !setupPy) || pkg === 'rapids-cudf'
          ? ''
          : setupPy
            ? // a setup.py the log does not show building with torch: the arch list only where torch's cpp_extension reads it
              'If the package builds with torch\'s cpp_extension, fewer CUDA architectures (TORCH_CUDA_ARCH_LIST) also cut memory and time. '
            : 'Fewer CUDA architectures (TORCH_CUDA_ARCH_LIST) also cut memory and time. '
    }${runnerNote(facts)}`,
    runnerNote: runnerNote(facts),
    ...(pkg === null && command === '' ? { buildUnknown: 'yes' } : {}),
  };
}

/** The knobs of the command that compiled: its own job count lowered, or CMAKE_BUILD_PARALLEL_LEVEL, or more memory. */
function commandKnobs(jobs: BuildJobs, command: string, captures: Readonly<Record<string, string>>, facts: FactView): Record<string, string> {
  const inImage = facts.place === 'image-build';
  const common = { runnerNote: runnerNote(facts), tailNote: runnerNote(facts), moreMemory: moreMemory(facts) };
  if (serialMake(jobs, command, captures)) {
    return {
      ...common,
      serialBuild: `The step runs '${jobs.command}' without -j: make compiled one file at a time, so a single compiler needed more memory than the builder has.`,
      jobsEnv: '',
    };
  }
  // cmake --build without a job option reads CMAKE_BUILD_PARALLEL_LEVEL: set it where the build runs.
  if (jobs.tool === 'cmake-build' && jobs.option === null) {
    const env = 'CMAKE_BUILD_PARALLEL_LEVEL=2';
    return {
      ...common,
      jobsEnv: env,
      knobNote: jobsNote(jobs),
      jobsWhere: inImage ? 'Add before the RUN that compiles:' : facts.place === null ? `The log does not show where the build ran: in a Dockerfile, add ENV ${env} before the RUN that compiles; in a shell:` : 'Set in the shell before the build command:',
      jobsFence: inImage ? 'dockerfile' : 'sh',
      jobsLine: inImage ? `ENV ${env}` : `export ${env}`,
    };
  }
  return {
    ...common,
    jobsEnv: jobs.lowered,
    knobNote: jobsNote(jobs),
    jobsWhere: inImage ? 'In that RUN, give it a fixed, small count (raise it while the build still fits):' : 'Give it a fixed, small count (raise it while the build still fits):',
    jobsFence: 'sh',
    jobsLine: jobs.lowered,
  };
}

/** ONNX Runtime's build.sh: its own job count, nvcc threads and the GPU architectures, in its own flags. */
function onnxruntimeKnobs(facts: FactView): Record<string, string> {
  const line = './build.sh … --use_cuda --parallel 2 --nvcc_threads 1';
  return {
    jobsEnv: '--parallel 2 --nvcc_threads 1 on build.sh',
    jobsLine: line,
    jobsFence: 'sh',
    jobsWhere: "Add ORT's own flags to the build.sh (or build.py) command, keeping your other options.",
    // The GPU architectures: the compute capability without its dot (7.5 -> 75), read where the GPU is (oom-killed's ORT variant).
    archWhere:
      'Build only the architectures of the GPUs that will run it: ARCH is the compute capability without its dot (7.5 → 75), which nvidia-smi ' +
      'prints on a machine with that GPU; in an image build there is no GPU, so write the number (several separated by semicolons, in quotes: "75;86"):',
    knobNote: knobNote('onnxruntime'),
    tailNote: `With fewer architectures each nvcc has fewer device compiles to run (up to --nvcc_threads of them at once), and the build is much shorter. ${runnerNote(facts)}`,
    runnerNote: runnerNote(facts),
    moreMemory: moreMemory(facts),
  };
}
