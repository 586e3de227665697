// A prebuilt binary the build links or unpacks is a Git LFS pointer (a text file of about 130 bytes), or not there at all,
// because the checkout was made without Git LFS content. Git LFS writes a pointer file in place of each large file until
// its content is fetched: text lines `version https://git-lfs.github.com/spec/v1`, `oid sha256:…`, `size …`
// (git-lfs/git-lfs docs/spec.md, "The Pointer"). `git lfs pull` downloads the objects of the checked-out ref and writes
// them into the working copy (= `git lfs fetch` + `git lfs checkout`, git-lfs-pull(1)); `git lfs install` sets up Git
// LFS's filters for the user first (git-lfs-install(1)). actions/checkout leaves LFS content out unless `lfs: true`
// (its action.yml: `lfs: Whether to download Git-LFS files, default: false`). Its current major is v7 (v7.0.0, 2026-06-17,
// `runs.using: node24`); v4 still runs on node20.
//
// The wordings, by the stage that meets the pointer:
// - GNU ld, given a `.a` / `.so` that is neither an object nor an archive, reads it as an implicit linker script, and a
//   pointer's first line is no linker-script syntax (ld manual, "Implicit Linker Scripts": a file it cannot parse as one is
//   an error):
//     /usr/bin/ld:/app/tensorrt_llm/cpp/tensorrt_llm/batch_manager/x86_64-linux-gnu/libtensorrt_llm_batch_manager_static.pre_cxx11.a: file format not recognized; treating as linker script
//     /usr/bin/ld:/app/…/libtensorrt_llm_batch_manager_static.pre_cxx11.a:1: syntax error
//   (triton-inference-server/tensorrtllm_backend#44; the same pair on an LFS-stored `libgxf_core.so` is in Isaac ROS's
//   troubleshooting, fixed by `git lfs pull`). The pair alone proves a text file where a library should be, not that the text
//   is an LFS pointer (an HTML page saved by a failed download gives the same): without a sign of Git LFS in the log the rule
//   says so and says how to look (`head -c 200 <file>`).
// - TensorRT-LLM keeps its prebuilt libraries in Git LFS (its .gitattributes: `*.a filter=lfs diff=lfs merge=lfs -text`) and
//   checks the size of one of them at configure time: `The internal_cutlass_kernels library is truncated or incomplete. This is
//   usually caused by using Git LFS (Large File Storage) incorrectly. Please try running command \`git lfs install && git lfs
//   pull\`.` (cpp/tensorrt_llm/CMakeLists.txt, `file(SIZE …)` LESS 1024; rail-berkeley/tensorrt-openvla#1).
// - Its CMake step on another prebuilt library of that tree: `CMake Error: File …/nvrtcWrapper/x86_64-linux-gnu/
//   libtensorrt_llm_nvrtc_wrapper.so does not exist.` and `file SIZE requested of path that is not readable:` with the path
//   on an indented line (NVIDIA/TensorRT-LLM#2360; the project's PR #3022 names this error as what a build without
//   `git lfs pull` reports). These CMake wordings are read only on a path of TensorRT-LLM's prebuilt tree
//   (`tensorrt_llm/…/<arch>-linux-gnu/lib…`): elsewhere a missing file has many causes (cmake/error reads them).
//
// Lines it must not take: ld on a text file that is not a library (a Fortran `.mod` or an `.asm` put on the link line:
// a different mistake, no `.a` / `.so`). Specificity 3: it names the cause of the link / configure failure above it.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

const CHECK = [
  'Look at the file (in an image build, the same file in the build context or clone it came from): a Git LFS pointer is three short',
  'lines of text, the first `version https://git-lfs.github.com/spec/v1`:',
  '',
  '```sh',
  "head -c 200 '{file}'; echo",
  '```',
].join('\n');

type Place = 'clone' | 'ci' | 'context' | 'shell';

function pullFix(place: Place): string {
  switch (place) {
    case 'clone':
      return [
        'This stage clones the repository itself: fetch the LFS content right after the clone, in the same `RUN` (the image needs',
        'the `git-lfs` package; `git submodule foreach` does the same in submodules):',
        '',
        '```dockerfile',
        'RUN apt-get update && apt-get install -y --no-install-recommends git-lfs \\',
        '    && git clone <url> <dir> && cd <dir> \\',
        '    && git lfs install && git lfs pull \\',
        "    && git submodule update --init --recursive && git submodule foreach --recursive 'git lfs install && git lfs pull'",
        '```',
      ].join('\n');
    case 'ci':
      return [
        'In the workflow, check out with the LFS content (actions/checkout leaves it out unless asked), submodules too when the',
        'file is in one:',
        '',
        '```yaml',
        '- uses: actions/checkout@v7',
        '  with:',
        '    lfs: true',
        '    submodules: recursive',
        '```',
        '',
        'or run `git lfs install && git lfs pull` in the checkout before the build step.',
      ].join('\n');
    case 'context':
      return [
        'The file came into the image from the build context: fetch the LFS content in that checkout on the machine that runs',
        '`docker build`, then build again (`git submodule foreach` does the same in submodules):',
        '',
        '```sh',
        'git lfs install && git lfs pull',
        "git submodule foreach --recursive 'git lfs install && git lfs pull'",
        '```',
      ].join('\n');
    case 'shell':
      return [
        'In the checkout of the repository (the build context, when the build runs in `docker build`), then build again:',
        '',
        '```sh',
        'git lfs install && git lfs pull',
        "git submodule foreach --recursive 'git lfs install && git lfs pull'   # the same in submodules",
        '```',
        '',
        '(`git lfs` missing: install the `git-lfs` package first.)',
      ].join('\n');
  }
}

const SURE_MESSAGE =
  '`{file|A prebuilt library of this build}` is not the binary the build needs: the repository keeps it in Git LFS, and this checkout was made ' +
  'without the LFS content, so the file is a small text pointer in its place (or is missing).';

const CHECK_MESSAGE =
  "TensorRT-LLM's configure step found its prebuilt `{library}` library smaller than 1 KiB: the project keeps its prebuilt libraries in Git LFS, " +
  'and this checkout was made without the LFS content, so the file is a small text pointer in its place.';

const SURE_FIX_INTRO = 'Fetch the Git LFS content of the checkout (`git lfs pull` downloads it and writes it in place of the pointers).';

const UNSURE_TITLE = 'A library the linker reads is a text file (a Git LFS pointer?)';

const UNSURE_MESSAGE =
  'The linker could not read `{file}` as an object file or an archive, and could not parse it as a linker script either (`:1: syntax error`): ' +
  'the file is text, not the library it is named after. The usual cause is a Git LFS pointer: a repository that stores its binaries in ' +
  'Git LFS, checked out without the LFS content (or downloaded as a ZIP archive, which holds the pointers). An archive unpacked without its ' +
  'symbolic links (the file then holds the name of the library it pointed to) or a download that saved an error page does the same.';

function unsureFix(place: Place): string {
  return [
    CHECK,
    '',
    'A pointer: fetch the LFS content.',
    '',
    pullFix(place),
    '',
    'A library name (`libcurl.so.4`): the link was unpacked as a file; unpack the archive with a tool that keeps symbolic links (`unzip`, `tar`), or',
    "`ln -sf` the name to the library it names. Other text (an HTML page, an error message): download the file again from its source.",
  ].join('\n');
}

function sureFix(place: Place): string {
  return [SURE_FIX_INTRO, '', pullFix(place)].join('\n');
}

const PLACES: [Place, string][] = [
  ['clone', 'clone'],
  ['ci', 'fact.runner'],
  ['context', 'fact.place=image-build'],
  ['shell', 'fact.place=host-shell'],
];

function variants(): Variant[] {
  const out: Variant[] = [];
  for (const [place, when] of PLACES) out.push({ when: `trtllmCheck&${when}`, message: CHECK_MESSAGE, fix: sureFix(place) });
  out.push({ when: 'trtllmCheck', message: CHECK_MESSAGE, fix: sureFix('shell') });
  for (const [place, when] of PLACES) {
    out.push({ when: `lfs&${when}`, message: SURE_MESSAGE, fix: sureFix(place) });
    out.push({ when: `trtllm&${when}`, message: SURE_MESSAGE, fix: sureFix(place) });
  }
  out.push({ when: 'lfs', message: SURE_MESSAGE, fix: sureFix('shell') });
  out.push({ when: 'trtllm', message: SURE_MESSAGE, fix: sureFix('shell') });
  for (const [place, when] of PLACES) out.push({ when, title: UNSURE_TITLE, fix: unsureFix(place) });
  out.push({ when: '!lfs', title: UNSURE_TITLE });
  return out;
}

/** A file of TensorRT-LLM's prebuilt tree: `…/tensorrt_llm/<dir>/…/x86_64-linux-gnu/lib….{a,so,tar.xz}`. */
const TRTLLM_PREBUILT = '/tensorrt_llm/[^\\s\'"]{0,300}?/(?:x86_64|aarch64)-linux-gnu/lib[\\w.+-]{1,200}?\\.(?:a|so|tar\\.xz)';

export const gitLfsPointer: RuleInput = {
  id: 'build/git-lfs-pointer',
  title: 'A prebuilt library is a Git LFS pointer (LFS content not pulled)',
  severity: 'error',
  match: [
    // GNU ld: `/usr/bin/ld:/app/…/libtensorrt_llm_batch_manager_static.pre_cxx11.a: file format not recognized; treating as linker script`
    {
      literals: ['treating as linker script'],
      pattern: '(?:^|[\\s:])(?<file>[^\\s:]{1,400}\\.(?:a|so|so\\.\\d{1,6})): file format not recognized; treating as linker script',
    },
    // TensorRT-LLM's own check: `The internal_cutlass_kernels library is truncated or incomplete.  This is`
    { literals: ['library is truncated or incomplete'], pattern: 'The (?<library>\\w{1,100}) library is truncated or incomplete' },
    // `CMake Error: File /src/tensorrt_llm/cpp/tensorrt_llm/…/x86_64-linux-gnu/libtensorrt_llm_nvrtc_wrapper.so does not exist.`
    { literals: ['CMake Error: File '], pattern: `CMake Error: File (?<file>\\S{0,300}${TRTLLM_PREBUILT}) does not exist` },
    // the indented path under `file SIZE requested of path that is not readable:`
    { literals: ['/tensorrt_llm/'], pattern: `^\\s{2,8}(?<file>/\\S{0,300}${TRTLLM_PREBUILT})$` },
  ],
  context: [
    // the log itself names Git LFS (TensorRT-LLM's message, a `git lfs` command, a pointer's first line)
    { name: 'lfs', literals: ['Git LFS', 'git lfs', 'git-lfs'], pattern: 'Git LFS|git lfs (?:install|pull|fetch|checkout)|git-lfs\\.github\\.com/spec' },
    // a file of TensorRT-LLM's prebuilt tree, which the project keeps in Git LFS
    { name: 'trtllm', literals: ['/tensorrt_llm/'], pattern: TRTLLM_PREBUILT },
    // TensorRT-LLM's size check named the library
    { name: 'trtllmCheck', literals: ['library is truncated or incomplete'], pattern: 'The (?<library>\\w{1,100}) library is truncated or incomplete' },
    // the stage clones the repository itself
    { name: 'clone', source: 'instruction', literals: ['git clone'] },
  ],
  scope: 'step',
  specificity: 3,
  message: UNSURE_MESSAGE,
  fix: unsureFix('shell'),
  variants: variants(),
  docs: 'https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md',
};
