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

/** Where the configure ran: an image build (the build context and its COPY), elsewhere (a checkout), or not shown (both). */
type Where = 'image' | 'checkout' | 'either';

/** How to find out which tree lacks the file; with its name when the log shows the path. */
function includeCheck(name: string | null, where: Where): string {
  const checkoutLead =
    where === 'image'
      ? 'If the file belongs to the project being built, the source tree in the build is incomplete. In the project\'s checkout on ' +
        'the machine that runs `docker build`, check in order:'
      : 'If the file belongs to the project being built, the source tree CMake reads is incomplete. In the project\'s checkout, check in order:';
  const checks = [
    'git submodule status   # a leading - marks a submodule not checked out: git submodule update --init --recursive',
    ...(name === null ? [] : [`git ls-files | grep -F '${name}'   # no output: the file was never committed (a partial vendored copy)`]),
    ...(where === 'image' ? ['cat .dockerignore   # a pattern here can leave it out of the build context'] : []),
  ];
  const installed =
    'If the file belongs to an installed package (a `…Config.cmake` including its targets file), that package\'s install is incomplete: reinstall it.';
  const after: Record<Where, string> = {
    image:
      'Make sure the Dockerfile\'s `COPY` takes the directory that holds the file. For a vendored copy of another project, ' +
      'fetch that project at the same release in the Dockerfile (`git clone --branch` with its tag) instead of the partial copy. ' + installed,
    checkout:
      'A clone made without `--recursive` lacks its submodules until that update. ' +
      'For a vendored copy of another project, fetch that project at the same release (`git clone --branch` with its tag) instead of the partial copy. ' + installed,
    either:
      'A clone made without `--recursive` lacks its submodules until that update. ' +
      'In a Docker build, also check that `.dockerignore` does not leave the file out of the build context and that the Dockerfile\'s `COPY` takes its directory. ' +
      'For a vendored copy of another project, fetch that project at the same release (`git clone --branch` with its tag) instead of the partial copy. ' + installed,
  };
  return [checkoutLead, '', '```sh', ...checks, '```', '', after[where]].join('\n');
}

/** The include() variants, one per place: `RUN`-side advice only where the log shows an image build. */
function includeVariants(): NonNullable<RuleInput['variants']> {
  const out: NonNullable<RuleInput['variants']> = [];
  const places: [string, Where][] = [['&fact.place=image-build', 'image'], ['&!fact.place', 'either'], ['', 'checkout']];
  for (const [when, where] of places) {
    out.push({
      when: `includeMissing&includePath&located${when}`,
      title: 'CMake include() found no file',
      message:
        'CMake stopped at {context.located.file}:{context.located.line}: `include()` names `{context.includePath.path}`, and no file ' +
        'is there. The tree CMake is reading lacks a file it expects.',
      fix: includeCheck('{context.includePath.name}', where),
    });
  }
  for (const [when, where] of places) {
    out.push({
      when: `includeMissing&located${when}`,
      title: 'CMake include() found no file',
      message:
        'CMake stopped at {context.located.file}:{context.located.line}: `include()` names a file that is not there (its path is ' +
        'on the indented line below the error). The tree CMake is reading lacks a file it expects.',
      fix: includeCheck(null, where),
    });
  }
  return out;
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
    ...includeVariants(),
    {
      when: 'located',
      message:
        'CMake failed: `{context.located.command}` at {context.located.file}:{context.located.line} reported an error ' +
        '(its text is in the indented lines that follow in the log).',
    },
  ],
  docs: 'https://cmake.org/cmake/help/latest/manual/cmake.1.html',
};
