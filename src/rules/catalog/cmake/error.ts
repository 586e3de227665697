// `CMake Error at file:line (command):` that no more specific rule explains (lower specificity:
// in a failed step it gives way to cmake/package-not-found, cmake/notfound, cuda/*, …).
import type { RuleInput } from '../../schema.js';

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
      when: 'located',
      message:
        'CMake failed: `{context.located.command}` at {context.located.file}:{context.located.line} reported an error ' +
        '(its text is in the indented lines that follow in the log).',
    },
  ],
  docs: 'https://cmake.org/cmake/help/latest/manual/cmake.1.html',
};
