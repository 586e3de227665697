// How many compile jobs the failing command asked for, read from the RUN instruction (or shell line)
// that ran the build, so the advice for a compile killed for memory names the number to change in
// that command instead of a variable the command does not read.
//
// Each tool's own documentation, checked on this machine:
// - GNU make (`make --help`, make 4.3): `-j [N], --jobs[=N]  Allow N jobs at once; infinite jobs with no
//   arg.`; without -j make runs one job at a time, unless MAKEFLAGS carries a -j. When a job fails while
//   others still run, make prints `*** Waiting for unfinished jobs....`: a log line that proves the make
//   was parallel whatever the command says.
// - cmake --build (cmake(1), CMake 3.25 Help/manual/cmake.1.rst): `-j [<jobs>], --parallel [<jobs>]`: "If
//   <jobs> is omitted the native build tool's default number is used. The CMAKE_BUILD_PARALLEL_LEVEL
//   environment variable, if set, specifies a default parallel level when this option is not given."
//   So the variable is ignored when the command has -j / --parallel; and a bare -j hands make an
//   unlimited -j.
// - ninja (`ninja --help`, 1.11): `-j N  run N jobs in parallel (0 means infinity) [default=…]`, the
//   default derived from the number of cores.

/** The build tool of a command and the job count it was given. */
export interface BuildJobs {
  tool: 'make' | 'cmake-build' | 'ninja';
  /**
   * `cores`: a count computed from the machine (`$(nproc)`, `/proc/cpuinfo`); `unlimited`: make's
   * bare -j; a number; `default`: no job option (make: one job; ninja: from the cores; cmake
   * --build: the native tool's default, or CMAKE_BUILD_PARALLEL_LEVEL).
   */
  jobs: 'cores' | 'unlimited' | 'default' | number;
  /** The command as written, from the tool name up to the next shell operator. */
  command: string;
  /** The job option as written (`-j"$(nproc)"`, `--parallel 8`), or null. */
  option: string | null;
  /** The command with a job count of 2 in place of the option (or added). */
  lowered: string;
}

// One shell word: plain characters, a "…" or '…' string, or a $(…) / `…` substitution (one level).
const WORD = String.raw`(?:[^\s;&|()'"\x60$]|\$(?!\()|"[^"\n]{0,200}"|'[^'\n]{0,200}'|\$\([^()\n]{0,200}\)|\x60[^\x60\n]{0,200}\x60)+`;

/** `-j"$(nproc)"`, `-j8`, `-j 8`, `--jobs=8`, `-j=15`, `--parallel 8`, `--parallel`, a bare `-j`. */
const JOB_OPTION = new RegExp(String.raw`(?<=\s)(?:-j|--jobs|--parallel)(?:(?:=|\s+)?(?<count>\d{1,4}|"?\$\([^()\n]{0,200}\)"?|"?\x60[^\x60\n]{0,200}\x60"?))?(?=\s|$)`);

/** The commands that compile, in the order they are looked for: a RUN can run `cmake --build` that runs make. */
const COMMANDS: ReadonlyArray<{ tool: BuildJobs['tool']; pattern: RegExp }> = [
  { tool: 'cmake-build', pattern: new RegExp(String.raw`(?:^|[\s;&|(])(cmake\s+--build(?=[\s;&|)]|$)(?:\s+${WORD}){0,30})`) },
  { tool: 'ninja', pattern: new RegExp(String.raw`(?:^|[\s;&|(])(ninja(?=[\s;&|)]|$)(?:\s+${WORD}){0,30})`) },
  { tool: 'make', pattern: new RegExp(String.raw`(?:^|[\s;&|(])(g?make(?=[\s;&|)]|$)(?:\s+${WORD}){0,30})`) },
];

function jobsOf(count: string | undefined, tool: BuildJobs['tool']): BuildJobs['jobs'] {
  if (count === undefined) return tool === 'make' ? 'unlimited' : 'default';
  if (/^\d+$/.test(count)) return Number(count);
  return 'cores';
}

/** The option that gives 2 jobs, in the tool's own spelling. */
function twoJobs(tool: BuildJobs['tool'], option: string | null): string {
  if (tool === 'cmake-build') return option?.startsWith('--parallel') === true ? '--parallel 2' : '-j 2';
  return '-j2';
}

/** Reads the first compiling command of a RUN instruction or shell line, or null when it has none. */
export function buildJobsIn(text: string): BuildJobs | null {
  // A `\` continuation is whitespace to the shell.
  const line = text.replace(/\\\s*\n/g, ' ');
  for (const { tool, pattern } of COMMANDS) {
    const m = pattern.exec(line);
    if (m === null) continue;
    const command = m[1]!.trim();
    const job = JOB_OPTION.exec(` ${command}`);
    const option = job === null ? null : job[0].trim();
    // cmake --build's bare -j / --parallel leaves the count to the native tool, as no option does.
    const jobs = job === null ? 'default' : tool === 'cmake-build' && job.groups?.count === undefined ? 'default' : jobsOf(job.groups?.count, tool);
    const lowered =
      option === null
        ? tool === 'cmake-build'
          ? `${command} --parallel 2`
          : command.replace(/^(g?make|ninja)\b/, `$1 ${twoJobs(tool, null)}`)
        : command.replace(option, twoJobs(tool, option));
    return { tool, jobs, command, option, lowered };
  }
  return null;
}
