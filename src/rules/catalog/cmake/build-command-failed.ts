// A Python build script (TensorRT-LLM's scripts/build_wheel.py, a setup.py that drives CMake) ran `cmake --build`
// through subprocess, and the build failed:
//   subprocess.CalledProcessError: Command 'cmake --build . --config Release --parallel 48 --target tensorrt_llm …' returned non-zero exit status 2.
// with make's chain above it (`make[3]: *** [<dir>/CMakeFiles/<target>.dir/build.make:259: <object>.cu.o] Error 1`, then
// `Error 2` for each parent make; NVIDIA/TensorRT-LLM#165, #22). Both are wrappers: the reason is the compiler's first
// `error` line, printed above them, often far above when many jobs ran at once. A pasted log usually stops short of it, so
// this rule says that the compile failed, names the object when make printed it, and says how to get the first error:
// build again with one job (`cmake --build --parallel [<jobs>], -j [<jobs>]`, cmake --build's help on this machine,
// CMake 3.x) and keep the whole output. What the first error turns out to be is for the compiler rules to read.
// The TensorRT-LLM thread #22 ended on a TensorRT version the build did not have (the maintainer read it from the full log);
// that is not said here because the cut does not show it.
//
// Lines it must not take: torch's cpp_extension wrapper, `Command '['ninja', '-v']'` (cuda/extension-ninja-failed), and a
// `cmake --build` that returned 0. Specificity 2: a tool-level error, below any rule that reads the compiler's own line.
import type { RuleInput } from '../../schema.js';

const KEEP_WHOLE_LOG = "grep -n -m 5 -E 'error|Error [0-9]' build.log   # the first hits are the cause; later ones follow from it";

const HOST_RERUN = [
  'Build the same target again with one job, so the first error is printed alone and nothing after it hides it, and',
  'keep the whole output. In the build directory the script configured (the one holding `CMakeCache.txt`; find it with',
  '`find . -name CMakeCache.txt -not -path "*/_deps/*"`):',
  '',
  '```sh',
  '{context.parallel.before} --parallel 1 {context.parallel.after} 2>&1 | tee build.log',
  KEEP_WHOLE_LOG,
  '```',
].join('\n');

const HOST_RERUN_PLAIN = [
  'Build the same target again with one job, so the first error is printed alone and nothing after it hides it, and',
  'keep the whole output. In the build directory the script configured (the one holding `CMakeCache.txt`):',
  '',
  '```sh',
  'cmake --build . --parallel 1 2>&1 | tee build.log',
  KEEP_WHOLE_LOG,
  '```',
].join('\n');

const IMAGE_BUILD_LOG = [
  'Keep the whole output of the build and read it from the top of this step:',
  '',
  '```sh',
  'docker build --progress=plain . 2>&1 | tee build.log',
  KEEP_WHOLE_LOG,
  '```',
  '',
  'If the first errors interleave or BuildKit clipped the step (`[output clipped, log limit … reached]`), build with fewer',
  'jobs through the build script\'s own job-count option.',
].join('\n');

export const buildCommandFailed: RuleInput = {
  id: 'cmake/build-command-failed',
  title: 'The CMake build failed compiling (the first compiler error is above this traceback)',
  severity: 'error',
  match: [
    // `subprocess.CalledProcessError: Command 'cmake --build . --config Release --parallel 64 --target tensorrt_llm …' returned non-zero exit status 2.`
    {
      literals: ["Command 'cmake --build"],
      pattern: "CalledProcessError: Command '(?<command>cmake --build [^'\\n]{0,600}?)\\s*' returned non-zero exit status (?<status>\\d{1,3})",
    },
  ],
  context: [
    // the job count the script gave, to rerun the same command with one (`--parallel 48` / `-j 48`)
    {
      name: 'parallel',
      literals: ["Command 'cmake --build"],
      pattern: "Command '(?<before>cmake --build [^'\\n]{0,300}?) (?:--parallel|-j) ?(?<jobs>\\d{1,4}) (?<after>[^'\\s][^'\\n]{0,300}?)\\s*' returned",
    },
    // the same with the job count last (`cmake --build build -j 8`)
    {
      name: 'parallelLast',
      literals: ["Command 'cmake --build"],
      pattern: "Command '(?<before>cmake --build [^'\\n]{0,300}?) (?:--parallel|-j) ?\\d{1,4}\\s*' returned",
    },
    // `make[3]: *** [tensorrt_llm/runtime/CMakeFiles/runtime_src.dir/build.make:259: …/runtimeKernels.cu.o] Error 1`:
    // the object make was building when the compiler failed
    {
      name: 'object',
      literals: ['] Error 1'],
      pattern: 'make(?:\\[\\d{1,3}\\])?: \\*\\*\\* \\[(?:[^\\]\\s:]{1,300}:\\d{1,6}: )?(?<path>[^\\]\\s]{1,300}\\.o)\\] Error 1',
    },
  ],
  scope: 'step',
  specificity: 2,
  message:
    'The build script ran `cmake --build`, and the build stopped with exit status {status}. The traceback and make\'s ' +
    '`Error 2` lines only pass that failure on: the compiler\'s own error is printed above them, and this log does not reach it.',
  fix: HOST_RERUN_PLAIN,
  variants: [
    {
      when: 'fact.place=image-build',
      message:
        'The build script in this RUN step ran `cmake --build`, and the build stopped with exit status {status}. The traceback and ' +
        'make\'s `Error 2` lines only pass that failure on: the compiler\'s own error is printed above them, and this log does not reach it.',
      fix: IMAGE_BUILD_LOG,
    },
    {
      when: 'object&parallel',
      message:
        'The build script ran `cmake --build`, and the compile of `{context.object.path}` failed (make\'s `Error 1`); the rest ' +
        '(`Error 2`, the traceback) only passes that failure on. The compiler\'s own error is printed above, and this log does not reach it.',
      fix: HOST_RERUN,
    },
    { when: 'parallel', fix: HOST_RERUN },
    { when: 'parallelLast', fix: HOST_RERUN.replace('{context.parallel.before} --parallel 1 {context.parallel.after}', '{context.parallelLast.before} --parallel 1') },
  ],
  docs: 'https://cmake.org/cmake/help/latest/manual/cmake.1.html#build-a-project',
};
