// A wheel build that failed, when no more specific rule (nvcc arch, CUDA_HOME, build isolation,
// OOM, …) explains why: specificity 2, so in a failed step it gives way to those.
//
// The package: pip names it in `Building wheel for X`, `Failed building wheel for X`, `Could not
// build wheels for X` (pip 23/24), `Failed to build X` / `Failed to build 'X' when …` (pip 25+), and in
// pip 25's closing block, whose error code line is `error: failed-wheel-build-for-install` and whose
// `╰─> X, Y` line lists the packages under `× Failed to build installable wheels for some pyproject.toml
// based projects`: a log cut to that block still says what failed.
// When the failure is `Getting requirements to build wheel` / `Preparing metadata` pip does not
// name it on that line: the last `Collecting X` before it is the package it was preparing. With
// none of these (a clipped log), the `!named` variant says how to find it instead of printing an
// empty name. Commands come from the `pip-advice` enricher in the step's installer's form.
import { flashAttnWheelContexts, withFlashAttnNote, withFlashAttnVariants } from './flash-attn-wheel.js';
import { DESKTOP_MEMORY } from '../resources/oom-killed.js';
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';
import { LLAMA_CPP_CUDA_OPTION } from '../cuda/nvcc-host-flag-rejected.js';

const name = '[A-Za-z0-9][\\w.-]{0,200}';
// A C or C++ compiler as distutils names it: `gcc`, `cc`, `g++`, `clang`, a versioned one (`gcc-12`) or a cross / target
// prefixed one (`x86_64-linux-gnu-gcc`, the CC of Debian's system Python), bare or under /usr/bin or /usr/local/bin.
const COMPILER_NAME = '(?:/usr(?:/local)?/bin/)?(?:[a-z0-9_]{1,20}-linux-gnu(?:eabihf)?-)?(?:gcc|g\\+\\+|cc|c\\+\\+|clang|clang\\+\\+)(?:-\\d{1,2})?';
// pip 25's `╰─> duckdb, pydantic-core`: a line that is only a list of names (not `╰─> See above for output.`,
// not `╰─> [6 lines of output]`).
const listedAfterArrow = '^\\s{0,20}╰─> (?=[\\w.-]{1,200}(?:, [\\w.-]{1,200}){0,50}$)';

// uv prints the chain of causes under `×` and the backend's stderr after `[stderr]` (astral-sh/uv#3308). `-v` is uv's
// verbose flag (installer-forms.ts). uv names a local project as `name @ file:///path`: the path is the requirement.
const uvCauses = [
  'Read the last `Caused by:` / `├─▶` line and the `[stderr]` block below it: it names what the build lacked. Common causes:',
  '',
  '- `command \'gcc\' failed` / `cc: not found` / `No working compiler found`: the image has no C compiler; install one before',
  '  this step (Debian / Ubuntu: `apt-get update && apt-get install -y --no-install-recommends build-essential`; Alpine:',
  '  `apk add --no-cache build-base`, with `linux-headers` when the error names a `linux/…` header);',
  '- `Failed to install build dependencies`: uv could not install the `build-system.requires` of the package (the lines',
  '  under it say why);',
  '- a CUDA extension (`nvcc` or `CUDA_HOME` in the error): build in a `-devel` image with `CUDA_HOME=/usr/local/cuda`, and',
  '  let the build see the installed torch (`--no-build-isolation`).',
  '',
];
// uv compiles only when no wheel of the release fits the interpreter: a wheel's platform tag says glibc (`manylinux`) or musl
// (`musllinux`, an Alpine base) and the CPU (PEP 600, PEP 656); the release's files are on PyPI at /project/<name>/#files.
const uvWheelCheck =
  'uv builds from source only when no wheel of the release fits: https://pypi.org/project/{context.named.name}/#files lists ' +
  'its wheels (`musllinux` for an Alpine base, `manylinux` for Debian / Ubuntu; `x86_64` / `aarch64`), and a release or a ' +
  'base with one needs no compiler.';
const uvMessage =
  'uv could not build {subject}: uv ran the package\'s build backend (no prebuilt wheel fits, or it is a local project), and ' +
  'that failed. The cause is under uv\'s `×` line: the `Caused by:` / `├─▶` lines, then the backend\'s own output after `[stderr]`.';

// An old sdist whose setup.py imports pkg_resources: setuptools 82.0.0 (February 2026) removed that module
// ("pkg_resources has been removed from Setuptools", https://setuptools.pypa.io/en/latest/history.html#v82-0-0), and
// an isolated build installs the newest setuptools, so the import fails before anything compiles. The fixes: a release
// of the package that no longer imports it (upgraded in a uv project with `uv lock --upgrade-package`, uv docs "Locking
// and syncing"), or the build's setuptools kept below 82: uv's `build-constraint-dependencies` under `[tool.uv]` (uv
// settings reference; uv lock, sync and run read it from the workspace root's pyproject.toml), `--build-constraint` /
// `UV_BUILD_CONSTRAINT` for `uv pip` (uv environment variables reference); pip's `--build-constraint` (pip 25.3+), or
// `PIP_CONSTRAINT`, which pip before 26.2 also applies to build environments (pip 26.2 changelog, 2026-07-29:
// "Constraints files, including PIP_CONSTRAINT, no longer affect isolated build environments. Use --build-constraint or
// the PIP_BUILD_CONSTRAINT environment variable", pypa/pip#14094; pip 25.3 added both, pypa/pip#13534). pip's option
// parser skips a PIP_* variable it has no option for (ConfigOptionParser._update_defaults), so setting both variables
// to one file reaches the build environment on every pip. Or no isolated build at all: setuptools (below 82) and wheel
// installed first, then `--no-build-isolation`, which builds with what is installed (pip install reference).
const PKG_RESOURCES_TITLE = "The package's setup.py imports pkg_resources, which its build environment lacks";
const pkgResourcesMessage =
  'The build of {context.named.name} failed because its setup.py imports `pkg_resources`, and the isolated build ' +
  'environment has none: setuptools removed it in 82.0.0 (February 2026), and that environment gets the newest ' +
  'setuptools (a build environment without setuptools at all fails the same way). The import fails before anything is ' +
  'compiled.';
const upgradeFirst =
  'Best: a release of {context.named.name} that no longer imports `pkg_resources` (its changelog or PyPI page ' +
  'says which; a release with a wheel for this Python skips the build altogether).';
const uvPkgResourcesFix = [
  `${upgradeFirst} Require it with that lower bound (\`uv add\`; a direct requirement also lifts a transitive one), or move the`,
  'lock to its newest release:',
  '',
  '```sh',
  'uv lock --upgrade-package {context.named.name}',
  '```',
  '',
  'Until then, keep the build\'s setuptools below 82 in the workspace root\'s pyproject.toml, then re-lock (`uv lock`):',
  '',
  '```toml',
  '[tool.uv]',
  'build-constraint-dependencies = ["setuptools<82"]',
  '```',
  '',
  'For `uv pip install`, put `setuptools<82` in a file and name it with `--build-constraint` (or `UV_BUILD_CONSTRAINT`).',
];
// The build environment's setuptools kept below 82, for whatever pip installs next (a pin of setuptools in the
// requirements does not reach it: the isolated environment installs its own).
const pipBuildConstraintFix = (installCmd: string): string[] => [
  'Keep the build\'s setuptools below 82 with a constraint that reaches the isolated build environment (a `setuptools` pin in the',
  'requirements does not: that environment installs its own). In a Dockerfile, before the `pip install` step:',
  '',
  '```dockerfile',
  'RUN echo "setuptools<82" > /tmp/build-constraints.txt',
  'ENV PIP_BUILD_CONSTRAINT=/tmp/build-constraints.txt PIP_CONSTRAINT=/tmp/build-constraints.txt',
  '```',
  '',
  'pip 25.3 and later read `PIP_BUILD_CONSTRAINT`; an older pip ignores it and applies `PIP_CONSTRAINT` to the build ' +
    'environment too (pip 26.2 no longer does). In a shell: `pip install --build-constraint build-constraints.txt ' + installCmd +
    '` (pip 25.3 or later). Or build without isolation, with what is installed:',
  '',
  '```sh',
  'pip install "setuptools<82" wheel',
  'pip install --no-build-isolation ' + installCmd,
  '```',
];
const pipPkgResourcesFix = [`${upgradeFirst} Pin it in the requirements.`, '', ...pipBuildConstraintFix('{context.named.name}')];
// pip's progress lines only (`Getting requirements to build wheel: finished with status 'error'`, then the traceback's
// last line): the package is not named, so neither is a release of it.
const pkgResourcesUnnamedMessage =
  'A package\'s build failed while pip asked its setup.py for its build requirements (`Getting requirements to build wheel`): ' +
  'that setup.py imports `pkg_resources`, and the isolated build environment has none. setuptools removed `pkg_resources` in ' +
  '82.0.0 (February 2026), and that environment gets the newest setuptools. The lines here do not name the package: it is ' +
  'the one on the last `Collecting …` line above this in the full output.';
const pipPkgResourcesUnnamedFix = [
  'Best: a release of that package that no longer imports `pkg_resources` (its changelog or PyPI page says which), pinned in the ' +
    'requirements.',
  '',
  ...pipBuildConstraintFix('-r requirements.txt'),
];

// A torch extension (its build runs torch's cpp_extension) compiled from source against whatever torch the image has: with an
// unpinned torch that is the newest, often newer than the package's release supports (facebookresearch/AnimatedDrawings#261:
// mmcv-full 1.7.0 against the torch of a Python 3.11 conda base; pinning torch before it, #237 there, or mmcv-full 1.7.2 built).
// The versions are not in such a log: the fix says where to read them. `pip download --only-binary=:all: --no-deps` fetches a
// wheel only (pip download reference), so it shows whether one exists for this Python and platform.
const TORCH_EXTENSION_TITLE = 'Source build of a torch extension failed (no prebuilt wheel for this torch)';
const torchExtensionMessage =
  'pip compiled {context.named.name} from source, against the installed torch (the output runs torch\'s extension ' +
  'builder), because no prebuilt wheel of it fits this Python {fact.python|} and torch; the compile failed. A torch extension\'s ' +
  'source compiles only against the torch releases it supports, and an unpinned torch is the newest one. The compiler error ' +
  'inside the `╰─> [N lines of output]` block names the header or call that changed.';
// Without OpenMMLab's per-pair index, a failed torch-extension compile says nothing about why in its last lines: torch's
// `RuntimeError: Error compiling objects for extension` ends any failure of the ninja build (NVlabs/curobo#109: the
// cut shows only that; the thread's cause was a compiler killed by signal 9 under Docker Desktop). The classes are
// told apart by the first failure above it. A torch extension compiles its CUDA code with the toolkit's nvcc against
// the installed torch's headers, so the checklist is the CUDA extension's, not a C extension's (no compiler package, no
// PyPI wheel list):
// - nvcc's CUDA against torch.version.cuda: cpp_extension refuses a different major before compiling and only warns on
//   a different minor (cuda/version-mismatch reads both); the flash-attn maintainer's answer to a flash-attn compile
//   failing with only this wrapper in a CUDA image (isaac-sim/Sim-to-Real-SO-101-Workshop#4): "nvcc compiler should be
//   the same than torch cuda version". torch finds the toolkit from CUDA_HOME / CUDA_PATH, else the nvcc on PATH
//   (cpp_extension.py _find_cuda_home). PyTorch's per-CUDA wheel indexes: https://download.pytorch.org/whl/cu<XY>.
// - build isolation: an isolated build installs a torch of its own from the index, whatever the image has
//   (pip/build-isolation); flash-attn's README installs with `pip install flash-attn --no-build-isolation`.
// - archs and jobs: TORCH_CUDA_ARCH_LIST and MAX_JOBS (cpp_extension, knowledge/extension-knobs.ts); flash-attn compiles
//   the archs of FLASH_ATTN_CUDA_ARCHS instead (its setup.py, extension-knobs.ts).
// - flash-attn's prebuilt wheels are not on PyPI: its publish.yml uploads the wheels as GitHub release assets and only
//   the sdist (`python setup.py sdist`, `twine upload dist/*`) to PyPI; the flash-attn-wheel enricher's note says which
//   release asset fits (knowledge/flash-attn-wheels.ts).
// flash-attn is compiled by torch's extension builder whether or not the log shows torch's lines, so a failed flash-attn
// build gets the same checklist.
const TORCH_EXTENSION_COMPILE_TITLE = 'A torch CUDA extension failed to compile';
const torchExtensionCompileMessage =
  'pip built {context.named.name} from source with torch\'s extension builder (torch\'s cpp_extension in the output: ' +
  '`Error compiling objects for extension` or its traceback), which compiles the CUDA code with the toolkit\'s nvcc against the ' +
  'installed torch, and the compile failed. The first failure above torch\'s traceback in this step\'s output says why: a ' +
  'compiler `error:` or `nvcc fatal` line, or a compiler that was killed.';
const flashAttnCompileMessage =
  'pip compiled flash-attn from source (a torch CUDA extension: its setup.py compiles CUDA kernels with torch\'s extension ' +
  'builder and the toolkit\'s nvcc, against the installed torch), and the compile failed. The first failure above pip\'s ' +
  'summary in this step\'s output says why: a compiler `error:` or `nvcc fatal` line, or a compiler that was killed.';
/** The CUDA extension's checklist; `known` is a line on the versions the log shows, or none. */
function torchExtensionCompileFix(known: string | null, flashAttn: boolean): string {
  return [
    'The first failure above `Error compiling objects for extension` in the full output (`FAILED:`, `error:`, `nvcc fatal`, ' +
      '`Killed`) says which of these it is. Check the two CUDA versions first, in a shell of this stage:',
    '',
    '```sh',
    'python -c "import torch; print(torch.__version__, torch.version.cuda)"',
    'nvcc --version',
    '```',
    ...(known !== null ? ['', known] : []),
    '',
    '- nvcc\'s CUDA must be torch\'s (`torch.version.cuda`): torch refuses a different major before compiling, and with a ' +
      'different minor it only warns, then compiles torch\'s headers with another toolkit. Make them the same release: install ' +
      'the torch built for this toolkit (its index is https://download.pytorch.org/whl/cu<XY>, `cu128` for CUDA 12.8), or build ' +
      'in a `-devel` image of torch\'s CUDA. torch takes the toolkit from `CUDA_HOME`, else the `nvcc` on `PATH`.',
    '- build against the installed torch, not one an isolated build environment downloads (another release, maybe another ' +
      'CUDA): `{enrich.noIsolationCmd}`.',
    '- name the GPU architectures: `TORCH_CUDA_ARCH_LIST` (the GPU\'s compute capability, `8.6`, `9.0`, `12.0`: ' +
      '`nvidia-smi --query-gpu=compute_cap --format=csv,noheader` where the GPU is), each one this nvcc compiles ' +
      '(`nvcc --list-gpu-arch`)' + (flashAttn ? '; flash-attn compiles the archs of `FLASH_ATTN_CUDA_ARCHS` instead (`120` for compute capability 12.0).' : '.'),
    '- `Killed`, `died due to signal 9`: the builder ran out of memory. Run fewer compile jobs (`MAX_JOBS=2` in the ' +
      'environment of the build; torch\'s builder reads it) and give the builder more memory. On ' + DESKTOP_MEMORY,
    '- an `error:` in a torch header or call (`torch/include/…`, `at::`, `c10::`): the source does not compile against the ' +
      'installed torch. Pin torch to a release {context.named.name} supports (its install guide or README), installed before ' +
      'it, or move to a release of {context.named.name} that supports the installed torch.',
    '',
    'To see the first error in one piece, build with one job: `MAX_JOBS=1 {enrich.noIsolationCmd} -v`.' +
      // flash-attn's wheels: the enricher's note after the fix says which release asset fits
      (flashAttn ? '' : ' A prebuilt wheel of {context.named.name} for this torch / CUDA / Python, where the project publishes one, skips the compile.'),
  ].join('\n');
}
const TORCH_CUDA_KNOWN = 'The log shows torch built for `{fact.torchCuda}` and CUDA {fact.cuda} in the image: compare them with what these print.';
/** The checklist's variants, with the versions line where the log shows both; flash-attn's wheels are the enricher's note. */
function torchExtensionVariants(ctx: 'torchExtension' | 'faSource'): Variant[] {
  const sets = ctx === 'torchExtension' ? [['torchExtension&!faSource', false], ['torchExtension&faSource', true]] as const : [['faSource', true]] as const;
  return sets.flatMap(([when, flashAttn]) =>
    [true, false].map((known) => ({
      when: `${when}&named${known ? '&fact.torchCuda&fact.cuda' : ''}`,
      title: TORCH_EXTENSION_COMPILE_TITLE,
      message: flashAttn ? flashAttnCompileMessage : torchExtensionCompileMessage,
      fix: torchExtensionCompileFix(known ? TORCH_CUDA_KNOWN : null, flashAttn),
    })),
  );
}

const mmcvWheelFix = [
  'OpenMMLab publishes prebuilt {context.named.name} wheels on its own index, one page per CUDA / torch pair, and the table in ' +
    'mmcv\'s installation guide (mmcv.readthedocs.io, Installation) lists the pairs each release has. `mim install` looks there for ' +
    'the installed torch and CUDA and builds the source when that pair has no page. Pin torch (and its CUDA) to a pair listed for ' +
    'the {context.named.name} release you pin, installed in a step before it; then `mim install {context.named.name}==…` (or ' +
    '`pip install {context.named.name}==… -f` with that pair\'s page under https://download.openmmlab.com/mmcv/dist/) takes the wheel. Or move to a {context.named.name} release ' +
    'listed for the installed torch. The installed pair, in a shell of this stage:',
  '',
  '```sh',
  'python -c "import torch; print(torch.__version__, torch.version.cuda)"',
  '```',
];

// PEP 517: a source tree with no `build-backend` is built through `setuptools.build_meta:__legacy__`, that is its
// setup.py; a traceback through `get_requires_for_build_wheel` is setup.py failing while setuptools asks it for its
// build requirements, before any compile. A log cut there lacks the exception line: the fix names the one to check first.
const setupCutMessage =
  'uv could not build {context.named.name}: its setup.py (the `__legacy__` backend: the package declares no build backend) ' +
  'raised while setuptools asked it for its build requirements (`get_requires_for_build_wheel`), before anything was ' +
  'compiled. The log stops before the exception line that names the cause.';
const setupCutFix = [
  'Read the last line of the `[stderr]` traceback in the full output (in a shell of this stage: `uv pip install -v ' +
    '--no-cache {context.named.name}`). For an old setup.py-only package, check first for `ModuleNotFoundError: No ' +
    'module named \'pkg_resources\'`: setuptools 82.0.0 (February 2026) removed that module, and uv builds with the newest ' +
    'setuptools. If that is the line:',
  '',
  ...uvPkgResourcesFix,
];

// A release pinned in uv.lock that uv had to build: uv builds from the sdist only when none of the release's wheels
// fits this Python and platform, which is what a Python newer than the release brings (cqfn/aibolit#1168: the locked
// kiwisolver 1.4.8 had no cp314 wheel on python:3.14-slim; the merged fix moved the lock to 1.5.0, which has).
// Which Pythons a release has wheels for: the `cpXY` tags of its files on PyPI, or pip's own check with
// `--only-binary=:all:` (no sdist) and `--no-deps` (pip download --help, pip 23.2). `uv lock --upgrade-package <name>`
// moves one package to its newest allowed release and keeps the rest (docs.astral.sh/uv/concepts/projects/sync,
// "Upgrading locked package versions"); `--frozen` installs uv.lock as it is, so the new lock must be committed.
const uvLockedMessage =
  'uv built {context.uvRelease.name} {context.uvRelease.version} from source, and the build failed. The release is ' +
  'pinned in uv.lock, and uv builds a locked release only when none of its wheels fits this Python and platform: ' +
  'typically a Python newer than the release. The reason the build failed is under `[stderr]` in the full output ' +
  '(a slim image has no C compiler, for one).';
const uvLockedFix = [
  'Check which Pythons {context.uvRelease.name} {context.uvRelease.version} has wheels for: the CPython tags (`cp313`, `cp314`, …) of the wheels on ' +
    'https://pypi.org/project/{context.uvRelease.name}/{context.uvRelease.version}/#files, or, with the Python of this stage ' +
    '(`python3 --version`), pip\'s own check, which fails when no wheel fits:',
  '',
  '```sh',
  'pip download --no-deps --only-binary=:all: -d /tmp/wheels {context.uvRelease.name}=={context.uvRelease.version}',
  '```',
  '',
  'Best: move the lock to a newer release that has wheels for this Python (check it the same way), and commit uv.lock ' +
    '(the build installs it as it is):',
  '',
  '```sh',
  'uv lock --upgrade-package {context.uvRelease.name}',
  '```',
  '',
  'Or:',
  '',
  '- a base image with a Python the locked release has wheels for;',
  '- a compiler in this stage before the sync, so the source build can run (on a Debian-based image: ' +
    '`apt-get update && apt-get install -y --no-install-recommends build-essential`); the `[stderr]` block says what ' +
    'else the build needs.',
];

// GNU ld given a directory where it expects a file to link prints `cannot find <dir>: file format not recognized` (ld 2.40
// on this machine: `gcc a.c /tmp/d/lib64`; a missing file says `No such file or directory`, a file that is not an object
// `file not recognized`). A library directory pasted into the link line bare, not as `-L<dir>`, comes from the build's
// configuration: a variable naming a CUDA or library location (mlcommons/mlperf-automations#571: pycuda linked against a
// CUDA lib64 from the automation's install cache; setting the CUDA env var to the right CUDA version fixed it).
// llama-cpp-python compiles llama.cpp with CMake (scikit-build-core, its pyproject.toml) and never imports torch, so the
// torch-extension advice (`--no-build-isolation`, `TORCH_CUDA_ARCH_LIST`) does nothing for it. Its CUDA build (`CMAKE_ARGS`)
// needs nvcc, which NVIDIA's `-devel` images ship and `base` / `runtime` do not (knowledge/cuda-packages.ts flavourShips);
// `CUDACXX` names the nvcc CMake uses (CMake's CUDACXX variable). The option's name per release: LLAMA_CPP_CUDA_OPTION.
const LLAMA_CPP_TITLE = 'llama-cpp-python failed to build (a CMake build of llama.cpp, not a torch extension)';
const llamaCppMessage =
  'pip could not build {context.named.name}: it compiles llama.cpp with CMake, not against torch, and a CUDA build ' +
  '(`CMAKE_ARGS` turning CUDA on) needs the CUDA toolkit\'s nvcc where it builds. The CMake or compiler error is in the build ' +
  'output above pip\'s summary.';
const llamaCppCheck = [
  'Run the install with `-v` to see the first `CMake Error` or `error:` line, and check the CUDA option: ' + LLAMA_CPP_CUDA_OPTION,
  '`--no-build-isolation` and `TORCH_CUDA_ARCH_LIST` are torch-extension settings and do nothing here.',
];

const NO_COMPILER_TITLE = 'A wheel build found no C compiler';
const noCompilerFix = [
  'Install a compiler in the stage before the install step, or use a base image that ships one (`python:*-slim` and',
  '`python:*-alpine` do not). On a Debian or Ubuntu base:',
  '',
  '```sh',
  'apt-get update && apt-get install -y --no-install-recommends build-essential',
  '```',
  'On Alpine: `apk add --no-cache build-base`. When Python itself comes from apt, the package also needs its headers',
  '(`python3-dev`; the `python:` images ship theirs).',
];

const LD_DIR_TITLE = 'The linker was given a directory as a file to link';
const ldDirMessage =
  'The link of {context.named.name|the package} failed: ld was given `{context.ldDir.dir}`, a directory, as an input file ' +
  '(`cannot find …: file format not recognized` is what ld says about a directory). A library directory belongs on the link ' +
  'line after `-L`; a bare one comes from the build\'s configuration, most often an environment variable that ' +
  'names the CUDA (or another library\'s) location and is pasted into the link command.';
const ldDirFix = [
  'Find the variable that holds the path, in the shell or stage that runs the build:',
  '',
  '```sh',
  "env | grep -F '{context.ldDir.root}'",
  "ls -d /usr/local/cuda*",
  '```',
  '',
  'Point it at the CUDA the build should use (for a variable that names a root, such as CUDA_HOME or CUDA_ROOT, the directory ' +
    'above `lib64`; in LDFLAGS, `-L` before a library directory), or unset it when the build finds CUDA by itself; then build ' +
    'again and read the link line: `{enrich.verboseCmd}`.',
].join('\n');

// A setup.py that drives a build tool runs it with `subprocess.check_call`: vLLM's cmake_build_ext runs `cmake` and
// `cmake --build … --target _C -j N` this way (vllm-project/vllm setup.py; mistralai/mistral-inference#142, cut to pip's
// traceback), as do the CMakeExtension builds copied from it. pip's traceback ending in `raise CalledProcessError(retcode,
// cmd)` says only that the command failed; its own error is earlier in the subprocess output. vLLM's compute_num_jobs takes
// the job count from MAX_JOBS, else the CPU count (the same setup.py).
const CHECK_CALL_TITLE = "A command the package's setup.py ran failed (subprocess.check_call)";
const checkCallMessage =
  'The build of {context.named.name} ran a command from its setup.py with `subprocess.check_call`, and the command exited ' +
  "non-zero: setup.py builds that drive CMake (vLLM's among them) run `cmake` and `cmake --build` this way. The traceback is " +
  "pip's report of that exit, not the cause: the command's own error is earlier in the `╰─> [N lines of output]` block, " +
  'which this log does not keep.';
const checkCallFix = [
  "Keep the whole output and read the command's first error: a compiler's `error:`, ninja's `FAILED:`, `CMake Error`, or " +
    '`Killed` (a compiler the kernel stopped for lack of memory). In a shell of this stage:',
  '',
  '```sh',
  '{enrich.verboseCmd} 2>&1 | tee build.log',
  "grep -nE 'error:|FAILED:|CMake Error|Killed' build.log | head -n 20",
  '```',
  '',
  'When a compiler was `Killed`, run fewer compile jobs at once: `MAX_JOBS` (vLLM\'s setup.py passes it to the build as ' +
    'its job count; without it, one job per CPU), as in `MAX_JOBS=4 {enrich.installCmd}`.',
];

/**
 * The advice when nothing in the step is CUDA: a compiler (none in `python:*-slim` / `-alpine`: apt's build-essential on
 * Debian and Ubuntu, Alpine's build-base), a header's `-dev` package, or a wheel that needs no compile (a release's files
 * on pypi.org name the Pythons and platforms of its wheels: PEP 425 / PEP 600 tags).
 */
const GENERIC_FIX = [
  'Read the compiler or setup.py error inside the `╰─> [N lines of output]` block. Common causes:',
  '',
  '- no C compiler: the `python:*-slim` and `python:*-alpine` images have none; install one before the install step ' +
    '(Debian / Ubuntu: `apt-get update && apt-get install -y --no-install-recommends build-essential`; Alpine: `apk add --no-cache build-base`);',
  '- a missing header (`fatal error: foo.h: No such file or directory`): the library\'s `-dev` package (and `python3-dev` for ' +
    '`Python.h` when Python comes from apt; the `python:` images ship their own);',
  '- no prebuilt wheel of {context.named.name} for this Python / CPU architecture: https://pypi.org/project/{context.named.name}/#files ' +
    'lists each release\'s wheels; a release (or a Python) that has one needs no compile.',
  '',
  'Reproduce with the full build output in a shell of this stage: `{enrich.verboseCmd}`.',
].join('\n');

/** The advice where the step builds against CUDA (nvcc, CUDA_HOME, torch's extension builder in its lines, or a CUDA fact). */
const CUDA_FIX = [
  'Read the compiler or setup.py error inside the `╰─> [N lines of output]` block. Common causes in CUDA images:',
  '',
  '- missing build tools or headers: `apt-get install -y build-essential python3-dev` (and the library\'s `-dev` package);',
  '- a CUDA extension: build in a `-devel` image with `CUDA_HOME=/usr/local/cuda` and `TORCH_CUDA_ARCH_LIST` set, with the ' +
    'installed torch visible to the build: `{enrich.noIsolationCmd}`;',
  '- a prebuilt wheel of {context.named.name} for this Python / CUDA / CPU architecture, where the project publishes one.',
  '',
  'Reproduce with the full build output in a shell of this stage: `{enrich.verboseCmd}`.',
].join('\n');

/**
 * ARM64, no CUDA, and the compiler's own line not in the log (SAIC-iSmart-API/saic-python-mqtt-gateway#111: bitstruct on
 * python:3.11-slim for linux/arm64, cut before gcc's line; the reporter's fix was `python:3.11`, not slim). Many packages
 * publish Linux wheels for x86_64 only, so ARM64 compiles where x86_64 downloads; the full `python:<version>` tags are built
 * on buildpack-deps and ship gcc, the `-slim` ones do not (hub.docker.com/_/python, "Image Variants").
 */
const ARM64_SOURCE_BUILD: Variant = {
  when: 'named&fact.platform=linux/arm64',
  title: 'No wheel for ARM64 (aarch64): the source build failed',
  message:
    'pip compiled {context.named.name} from source for linux/aarch64 (ARM64): no wheel of this release fits the platform (many ' +
    'packages publish Linux wheels for x86_64 only, so an ARM64 build compiles where an x86_64 one downloads), and the compile ' +
    'failed. The compiler\'s own error is in the subprocess output; on a `python:*-slim` or `-alpine` image the usual cause is ' +
    'that the image has no C compiler.',
  fix: [
    'Give the build a compiler: install one in the stage before the install step (Debian / Ubuntu, which the `python:*-slim` images are:',
    '`apt-get update && apt-get install -y --no-install-recommends build-essential`; Alpine: `apk add --no-cache build-base`), or',
    'build on the full image, which ships gcc (the `python:` tag without `-slim`). Or avoid the compile:',
    'https://pypi.org/project/{context.named.name}/#files lists each release\'s wheels (`aarch64` in a name is one for this platform),',
    'so a release with one needs no compiler; or, when the image only has to run on x86_64 hosts, build it for them with',
    '`docker build --platform linux/amd64 .` (emulated on an ARM64 machine: slower). To see the compiler\'s error: `{enrich.verboseCmd}`.',
  ].join('\n'),
};

export const wheelBuildFailed: RuleInput = {
  id: 'pip/wheel-build-failed',
  title: 'Wheel build failed',
  severity: 'error',
  match: [
    // `  ERROR: Failed building wheel for badext`
    { literals: ['Failed building wheel for '], pattern: `Failed building wheel for (?<package>${name})` },
    // pip 23/24: `ERROR: Could not build wheels for badext, which is required to install pyproject.toml-based projects`
    { literals: ['Could not build wheels for '], pattern: `Could not build wheels for (?<package>${name})` },
    // pip 25+: `ERROR: Failed to build 'flash-attn' when getting requirements to build wheel`, `Failed to build badext`;
    // uv: `× Failed to build \`szurubooru-toolkit @ file:///szurubooru-toolkit\`` (reluce/szurubooru-toolkit#80)
    { literals: ['Failed to build '], pattern: `Failed to build ['\`]?(?!installable )(?<package>${name})` },
    // pip 25's closing block: `error: failed-wheel-build-for-install`, then `× Failed to build installable wheels …` / `╰─> X`
    { literals: ['error: failed-wheel-build-for-install'] },
    // setuptools' compile step, under pip or uv: `error: command 'gcc' failed: No such file or directory` (astral-sh/uv#3308),
    // `error: command '/usr/bin/gcc' failed with exit code 1`
    { literals: ["error: command '"], pattern: "error: command '(?<compiler>[^'\\s]{1,100})' failed" },
    // distutils' spawn before Python 3.9, when the compiler is not there: `unable to execute 'gcc': No such file or directory`
    // (see the noCompiler context), the line that says why the `failed with exit status 1` after it
    { literals: ["unable to execute '"], pattern: "unable to execute '(?<compiler>[^'\\s]{1,100})': No such file or directory" },
    // setuptools' distutils since it spawns with subprocess (setuptools/_distutils/spawn.py: `subprocess.check_call(cmd,
    // env=…)`, the OSError re-raised as DistutilsExecError, then CompileError, printed `error: command 'gcc' failed: No
    // such file or directory`): the subprocess traceback first, `FileNotFoundError: [Errno 2] No such file or directory:
    // 'gcc'` (adamjtaylor/miniature#19, a paste cut before the error line). Compiler names only (COMPILER_NAME).
    { literals: ["FileNotFoundError: [Errno 2] No such file or directory: '"], pattern: `FileNotFoundError: \\[Errno 2\\] No such file or directory: '(?<compiler>${COMPILER_NAME})'` },
    // uv: `Caused by: Build backend failed to build wheel through \`build_wheel\` (exit status: 1)` (astral-sh/uv#3308),
    // newer uv: `╰─▶ Call to \`setuptools.build_meta.build_wheel\` failed (exit status: 1)`
    { literals: ['Build backend failed to build wheel'] },
    { literals: ['Call to '], pattern: 'Call to `?[\\w.:]{1,200}\\.build_wheel`? failed' },
    // pip ≥ 22 building a setup.py-only sdist the legacy way: `× python setup.py bdist_wheel did not run successfully.`, and
    // pip's progress line `Building wheel for mmcv-full (setup.py): finished with status 'error'` (facebookresearch/AnimatedDrawings#261)
    { literals: ['setup.py bdist_wheel did not run successfully'] },
    {
      literals: ["finished with status 'error'"],
      pattern: `Building wheel for (?<package>${name}) \\([\\w.]{1,40}\\): finished with status 'error'`,
    },
    // pip's progress line when setup.py fails as pip asks it for its build requirements, before any build:
    // `Getting requirements to build wheel: finished with status 'error'` (jhj0517/Whisper-WebUI#649, pkg_resources)
    { literals: ["Getting requirements to build wheel: finished with status 'error'"] },
    // pip ≥ 22: `× Building wheel for x (pyproject.toml) did not run successfully.`, `× Getting requirements to build wheel did not run successfully.`
    {
      literals: ['did not run successfully'],
      pattern: `(?:Building wheel for (?<package>${name}) |Getting requirements to build wheel |Preparing metadata )[^\\n]{0,200}did not run successfully`,
    },
  ],
  context: [
    ...flashAttnWheelContexts,
    // The package pip was working on: a line that names it, else the last `Collecting X` (a URL or path is not a name).
    // Old pip's legacy `setup.py install` (no wheel built): its progress line `Running setup.py install for greenlet: started`,
    // and the command it echoes on failure (`ERROR: Command errored out with exit status 1: … install --record … --install-headers
    // /usr/local/include/python3.10/regex`, tecoholic/ner-annotator#24): pip passes the scheme's header directory, which the
    // distutils scheme ends in the distribution's name (`$base/include/python$py_version_short$abiflags/$dist_name`;
    // pip/_internal/locations/_distutils.py, operations/install/legacy.py `--install-headers`).
    {
      name: 'named',
      keep: 'last',
      literals: ['Building wheel for ', 'Failed building wheel for ', 'Could not build wheels for ', 'Failed to build ', 'Collecting ', 'Failed to download and build ', '╰─> ', 'Running setup.py install for ', '--install-headers '],
      pattern: `(?:Building wheel for |Failed building wheel for |Could not build wheels for |Failed to build ['\`]?(?!installable )|Failed to download and build \`|^\\s{0,200}Collecting |${listedAfterArrow}|Running setup\\.py install for |--install-headers /[^\\s]{0,200}/include/(?:site/)?python[\\d.]{1,10}[a-z]{0,3}/)(?<name>${name})(?=[\\s'\`=<>!~\\[;(,@:]|$)`,
    },
    // The package whose build failed, when pip says so: `Failed building wheel for psutil`, `Building wheel for psutil
    // (setup.py): finished with status 'error'`, `× Building wheel for psutil (pyproject.toml) did not run successfully.`
    // It settles `named`: pip goes on to build the next wheels after a failure (`Building wheel for python-multipart
    // (setup.py): started` … `finished with status 'done'`, vnk8071/anomaly-detection-in-industry-manufacturing#13), and
    // those built fine.
    {
      name: 'failedWheel',
      locks: 'named',
      literals: ['Failed building wheel for ', "finished with status 'error'", 'did not run successfully'],
      pattern: `(?:Failed building wheel for |Building wheel for (?=${name} \\([\\w.]{1,40}\\)[^\\n]{0,200}(?:finished with status 'error'|did not run successfully)))(?<name>${name})(?=[\\s',;]|$)`,
    },
    // The CPython the build compiled for, from setuptools' build directory or the compiler's include path:
    // `build/temp.linux-x86_64-cpython-312`, `-I/usr/local/include/python3.12` (docker-library/python#869)
    {
      name: 'buildPython',
      literals: ['-cpython-3', '/include/python3.'],
      pattern: '(?:\\bbuild/\\w{1,10}\\.[\\w-]{1,60}-cpython-3|/include/python3\\.)(?<minor>\\d{1,2})(?![\\d])',
    },
    // The compiler itself is missing: `error: command 'gcc' failed: No such file or directory` (distutils' spawn since
    // Python 3.9 / setuptools' vendored copy), and the fork-and-exec spawn before it (CPython 2.7 – 3.8 Lib/distutils/spawn.py,
    // `_spawn_posix`: the child writes `unable to execute %r: %s` and the parent then raises `command %r failed with exit
    // status 1`): `unable to execute 'gcc': No such file or directory` (dolevf/Damn-Vulnerable-GraphQL-Application#27).
    {
      name: 'noCompiler',
      literals: ["error: command '", "unable to execute '", "FileNotFoundError: [Errno 2] No such file or directory: '"],
      pattern: `(?:(?:error: command |unable to execute )'(?=[^'\\s]{1,100}'(?: failed)?: No such file or directory)|FileNotFoundError: \\[Errno 2\\] No such file or directory: '(?=${COMPILER_NAME}'))(?<compiler>[^'\\s]{1,100})'`,
    },
    // cffi's setup.py, when its test compile fails: `No working compiler found, or bogus compiler options passed to the
    // compiler from Python's standard "distutils" module.` (TobiWo/eth-duties#35). cffi links libffi (setup.py:
    // `libraries = ['ffi']`, include dirs `/usr/include/ffi` or pkg-config's), so its source build also needs libffi's headers.
    { name: 'noWorkingCompiler', literals: ['No working compiler found'] },
    // The compiler ran and failed: `error: command '/usr/bin/gcc' failed with exit code 1` (setuptools' spawn; `exit status`
    // in older distutils, which also prints it after `unable to execute 'gcc'`, hence `!noCompiler` where it is used).
    {
      name: 'compilerRan',
      literals: ["error: command '"],
      pattern: "error: command '(?<compiler>[^'\\s]{0,100}\\b(?:gcc|cc|g\\+\\+|c\\+\\+|clang|clang\\+\\+|x86_64-linux-gnu-gcc|aarch64-linux-gnu-gcc))' failed with exit (?:code|status) [1-9]\\d{0,2}",
    },
    // An Alpine (musl) Python's build flags on the compile line: `-DTHREAD_STACK_SIZE=0x100000`, which Alpine's python3
    // package and the official `python:*-alpine` images build Python with (docker-library/python's alpine Dockerfiles:
    // `EXTRA_CFLAGS="-DTHREAD_STACK_SIZE=0x100000"`, after alpinelinux/aports commit 2026e12), and which setuptools passes
    // on to every extension it compiles. A musl Python installs only `musllinux` wheels (PEP 656).
    { name: 'alpineCflags', literals: ['-DTHREAD_STACK_SIZE=0x100000'], pattern: '\\bgcc\\b[^\\n]{0,2000}-DTHREAD_STACK_SIZE=0x100000' },
    // Python's headers from the distribution's package (`-I/usr/include/python3.10`: apk's python3, whose headers are in
    // python3-dev), not a Python built into /usr/local as the official `python:` images are (they ship their headers).
    { name: 'apkPython', literals: ['-I/usr/include/python3'] },
    // The build compiled against the installed torch: torch's extension builder (`torch/utils/cpp_extension.py`) or its headers
    // (`…/site-packages/torch/include/ATen/…`) in the output. A torch extension's source compiles only against the torch
    // releases it was written for, and it builds from source when no prebuilt wheel fits the installed torch.
    // llama-cpp-python (pip writes the wheel's name `llama_cpp_python`, PEP 427): a CMake build, not a torch extension.
    { name: 'llamaCpp', literals: ['llama_cpp_python', 'llama-cpp-python'] },
    // pip's traceback of a command setup.py ran with subprocess.check_call (see CHECK_CALL_TITLE)
    { name: 'checkCall', literals: ['raise CalledProcessError(retcode, cmd)'] },
    // torch's wrapper of a failed ninja build, `RuntimeError: Error compiling objects for extension` (cpp_extension.py
    // `_run_ninja_build`), is its builder's too, when the paste keeps no frame of the traceback (isaac-sim/Sim-to-Real-SO-101-Workshop#4).
    { name: 'torchExtension', literals: ['torch/utils/cpp_extension.py', 'site-packages/torch/include/', 'Error compiling objects for extension'] },
    // anything in the step that builds against CUDA: the CUDA advice is for these only
    {
      name: 'cudaBuild',
      literals: ['nvcc', 'CUDA_HOME', '/usr/local/cuda', 'cpp_extension', '-gencode', 'TORCH_CUDA_ARCH_LIST', 'cuda_runtime', 'CUDAExtension'],
    },
    // ld given a directory as an input (see LD_DIR_TITLE): `/usr/bin/ld: cannot find /…/install/lib64: file format not recognized`;
    // `root` drops a trailing `/lib` or `/lib64`, the part a variable naming an install holds.
    {
      name: 'ldDir',
      literals: [': file format not recognized'],
      pattern: 'ld: cannot find (?<dir>(?<root>/[^\\s:]{1,300}?)(?:/lib(?:64)?)?/?): file format not recognized',
    },
    // OpenMMLab's mmcv / mmcv-full, whose prebuilt wheels are on OpenMMLab's own index, one page per CUDA / torch pair:
    // `pip install mmcv-full=={mmcv_version} -f https://download.openmmlab.com/mmcv/dist/{cu_version}/{torch_version}/index.html`,
    // the supported pairs in the table of mmcv's installation guide (mmcv.readthedocs.io/en/v1.4.4/get_started/installation.html);
    // `mim install` picks that page from the installed torch and CUDA (mmcv's README) and builds the sdist when none fits.
    { name: 'mmcvWheel', literals: ['wheel for mmcv'], pattern: 'wheel for mmcv(?:-full)?[\\s(]' },
    // `ModuleNotFoundError: No module named 'pkg_resources'` in the backend's traceback (setuptools 82 removed it).
    { name: 'pkgResources', literals: ["No module named 'pkg_resources'"] },
    // uv's `Call to \`setuptools.build_meta:__legacy__.build_wheel\` failed` and the traceback frame `line 333, in
    // get_requires_for_build_wheel` (okta/okta-mcp-server#23): setup.py failed while giving its build requirements.
    { name: 'legacyBackend', literals: ['setuptools.build_meta:__legacy__'] },
    { name: 'requiresHook', literals: ['in get_requires_for_build_wheel'] },
    // uv names a registry release as `name==version` (`× Failed to build \`kiwisolver==1.4.8\``, cqfn/aibolit#1168)
    { name: 'uvRelease', literals: ['Failed to build `'], pattern: 'Failed to build `(?<name>[A-Za-z0-9][\\w.-]{0,200})==(?<version>[\\w.!+-]{1,60})`' },
    // the step installs a uv project's lock (`uv sync`, `uv lock`, `uv run`), so the release came from uv.lock
    { name: 'uvProject', literals: ['uv sync', 'uv lock', 'uv run '], pattern: '\\buv (?:sync|lock|run)\\b' },
    { name: 'uvLocal', literals: ['Failed to build `'], pattern: 'Failed to build `(?<name>[\\w.-]{1,200}) @ file://(?<path>/[^`\\s]{1,300})`' },
    // uv's own wording (its `×` / `Caused by:` / `╰─▶` chain): the uv form of the advice even when the step's
    // installer is not known (a compose log, a pasted excerpt).
    {
      name: 'uvSaid',
      literals: ['Build backend failed to build wheel', 'Failed to download and build `', 'Failed to build `', 'Call to `'],
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 2,
  message:
    'pip could not build a wheel for {context.named.name} (no prebuilt wheel fits this Python / platform, so pip compiled the ' +
    'source distribution, and the compile failed). The cause is in the subprocess output above the `[end of output]` line.',
  fix: withFlashAttnNote(GENERIC_FIX),
  variants: withFlashAttnVariants(
    'read the compiler or setup.py error inside the `╰─> [N lines of output]` block; in a CUDA image build in a `-devel` image with `CUDA_HOME=/usr/local/cuda` and install with `--no-build-isolation`, so the build sees the installed torch.',
    [
    { when: 'pkgResources&named&uvSaid', title: PKG_RESOURCES_TITLE, message: pkgResourcesMessage, fix: uvPkgResourcesFix.join('\n') },
    { when: 'pkgResources&named&fact.installer=uv', title: PKG_RESOURCES_TITLE, message: pkgResourcesMessage, fix: uvPkgResourcesFix.join('\n') },
    { when: 'pkgResources&named', title: PKG_RESOURCES_TITLE, message: pkgResourcesMessage, fix: pipPkgResourcesFix.join('\n') },
    { when: 'pkgResources&!named&!uvSaid&!fact.installer=uv', title: PKG_RESOURCES_TITLE, message: pkgResourcesUnnamedMessage, fix: pipPkgResourcesUnnamedFix.join('\n') },
    { when: 'uvSaid&named&legacyBackend&requiresHook&!pkgResources', title: "The package's setup.py failed before compiling", message: setupCutMessage, fix: setupCutFix.join('\n') },
    { when: 'ldDir', title: LD_DIR_TITLE, message: ldDirMessage, fix: ldDirFix },
    { when: 'torchExtension&named&mmcvWheel', title: TORCH_EXTENSION_TITLE, message: torchExtensionMessage, fix: mmcvWheelFix.join('\n') },
    {
      when: 'llamaCpp&named&fact.place=image-build',
      title: LLAMA_CPP_TITLE,
      message: llamaCppMessage,
      fix: [
        'Build in a `-devel` image of the CUDA the image uses (`base` and `runtime` images have no nvcc), and check nvcc in',
        'the same `RUN`; with a current release:',
        '',
        '```dockerfile',
        'RUN nvcc --version && CUDACXX=/usr/local/cuda/bin/nvcc CMAKE_ARGS="-DGGML_CUDA=on" {enrich.pipForm|pip} install -v --no-cache-dir llama-cpp-python',
        '```',
        ...llamaCppCheck,
      ].join('\n'),
    },
    {
      when: 'llamaCpp&named',
      title: LLAMA_CPP_TITLE,
      message: llamaCppMessage,
      fix: [
        'Check that the CUDA toolkit\'s nvcc is there (in a container, a `-devel` image: `base` and `runtime` have none), then',
        'build with it; with a current release:',
        '',
        '```sh',
        'nvcc --version || ls -d /usr/local/cuda*/bin/nvcc',
        'CUDACXX=/usr/local/cuda/bin/nvcc CMAKE_ARGS="-DGGML_CUDA=on" {enrich.pipForm|pip} install -v --no-cache-dir llama-cpp-python',
        '```',
        ...llamaCppCheck,
      ].join('\n'),
    },
    { when: 'checkCall&named&enrich.installCmd', title: CHECK_CALL_TITLE, message: checkCallMessage, fix: checkCallFix.join('\n') },
    ...torchExtensionVariants('torchExtension'),
    // An ARM64 build (the platform read from setuptools' build directory, `build/temp.linux-aarch64-cpython-38`, or from an
    // aarch64 wheel pip fetched): many releases publish x86_64 wheels only, so on aarch64 pip compiles the sdist where an
    // x86_64 build would have taken a wheel (rolandu/nextcloud-tests#2: backports.zoneinfo on python:3.8-slim on an
    // Apple-Silicon Mac, fixed by installing gcc). The compiler is the fix that keeps the platform; the release's files say
    // whether a wheel exists for it (`aarch64` in a wheel's name, PEP 600 platform tags). `docker build --platform
    // linux/amd64` builds for x86_64 under emulation (docs.docker.com/build/building/multi-platform/).
    // Alpine: gcc and the headers it needs, as psutil's INSTALL.rst gives them for Alpine (`apk add gcc python3-dev musl-dev
    // linux-headers`); musl-dev is the C library's headers, linux-headers the kernel's, python3-dev apk's Python headers
    // (pkgs.alpinelinux.org: gcc, musl-dev, linux-headers, python3-dev; build-base depends on gcc, g++, make and libc-dev).
    ...([['&apkPython', ' python3-dev', ", python3-dev Python's own headers (this Python comes from apk: `-I/usr/include/python3…` on the compile line)"],
        ['', '', " (a `python:*-alpine` image ships Python's headers; a Python from apk also needs `python3-dev`)"]] as const).map(([when, pkg, note]) => ({
      when: `noCompiler&alpineCflags${when}`,
      title: 'A wheel build on an Alpine (musl) Python found no C compiler',
      message:
        'pip compiled {context.named.name|a package} from source on an Alpine (musl) Python: the compile line carries the flags ' +
        "Alpine's Python is built with (`-DTHREAD_STACK_SIZE=0x100000`), and a musl Python installs only `musllinux` wheels, which " +
        'many releases do not publish. The compile needs `{context.noCompiler.compiler}`, and the image has none.',
      fix: [
        'Install the compiler and the headers a compile needs on Alpine before the install step (in a Dockerfile, as a `RUN` in the',
        'same stage):',
        '',
        '```sh',
        `apk add --no-cache gcc musl-dev linux-headers${pkg}`,
        '```',
        `musl-dev is the C library's headers (gcc cannot compile without them), linux-headers the kernel's${note}. \`build-base\``,
        'brings gcc, g++, make and musl-dev at once. Or avoid the compile: a release with a `musllinux` wheel for this Python',
        '(https://pypi.org/project/{context.named.name|<name>}/#files), or a Debian-based image, for which more packages publish `manylinux` wheels.',
      ].join('\n'),
    })),
    {
      when: 'noCompiler&named&fact.platform=linux/arm64',
      title: 'No wheel for ARM64 (aarch64), and no compiler to build one',
      message:
        'pip compiled {context.named.name} from source for linux/aarch64 (ARM64), which needs `{context.noCompiler.compiler}`, and ' +
        'the image has none. This build is for ARM64 (an Apple-Silicon Mac or an ARM server builds for it unless told otherwise), ' +
        'and many packages publish Linux wheels for x86_64 only: where an x86_64 build takes a wheel, an ARM64 build compiles.',
      fix: [
        'Install a compiler in the stage before the install step; on a Debian or Ubuntu base (the `python:*-slim` images have',
        'none):',
        '',
        '```sh',
        'apt-get update && apt-get install -y --no-install-recommends build-essential',
        '```',
        'On Alpine: `apk add --no-cache build-base`. Or avoid the compile: https://pypi.org/project/{context.named.name}/#files',
        'lists each release\'s wheels (`aarch64` in a name is one for this platform), so a release with one needs no compiler;',
        'or, when the image only has to run on x86_64 hosts, build it for them with `docker build --platform linux/amd64 .`',
        '(emulated on an ARM64 machine: slower), where the x86_64 wheel is used.',
      ].join('\n'),
    },
    // No wheel for this Python came first: a compiler alone may only move the failure, since a release older than the
    // Python often does not compile on it either (source-build-python enricher). `pip download --only-binary=:all:
    // --python-version` asks the index for wheels only, for that Python (pip download --help, pip 23 on this machine).
    {
      when: 'noCompiler&named&enrich.buildPython&!fact.installer=uv&!uvSaid',
      title: 'No wheel for this Python, and no compiler to build one',
      message:
        'pip found no wheel of {context.named.name} for Python {enrich.buildPython} ({enrich.buildPythonTag}) and compiled it from ' +
        'source, which needs `{context.noCompiler.compiler}`, and the image has none. The usual cause is a pin on a release made ' +
        'before Python {enrich.buildPython}: it has no {enrich.buildPythonTag} wheels, and often does not compile on that Python either.',
      fix: [
        'No wheel for this Python: pin the image\'s Python one minor lower ({enrich.lowerPython}; with the official images,',
        '`python:{enrich.lowerPython}-slim` for a `python:{enrich.buildPython}-slim` base), or upgrade {context.named.name} to a release',
        'with wheels for it. This prints the newest release that has one:',
        '',
        '```sh',
        'pip download --only-binary=:all: --no-deps --python-version {enrich.buildPython} -d /tmp/wheels {context.named.name}',
        '```',
        'and https://pypi.org/project/{context.named.name}/#files lists each release\'s files (`{enrich.buildPythonTag}` in a name is a',
        'wheel for this Python). Only when no release has one, install a compiler before the install step (Debian / Ubuntu:',
        '`apt-get update && apt-get install -y --no-install-recommends build-essential`; Alpine: `apk add --no-cache build-base`).',
      ].join('\n'),
    },
    {
      // apt's package for a C toolchain is build-essential (Debian, Ubuntu; the python: images are Debian or Alpine),
      // Alpine's is build-base. build-essential depends on libc6-dev (the C headers), which gcc alone only recommends, so
      // `gcc` under --no-install-recommends cannot compile.
      when: 'noCompiler&!named',
      title: NO_COMPILER_TITLE,
      message:
        'A wheel build (a package compiled from source: no prebuilt wheel of it fits this Python / platform) needs the C ' +
        'compiler `{context.noCompiler.compiler}`, and the image has none: setuptools could not start it (`No such file or ' +
        'directory`). The lines kept here do not name the package.',
      fix: [
        ...noCompilerFix,
        '',
        'The package is the one on the last `Collecting …` or `Building wheel for …` line above the error in the full output;',
        'https://pypi.org/project/<name>/#files lists the Pythons (`cp312` is CPython 3.12) and platforms (`x86_64`, `aarch64`) its wheels are',
        'for. A build on an Apple-Silicon Mac is for ARM64 unless told otherwise, where many packages have no Linux wheel.',
      ].join('\n'),
    },
    {
      when: 'noCompiler',
      title: NO_COMPILER_TITLE,
      message:
        'The wheel build of {context.named.name|a package} (compiled from source: no prebuilt wheel fits this Python / platform) ' +
        'needs the C compiler `{context.noCompiler.compiler}`, and the image has none: setuptools could not start it ' +
        '(`No such file or directory`).',
      fix: [
        ...noCompilerFix.slice(0, -1),
        '(`python3-dev`; the `python:` images ship theirs). A prebuilt wheel of it for this Python and platform, where the project',
        'publishes one, avoids the compile.',
      ].join('\n'),
    },
    {
      // Debian's libffi headers: libffi-dev; Alpine's: libffi-dev (packages.debian.org/libffi-dev, pkgs.alpinelinux.org).
      when: 'noWorkingCompiler&!fact.platform=linux/arm64',
      title: NO_COMPILER_TITLE,
      message:
        'The wheel build of {context.named.name|cffi} (compiled from source: no prebuilt wheel fits this Python / platform) found ' +
        'no working C compiler: its setup.py says `No working compiler found`. The image has no compiler (the `python:*-slim` and ' +
        '`python:*-alpine` images have none).',
      fix: [
        'Install a compiler and libffi\'s headers (cffi, whose setup.py prints that line, links libffi) in the stage before the',
        'install step. On a Debian or Ubuntu base:',
        '',
        '```sh',
        'apt-get update && apt-get install -y --no-install-recommends build-essential libffi-dev',
        '```',
        'On Alpine: `apk add --no-cache build-base libffi-dev`. Or avoid the compile: https://pypi.org/project/' +
          '{context.named.name|cffi}/#files lists each release\'s wheels, so a release (or a Python) with a wheel for this',
        'image needs no compiler.',
      ].join('\n'),
    },
    {
      // uv's project command named by BuildKit's error rather than seen in the step's lines (a paste of the error block)
      when: 'uvRelease&enrich.uvProjectRun',
      title: 'A locked release has no wheel for this Python: uv built it from source',
      message: uvLockedMessage,
      fix: uvLockedFix.join('\n'),
    },
    {
      when: 'uvRelease&uvProject',
      title: 'A locked release has no wheel for this Python: uv built it from source',
      message: uvLockedMessage,
      fix: uvLockedFix.join('\n'),
    },
    {
      when: 'uvLocal',
      message:
        'uv could not build the local project {context.uvLocal.name} (`{context.uvLocal.path}`): its build backend failed. The ' +
        'cause is under uv\'s `×` line: the `Caused by:` / `├─▶` lines, then the backend\'s own output after `[stderr]`.',
      fix: [...uvCauses, 'Reproduce with the full build output in a shell of this stage: `uv pip install -v --no-cache {context.uvLocal.path}`.'].join('\n'),
    },
    {
      when: 'uvSaid&named',
      message: uvMessage.replace('{subject}', '{context.named.name}'),
      fix: [...uvCauses, uvWheelCheck, '', 'Reproduce with the full build output in a shell of this stage: `uv pip install -v --no-cache {context.named.name}`.'].join('\n'),
    },
    {
      when: 'fact.installer=uv&named',
      message: uvMessage.replace('{subject}', '{context.named.name}'),
      fix: [...uvCauses, uvWheelCheck, '', 'Reproduce with the full build output in a shell of this stage: `{enrich.verboseCmd}`.'].join('\n'),
    },
    // flash-attn compiled from source without torch's lines in the log: after the no-compiler and uv variants, which say more.
    ...torchExtensionVariants('faSource'),
    {
      // gcc ran, so a compiler is there; its own error is a missing header most often. On Alpine gcc alone does not bring
      // the C library's headers (musl-dev): home-assistant/docker-base#152 (netifaces, fixed by adding musl-dev).
      when: 'compilerRan&!noCompiler&!noWorkingCompiler&!cudaBuild&!fact.cuda',
      message:
        'pip could not build a wheel for {context.named.name|a package} (no prebuilt wheel fits this Python / platform, so pip compiled ' +
        'the source distribution): the compiler `{context.compilerRan.compiler}` ran and failed, so a compiler is installed; its own ' +
        'error, above this line in the full output, says what it lacked.',
      fix: [
        'Read the compiler error above `{context.compilerRan.compiler}` failing (`fatal error: foo.h: No such file or directory` names a',
        'header). Most often a header is missing:',
        '',
        "- on an Alpine base: musl-dev (the C library's headers, which gcc alone does not bring), linux-headers, and python3-dev",
        '  when Python comes from apk: `apk add --no-cache musl-dev linux-headers python3-dev`;',
        "- on Debian / Ubuntu: the library's `-dev` package, and `python3-dev` for `Python.h` when Python comes from apt (the",
        '  `python:` images ship their own);',
        '- or no wheel fits: https://pypi.org/project/{context.named.name|<name>}/#files lists each release\'s wheels; a release (or a',
        '  Python) that has one needs no compile.',
        '',
        'Reproduce with the full build output in a shell of this stage: `{enrich.verboseCmd}`.',
      ].join('\n'),
    },
    { when: 'named&cudaBuild', fix: CUDA_FIX },
    { when: 'named&fact.cuda', fix: CUDA_FIX },
    ARM64_SOURCE_BUILD,
    ...(['!named&cudaBuild', '!named&fact.cuda', '!named'] as const).map((when): Variant => ({
      when,
      message:
        'pip could not build a wheel (no prebuilt wheel fits this Python / platform, so pip compiled a source distribution, and ' +
        'the compile failed). The log kept here does not name the package; the cause is in the subprocess output above the ' +
        '`[end of output]` line.',
      fix: [
        'Find the package: the last `Collecting …` or `Building wheel for …` line before the error in the full step output. Then ' +
          'read the compiler or setup.py error inside the `╰─> [N lines of output]` block. Common causes' +
          (when === '!named' ? ':' : ' in CUDA images:'),
        '',
        ...(when === '!named'
          ? [
              '- no C compiler: the `python:*-slim` and `python:*-alpine` images have none (Debian / Ubuntu: `apt-get install -y ' +
                '--no-install-recommends build-essential`; Alpine: `apk add --no-cache build-base`);',
              '- a missing header: the library\'s `-dev` package (and `python3-dev` when Python comes from apt);',
              '- no prebuilt wheel for this Python / CPU architecture: the package\'s files on pypi.org list the Pythons and platforms of its wheels.',
            ]
          : [
              '- missing build tools or headers: `apt-get install -y build-essential python3-dev` (and the library\'s `-dev` package);',
              '- a CUDA extension: build in a `-devel` image with `CUDA_HOME=/usr/local/cuda` and `TORCH_CUDA_ARCH_LIST` set, and ' +
                'install it with `--no-build-isolation` so the build sees the installed torch.',
            ]),
      ].join('\n'),
    })),
    ],
  ),
  enrich: ['pip-advice', 'flash-attn-wheel', 'source-build-python', 'installer-command'],
  docs: 'https://pip.pypa.io/en/stable/reference/build-system/',
};
