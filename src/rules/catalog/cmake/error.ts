// `CMake Error at file:line (command):` that no more specific rule explains (lower specificity:
// in a failed step it gives way to cmake/package-not-found, cmake/notfound, cuda/*, …).
//
// include() of a file that is not there: `include could not find requested file:` (CMake 3.25 on this machine prints
// it for `include(${CMAKE_CURRENT_SOURCE_DIR}/scripts/build-info.cmake)`, the path on an indented line two below),
// `include could not find load file:` in older CMake (e.g. LLVMConfig.cmake including LLVMExports.cmake, quoted in
// issue threads, code corpus). The file named is part of a tree someone expected complete: the project's own (a
// vendored copy committed without it, a git submodule not checked out, a .dockerignore or COPY that left it out of
// the build context), or an installed package's (a `…Config.cmake` including its targets file from an incomplete install).
import type { RuleInput } from '../../schema.js';

/** How to find out which tree lacks the file; with its name when the log shows the path. */
function includeCheck(name: string | null): string {
  return [
    'If the file belongs to the project being built, the source tree in the build is incomplete. In the project\'s checkout on ' +
      'the machine that runs `docker build`, check in order:',
    '',
    '```sh',
    'git submodule status   # a leading - marks a submodule not checked out: git submodule update --init --recursive',
    ...(name === null ? [] : [`git ls-files | grep -F '${name}'   # no output: the file was never committed (a partial vendored copy)`]),
    'cat .dockerignore   # a pattern here can leave it out of the build context',
    '```',
    '',
    'Make sure the Dockerfile\'s `COPY` takes the directory that holds the file. For a vendored copy of another project, ' +
      'fetch that project at the same release in the Dockerfile (`git clone --branch` with its tag) instead of the partial copy. ' +
      'If the file belongs to an installed package (a `…Config.cmake` including its targets file), that package\'s install is ' +
      'incomplete: reinstall it.',
  ].join('\n');
}

export const error: RuleInput = {
  id: 'cmake/error',
  title: 'CMake configure error',
  severity: 'error',
  match: [
    // `CMake Error at CMakeLists.txt:20 (add_library):`, `CMake Error at C:/Program Files/CMake/share/…/X.cmake:230 (message):`
    { literals: ['CMake Error at '], pattern: '^CMake Error at (?<file>.{1,500}):(?<line>\\d{1,200}) \\((?<command>\\w{1,200})\\)' },
    // generate-time: `CMake Error in CMakeLists.txt:`
    { literals: ['CMake Error in '], pattern: '^(?<detail>CMake Error in .{1,500}):$' },
    // `CMake Error: The source directory "/src" does not appear to contain CMakeLists.txt.`
    { literals: ['CMake Error: '], pattern: '^CMake Error: (?<detail>.{1,500})$' },
  ],
  context: [
    // `  include could not find requested file:` (older CMake: `load file`)
    { name: 'includeMissing', literals: ['include could not find '], pattern: 'include could not find (?:requested|load) file:' },
    // the indented line with the file's path, two lines below (`    /app/…/scripts/build-info.cmake`)
    { name: 'includePath', literals: ['.cmake'], pattern: '^\\s{2,12}(?<path>/[^\\s:]{0,400}/(?<name>[^/\\s:]{1,200}\\.cmake))$' },
    { name: 'located', literals: ['CMake Error at '], pattern: '^CMake Error at (?<file>.{1,500}):(?<line>\\d{1,200}) \\((?<command>\\w{1,200})\\)' },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 2,
  message: 'CMake failed: {detail}',
  fix: [
    'Read the indented lines under `CMake Error` in the step output; CMake prints the cause there. Then rebuild the stage ' +
      'and run CMake by hand with more detail: `cmake -S . -B build --log-level=VERBOSE` (and `--debug-find` for find_* problems); ' +
      '`build/CMakeFiles/CMakeError.log` / `CMakeConfigureLog.yaml` hold the failed checks.',
  ].join('\n'),
  variants: [
    {
      when: 'includeMissing&includePath&located',
      title: 'CMake include() found no file',
      message:
        'CMake stopped at {context.located.file}:{context.located.line}: `include()` names `{context.includePath.path}`, and no file ' +
        'is there. The tree CMake is reading lacks a file it expects.',
      fix: includeCheck('{context.includePath.name}'),
    },
    {
      when: 'includeMissing&located',
      title: 'CMake include() found no file',
      message:
        'CMake stopped at {context.located.file}:{context.located.line}: `include()` names a file that is not there (its path is ' +
        'on the indented line below the error). The tree CMake is reading lacks a file it expects.',
      fix: includeCheck(null),
    },
    {
      when: 'located',
      message:
        'CMake failed: `{context.located.command}` at {context.located.file}:{context.located.line} reported an error ' +
        '(its text is in the indented lines that follow in the log).',
    },
  ],
  docs: 'https://cmake.org/cmake/help/latest/manual/cmake.1.html',
};
