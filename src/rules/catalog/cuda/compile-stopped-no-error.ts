// A CUDA compile that stopped with no error in the log: the output ends inside a ninja build of nvcc commands
// (`[40/85] /usr/local/cuda/bin/nvcc …`, ninja had not reached its last command) or at torch's wrapper of a failed ninja
// run (`RuntimeError: Error compiling objects for extension`, torch/utils/cpp_extension.py `_run_ninja_build`), and no
// compiler error, `FAILED:` or `Killed` line is in it. Seen in a pasted head of a flash-attn build with MAX_JOBS=48
// (Dao-AILab/flash-attention#1549, cause per the maintainer: "That `Killed` is because compilation ran out of memory") and
// the pasted tail of a vLLM source build (vllm-project/vllm#3180: "`Killed` line the log means the compiling process is
// killed by the operating system from out of memory"; fixed with MAX_JOBS=2). Neither log shows the cause, so the finding
// names what is known (where the build stood) and how to find the rest; it does not claim memory.
//
// Where the build stood: knowledge/ninja-progress.ts (ninja prints `[finished/total]` with each command as it finishes).
// A `[N/M] … nvcc` line without `FAILED:` after it is a command that succeeded, so its arch flags say nothing about the
// failure (unlike cuda/extension-ninja-failed's cut after a `FAILED:` line).
// MAX_JOBS: torch's BuildExtension runs `ninja -v` with `-j MAX_JOBS` when the variable is set and prints `Using envvar
// MAX_JOBS (N) as the number of workers...` (cpp_extension.py `_get_num_workers`); without it ninja's own default, which
// torch documents as "#CPUS + 2 workers … This may use up too many resources on some systems. One can control the number
// of workers by setting the `MAX_JOBS` environment variable" (BuildExtension's docstring, pytorch.org/docs/stable/cpp_extension.html).
// flash-attn's README: "If your machine has less than 96GB of RAM and lots of CPU cores, `ninja` might run too many
// parallel compilation jobs that could exhaust the amount of RAM … `MAX_JOBS=4 pip install flash-attn --no-build-isolation`".
// Each nvcc job can take gigabytes (the flash-attn maintainer in #1549: "each one takes multiple GB of RAM"). Exit status
// 137 = 128 + SIGKILL (9), as resources/oom-killed reads it.
//
// Lines that say why, and the rules that read them, cancel this one: a compiler `error:` / `fatal error` / `nvcc fatal`,
// ninja's `FAILED:` and `build stopped` (cuda/extension-ninja-failed, the compiler rules), `Killed` and signal 9
// (resources/oom-killed), torch's `CalledProcessError` for `ninja -v` (cuda/extension-ninja-failed), pip's and uv's
// `Failed building wheel for` / `Failed to build` (pip/wheel-build-failed), BuildKit's clipped output (buildkit/log-clipped:
// the build went on in what was dropped), and a job canceled from outside.
import type { RuleInput, RuleVariant } from '../../schema.js';

const TITLE = 'CUDA compile stopped, and the log shows no error';
const WRAPPER_TITLE = 'PyTorch extension compile failed, and the log shows no compiler error';

const PROGRESS_MESSAGE =
  'ninja was compiling CUDA objects (nvcc commands) and had finished {enrich.doneEdges} of {enrich.totalEdges} when the output stops ' +
  '(`[{enrich.doneEdges}/{enrich.totalEdges}]`), with no compiler error, `FAILED:` or `Killed` line after it: the log does not say why the build stopped.';
const WRAPPER_MESSAGE =
  "torch's extension builder (cpp_extension) stopped with `RuntimeError: Error compiling objects for extension`: ninja failed, and the " +
  'log holds no compiler error, `FAILED:` or `Killed` line to say why. The log starts after the reason, or a compiler was killed without printing one.';
const JOBS_NOTE = ' The build ran {context.maxJobs.jobs} compile jobs at once (`MAX_JOBS`).';

const FIND = [
  'Find the line that ended the compile in the whole output:',
  '',
  '```sh',
  "grep -n -m 5 -E 'error|fatal|FAILED:|Killed|Error 137|exit code: 137|signal 9' build.log",
  '```',
  '',
  '- a compiler `error:` or `nvcc fatal` line names the cause;',
  '- a bare `Killed`, `Error 137` or exit code 137 is a process killed with SIGKILL, most often by the kernel\'s out-of-memory killer. ' +
    "On the machine that ran the build, `sudo dmesg | grep -i -E 'out of memory|oom'` shows it.",
];

const WHOLE_OUTPUT = {
  image: 'Get the whole output of the step: build again with `--progress=plain` and keep it (`docker build --progress=plain … 2>&1 | tee build.log`); the default display keeps only the last lines of each step.',
  shell: 'Get the whole output: run the build command again with its output kept (`… 2>&1 | tee build.log`).',
  unknown:
    'Get the whole output: in an image build, build again with `--progress=plain` (`docker build --progress=plain … 2>&1 | tee build.log`); in a shell, run the command again with `2>&1 | tee build.log`.',
};

const JOBS_LEAD =
  "If memory is the cause, run fewer compile jobs. torch's extension builder (flash-attn, vLLM, apex and others build with it) runs ninja with " +
  '`MAX_JOBS` jobs, or without it ninja\'s default, the number of CPUs + 2, and each nvcc job can take gigabytes. flash-attn\'s README gives ' +
  '`MAX_JOBS=4` for machines with less than 96 GB of RAM; take 1 or 2 on a small builder, and raise it once the build passes.';

const SET_JOBS = {
  image: ['```dockerfile', 'ENV MAX_JOBS=4', '```', '', 'before the `RUN` that compiles.'],
  shell: ['```sh', 'export MAX_JOBS=4', '```', '', 'then run the build again in that shell.'],
  unknown: ['In a Dockerfile, `ENV MAX_JOBS=4` before the `RUN` that compiles; in a shell:', '', '```sh', 'export MAX_JOBS=4', '```'],
};

type Place = keyof typeof WHOLE_OUTPUT;

function fixFor(place: Place): string {
  return [WHOLE_OUTPUT[place], '', ...FIND, '', JOBS_LEAD, '', ...SET_JOBS[place]].join('\n');
}

const PLACES: { when: string; place: Place }[] = [
  { when: 'fact.place=image-build', place: 'image' },
  { when: 'fact.place', place: 'shell' },
  { when: '!fact.place', place: 'unknown' },
];

function variants(): RuleVariant[] {
  const out: RuleVariant[] = [];
  for (const { when, place } of PLACES) {
    for (const jobs of [true, false]) {
      const note = jobs ? JOBS_NOTE : '';
      const j = jobs ? '&maxJobs' : '';
      out.push({ when: `torchWrapper&!enrich.doneEdges${j}&${when}`, title: WRAPPER_TITLE, message: WRAPPER_MESSAGE + note, fix: fixFor(place) });
      out.push({ when: `enrich.doneEdges${j}&${when}`, message: PROGRESS_MESSAGE + note, fix: fixFor(place) });
    }
  }
  return out;
}

export const compileStoppedNoError: RuleInput = {
  id: 'cuda/compile-stopped-no-error',
  title: TITLE,
  severity: 'error',
  match: [
    // `[1/85] /usr/local/cuda-12.8/bin/nvcc --generate-dependencies-with-compile …`: a ninja command line of nvcc
    { literals: ['nvcc '], pattern: '^\\s{0,20}\\[\\d{1,6}/\\d{1,6}\\] (?:\\S{0,300}/)?nvcc\\s' },
    // torch's wrapper of a failed ninja run, when nothing says why (the excerpt holds no compiler line)
    { literals: ['RuntimeError: Error compiling objects for extension'] },
  ],
  context: [
    // the last ninja progress line of the scope, of any command (a CMake build links last): where the build stood
    { name: 'progress', literals: ['[1', '[2', '[3', '[4', '[5', '[6', '[7', '[8', '[9'], pattern: '^\\s{0,20}\\[(?<done>\\d{1,6})/(?<total>\\d{1,6})\\] \\S', keep: 'last' },
    { name: 'torchWrapper', literals: ['RuntimeError: Error compiling objects for extension'] },
    // torch's cpp_extension: `Using envvar MAX_JOBS (48) as the number of workers...`
    { name: 'maxJobs', literals: ['Using envvar MAX_JOBS ('], pattern: 'Using envvar MAX_JOBS \\((?<jobs>\\d{1,5})\\)', keep: 'last' },
  ],
  unless: [
    // gcc / clang / nvcc `error:`, nvcc's `nvcc error   :` (not pip's own `error: subprocess-exited-with-error`)
    { literals: ['error:', 'error :'], pattern: '\\berror\\s{0,4}:(?! subprocess-exited-with-error)' },
    { literals: ['FAILED: ', 'ninja: build stopped', 'fatal error', 'nvcc fatal', 'internal compiler error', 'catastrophic error', 'Segmentation fault'] },
    { literals: ['Killed', 'signal 9'] },
    // make's `make[2]: *** [CMakeFiles/…] Error 1`
    { literals: ['] Error '], pattern: '\\*\\*\\* \\[[^\\]\\n]{1,300}\\] Error \\d{1,3}' },
    { literals: ["Command '['ninja'", 'Failed building wheel for ', 'Failed to build '] },
    { literals: ['output clipped, log limit', 'The operation was canceled', 'context canceled'] },
  ],
  when: 'enrich.stopped',
  scope: 'step',
  only: 'failed-step',
  // 2: above the step-failed fallback, which says less; a rule that reads the cause (3) wins
  specificity: 2,
  evidence: 'last',
  message: PROGRESS_MESSAGE,
  fix: fixFor('unknown'),
  variants: variants(),
  enrich: 'ninja-progress',
  docs: 'https://pytorch.org/docs/stable/cpp_extension.html',
};
