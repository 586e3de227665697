// CUPTI's library not found by CMake while its header may have been. What that means (sources in
// src/knowledge/cuda-packages.ts and the fact check):
// - nvidia/cuda `-devel` images DO ship CUPTI (cuda-cupti-X-Y via cuda-command-line-tools-X-Y in NVIDIA's
//   devel Dockerfiles; github.com/jolibrain/deepdetect/issues/1458, microsoft/onnxruntime PR #7384). With
//   NVIDIA's apt packages libcupti is in /usr/local/cuda/lib64 (targets/x86_64-linux/lib); only the runfile
//   installer puts it in extras/CUPTI/lib64 (NVIDIA/nvbench#59, CentML/DeepView.Predict PR #6). A project
//   that searches extras/CUPTI/lib64 only misses it there.
// - PyTorch (cmake/Dependencies.cmake) find_library(CUPTI_LIBRARY_PATH …) in the CUDA dir, extras/CUPTI/lib64,
//   lib, lib64; needs header AND library, else "Could not find CUPTI library, using CPU-only Kineto build":
//   the build passes and Kineto records no CUDA activity; the torch does not link libcupti, so it does not
//   fail to load later. USE_CUPTI_SO=0 only switches to libcupti_static.a; USE_KINETO=0 drops the profiler.
// - A target that links a NOTFOUND variable stops CMake at generate time ("… are set to NOTFOUND").
// - FindCUDAToolkit's cache variable is CUDA_cupti_LIBRARY (FindCUDAToolkit.cmake, CMake 3.25).
// Severity: warning (the build passed; the result lacks CUPTI), error only where the build stopped.
import type { RuleInput } from '../../schema.js';

const WHERE =
  'With NVIDIA\'s apt packages (the nvidia/cuda `-devel` images ship CUPTI through `cuda-command-line-tools`) the library is in ' +
  '`/usr/local/cuda/lib64` (`targets/x86_64-linux/lib`); only the runfile installer puts it in `extras/CUPTI/lib64`, so a search of that directory alone misses it.';

// What the build lost, as far as the log shows whose build it is. PyTorch (cmake/Dependencies.cmake, the
// `Configuring Kineto dependency:` block) checks header and library before it adds Kineto and prints "Could not
// find CUPTI library, using CPU-only Kineto build": the build passes and Kineto records no CUDA activity
// (pytorch/pytorch#58076 shows that block). That line alone does not prove PyTorch (a project may copy its check),
// and standalone libkineto prints "Could not find CUPTI library" (pytorch/kineto libkineto/CMakeLists.txt). Any other
// project: optional CUPTI means a build without GPU tracing; a target that links the NOTFOUND variable stops CMake at
// generate time. (One wording for every project but PyTorch: findings of later steps, such as a `grep` of
// CMakeCache.txt, see no project line and must tell the same story to be one finding.)
const PYTORCH_EFFECT = 'PyTorch then builds Kineto without CUPTI: the build passes and `torch.profiler` records no CUDA kernels.';
const OTHER_EFFECT =
  'Where the project treats CUPTI as optional it builds on without it: the build passes and its GPU profiling records ' +
  'no GPU activity. A target that links the NOTFOUND variable stops CMake at generate time instead.';

// NVIDIA's devel Dockerfiles install cuda-command-line-tools-X-Y, which depends on cuda-cupti-X-Y
// (dist/12.4.1/ubuntu2204/devel/Dockerfile; OE4T/meta-tegra cuda-command-line-tools-12-9 recipe).
const INSTALL_KNOWN =
  '- Not found: install it, `apt-get install -y --no-install-recommends {enrich.cuptiApt}` (NVIDIA\'s apt repository, set up in nvidia/cuda images; ' +
  'the `-devel` images have it already through `cuda-command-line-tools-{enrich.aptSuffix}`, so there it was removed or the stage is another image).';
const INSTALL_UNKNOWN =
  '- Not found: install the `cuda-cupti` package of this CUDA release from NVIDIA\'s apt repository. The log does not show the release: ' +
  '`nvcc --version` in the stage prints it (`release 12.4` → `cuda-cupti-12-4`, `release 11.8` → `cuda-cupti-11-8`).';

/** The fix, for a known variable name or not, a known CUDA version or not, and a PyTorch build or another project. */
function fix(variable: string, cudaKnown: boolean, pytorch: boolean): string {
  return [
    'See where the library is, where CMake runs (in an image build, a `RUN` line before the CMake step):',
    '',
    '```sh',
    "find / -xdev -name 'libcupti*' 2>/dev/null",
    '```',
    '',
    pytorch
      ? `- Found: point CMake at it${variable}. PyTorch wants \`libcupti.so\` there (\`libcupti_static.a\` with \`USE_CUPTI_SO=0\`).`
      : `- Found (e.g. in \`/usr/local/cuda/lib64\`): point CMake at it${variable}.`,
    cudaKnown ? INSTALL_KNOWN : INSTALL_UNKNOWN,
    ...(pytorch ? ['', 'If the image does not need GPU profiling, say so: PyTorch `USE_KINETO=0` builds without the Kineto profiler.'] : []),
  ].join('\n');
}

/** The variable named: by its `<VAR>-NOTFOUND` value (`named`) or only in CMake's generate-time list (`stopped`). */
const namedFix = (ctx: 'named' | 'stopped'): string =>
  `, \`-D{context.${ctx}.variable}=/usr/local/cuda/lib64/libcupti.so\` (the variable CMake printed as NOTFOUND; use the path \`find\` printed)`;
/** No variable printed as NOTFOUND: PyTorch's own cache variable, or where another project's is written. */
const unnamedFix = (pytorch: boolean): string =>
  pytorch
    ? ', `-DCUPTI_LIBRARY_PATH=` and the path `find` printed (PyTorch\'s cache variable for it)'
    : ': `grep -i cupti CMakeCache.txt` in the build directory shows the cache variable that holds it; set that one with `-D` to the path `find` printed';

const STOPPED =
  'CMake\'s generate-time list names it, so a target of this project links it and CMake stopped there: this NOTFOUND is why the configure failed.';

const HEADER_MESSAGE = `CMake found \`cupti.h\` in {context.headers.dir} but no CUPTI library where it searched`;

// Debian / Ubuntu's own toolkit (nvidia-cuda-toolkit, CUDA root /usr/lib/cuda) ships CUPTI in `libcupti-dev`, whose
// libcupti.so is in the multiarch library directory, not under /usr/lib/cuda (`apt-cache show libcupti-dev`: Source
// nvidia-cuda-toolkit; `dpkg -c` of 11.8.87~11.8.0-5~deb12u1: /usr/lib/x86_64-linux-gnu/libcupti.so).
const DISTRO_MESSAGE =
  'CMake did not find the CUPTI library{named}. This CUDA is the distribution\'s own toolkit (rooted at `/usr/lib/cuda`): its CUPTI is the `libcupti-dev` package, ' +
  'which puts `libcupti.so` in the multiarch library directory (`/usr/lib/x86_64-linux-gnu` on x86_64), where a search under the CUDA root does not look.';

const DISTRO_FIX = [
  'Install it and point CMake at the file the package installed:',
  '',
  '```sh',
  'apt-get install -y libcupti-dev',
  "dpkg -L libcupti-dev | grep 'libcupti\\.so$'",
  '```',
  '',
  'then `cmake -D{variable}=` followed by that path (`/usr/lib/x86_64-linux-gnu/libcupti.so` on x86_64).',
].join('\n');

/** Variants for each combination of: header seen, variable named, CUDA version known (most specific first). */
function variants(): NonNullable<RuleInput['variants']> {
  const out: NonNullable<RuleInput['variants']> = [];
  for (const stopped of [true, false]) {
    for (const named of [true, false]) {
      // a variable CMake's generate-time list names is known even without a `-NOTFOUND` status line
      const ctx = named ? 'named' : stopped ? 'stopped' : null;
      out.push({
        when: ['distro', stopped ? 'stopped' : '', named ? 'named' : ''].filter(Boolean).join('&'),
        ...(stopped ? { severity: 'error' as const } : {}),
        message: `${DISTRO_MESSAGE.replace('{named}', ctx ? `: {context.${ctx}.variable:all} is NOTFOUND` : '')}${stopped ? ` ${STOPPED}` : ''}`,
        fix: DISTRO_FIX.replace('{variable}', ctx ? `{context.${ctx}.variable}` : 'CUPTI_LIBRARY_PATH'),
      });
    }
  }
  // `stopped`: CMake's generate-time list names the CUPTI variable, so a target links it and the build stopped there (an error)
  for (const stopped of [true, false]) {
    for (const headers of [true, false]) {
      for (const named of [true, false]) {
        for (const cuda of [true, false]) {
          for (const pytorch of [true, false]) {
            const when = [stopped ? 'stopped' : '', headers ? 'headers' : '', named ? 'named' : '', cuda ? 'fact.cuda' : '!fact.cuda', pytorch ? 'pytorch' : '!pytorch']
              .filter(Boolean)
              .join('&');
            const lead = headers ? HEADER_MESSAGE : 'CMake did not find the CUPTI library';
            const ctx = named ? 'named' : stopped ? 'stopped' : null;
            out.push({
              when,
              ...(headers ? { title: 'CUPTI headers found but libcupti.so missing' } : {}),
              ...(stopped ? { severity: 'error' as const } : {}),
              message: `${lead}${ctx ? `: {context.${ctx}.variable:all} is NOTFOUND` : ''}. ${WHERE} ${stopped ? STOPPED : pytorch ? PYTORCH_EFFECT : OTHER_EFFECT}`,
              fix: fix(ctx ? namedFix(ctx) : unnamedFix(pytorch), cuda, pytorch),
            });
          }
        }
      }
    }
  }
  return out;
}

export const cuptiLibraryNotfound: RuleInput = {
  id: 'cmake/cupti-library-notfound',
  title: 'CUPTI library not found by CMake',
  severity: 'warning',
  match: [
    // `-- CUPTI library: CUPTI_LIBRARY-NOTFOUND`, `CUPTI_LIBRARY:FILEPATH=CUPTI_LIBRARY-NOTFOUND`,
    // `--   CUDA_cupti_LIBRARY = CUDA_cupti_LIBRARY-NOTFOUND`, `CUPTI_LIBRARY_PATH-NOTFOUND`
    {
      literals: ['CUPTI_LIB', 'cupti_LIB'],
      pattern: '\\b(?<variable>[A-Za-z]{0,200}_?(?:CUPTI|cupti)_LIB[A-Z_]{0,200})-NOTFOUND',
    },
    // PyTorch's cmake/Dependencies.cmake: "Could not find CUPTI library, using CPU-only Kineto build"
    { literals: ['Could not find CUPTI library', 'CUPTI library not found'] },
    // CMake's generate-time list alone, with no `-NOTFOUND` status line before it: `CUDA_cupti_LIBRARY (ADVANCED)` on a line of
    // its own, then `    linked by target "pi_cuda" in directory …` (intel/llvm#7873): a line that is only the variable's name
    {
      literals: ['CUPTI_LIB', 'cupti_LIB'],
      pattern: '^(?<variable>[A-Za-z]{0,200}_?(?:CUPTI|cupti)_LIB[A-Z_]{0,200})(?: \\(ADVANCED\\))?$',
    },
  ],
  context: [
    // The headers were found in the same step: `-- Found CUPTI: /usr/local/cuda/extras/CUPTI/include`,
    // `CUPTI_INCLUDE_DIR:PATH=/…`, `--   CUPTI_INCLUDE_DIR = /…`, `CUDAToolkit_CUPTI_INCLUDE_DIR = /…`
    {
      name: 'headers',
      literals: ['Found CUPTI', 'CUPTI_INCLUDE_DIR'],
      pattern: '(?:Found CUPTI: |CUPTI_INCLUDE_DIR(?::PATH=| = ))(?<dir>(?:/|[A-Za-z]:[\\\\/])\\S{0,200})',
    },
    // the distribution's toolkit: `-- Found CUDA_TOOLKIT_ROOT_DIR=/usr/lib/cuda`, `CUDA_TOOLKIT_ROOT_DIR:PATH=/usr/lib/cuda`
    { name: 'distro', literals: ['/usr/lib/cuda'], pattern: '(?:CUDA_TOOLKIT_ROOT_DIR|CUDAToolkit_ROOT|CUDA_PATH)(?::PATH)?=/usr/lib/cuda/?$' },
    // CMake's generate-time list (`CMake Error: The following variables are used in this project, but they are set to
    // NOTFOUND.`) names the CUPTI variable on a line of its own, then `    linked by target "ios_runtime" in directory …`
    // (mit-han-lab/inter-operator-scheduler#2): a line that is only the variable's name appears in that list alone.
    {
      name: 'stopped',
      tally: true,
      literals: ['CUPTI_LIB', 'cupti_LIB'],
      pattern: '^(?<variable>[A-Za-z]{0,200}_?(?:CUPTI|cupti)_LIB[A-Z_]{0,200})(?: \\(ADVANCED\\))?$',
    },
    // a PyTorch build: Dependencies.cmake's Kineto block (`-- Configuring Kineto dependency:`, `--   KINETO_SOURCE_DIR = …`;
    // pytorch/pytorch#58076), its option in the summary or a compile line (`USE_KINETO : OFF`, `-DUSE_KINETO`), its build
    // tree (`caffe2/CMakeFiles/…`, `caffe2/torch/lib/…`, pytorch/pytorch#67038), pip building torch itself
    { name: 'pytorch', literals: ['Configuring Kineto dependency', 'KINETO_SOURCE_DIR = ', 'USE_KINETO', 'caffe2/CMakeFiles/', 'caffe2/torch/'] },
    { name: 'pytorch', literals: ['Building wheel for torch '], pattern: 'Building wheel for torch \\(' },
    // the NOTFOUND variable's name, to say which one to set (the match may be the Kineto line only)
    { name: 'named', tally: true, literals: ['CUPTI_LIB', 'cupti_LIB'], pattern: '\\b(?<variable>[A-Za-z]{0,200}_?(?:CUPTI|cupti)_LIB[A-Z_]{0,200})-NOTFOUND' },
  ],
  scope: 'step',
  specificity: 3,
  message: `CMake did not find the CUPTI library. ${WHERE} ${OTHER_EFFECT}`,
  fix: fix(unnamedFix(false), false, false),
  variants: variants(),
  enrich: ['cuda-version', 'cupti'],
  docs: 'https://docs.nvidia.com/cupti/overview/overview.html',
};
