// The build tool has no file that a target needs and nothing in the build that makes it: an input that
// should exist before the build (a library found at configure time, a prebuilt artefact of an earlier step)
// does not. Both tools name the file and the target that needs it (checked on this machine, GNU Make 4.3
// and ninja 1.11.1, on a build file whose one input is absent):
//   make: *** No rule to make target '/usr/lib/none.a', needed by 'out'.  Stop.
//   ninja: error: '/usr/lib/none.a', needed by 'out', missing and no known rule to make it
// (older GNU Make quotes with a backtick: `No rule to make target \`x', needed by \`y'`.) Lines it must not
// take: make's `No rule to make target 'install'.  Stop.` without `needed by` (a goal the Makefile lacks,
// asked for on the command line) and ninja's `unknown target` (the same for ninja).
//
// Where the file lives says what to do. A library under /usr/lib or /lib was put on the link line by the
// configure step (a find_library result or a toolkit's implicit link libraries written into the build
// files), and the file is not there: the path is stale or wrong. One such build, llama.cpp with
// `-DGGML_CUDA=ON` and Ubuntu's `nvidia-cuda-toolkit` from apt, stopped on `/usr/lib/librt.a`, and its
// reporter got past it by configuring with the GPU architecture given, `-DCMAKE_CUDA_ARCHITECTURES=86`
// (ggml-org/llama.cpp#11376): said as that build's workaround, for CUDA targets only. `compute_cap` is a
// field of `nvidia-smi --query-gpu` (nvidia-smi --help-query-gpu). A file anywhere else is an artefact of
// an earlier step of this build (a vendored library built by a script, a `lib/` a previous stage fills):
// that step did not produce it, and the file's name often says which variant was off (`…-cuda.a`).
// `BUILD_SHARED_LIBS=OFF` is CMake's switch for add_library() without a type to build static (`.a`)
// libraries (CMake documentation, BUILD_SHARED_LIBS).
//
// Specificity 3: the tool's own reason, above the wrappers that report the same failure (a wheel build
// through scikit-build-core, `make: *** … Error 2`). Not only in a failed step: a shell paste has no steps.
import type { RuleInput } from '../../schema.js';

const FILE = "[`'](?<file>[^'`\\s]{1,400})'";
const TARGET = "[`'](?<target>[^'`\\s]{1,400})'";

const WHERE_FROM = [
  'Find where the path comes from, in the build directory (`build` for `cmake -B build`):',
  '',
  '```sh',
  "grep -rlF '{file}' build/ 2>/dev/null | head",
  '```',
  '',
  '`CMakeCache.txt` holds what configure found (delete the entry, or the cache, and configure again); a `link.txt` or',
  '`build.ninja` holds the link line it wrote.',
].join('\n');

export const buildInputMissing: RuleInput = {
  id: 'cmake/build-input-missing',
  title: 'A file the build needs is missing, and no rule makes it',
  severity: 'error',
  match: [
    // GNU make: `make[2]: *** No rule to make target '/usr/lib/librt.a', needed by 'ggml/src/ggml-cuda/libggml-cuda.so'.  Stop.`
    { literals: ['No rule to make target '], pattern: `\\bNo rule to make target ${FILE}, needed by ${TARGET}` },
    // ninja: `ninja: error: '/opt/x/lib/libggml-cuda.a', needed by 'x.so', missing and no known rule to make it`
    { literals: ['missing and no known rule to make it'], pattern: `ninja: error: ${FILE}, needed by ${TARGET}, missing and no known rule to make it` },
  ],
  context: [
    // a library the configure step found on the system (`/usr/lib/librt.a`, `/lib/x86_64-linux-gnu/libm.so`)
    {
      name: 'systemLibrary',
      literals: ["'/usr/lib/", "'/lib/", '`/usr/lib/', '`/lib/'],
      pattern: "No rule to make target [`'](?:/usr)?/lib/|ninja: error: '(?:/usr)?/lib/",
    },
    // the target that needs it is a CUDA library of the project (`libggml-cuda.so`)
    { name: 'cudaTarget', literals: ['needed by '], pattern: "needed by [`'][^'`\\s]{0,400}cuda[^'`\\s]{0,100}'" },
    // the missing file is a static library (`.a`)
    { name: 'staticLibrary', literals: [".a', needed by"], pattern: "\\.a', needed by" },
  ],
  scope: 'step',
  specificity: 3,
  message:
    '`{file}`, needed by `{target}`, is not there, and nothing in this build makes it: the build files expect it to exist ' +
    'before the build starts.',
  fix: [
    'Check it is missing, and find the step that should have produced it (a script or an earlier `make` / `cmake --build` of a',
    'vendored project, an earlier stage\'s output):',
    '',
    '```sh',
    "ls -l '{file}'",
    '```',
    '',
    'Run that step first, with the options that make this file, then build again.',
  ].join('\n'),
  variants: [
    {
      when: 'systemLibrary&cudaTarget',
      message:
        'The link of `{target}` names `{file}`, a system library path the configure step wrote into the build files, and no file is ' +
        'there. The target is a CUDA library, so the path most likely came from CMake\'s CUDA configuration.',
      fix: [
        'One such build (CMake with Ubuntu\'s `nvidia-cuda-toolkit` from apt) got past it by giving the GPU architecture at configure',
        'time, in a new build directory. The number is the GPU\'s compute capability without the dot (`8.6` → `86`):',
        '',
        '```sh',
        'nvidia-smi --query-gpu=compute_cap --format=csv,noheader',
        'cmake -B build-arch -DCMAKE_CUDA_ARCHITECTURES=86   # with your other -D options, and the number printed above',
        'cmake --build build-arch --config Release',
        '```',
        '',
        WHERE_FROM,
      ].join('\n'),
    },
    {
      when: 'systemLibrary',
      message:
        'The link of `{target}` names `{file}`, a system library path the configure step wrote into the build files, and no file is there.',
      fix: [
        'Find which package has the library and where (Debian/Ubuntu keep most libraries in `/usr/lib/<arch>-linux-gnu/`):',
        '',
        '```sh',
        "dpkg -S \"$(basename '{file}')\"",
        '```',
        '',
        'Not installed: install that package (its `-dev` package for a `.a`). Installed elsewhere: the path is stale.',
        WHERE_FROM,
      ].join('\n'),
    },
    {
      when: 'staticLibrary',
      message:
        '`{file}`, needed by `{target}`, is not there, and nothing in this build makes it: it is a static library an earlier step ' +
        'should have built (a vendored or third-party project), and that step did not produce it.',
      fix: [
        'Find the step that builds it (the project\'s script or Makefile target for its third-party libraries) and check what it',
        'left in that directory:',
        '',
        '```sh',
        "ls -l \"$(dirname '{file}')\"",
        '```',
        '',
        'Run that step with the options that produce this file: a `.a` is a static library (in a CMake project,',
        '`-DBUILD_SHARED_LIBS=OFF`), and a `…-cuda…` name needs that project\'s CUDA backend on. A CUDA backend also needs',
        '`nvcc` in the stage that builds it (a `-devel` image). Then build again.',
      ].join('\n'),
    },
  ],
  docs: 'https://www.gnu.org/software/make/manual/html_node/Error-Messages.html',
};
