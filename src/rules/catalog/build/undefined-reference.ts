// GNU ld could not resolve a symbol while linking a target: `<object>: in function `<caller>':` then
// `<file>:(.text+0x5b): undefined reference to `<symbol>'`, and gcc's driver ends with `collect2: error: ld returned 1
// exit status` (GNU ld 2.40 with gcc 12 on this machine: `g++ t.cpp` calling a declared, undefined function). The object
// that holds the symbol is not on the link line: a library the target does not link (CMake's target_link_libraries), a
// library named before the objects that use it (GNU ld resolves a static archive only against the undefined symbols seen so
// far: ld(1), `-l namespec`, "the linker will search an archive only once, at the location where it is specified on the
// command line"), or a build option that leaves the symbol out of every library (ggml-org/llama.cpp#13166: with
// -DGGML_BACKEND_DL=ON the CPU backend is a module loaded at run time, so `test-quantize-stats` cannot link
// `ggml_get_f32_1d`; fixed by not building the tests in the image, PR #13204 "docker : do not build tests").
// `nm -D --defined-only <lib>` lists the dynamic symbols a shared library defines (nm(1), binutils); `-C` demangles C++.
//
// The target: make's `Linking CXX executable ../bin/test-quantize-stats` line (CMake's Makefile generator) before the error.
// A test target (`test-…`, `test_…`, `…_test`, `…_tests`) in an image build is often not needed in the image: building it
// can be turned off with the project's own option, read from the log's cmake line when it shows one (`-D…BUILD_TESTS…=ON`,
// `-DBUILD_TESTING=ON`), else found with `cmake -LH <build dir>` (cached variables with their help strings, cmake(1)
// `-L[A][H]`); or only the needed target built (`cmake --build <dir> --target <name>`, cmake(1) "Build a Project").
//
// Lines it must not take: the same ld words inside a configure check's try-compile, which fail by design (CMake's
// CMakeError.log for `check_function_exists`, produced here with CMake 3.25: the target is `cmTC_<hash>` under
// `CMakeFiles/CMakeScratch/TryCompile-…` or `CMakeTmp`). The CUDA driver API (`undefined reference to `cuMemCreate'`) is
// cuda/libcuda-stub-missing's, which says more (specificity 3 there, 2 here).
import type { RuleInput, RuleVariant } from '../../schema.js';

const TITLE = 'Link failed: undefined reference';

const FIND = [
  'Find the library that defines it (in the build directory, and the system\'s library directories; `-D` reads a shared library\'s dynamic symbols, `-C` demangles C++):',
  '',
  '```sh',
  "for f in $(find . /usr/local/lib /usr/lib \\( -name '*.so*' -o -name '*.a' \\) 2>/dev/null); do { nm -C -D --defined-only \"$f\"; nm -C --defined-only \"$f\"; } 2>/dev/null | grep -qF ' {context.symbol.name}' && echo \"$f\"; done",
  '```',
  '',
  '- a library prints: the target does not link it. Add that library to the target\'s `target_link_libraries(…)` in its ' +
    '`CMakeLists.txt`, or, ' +
    'with a static library, name it after the objects and libraries that use it (GNU ld searches an archive once, where it stands on the link line);',
  '- nothing prints: no library of this build defines it. A build option left it out (a backend or feature built as a ' +
    'module loaded at run time, or turned off), or the code calls a function of another release of the library.',
];

const TEST_OFF_SHOWN =
  '`{context.target.name}` is a test program. An image rarely needs the tests: configure with `-D{context.testsOption.name}=OFF` ' +
  '(the cmake line here sets it `{context.testsOption.value}`), or build only the targets the image needs: `cmake --build {context.buildDir.dir|<build dir>} --target` and their names.';
const TEST_OFF_FIND =
  '`{context.target.name}` is a test program. An image rarely needs the tests: turn them off with the project\'s own option, which ' +
  '`cmake -LH {context.buildDir.dir|<build dir>} | grep -i -B1 test` lists with its help, or build only the targets the image needs ' +
  '(`cmake --build {context.buildDir.dir|<build dir>} --target` and their names).';

function variants(): RuleVariant[] {
  const msg =
    'GNU ld could not link `{context.target.name}`: nothing on its link line defines `{context.symbol.name}`, which the object ' +
    'files call (`undefined reference`).';
  return [
    { when: 'target&testTarget&testsOption&fact.place=image-build', message: msg, fix: [TEST_OFF_SHOWN, '', 'To link the tests instead, find' + FIND[0]!.slice(4), ...FIND.slice(1)].join('\n') },
    { when: 'target&testTarget&fact.place=image-build', message: msg, fix: [TEST_OFF_FIND, '', 'To link the tests instead, find' + FIND[0]!.slice(4), ...FIND.slice(1)].join('\n') },
    { when: 'target', message: msg, fix: FIND.join('\n') },
  ];
}

export const undefinedReference: RuleInput = {
  id: 'build/undefined-reference',
  title: TITLE,
  severity: 'error',
  match: [
    // `test-quantize-stats.cpp:(.text+0x5b): undefined reference to `ggml_get_f32_1d'`
    { literals: ['undefined reference to `'], pattern: "undefined reference to `(?<symbol>[^'`\\n]{1,300})'" },
  ],
  context: [
    { name: 'symbol', literals: ['undefined reference to `'], pattern: "undefined reference to `(?<name>[^'`\\n]{1,300})'" },
    // make's `[ 81%] Linking CXX executable ../bin/test-quantize-stats` (CMake's Makefile generator): the last one is the failing link
    {
      name: 'target',
      keep: 'last',
      literals: ['Linking '],
      pattern: 'Linking (?:C|CXX|CUDA|Fortran|HIP) (?:executable|shared library|static library|shared module) (?:\\S{0,300}/)?(?<name>[^\\s/]{1,200})\\s*$',
    },
    {
      name: 'testTarget',
      keep: 'last',
      literals: ['Linking '],
      pattern: 'Linking (?:C|CXX|CUDA) executable (?:\\S{0,300}/)?(?:test[-_][^\\s/]{1,200}|[^\\s/]{1,200}[-_]tests?)\\s*$',
    },
    // the build directory of the cmake line: `cmake -B build`, `cmake -Bbuild`
    { name: 'buildDir', literals: ['cmake -B'], pattern: '\\bcmake -B ?(?<dir>[\\w./-]{1,200})' },
    // the cmake line's own tests option: `-DLLAMA_BUILD_TESTS=ON`, `-DBUILD_TESTING=ON`
    { name: 'testsOption', literals: ['-D'], pattern: '-D(?<name>(?:[A-Z0-9]{1,40}_)?BUILD_TEST(?:S|ING)|[A-Z0-9]{1,40}_BUILD_TESTS)(?::BOOL)?=(?<value>ON|TRUE|1|YES)\\b' },
  ],
  unless: [
    // a configure check's try-compile (CMakeError.log): its target is `cmTC_<hash>`
    { literals: ['cmTC_', 'CMakeFiles/CMakeTmp', 'CMakeScratch/TryCompile-'] },
  ],
  scope: 'step',
  specificity: 2,
  message:
    'GNU ld could not link: nothing on the link line defines `{context.symbol.name}`, which the object files call (`undefined ' +
    'reference`). The target is the one being linked above the error (make\'s `Linking …` line, ninja\'s `FAILED:` line).',
  fix: FIND.join('\n'),
  variants: variants(),
  docs: 'https://sourceware.org/binutils/docs/ld/Options.html',
};
