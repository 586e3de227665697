// A package whose build needs torch (flash-attn, torchao, apex, …) built in pip's isolated build
// environment, which has no torch: "No module named 'torch'" while getting the requirements to
// build a wheel (or while building it). `--no-build-isolation` is pip's flag (pip 23.2.1 help) and
// uv's (uv 0.1.16 release notes); flash-attn's README installs it this way. The `pip-advice`
// enricher writes the commands in the step's installer's form, with the package (and the version
// the RUN pins) from the log; without a package name the `!package` variant says how to find it.
// uv prints its own hint under the error (`hint: This error likely indicates that `flash-attn@2.7.3`
// depends on `torch`, but doesn't declare it as a build dependency`); for a uv project the fix is
// uv's documented sequence for flash-attn (docs.astral.sh/uv/concepts/projects/config/#build-isolation):
// `no-build-isolation-package` in `[tool.uv]`, then `uv venv`, `uv pip install torch`, `uv sync`.
// pip's legacy path (a project without pyproject.toml) is not isolated: pip uses the pyproject.toml interface when
// that file exists and the legacy one otherwise, and collects the metadata by calling `setup.py egg_info` (pip's
// "Build System Interface" and "setup.py (legacy)" reference pages); "the presence of a pyproject.toml file (even if
// empty) triggers pip to change its default behavior to use build isolation" (packaging.python.org, "How to
// modernize a setup.py based project?"). So `python setup.py egg_info did not run successfully` with "No module named
// 'torch'" means the Python that installs the package has no torch, and `--no-build-isolation` changes nothing. pip
// reads every requirement's metadata while resolving, before it installs any: torch must come in an earlier command.
import { flashAttnWheelContexts, withFlashAttnNote, withFlashAttnVariants } from './flash-attn-wheel.js';
import type { RuleInput } from '../../schema.js';

const LEGACY_MESSAGE =
  "pip read {enrich.requirement}'s metadata the legacy way (`python setup.py egg_info`: the project has no pyproject.toml), " +
  'which runs its setup.py in the Python that installs it, with no isolated build environment; that setup.py imports {module}, ' +
  'and {module} is not installed in that Python. `--no-build-isolation` changes nothing on this path.';

/** Install the module first, in a command of its own (pip reads every requirement's metadata before installing any). */
function legacyFix(fence: 'dockerfile' | 'sh', first: readonly string[]): string {
  const run = fence === 'dockerfile' ? 'RUN ' : '';
  return [
    "Install {module} into this Python before {enrich.requirement}, in a command of its own: pip reads every requirement's " +
      'metadata before it installs any, so {module} in the same command is not there yet when setup.py runs.',
    '',
    ...first,
    '',
    `\`\`\`${fence}`,
    ...(first.length === 0 ? [`${run}{enrich.moduleFirstCmd}`] : []),
    `${run}{enrich.installCmd}`,
    '```',
  ].join('\n');
}

// A requirement given by URL or path without a name (`git+https://github.com/facebookresearch/detectron2.git` in a
// requirements file) is built in `/tmp/pip-req-build-<random>/`: pip names the directory after the project only when
// it knows the name (pip's `InstallRequirement.ensure_build_location`: `TempDirectory(kind=REQ_BUILD)` when `self.req
// is None`, else the canonical name). facebookresearch/detectron2#5117: torch and detectron2's git URL in one
// requirements file. The split takes the module's own lines (with their pins) out of the same requirements file into
// a command before it; `grep -E '^torch *([<>=!~;]|$)'` keeps `torch`, `torch==2.0.0`, `torch>=2 ; …`, not `torchvision`.
const UNNAMED_LEGACY_MESSAGE =
  'pip read the metadata of a requirement given by URL or path (pip builds those in `/tmp/pip-req-build-…`: a `git+https://…` ' +
  'line, say) the legacy way (`python setup.py egg_info`: the project has no pyproject.toml), which runs its setup.py in the Python ' +
  'that installs it, with no isolated build environment. That setup.py imports {module}, and {module} is not installed in that ' +
  'Python yet. `--no-build-isolation` changes nothing on this path.';

function unnamedLegacyFix(intro: string, run: string): string {
  return [
    "Install {module} in a command of its own before the one that installs this requirement: pip reads every requirement's " +
      'metadata before it installs any, so a {module} in the same `pip install` (or the same requirements file) is not there yet ' +
      `when setup.py runs. ${intro}`,
    '',
    `\`\`\`${run === '' ? 'sh' : 'dockerfile'}`,
    `${run}grep -E '^{module} *([<>=!~;]|$)' requirements.txt > {module}-first.txt && pip install -r {module}-first.txt`,
    `${run}pip install -r requirements.txt`,
    '```',
    '',
    'With no {module} line in the file, put one there first (the pin the package needs); with the URL on a `pip install` line ' +
      'instead of a file, install {module} in the command before it.',
  ].join('\n');
}

/** torch with no CUDA in the log: how to find the index, instead of a guessed one. */
const TORCH_INDEX_UNKNOWN = [
  "The log does not show this image's CUDA; read it (`nvcc --version`, or the CUDA in the base image's tag) and install torch from " +
    "PyTorch's index for it (`pip install torch --index-url https://download.pytorch.org/whl/cu121` is CUDA 12.1's; " +
    'https://pytorch.org/get-started/previous-versions/ lists each release with its indexes). Then:',
];

/**
 * uv's documented sequence for a package whose build needs torch: `no-build-isolation-package`,
 * then {module} installed before `uv sync`; `steps` is that sequence as a Dockerfile or a shell block,
 * introduced by `lead`.
 */
function uvProjectFix(lead: string, steps: readonly string[]): string {
  return [
    'uv built {context.uvHint.pkg} in an isolated environment. For a uv project (`uv sync`), build it without isolation and put ' +
      '{module} in the environment before syncing, as uv documents for flash-attn. In `pyproject.toml`:',
    '',
    '```toml',
    '[tool.uv]',
    'no-build-isolation-package = ["{context.uvHint.pkg}"]',
    '```',
    '',
    lead,
    '',
    ...steps,
    '',
    'With `uv pip install` instead of a project: `uv pip install {module}` first, then ' +
      '`uv pip install {context.uvHint.pkg}=={context.uvHint.version} --no-build-isolation`.',
  ].join('\n');
}

// `--pre` lets pip take a development release (PEP 440 `.devN`), which may be published as a source distribution only:
// YanWenKun/ComfyUI-Docker#12, `pip install --pre -U xformers --index-url https://download.pytorch.org/whl/cu121
// --extra-index-url https://pypi.org/simple` took `xformers-0.0.23.dev685.tar.gz` from PyPI over the release wheels of
// PyTorch's index, and its setup.py imports torch. xformers' README installs its releases as wheels from PyTorch's index, one
// per CUDA release (`pip3 install -U xformers --index-url https://download.pytorch.org/whl/cu121`, cu118, …), and its
// development builds with `pip install --pre -U xformers`. A wheel needs no setup.py run, so no torch to read its metadata.
// The instruction BuildKit's tty progress keeps is cut (`RUN … pip install --brea`), so the flags are read from pip's lines
// and the error box header: `--break-system-packages` (pip 23.0.1 and later, for an externally managed Python) stays.
// `pip index versions` (pip 21.2 and later, marked experimental; takes `--index-url`, pip 23.2.1's help) lists an index's releases.
type DevSdistVariant = NonNullable<RuleInput['variants']>[number];
const DEV_SDIST_TITLE = 'pip picked a development release that builds from source';
const DEV_SDIST_MESSAGE =
  'pip took {context.devSdist.name} {context.devSdist.version}, a development release (`.dev`: pip takes those only with `--pre`, a pin ' +
  'to one, or when no final release fits) published as a source distribution, `{context.devSdist.file}`. To read its metadata pip runs its setup.py, which imports ' +
  '{module}, and {module} cannot be imported where it runs. A release of {context.devSdist.name} installed from a wheel runs no setup.py.';

function devSdistVariants(): DevSdistVariant[] {
  const out: DevSdistVariant[] = [];
  for (const breakSystem of [true, false]) {
    const flag = breakSystem ? ' --break-system-packages' : '';
    out.push({
      when: `devSdist&pytorchIndex&fact.place=image-build${breakSystem ? '&breakSystem' : ''}`,
      title: DEV_SDIST_TITLE,
      message: DEV_SDIST_MESSAGE,
      fix: [
        'Install a release, not a development build: drop `--pre` from this `pip install`. The releases are prebuilt wheels on the PyTorch ' +
          'index this step already uses ({context.pytorchIndex.tag}), each built for one torch release, which pip installs with it:',
        '',
        '```dockerfile',
        `RUN pip install${flag} -U {context.devSdist.name} --index-url https://download.pytorch.org/whl/{context.pytorchIndex.tag}`,
        '```',
        '',
        'To keep a torch already in the image, pin the {context.devSdist.name} release built for it instead: ' +
          '`pip index versions {context.devSdist.name} --index-url https://download.pytorch.org/whl/{context.pytorchIndex.tag}` lists the releases there.',
      ].join('\n'),
    });
  }
  out.push({
    when: 'devSdist',
    title: DEV_SDIST_TITLE,
    message: DEV_SDIST_MESSAGE,
    fix:
      'Install a release, not a development build: drop `--pre` (or the pin to `{context.devSdist.version}`) from this `pip install`. ' +
      'For xformers and other torch extensions, install the release wheel built for your CUDA from PyTorch\'s index: the CUDA torch ' +
      'was built for (`python3 -c "import torch; print(torch.version.cuda)"`, 12.1 → `cu121`) names it, as in ' +
      '`pip install -U {context.devSdist.name} --index-url https://download.pytorch.org/whl/cu121`.',
  });
  return out;
}

// A build script that runs the setup script itself (`/usr/bin/python3 /code/setup.py bdist_wheel`, printed by
// onnxruntime's tools/ci_build/build.py before it runs it: microsoft/onnxruntime#14140) involves no pip and no build
// isolation: the module is missing from the Python that runs setup.py, and the fix is to install it there before the
// build (onnxruntime's fix, microsoft/onnxruntime#14310 and #13916, added packaging to the image: `pip install packaging`,
// or Debian's and Ubuntu's `python3-packaging`, apt-cache show python3-packaging). `python -m pip` installs into the Python
// it runs with (pip's user guide, "Running pip"). torch is left to the other variants: its install depends on the CUDA.
const DIRECT_TITLE = 'setup.py imports a module this Python does not have';
const DIRECT_MESSAGE =
  'The build ran `{context.directSetupPy.python} {context.directSetupPy.script} {context.directSetupPy.command}` itself, not through ' +
  'pip, so no build isolation is involved: that setup.py imports {module}, and {module} is not installed in that Python.';

/** Install the module into the Python that runs setup.py, as a Dockerfile line or a shell command. */
function directSetupFix(fence: 'dockerfile' | 'sh', aptName: boolean): string {
  const run = fence === 'dockerfile' ? 'RUN ' : '';
  const where = fence === 'dockerfile' ? 'in this stage, in a `RUN` before the one that builds' : 'before the build runs';
  return [
    `Install {module} into the Python that runs setup.py, ${where}:`,
    '',
    `\`\`\`${fence}`,
    `${run}{context.directSetupPy.python} -m pip install {module}`,
    '```',
    '',
    aptName
      ? 'If that Python has no pip, or refuses to install into a system Python (externally managed), install the distribution\'s ' +
        'package instead: `apt-get install -y python3-packaging` on Debian and Ubuntu.'
      : 'If that Python has no pip, or refuses to install into a system Python (externally managed), install the distribution\'s ' +
        'package of {module} instead (`apt-cache search` finds its name on Debian and Ubuntu).',
  ].join('\n');
}

function directSetupVariants(): DevSdistVariant[] {
  const base = 'directSetupPy&!buildEnv&!legacyMetadata&!torchMissing';
  return [true, false].flatMap((apt) => {
    const cond = apt ? `${base}&packagingMissing` : base;
    return [
      { when: `${cond}&fact.place=image-build`, title: DIRECT_TITLE, message: DIRECT_MESSAGE, fix: directSetupFix('dockerfile', apt) },
      { when: cond, title: DIRECT_TITLE, message: DIRECT_MESSAGE, fix: directSetupFix('sh', apt) },
    ];
  });
}

// The torch in the build environment is the wrong one: pip installs a project's `[build-system] requires` into
// `/tmp/pip-build-env-<random>/overlay` (pip's build_env.py, `BuildEnvironment`, "overlay" prefix), the newest release the
// requirement allows, and the build imports that torch instead of the one installed. vllm-project/vllm#1283: vLLM's
// `torch >= 2.0.0` build requirement took torch 2.1.0 (built for CUDA 12.1 on PyPI) on a host whose driver runs CUDA 11.8,
// and torch warned from the overlay that the driver was too old; vLLM pinned `torch == 2.0.1` in its pyproject.toml for that
// (fengyizhu's comment there). `--no-build-isolation` builds against the installed torch (pip install --help). The driver's
// CUDA ({enrich.hostCuda}) and the newest PyTorch index not above it come from the `cuda-driver` enricher (cuda-driver.ts).
/** pip's build environment (`/tmp/pip-build-env-6fb626c8/overlay/lib/python3.10/site-packages/`), and torch's driver warning from there. */
const OVERLAY_DIR = '/pip-build-env-\\w{1,40}/overlay/\\S{0,300}/';
const TORCH_DRIVER_WARNING = '/cuda/__init__\\.py:\\d{1,6}: UserWarning: CUDA initialization: The NVIDIA driver on your system is too old';
const OVERLAY_TITLE = 'Build isolation installed a torch built for a newer CUDA than this machine runs';
const OVERLAY_MESSAGE =
  "pip built this project in an isolated environment and installed into it the torch the project's build requirements " +
  '(`[build-system] requires` in pyproject.toml) allow, the newest release that fits. That torch, in `/tmp/pip-build-env-…/overlay`, ' +
  'was built for a newer CUDA than this machine\'s NVIDIA driver runs (CUDA {enrich.hostCuda|the driver\'s}, as it reports), and it is ' +
  'not the torch installed here: the build compiles and checks against it. The build\'s own error follows in pip\'s output box.';

/**
 * Install the build requirements from pyproject.toml (torch from the index of the driver's CUDA), then build with no
 * isolation. The `[build-system]` table is cut out with sed and its quoted entries taken, less `build-backend`; pip reads
 * `torch == 2.0.1` with its spaces from a requirements file (pip 23.2.1, checked here).
 */
function overlayTorchFix(fence: 'dockerfile' | 'sh', install: string): string {
  const run = fence === 'dockerfile' ? 'RUN ' : '';
  const where = fence === 'dockerfile' ? ', in the stage with the project copied in' : '';
  return [
    'Build against a torch this machine runs instead: install the torch release the project\'s build requirements name (`[build-system] ' +
      'requires` in pyproject.toml) from PyTorch\'s index for CUDA {enrich.hostCuda} or older ({enrich.hostTorchTag} is the newest such index, ' +
      `{enrich.hostTorchRange} there), and the rest of those requirements, then build without isolation so the build uses them${where}:`,
    '',
    `\`\`\`${fence}`,
    `${run}sed -n '/^\\[build-system\\]/,/^\\[/p' pyproject.toml | grep -v build-backend | grep -oE '"[^"]+"' | tr -d '"' > build-requirements.txt`,
    `${run}grep -E '^torch *([<>=!~;]|$)' build-requirements.txt > torch-requirement.txt && pip install -r torch-requirement.txt --index-url https://download.pytorch.org/whl/{enrich.hostTorchTag}`,
    `${run}grep -vE '^torch *([<>=!~;]|$)' build-requirements.txt > other-build-requirements.txt && pip install -r other-build-requirements.txt`,
    `${run}${install}`,
    '```',
    '',
    'If pip finds no such torch on {enrich.hostTorchTag}, the release the project pins was never built for this CUDA: upgrade this machine\'s NVIDIA ' +
      'driver instead (`nvidia-smi` prints the driver and, in its header, the newest CUDA it runs).',
  ].join('\n');
}

function overlayTorchVariants(): DevSdistVariant[] {
  const forms: readonly [string, string][] = [
    ['editableLocal', 'pip install -e . --no-build-isolation'],
    ['package', 'pip install {context.package.name} --no-build-isolation'],
    ['', 'pip install . --no-build-isolation'],
  ];
  return forms.flatMap(([ctx, install]) => {
    const when = ctx === '' ? 'tooOld&enrich.hostTorchTag' : `tooOld&enrich.hostTorchTag&${ctx}`;
    return [
      { when: `${when}&fact.place=image-build`, title: OVERLAY_TITLE, message: OVERLAY_MESSAGE, fix: overlayTorchFix('dockerfile', install) },
      { when, title: OVERLAY_TITLE, message: OVERLAY_MESSAGE, fix: overlayTorchFix('sh', install) },
    ];
  });
}

// uv asks a source distribution for its build requirements (PEP 517 `get_requires_for_build_wheel`) to read its metadata while
// it resolves, so `uv sync` / `uv lock` stop there, before anything is installed (astral-sh/uv#6437: flash-attn 2.6.3, whose
// setup.py imports torch without declaring it). uv's "Build isolation" docs (docs/concepts/projects/config.md) give the ways out,
// each checked against uv's changelogs: `dependency-metadata` (flash-attn's requires-dist: torch, einops, as the docs give it for
// 2.6.3) lets uv resolve without the build; `extra-build-dependencies` with `match-runtime = true` builds it in isolation with the
// project's torch (uv 0.8.4, #14735, a preview setting; stable in 0.10.0, #17767; it needs static metadata, hence the
// dependency-metadata); `no-build-isolation-package` (uv 0.2.35, #5894; honoured by `uv sync` from 0.3.4, #6605) with torch and
// setuptools installed first (`uv venv`, `uv pip install torch setuptools`, `uv sync`). `--no-build-isolation` for `uv pip`: uv 0.1.16.
const UV_METADATA_TITLE = 'uv could not read flash-attn\'s build requirements: build isolation hides torch';
const UV_METADATA_MESSAGE =
  'uv ran flash-attn {context.faVersion.version|}\'s setup.py to ask it for its build requirements (`get_requires_for_build_wheel`), which uv needs ' +
  'to read its metadata while resolving, so nothing was installed. It ran in an isolated build environment with only the declared build ' +
  'requirements, and flash-attn\'s setup.py imports torch without declaring it: an installed torch is invisible there.';

function uvMetadataFix(fence: 'dockerfile' | 'sh'): string {
  const run = fence === 'dockerfile' ? 'RUN ' : '';
  return [
    'For a uv project (`uv sync`, `uv lock`; `uv --version` prints the release), in `pyproject.toml`, either give uv flash-attn\'s metadata, so it ' +
      'resolves without a build, and let its build take the project\'s torch (`extra-build-dependencies`: uv 0.8.4 or later, a preview setting until 0.10.0):',
    '',
    '```toml',
    '[[tool.uv.dependency-metadata]]',
    'name = "flash-attn"',
    'version = "{context.faVersion.version}"',
    'requires-dist = ["torch", "einops"]',
    '',
    '[tool.uv.extra-build-dependencies]',
    'flash-attn = [{ requirement = "torch", match-runtime = true }]',
    '```',
    '',
    'or build it without isolation (uv 0.3.4 or later: `uv sync` ignored the setting before), with torch installed first:',
    '',
    '```toml',
    '[tool.uv]',
    'no-build-isolation-package = ["flash-attn"]',
    '```',
    '',
    `\`\`\`${fence}`,
    `${run}uv venv`,
    `${run}uv pip install torch setuptools`,
    `${run}uv sync`,
    '```',
    '',
    'With `uv pip install` instead of a project: `uv pip install torch setuptools`, then ' +
      '`uv pip install flash-attn=={context.faVersion.version} --no-build-isolation`.',
  ].join('\n');
}

export const buildIsolation: RuleInput = {
  id: 'pip/build-isolation',
  title: 'Wheel build needs torch: build isolation hides it',
  severity: 'error',
  match: [
    // `      ModuleNotFoundError: No module named 'torch'` inside the subprocess output. Not torch's own
    // `UserWarning: Failed to initialize NumPy: No module named 'numpy'` (torch/csrc/utils/tensor_numpy.cpp): torch prints it
    // on import when numpy is absent and carries on, so the build went past it (mistralai/mistral-inference#142, a vLLM wheel
    // build whose isolated environment imported torch, printed it, and failed later in `cmake --build`).
    { literals: ['No module named '], pattern: "(?<!Failed to initialize NumPy: )No module named '(?<module>torch|numpy|packaging|psutil|ninja|Cython|setuptools_scm|pybind11)(?:\\.[\\w.]{1,200})?'" },
    // A log cut before the traceback's last line, under the reporter's own words for it: `it reports torch not found`
    // (huridocs/pdf-document-layout-analysis#127, detectron2 in `Getting requirements to build editable`). Lower-case
    // `torch`, the module: CMake's find_package(Torch) says `Torch` and is cuda/torch-cmake's.
    { literals: ['torch not found', 'torch is not found'], pattern: '\\b(?<module>torch) (?:is )?not found\\b' },
    // The same traceback cut before its last line: the setup script's `import torch` as the source line of the frame that
    // raised, indented as pip (and uv) indent a build subprocess's output (six spaces, then the traceback's own four), where
    // a script run directly shows it under four (YanWenKun/ComfyUI-Docker#12, cut at `import torch`).
    { literals: ['import torch', 'from torch'], pattern: '^\\s{10,40}(?:import|from) (?<module>torch)(?:\\.[\\w.]{1,100})?(?: import [\\w, ]{1,200})?\\s*$' },
    // The torch pip installed into the build environment cannot start CUDA on this driver (vllm-project/vllm#1283)
    {
      literals: ['/pip-build-env-'],
      pattern: `${OVERLAY_DIR}(?<module>torch)${TORCH_DRIVER_WARNING}`,
    },
    // uv could not get a package's build requirements: `  Caused by: Build backend failed to determine extra requires with `build_wheel()` with exit status: 1`
    // (astral-sh/uv#6437); the rule speaks only when the package is flash-attn, whose setup.py imports torch (the `uvMetadata` variants)
    { literals: ['Build backend failed to determine extra requires with `build_wheel()`'] },
  ],
  context: [
    ...flashAttnWheelContexts,
    // a build script running the setup script itself, printed as its command line: `  /usr/bin/python3 /code/setup.py bdist_wheel`
    {
      name: 'directSetupPy',
      literals: ['setup.py '],
      pattern: '^\\s{0,40}(?<python>(?:[\\w./+-]{0,300}/)?python3?(?:\\.\\d{1,2})?)\\s+(?<script>\\S{0,300}setup\\.py)\\s+(?<command>bdist_wheel|build_ext|build|install|develop|bdist_egg|sdist)\\b',
      keep: 'last',
    },
    { name: 'packagingMissing', literals: ["No module named 'packaging'"] },
    // torch in pip's build environment says the driver is too old; `found` feeds the `cuda-driver` enricher (its `tooOld`)
    {
      name: 'tooOld',
      literals: ['/pip-build-env-'],
      pattern: `${OVERLAY_DIR}torch${TORCH_DRIVER_WARNING} \\(found version (?<found>\\d{4,6})\\)`,
    },
    // pip installs a local project in editable mode: `Obtaining file:///home/dell/workSpace/vllm`
    { name: 'editableLocal', literals: ['Obtaining file://'] },
    // uv's cause line when a build backend could not give the build requirements
    { name: 'uvExtraRequires', literals: ['Build backend failed to determine extra requires with `build_wheel()`'] },
    // the package uv was building: `error: Failed to download and build `flash-attn==2.6.3``, older uv's
    // `Caused by: Failed to fetch wheel: futures==3.4.0` (astral-sh/uv#7563)
    {
      name: 'uvBuilt',
      literals: ['Failed to download and build `', 'Failed to build `', 'Failed to fetch wheel: '],
      pattern: '(?:Failed to (?:download and )?build `|Failed to fetch wheel: )(?<name>[A-Za-z0-9][\\w.-]{0,200}?)(?:==|@| @ )',
    },
    { name: 'torchMissing', literals: ["No module named 'torch'"] },
    // pip's frame around the subprocess: the module was missing in the isolated build environment
    {
      name: 'buildEnv',
      literals: ['Getting requirements to build wheel', 'Getting requirements to build editable', 'Preparing metadata (pyproject.toml)', 'Building wheel for', 'pip-build-env-'],
    },
    // pip's line for a source distribution whose version is a development release: `Using cached xformers-0.0.23.dev685.tar.gz (3.8 MB)`
    {
      name: 'devSdist',
      literals: ['Using cached ', 'Downloading '],
      // pip prints the whole URL for an index other than PyPI (a mirror): the file name after its last `/`
      pattern: '(?:Using cached|Downloading) (?:\\S{0,400}/)?(?<file>(?<name>[A-Za-z0-9][A-Za-z0-9_.]{0,100}?)-(?<version>\\d[0-9.]{0,40}dev\\d{0,12})\\.(?:tar\\.gz|zip)) ',
      keep: 'last',
    },
    // the PyTorch index pip read: `Looking in indexes: https://download.pytorch.org/whl/cu121, https://pypi.org/simple`
    { name: 'pytorchIndex', literals: ['download.pytorch.org/whl/cu'], pattern: 'Looking in indexes: .{0,400}?download\\.pytorch\\.org/whl/(?<tag>cu\\d{2,3})\\b' },
    // the install's own flag, in the step's instruction (the error box header names it whole)
    { name: 'breakSystem', source: 'instruction', literals: ['--break-system-packages'] },
    // uv's hint names the package and version it was building: `hint: This error likely indicates that `flash-attn@2.7.3` depends`
    {
      name: 'uvHint',
      literals: ['hint: This error likely indicates that `'],
      pattern: 'hint: This error likely indicates that `(?<pkg>[A-Za-z0-9][\\w.-]{0,200})@(?<version>[\\w.+!-]{1,100})` depends',
    },
    // pip's legacy path, run in the target Python (no build environment at all): its own lines, or the traceback frame of
    // the shim it runs setup.py through (compiled as `<pip-setuptools-caller>`, pip's utils/setuptools_build.py)
    {
      name: 'legacyMetadata',
      literals: ['setup.py egg_info did not run successfully', 'Preparing metadata (setup.py)', 'Running setup.py install for', 'File "<pip-setuptools-caller>"'],
    },
    // a requirement without a name (URL, VCS, path): `File "/tmp/pip-req-build-sz8hbgh3/setup.py", line 10`
    { name: 'unnamedReq', literals: ['/pip-req-build-'] },
    // pip unpacks each source distribution into `/tmp/pip-install-<random>/<name>_<32 hex>/`: the package, when no
    // `Collecting` line is kept.
    {
      name: 'sourceDir',
      literals: ['/pip-install-'],
      pattern: '/pip-install-[a-z0-9_]{1,20}/(?<name>[A-Za-z0-9][\\w.-]{0,100}?)_[0-9a-f]{32}/',
    },
    // The package pip stopped on: the last `Collecting` before the failure, or `Failed to build 'x'`.
    {
      name: 'package',
      keep: 'last',
      literals: ['Collecting ', 'Failed to build '],
      pattern: "(?:^\\s{0,200}Collecting |Failed to build ')(?<name>[A-Za-z0-9][\\w.-]{0,200})(?=[\\s'=<>!~\\[;(,]|$)",
    },
  ],
  scope: 'step',
  // A build that failed on `import distutils` (removed in Python 3.12) is pip/distutils-removed's: no build requirement or
  // isolation setting brings back a standard-library module (mit-ll/MaDDG#1).
  unless: [
    { literals: ["No module named 'distutils", 'distutils was removed from the standard library in Python', 'distutils` was removed from the standard library in Python'] },
  ],
  specificity: 3,
  message:
    'Building {context.package.name} imported {module}, which pip\'s isolated build environment does not have: pip builds each ' +
    'source distribution in a fresh environment with only its declared build requirements, so a {module} installed in the ' +
    'image is invisible there.',
  fix: withFlashAttnNote([
    'Install the build-time dependencies first, then build without isolation so the build sees them:',
    '',
    '```dockerfile',
    'RUN {enrich.buildDepsCmd}',
    'RUN {enrich.noIsolationCmd}',
    '```',
    '',
    'For CUDA extensions also set `TORCH_CUDA_ARCH_LIST` (the build has no GPU to detect) and `MAX_JOBS` (parallel compile jobs, ' +
      'and their memory).',
  ].join('\n')),
  variants: withFlashAttnVariants(
    'install torch and the build tools first, then build it with `--no-build-isolation`, so the build sees them.',
    [
    ...overlayTorchVariants(),
    { when: 'uvExtraRequires&faSource&faVersion&fact.place=image-build', title: UV_METADATA_TITLE, message: UV_METADATA_MESSAGE, fix: uvMetadataFix('dockerfile') },
    { when: 'uvExtraRequires&faSource&faVersion', title: UV_METADATA_TITLE, message: UV_METADATA_MESSAGE, fix: uvMetadataFix('sh') },
    {
      // Another package: uv prints the same line for any backend that fails when asked (a Python 2 backport, numpy's build on a
      // Python without distutils, a missing setuptools: astral-sh/uv threads), so this says what uv did and how to tell the causes apart.
      when: 'uvExtraRequires&!torchMissing',
      severity: 'warning',
      title: 'uv could not get a package\'s build requirements',
      message:
        'uv asked {context.uvBuilt.name|a package}\'s build backend for its build requirements (`get_requires_for_build_wheel`, which uv needs to read ' +
        'the metadata while resolving) and the backend failed. Its own output under `--- stderr:` says why.',
      fix:
        'Read the end of the output under `--- stderr:` (run the command again with `-v` for all of it). `No module named …` for a module the package ' +
        'imports without declaring it (torch, numpy, setuptools) is build isolation: uv\'s isolated build environment has only the declared build ' +
        'requirements. Add the module to the package in a `[tool.uv.extra-build-dependencies]` table of pyproject.toml (uv 0.8.4 or later), or install it first and ' +
        'list {context.uvBuilt.name|the package} under `no-build-isolation-package` (honoured by `uv sync` from uv 0.3.4; `--no-build-isolation` for ' +
        '`uv pip install`): https://docs.astral.sh/uv/concepts/projects/config/#build-isolation. Any other message is the package\'s own (a release ' +
        'not made for this Python, for one): pick a release that publishes a wheel for it.',
    },
    ...devSdistVariants(),
    ...directSetupVariants(),
    {
      // uv said which package it was building (its own hint): uv's forms, in the Dockerfile of an image build
      when: 'uvHint&fact.place=image-build',
      message:
        'uv built {context.uvHint.pkg} {context.uvHint.version} in an isolated build environment, and its build imported {module}, ' +
        'which that environment does not have: uv, like pip, builds each source distribution with only its declared build ' +
        'requirements, so a {module} installed in the image is invisible there.',
      fix: uvProjectFix('Then, in the Dockerfile:', ['```dockerfile', 'RUN uv venv', 'RUN uv pip install {module}', 'RUN uv sync', '```']),
    },
    {
      when: 'uvHint',
      message:
        'uv built {context.uvHint.pkg} {context.uvHint.version} in an isolated build environment, and its build imported {module}, ' +
        'which that environment does not have: uv, like pip, builds each source distribution with only its declared build ' +
        'requirements, so an installed {module} is invisible there.',
      fix: uvProjectFix('Then:', ['```sh', 'uv venv', 'uv pip install {module}', 'uv sync', '```']),
    },
    {
      when: 'legacyMetadata&enrich.requirement&enrich.moduleFirstCmd&fact.place=image-build',
      title: 'setup.py imports a module this Python does not have',
      message: LEGACY_MESSAGE,
      fix: legacyFix('dockerfile', []) + '\n\n{enrich.moduleFirstNote|}',
    },
    {
      when: 'legacyMetadata&enrich.requirement&fact.place=image-build',
      title: 'setup.py imports a module this Python does not have',
      message: LEGACY_MESSAGE,
      fix: legacyFix('dockerfile', TORCH_INDEX_UNKNOWN),
    },
    {
      when: 'legacyMetadata&enrich.requirement&enrich.moduleFirstCmd',
      title: 'setup.py imports a module this Python does not have',
      message: LEGACY_MESSAGE,
      fix: legacyFix('sh', []) + '\n\n{enrich.moduleFirstNote|}',
    },
    {
      when: 'legacyMetadata&enrich.requirement',
      title: 'setup.py imports a module this Python does not have',
      message: LEGACY_MESSAGE,
      fix: legacyFix('sh', TORCH_INDEX_UNKNOWN),
    },
    ...(['unnamedReq', ''] as const).flatMap((ctx) => {
      const when = ctx === '' ? 'legacyMetadata&!enrich.requirement' : 'legacyMetadata&unnamedReq';
      const message = ctx === '' ? LEGACY_MESSAGE.replace("{enrich.requirement}'s metadata", "a requirement's metadata") : UNNAMED_LEGACY_MESSAGE;
      return [
        { when: `${when}&fact.place=image-build`, title: 'setup.py imports a module this Python does not have', message, fix: unnamedLegacyFix('In the Dockerfile, with the requirements file copied in:', 'RUN ') },
        { when: `${when}&!fact.place=image-build&fact.place`, title: 'setup.py imports a module this Python does not have', message, fix: unnamedLegacyFix('With a requirements file:', '') },
        { when, title: 'setup.py imports a module this Python does not have', message, fix: unnamedLegacyFix('In a Dockerfile, with the requirements file copied in (in a shell, the same commands without `RUN`):', 'RUN ') },
      ];
    }),
    {
      // a pasted terminal session or `docker run`: shell commands, not Dockerfile lines
      when: 'buildEnv&package&!fact.place=image-build',
      fix: [
        'Install the build-time dependencies first, then build without isolation so the build sees them:',
        '',
        '```sh',
        '{enrich.buildDepsCmd}',
        '{enrich.noIsolationCmd}',
        '```',
        '',
        'For CUDA extensions also set `TORCH_CUDA_ARCH_LIST` (the build has no GPU to detect) and `MAX_JOBS` (parallel compile jobs, ' +
          'and their memory).',
      ].join('\n'),
    },
    {
      when: '!buildEnv',
      message:
        'Python could not import {module}. If this came from building a package (setup.py importing torch), pip\'s build isolation ' +
        'hid the installed {module}: install it first and build that package with `--no-build-isolation`; otherwise install ' +
        '{module} in this stage.',
      fix:
        'If a package build imported {module}: install {module} first, then install the package with `--no-build-isolation` ' +
        '(pip and uv both have the flag). If your own code imported it, add {module} to this stage\'s requirements.',
    },
    {
      when: '!package',
      message:
        'A package build imported {module}, which pip\'s isolated build environment does not have: pip builds each source ' +
        'distribution in a fresh environment with only its declared build requirements, so the {module} installed in the image is ' +
        'invisible there. The log kept here does not name the package.',
      fix:
        'Find the package (the last `Collecting …` line before the error), install its build-time dependencies ({module}, ninja, ' +
        'packaging, wheel, setuptools) first, then install it with `--no-build-isolation` so the build sees them.',
    },
    ],
  ),
  enrich: ['pip-advice', 'flash-attn-wheel', 'cuda-driver'],
  only: 'failed-step',
  docs: 'https://pip.pypa.io/en/stable/cli/pip_install/#cmdoption-no-build-isolation',
};
