// A step that ran out of memory. Two different stories, told apart by the evidence:
// - killed: the kernel's OOM killer sent SIGKILL (gcc `Killed signal terminated program cc1plus`,
//   strsignal(SIGKILL) = "Killed"; nvcc `died due to signal 9`; a shell's `Killed` line; exit code
//   137 = 128 + 9, claimed only when the log prints it; Python's subprocess.CalledProcessError prints a child's
//   `returned non-zero exit status 137.`, or `died with <Signals.SIGKILL: 9>.` when the child itself was killed
//   (CPython Lib/subprocess.py, CalledProcessError.__str__));
// - allocation failed: `std::bad_alloc`, `virtual memory exhausted`, `out of memory allocating` are
//   printed by the process itself when malloc/new fails (no signal, no OOM killer); nvcc's C++ front end says
//   `catastrophic error: out of memory` (vllm-project/vllm#2175, a vLLM image build: `StringUtil.h(68): catastrophic
//   error: out of memory`, answered there by asking for the machine's memory).
// - BuildKit's own report: since BuildKit v0.16.0 (moby/buildkit bc9e857d0, "executor: detect containers killed by
//   OOMKiller") a RUN that fails after the kernel's OOM killer fired in its cgroup (`oom_kill` > 0 in memory.events) has
//   its exit error replaced by ENOMEM (executor/runcexecutor/executor_linux.go, detectOOM), which prints as
//   `process "/bin/sh -c …" did not complete successfully: cannot allocate memory` (frontend/gateway/pb/exit.go,
//   ExitError.Error returns the wrapped error), and util/grpcerrors maps ENOMEM to gRPC `ResourceExhausted`
//   (errdefs/internal_linux.go: ENOMEM and ENOSPC are the resource-exhaustion errnos). ENOSPC's `no space left on device`
//   under the same `ResourceExhausted` is resources/disk-full's. vllm-project/vllm#18040: a vLLM image build (`python3
//   setup.py bdist_wheel`) on a 24 GB MacBook ended this way.
// Knobs: knowledge/memory-knobs-enricher.ts, from the command the step ran (make / ninja / cmake --build and
// their job counts: knowledge/build-parallelism.ts) or, for pip and setup.py builds, from the package built
// (MAX_JOBS, NVCC_THREADS).
// pip killed right after downloading a big wheel, with nothing compiled, is not a compile at all: pip's HTTP cache
// holds the whole wheel in memory to store it (pypa/pip#2984 "Excessive memory use when caching large packages",
// pypa/pip#9678 "Large RAM spike when caching large wheels"); `--no-cache-dir` is the workaround named there.
// conda killed in one of its own stages, with nothing compiled: conda prints the stage and `...working...`, and the
// shell's `Killed` ends that same line (`Installing pip dependencies: ...working... Killed`, ageron/handson-ml2#351;
// `Solving environment: ...working... Killed`, brentp/smoove#154 and PacktPublishing/Machine-Learning-Engineering-with-MLflow#1;
// `Collecting package metadata (repodata.json): ...working... Killed`, Merck/mRNAid#12). No job count lowers that: the
// fix there was more memory for Docker (smoove#154: "increased my local docker memory to 10G"; MLflow#1: 2 GB failed,
// 4 GB worked). Docker Desktop's memory is Settings › Resources › Advanced › Memory limit on Mac, Linux and Windows
// Hyper-V, and the WSL 2 VM's own limit (`.wslconfig`) in WSL 2 mode (docker/docs, content/manuals/desktop/
// settings-and-maintenance/settings.md, "Resources", "Advanced"); older releases of that page (Docker Desktop 4.x on
// Windows) name the same setting `Memory` on the Advanced tab, and older macOS releases call Settings `Preferences`.
export const DESKTOP_MEMORY =
  "Docker Desktop (macOS, Windows, Linux): Settings (Preferences in older releases) › Resources › Advanced › Memory limit (`Memory` in older " +
  'releases), raise it, then Apply & restart; with its WSL 2 ' +
  'backend on Windows the limit is `memory=` under `[wsl2]` in `%UserProfile%\\.wslconfig` (then `wsl --shutdown`).';
const condaMemoryFix = (lead: string): string => [
  lead,
  '',
  "If the memory cannot grow and conda was killed installing the environment's `pip:` section, take that section out of the",
  'environment file and install those packages in a later `RUN` with `pip install --no-cache-dir -r requirements.txt`: pip holds',
  'each large wheel it downloads in memory to store it in its cache, and `--no-cache-dir` avoids that.',
].join('\n');

// colcon (ROS 2 workspaces) builds packages in parallel (colcon-parallel-executor: one worker per CPU unless
// `--parallel-workers N`; `--executor sequential` builds one package at a time), and colcon-cmake gives each package's make
// `-j<cpu_count> -l<cpu_count>` unless MAKEFLAGS already holds a -j/-l (colcon-cmake, colcon_cmake/task/cmake/build.py,
// `_get_make_arguments`: "do not extend make arguments, let MAKEFLAGS set things"; colcon/colcon-parallel-executor#36, a
// maintainer: MAKEFLAGS is the way to limit the compile jobs inside a package). MAX_JOBS and CMAKE_BUILD_PARALLEL_LEVEL
// do not reach that explicit `-j`. colcon prints `--- stderr: <pkg>`, `Failed   <<< <pkg> [...]` and
// `Summary: N packages finished [...]`.
// WSL 2: the Linux VM's memory is `memory=` (and `swap=`) under `[wsl2]` in `%UserProfile%\.wslconfig`, applied after
// `wsl --shutdown` (learn.microsoft.com/windows/wsl/wsl-config, "Configuration settings for .wslconfig"; wsl.exe's own
// error names the key `wsl2.swap`, microsoft/WSL#10503, whose reply points to that page); Docker Desktop's
// WSL 2 backend runs in that same VM (docker/docs, Desktop settings "Resources": the limit is set in `.wslconfig`).
// More memory where nothing in the log says which build ran: a swap file on a Linux host made with fallocate, chmod 600,
// mkswap, swapon (util-linux mkswap(8), swapon(8): swapon refuses files with holes, which fallocate does not make; Btrfs
// needs more, swapon(8) "Files with holes"), Docker Desktop's memory limit (DESKTOP_MEMORY) and WSL 2's `.wslconfig`
// (WSL_MEMORY below). A project's own build scripts need not read MAX_JOBS, and its maintainers' remedy for a killed
// cc1plus is memory: telegramdesktop/tdesktop#27390 (the out-of-memory killer) and #25300 (swap for its Docker build).
const MORE_MEMORY_HOW_TO = [
  'On a Linux host (Docker Engine), add a swap file; 16G is an example, size it to the build:',
  '',
  '```sh',
  'sudo fallocate -l 16G /swapfile',
  'sudo chmod 600 /swapfile',
  'sudo mkswap /swapfile',
  'sudo swapon /swapfile',
  'free -h',
  '```',
  '',
  `With ${DESKTOP_MEMORY}`,
  'A Docker Engine inside WSL 2 takes its memory and swap from the same `.wslconfig` (`memory=`, `swap=`).',
].join('\n');
const COLCON_LEAD =
  'This is a colcon build: colcon builds several packages at once and gives each package\'s make `-j` with the number of CPUs unless ' +
  'MAKEFLAGS already sets a job count, so MAX_JOBS or CMAKE_BUILD_PARALLEL_LEVEL do not reach it. Build one package at a time with ' +
  'two compile jobs (keep your own colcon arguments on the line; raise `-j2` once it passes):';
const WSL_MEMORY =
  'Or give WSL 2 more memory (Docker Desktop\'s WSL 2 backend runs in the same VM): on Windows, set `memory=` (and `swap=`) under ' +
  '`[wsl2]` in `%UserProfile%\\.wslconfig`, run `wsl --shutdown`, and start again. `free -h` inside WSL shows what the VM has.';
const colconFix = (image: boolean, wsl: boolean): string => [
  COLCON_LEAD,
  '',
  ...(image
    ? ['```dockerfile', 'RUN MAKEFLAGS=-j2 colcon build --executor sequential', '```']
    : ['```sh', 'MAKEFLAGS=-j2 colcon build --executor sequential', '```']),
  wsl ? WSL_MEMORY : '{enrich.moreMemory}',
].join('\n');
const colconVariants = ['fact.place=image-build', '!fact.place=image-build'].flatMap((place) =>
  ['wsl2', '!wsl2'].map((wsl) => ({
    when: `killed&colcon&${wsl}&${place}`,
    message:
      '{program|A process of this step} was killed with SIGKILL: on a build machine that is almost always the kernel\'s ' +
      'out-of-memory killer, because the parallel compile jobs needed more memory than the ' +
      (wsl === 'wsl2' ? 'WSL 2 VM has.' : 'builder has.'),
    fix: colconFix(place === 'fact.place=image-build', wsl === 'wsl2'),
  })),
);

// The kernel's own report, when the log is the host's kernel log (journalctl -k, dmesg) of an OOM during a build: mm/oom_kill.c,
// __oom_kill_process, `pr_err("%s: Killed process %d (%s) total-vm:%lukB, …")` with `Out of memory` or `Memory cgroup out of
// memory` for %s (older kernels: `Killed process %d (%s) total-vm:…` alone), after dump_oom_summary's
// `oom-kill:constraint=CONSTRAINT_NONE,…` and dump_tasks' table, one `[  pid]  uid  tgid total_vm rss … oom_score_adj name` row
// per task. The victim is the task with the highest badness score, not always the one that used the memory: in
// ggml-org/llama.cpp#17844 (2025) the kernel killed the desktop's file manager (`nautilus`) while the table listed the
// parallel `cudafe++` jobs of a `cmake --build -j` inside `docker build` (the thread: an 8 GB VM, closed as a configuration
// matter). So the message names the victim and the compilers the table shows, and the fix is still fewer jobs.
const KERNEL_OOM_LEAD =
  "The host kernel's out-of-memory killer fired (`Out of memory: Killed process {context.kernelOom.pid} ({context.kernelOom.victim})`): the machine ran out " +
  'of memory, and the kernel killed {context.kernelOom.victim}, the process it scored highest, which is not always the one that used the memory.';

import { flashAttnWheelContexts, withFlashAttnNote, withFlashAttnVariants } from '../pip/flash-attn-wheel.js';
import type { RuleInput } from '../../schema.js';

export const oomKilled: RuleInput = {
  id: 'resources/oom-killed',
  title: 'Killed: out of memory',
  severity: 'error',
  match: [
    {
      // gcc: `g++: fatal error: Killed signal terminated program cc1plus`
      literals: ['Killed signal terminated program'],
      pattern: 'Killed signal terminated program (?<program>[\\w+.-]{1,100})',
    },
    // older gcc: `c++: internal compiler error: Killed (program cc1plus)`
    { literals: ['internal compiler error: Killed (program '], pattern: 'internal compiler error: Killed \\(program (?<program>[\\w+.-]{1,100})\\)' },
    // nvcc: `nvcc error   : 'cicc' died due to signal 9 (Kill signal)`
    { literals: ['died due to signal 9'], pattern: "'(?<program>[\\w+.-]{1,100})' died due to signal 9" },
    // ld: `collect2: fatal error: ld terminated with signal 9 [Killed]`
    { literals: ['terminated with signal 9'], pattern: '(?<program>[\\w+.-]{1,100}) terminated with signal 9' },
    { literals: ['virtual memory exhausted', 'out of memory allocating', 'std::bad_alloc', 'catastrophic error: out of memory'] },
    {
      // bash reporting a SIGKILLed child: `Killed` alone, or `/bin/sh: line 1:  1234 Killed  /usr/bin/c++ -O3 …`
      literals: ['Killed'],
      pattern: '^\\s{0,40}Killed\\s{0,40}$|\\d{1,10} Killed\\s{1,40}(?<program>[^\\s]{1,200})',
    },
    // the kernel's report of the victim (see KERNEL_OOM_LEAD): `Out of memory: Killed process 2602 (nautilus) total-vm:3089788kB, …`
    { literals: ['Killed process '], pattern: 'Killed process (?<pid>\\d{1,10}) \\((?<victim>[^)\\n]{1,64})\\) total-vm:' },
    // BuildKit >= 0.16: the RUN's cgroup saw the OOM killer (see the head of this file).
    { literals: ['did not complete successfully: cannot allocate memory'] },
    // SIGKILL = 128 + 9. On its own, most often the OOM killer.
    { literals: ['exit code: 137', 'non-zero code: 137', 'non-zero exit status 137.', 'died with <Signals.SIGKILL: 9>'] },
  ],
  context: [
    ...flashAttnWheelContexts,
    {
      name: 'killed',
      literals: ['Killed signal terminated program', 'internal compiler error: Killed (program ', 'died due to signal 9', 'terminated with signal 9', 'Killed'],
      pattern: 'Killed signal terminated program|internal compiler error: Killed \\(program|died due to signal 9|terminated with signal 9|^\\s{0,40}Killed\\s{0,40}$|\\d{1,10} Killed\\s',
    },
    { name: 'kernelOom', literals: ['Killed process '], pattern: 'Killed process (?<pid>\\d{1,10}) \\((?<victim>[^)\\n]{1,64})\\) total-vm:' },
    // a compiler in the kernel's task table at the OOM: `kernel: [   8123]     0  8123    25225    10680   151552        0             0 cudafe++`
    {
      name: 'oomCompiler',
      literals: ['cudafe++', 'cicc', 'ptxas', 'cc1plus', 'nvcc'],
      pattern: '\\[ {0,10}\\d{1,10}\\][ \\d-]{10,200}(?<= )(?<name>cudafe\\+\\+|cicc|ptxas|cc1plus|nvcc)$',
      keep: 'last',
    },
    // conda's own stage line ended by the shell's `Killed` (see DESKTOP_MEMORY above).
    {
      name: 'condaKilled',
      literals: ['...working... Killed'],
      pattern: '^(?<stage>[A-Z][^:\\n]{0,80}): \\.\\.\\.working\\.\\.\\. Killed\\s{0,40}$',
    },
    // colcon's own lines (see colconFix): the package's stderr block, its failure line, the summary.
    { name: 'colcon', literals: ['colcon build', '--- stderr: ', 'Failed   <<< ', 'packages finished ['], pattern: 'colcon build|^--- stderr: \\S|^Failed\\s{1,10}<<< \\S|^Summary: \\d{1,6} packages? finished \\[' },
    // Windows' WSL 2 named in the log (prose, or the kernel's `-microsoft-standard-WSL2` release string).
    { name: 'wsl2', literals: ['WSL2', 'WSL 2'], ignoreCase: true },
    // The log names Docker Desktop: its daemon, or its `desktop-linux` context (BuildKit's `docker:desktop-linux`).
    { name: 'dockerDesktop', literals: ['Docker Desktop', 'desktop-linux', 'docker-desktop'], ignoreCase: true },
    { name: 'buildkitOom', literals: ['did not complete successfully: cannot allocate memory'] },
    { name: 'exit137', literals: ['exit code: 137', 'non-zero code: 137', 'Error 137', 'non-zero exit status 137.', 'died with <Signals.SIGKILL: 9>'] },
    // pip taking in a wheel (`Downloading https://…/torch-1.5.0-cp36-cp36m-manylinux1_x86_64.whl (752.0MB)`), and any sign
    // that the step compiled something: a kill after the first and without the second is pip itself.
    { name: 'pipWheelDownload', literals: ['Downloading '], pattern: '^\\s{0,20}Downloading \\S{1,500}\\.whl \\(\\d' },
    {
      name: 'compiling',
      literals: ['Building wheel for', 'Running setup.py', 'nvcc', 'cc1plus', 'Building CXX object', 'Building CUDA object', 'Building NVCC', 'ninja', 'cmake'],
    },
    { name: 'alloc', literals: ['virtual memory exhausted', 'out of memory allocating', 'std::bad_alloc', 'catastrophic error: out of memory'] },
    // GNU make prints this only when a job failed while others were still running: the make was parallel,
    // whatever its command line says (memory-knobs enricher: a make without -j is serial only without it).
    { name: 'parallelMake', literals: ['Waiting for unfinished jobs'] },
    // The classic builder's last line names the RUN: `The command '/bin/sh -c cmake .. && make install' returned a non-zero code: 2`.
    { name: 'classicRun', literals: ["The command '/bin/"], pattern: "^The command '/bin/(?:ba)?sh -c (?<cmd>[^\\n]{1,2000}?)' returned a non-zero code" },
    // What is being compiled, for the knobs (memory-knobs enricher).
    { name: 'flashAttn', literals: ['flash_attn', 'flash-attn', 'flash-attention'] },
    { name: 'vllm', literals: ['vllm'] },
    // torch.utils.cpp_extension's BuildExtension adds `-DTORCH_API_INCLUDE_EXTENSION_H` to every compile of an extension
    // (torch/utils/cpp_extension.py, build_extensions: `self._add_compile_flag(extension, '-DTORCH_API_INCLUDE_EXTENSION_H')`).
    { name: 'torchExtension', literals: ['torch/include', 'torch.utils.cpp_extension', 'BuildExtension', '-DTORCH_API_INCLUDE_EXTENSION_H'] },
    // What multiplies each nvcc's memory, read from the compile command the log shows (memory-knobs enricher):
    // `--threads N` (flash-attn's setup.py: `NVCC_THREADS = os.getenv("NVCC_THREADS") or "4"`, passed as `--threads`), and
    // the package's own `-gencode arch=…,code=…` list, written with a space: torch writes TORCH_CUDA_ARCH_LIST as
    // `-gencode=arch=…` (cpp_extension.py, _get_cuda_arch_flags) and adds none when the extension passes any arch flag of its own.
    { name: 'nvccThreads', literals: ['--threads '], pattern: '(?:nvcc|-gencode)[^\\n]{0,4000}?\\s--threads\\s(?<n>\\d{1,3})(?=\\s|$)', keep: 'last' },
    {
      name: 'ownGencode',
      literals: ['-gencode arch=compute_'],
      // From the first such flag to the end of the line: the enricher reads every `-gencode arch=…,code=…` in it.
      pattern: '(?<list>-gencode arch=compute_[^\\n]{0,4000})',
      keep: 'last',
    },
    // RAPIDS cudf, built by its build.sh (which passes -j${PARALLEL_LEVEL}): the command, or libcudf's CMake targets
    // (`make[2]: *** [CMakeFiles/cudf_base.dir/src/…cu.o] Error 9`, rapidsai/cudf#8018).
    { name: 'rapidsCudf', literals: ['CMakeFiles/cudf', 'build.sh'], pattern: 'CMakeFiles/cudf\\w{0,40}\\.dir/|build\\.sh\\b[^\\n]{0,200}\\blibcudf\\b' },
    // ONNX Runtime built by its build.sh / build.py: its CUDA provider's CMake target (`CMakeFiles/onnxruntime_providers_cuda_obj.dir/…`,
    // `CMakeFiles/onnxruntime_providers_cuda.dir/…`), microsoft/onnxruntime#18579; the memory-knobs enricher gives ORT's own flags.
    { name: 'onnxruntime', literals: ['onnxruntime_providers_cuda'], pattern: 'CMakeFiles/onnxruntime_providers_cuda(?:_obj)?\\.dir/' },
  ],
  message:
    'A process of this step was killed (SIGKILL; the shell printed `Killed`): on a build machine that is almost always ' +
    "the kernel's out-of-memory killer, because the step needed more memory than the builder has.",
  variants: withFlashAttnVariants(
    'run fewer compile jobs at once ({enrich.jobsEnv}).',
    [
    {
      when: 'kernelOom&oomCompiler',
      message: `${KERNEL_OOM_LEAD} The kernel's task table at that moment lists \`{context.oomCompiler.name}\`: a compile was running, and its parallel jobs are the likely consumers.`,
    },
    {
      when: 'kernelOom',
      message: KERNEL_OOM_LEAD,
    },
    {
      when: 'pipWheelDownload&!compiling',
      message:
        'pip was killed (SIGKILL) while taking in the wheel it had just downloaded, with nothing being compiled: pip holds a ' +
        "large wheel in memory to store it in its cache, and the kernel's out-of-memory killer stopped it.",
      fix: [
        "Install without pip's cache, which keeps the wheel out of memory: add `--no-cache-dir` to the `pip install` that was killed " +
          '(`pip install --no-cache-dir …`). {enrich.runnerNote}',
      ].join('\n'),
    },
    {
      when: 'condaKilled&!compiling&fact.runner=github-hosted',
      message:
        'conda was killed (SIGKILL) at `{context.condaKilled.stage}`, with nothing being compiled: the kernel\'s out-of-memory ' +
        'killer stopped it because the builder ran out of memory. Fewer compile jobs cannot help here.',
      fix: condaMemoryFix('{enrich.runnerNote}'),
    },
    {
      when: 'condaKilled&!compiling&dockerDesktop',
      message:
        'conda was killed (SIGKILL) at `{context.condaKilled.stage}`, with nothing being compiled: the kernel of Docker Desktop\'s VM ' +
        'ran out of memory and its out-of-memory killer stopped conda. Fewer compile jobs cannot help here.',
      fix: condaMemoryFix(`Give Docker Desktop's VM more memory, then build again. ${DESKTOP_MEMORY}`),
    },
    {
      when: 'condaKilled&!compiling',
      message:
        'conda was killed (SIGKILL) at `{context.condaKilled.stage}`, with nothing being compiled: the kernel\'s out-of-memory ' +
        'killer stopped it because the builder ran out of memory. Fewer compile jobs cannot help here.',
      fix: condaMemoryFix(
        `Give the builder more memory, then build again. With ${DESKTOP_MEMORY} With Docker Engine on Linux, the machine's own memory ` +
          '(a larger machine, or swap).',
      ),
    },
    {
      // ONNX Runtime's build.sh (memory-knobs enricher): its own flags, the GPU architectures first.
      when: 'killed&onnxruntime',
      message:
        '{program|A process of this step} was killed with SIGKILL while ONNX Runtime\'s CUDA provider compiled: on a build machine that is ' +
        "almost always the kernel's out-of-memory killer, because the nvcc jobs needed more memory than the builder has.",
      fix: [
        'Compile for fewer GPU architectures, with fewer jobs and nvcc threads at once. {enrich.knobNote} {enrich.jobsWhere} {enrich.archWhere}',
        '',
        '```sh',
        'ARCH=$(nvidia-smi --query-gpu=compute_cap --format=csv,noheader | head -n 1 | tr -d .)',
        '{enrich.jobsLine} --cmake_extra_defines CMAKE_CUDA_ARCHITECTURES="$ARCH"',
        '```',
        '{enrich.tailNote}',
      ].join('\n'),
    },
    ...colconVariants,
    {
      // A make that ran one job at a time (the memory-knobs enricher read its RUN): fewer jobs cannot help.
      when: 'killed&enrich.serialBuild',
      message:
        "{program|A process of this step} was killed with SIGKILL, almost certainly by the kernel's out-of-memory killer. " +
        '{enrich.serialBuild}',
      fix: 'Fewer jobs cannot help: this build already runs one. {enrich.moreMemory}',
    },
    {
      when: 'alloc&enrich.serialBuild',
      title: 'Out of memory (allocation failed)',
      message: 'A process of this step ran out of memory: an allocation failed and the process stopped itself. {enrich.serialBuild}',
      fix: 'Fewer jobs cannot help: this build already runs one. {enrich.moreMemory}',
    },
    {
      // Only the killed compiler is in the log: no command, no package, so memory first, then the generic job knobs.
      when: 'killed&!exit137&enrich.buildUnknown&!fact.runner=github-hosted',
      message:
        '{program|A process of this step} was killed with SIGKILL: on a build machine that is almost always the kernel\'s ' +
        'out-of-memory killer, because the parallel compile jobs needed more memory than the builder has.',
      fix: [
        'The log shows the compiler killed, not the build that ran it, so the remedy that fits every build comes first: give the',
        'builder more memory or swap, then build again.',
        '',
        MORE_MEMORY_HOW_TO,
        '',
        'If the memory cannot grow, run fewer compile jobs at once (a project\'s own build script may take its job count elsewhere:',
        'see its build docs). {enrich.knobNote} {enrich.jobsWhere}',
        '',
        '```{enrich.jobsFence}',
        '{enrich.jobsLine}',
        '```',
      ].join('\n'),
    },
    {
      // BuildKit read the OOM kill from the RUN's cgroup; the process killed is not named.
      when: 'buildkitOom&!killed&!alloc',
      message:
        'BuildKit ended this RUN with `cannot allocate memory` (gRPC `ResourceExhausted`): BuildKit (0.16 and later) reports a step that way ' +
        "when the kernel's out-of-memory killer killed a process in it, so the step needed more memory than the builder has.",
    },
    {
      when: 'killed&exit137',
      message:
        '{program|A process of this step} was killed with SIGKILL (the log shows exit code 137 = 128 + 9): on a build machine ' +
        "that is almost always the kernel's out-of-memory killer, because the parallel compile jobs needed more memory than the builder has.",
    },
    {
      when: 'killed',
      message:
        '{program|A process of this step} was killed with SIGKILL: on a build machine that is almost always the kernel\'s ' +
        'out-of-memory killer, because the parallel compile jobs needed more memory than the builder has.',
    },
    {
      when: 'exit137&!killed&!compiling&dockerDesktop',
      message:
        'The step exited with code 137 = 128 + 9: a process was killed with SIGKILL, and the log shows Docker Desktop: almost always ' +
        "the out-of-memory killer of Docker Desktop's VM, because the step needed more memory than the VM has.",
      fix: [
        `Give Docker Desktop's VM more memory, then build again. ${DESKTOP_MEMORY}`,
        'If the step compiles (the log does not show it), running fewer jobs at once ({enrich.jobsEnv}) also lowers its peak.',
      ].join('\n'),
    },
    {
      when: 'exit137&!killed&!compiling',
      message:
        'The step exited with code 137 = 128 + 9: a process was killed with SIGKILL. On a build machine that is almost always ' +
        "the kernel's out-of-memory killer, because the step needed more memory than the builder has.",
      fix: [
        'The log does not show what the killed process was doing. If it compiled, run fewer jobs at once ({enrich.jobsEnv}); if ' +
          'it was pip taking in a large wheel, add `--no-cache-dir` to that `pip install`. {enrich.runnerNote}',
      ].join('\n'),
    },
    {
      when: 'exit137',
      message:
        'The step exited with code 137 = 128 + 9: a process was killed with SIGKILL. On a build machine that is almost always ' +
        "the kernel's out-of-memory killer, because the step needed more memory than the builder has.",
    },
    {
      when: 'alloc',
      title: 'Out of memory (allocation failed)',
      message:
        'A process of this step ran out of memory: an allocation failed (`std::bad_alloc`, `virtual memory exhausted`, ' +
        '`out of memory allocating` or nvcc\'s `catastrophic error: out of memory` below) and the process stopped itself. The builder had less free memory than the ' +
        'step needed; usually several compile jobs at once.',
    },
    ],
  ),
  fix: withFlashAttnNote([
    'Run fewer compile jobs at once. {enrich.knobNote} {enrich.jobsWhere}',
    '',
    '```{enrich.jobsFence}',
    '{enrich.jobsLine}',
    '```',
    '{enrich.tailNote}',
  ].join('\n')),
  enrich: ['memory-knobs', 'flash-attn-wheel'],
  docs: 'https://github.com/Dao-AILab/flash-attention#installation-and-features',
};
