// Two CUDA versions in one build that must agree and do not:
// - torch.utils.cpp_extension refuses to compile an extension with a toolkit whose major version differs from
//   the one torch was built with (`torch.version.cuda`). A minor difference is only a UserWarning
//   ("has a minor version mismatch … Most likely this shouldn't be a problem"): not matched.
// - NVIDIA apex's setup.py (check_cuda_torch_binary_vs_bare_metal, NVIDIA/apex setup.py@705cba91) is stricter:
//   it raises when nvcc's major OR minor differs from torch.version.cuda ("Cuda extensions are being compiled
//   with a version of Cuda that does not match … Pytorch binaries were compiled with Cuda 12.1."), after printing
//   `nvcc -V` of `$CUDA_HOME/bin`. So its torch-side fix needs an index for exactly the toolkit's release
//   (cuda-exact-torch.ts), and the `≤ minor` index that cpp_extension tolerates does not help.
//   torch finds CUDA_HOME from CUDA_HOME / CUDA_PATH, else the nvcc on PATH, else /usr/local/cuda
//   (torch/utils/cpp_extension.py, _find_cuda_home).
// - DeepSpeed's op builder (op_builder/builder.py, assert_no_cuda_mismatch) is stricter too: it runs
//   `$CUDA_HOME/bin/nvcc -V` (CUDA_HOME as torch.utils.cpp_extension found it) and raises when that major.minor differs
//   from torch.version.cuda's, unless its `cuda_minor_mismatch_ok` table lists both under their major (older releases'
//   tables hold only 10.x and 11.x, so there any CUDA 12 pair of different minors is refused); a different major is never
//   listed. Releases with `DS_SKIP_CUDA_CHECK=1` (deepspeedai/DeepSpeed#3436) print the mismatch as a `[WARNING]` and
//   go on. So the nearest-index advice below, right for cpp_extension, is wrong for DeepSpeed: its fix is the same release.
// - ptxas older than the compiler that wrote the PTX (Triton, numba and JAX bring their own code generators;
//   a newer nvcc's PTX given to an older toolkit's ptxas): `Unsupported .version 8.5; current version is '7.5'`.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';
import { pygPackagePattern } from '../../../knowledge/pyg-wheels.js';

/** The tail of the tuple form: `CUDA versions.', '12.4', '13.0')` (toolkit, then torch). */
const TUPLE_VERSIONS = "versions\\.', '(?<cudaVersion>\\d{1,3}\\.\\d{1,3})', '(?<torchCuda>\\d{1,3}\\.\\d{1,3})'\\)";

const APEX_TITLE = "CUDA toolkit and torch's CUDA differ (apex's check)";
const APEX_STRICT =
  'Apex compiles `--cuda_ext` only when the two are the same release, minor included (its check_cuda_torch_binary_vs_bare_metal); ' +
  'torch.utils.cpp_extension itself refuses only a different major.';
const APEX_OWN_HINT =
  "Apex's own hint, commenting the check out of its setup.py, builds the extensions against a CUDA other than torch's: at your own risk, and only for a minor difference.";

/** Where the failing command ran: an image build, elsewhere (a host shell, a container, a conda env), or not shown. */
type Where = 'image' | 'elsewhere' | 'either';

/** The variant condition of each `Where`. */
const WHERE_WHEN: Record<Where, string> = { image: '&fact.place=image-build', either: '&!fact.place', elsewhere: '' };

/** Build with torch's CUDA: a `-devel` image of it in a Dockerfile, the toolkit under CUDA_HOME elsewhere, both when the log does not say. */
function torchSide(where: Where): string {
  if (where === 'either') {
    return (
      'or keep this torch and build with a toolkit of its CUDA {torchCuda|release}: in a Dockerfile, a `-devel` image of it ' +
      '({enrich.torchCudaImage|tags at https://hub.docker.com/r/nvidia/cuda/tags}); in a shell or a conda environment, that toolkit installed ' +
      'beside this one (https://developer.nvidia.com/cuda-toolkit-archive) with `CUDA_HOME` pointing at it (torch reads CUDA_HOME first, then the nvcc on PATH).'
    );
  }
  return where === 'image'
    ? 'or keep this torch and compile in a `-devel` image of its CUDA {torchCuda|release}: {enrich.torchCudaImage|pick the tag for your OS at the link that follows}' +
        ' (tags: {enrich.torchCudaTags|https://hub.docker.com/r/nvidia/cuda/tags}). NVIDIA deletes tags of releases past end of life, so an old one may be gone.'
    : "or keep this torch and install the CUDA {torchCuda|release it was built with} toolkit, then point `CUDA_HOME` at it in the shell that builds (apex runs `$CUDA_HOME/bin/nvcc -V`; without CUDA_HOME, torch takes the nvcc on PATH, then /usr/local/cuda).";
}

/** apex's stricter check: toolkit known or not, in an image build or elsewhere. */
function apexVariants(): Variant[] {
  const out: Variant[] = [];
  for (const where of ['image', 'either', 'elsewhere'] as const) {
    const place = WHERE_WHEN[where];
    // the toolkit's release: apex's own `nvcc -V` printout in the step, else what the build facts know
    for (const known of ['nvcc', 'fact.cuda']) {
      out.push({
        when: `apex&${known}${place}`,
        title: APEX_TITLE,
        message: `apex's setup.py stopped the build: the nvcc it found is CUDA {enrich.cudaVersion} and torch was built with CUDA {torchCuda|another release}. ${APEX_STRICT}`,
        fix: ['Make them the same release, one of two ways:', '', '- {enrich.exactTorchSide};', `- ${torchSide(where)}`, '', APEX_OWN_HINT].join('\n'),
      });
    }
    out.push({
      when: `apex${place}`,
      title: APEX_TITLE,
      message:
        "apex's setup.py stopped the build: torch was built with CUDA {torchCuda|another release} and the nvcc it found is another release " +
        `(apex prints \`nvcc -V\` of that toolkit above the error; this log does not show it). ${APEX_STRICT}`,
      fix: [
        'Print the toolkit apex found, in the same stage or shell as the build:',
        '',
        '```sh',
        'echo "CUDA_HOME=$CUDA_HOME"; nvcc --version',
        '```',
        '',
        'Then make the two the same release, one of two ways:',
        '',
        '- keep the toolkit and install the torch built for exactly its release, if PyTorch published one: its index is https://download.pytorch.org/whl/ plus `cu` and the release without its dot ' +
          '(`cu121` for 12.1), and pytorch.org/get-started/previous-versions lists which torch releases each has;',
        `- ${torchSide(where)}`,
        '',
        APEX_OWN_HINT,
      ].join('\n'),
    });
  }
  return out;
}

// The torch install command a fix prints, with the note on torchvision / torchaudio of the same release.
const TORCH_INSTALL_BLOCK = [
  '',
  '```sh',
  '{enrich.torchInstall}',
  '```',
  '',
  '  {enrich.pairedNote|(with the torchvision / torchaudio of the same release, from the same index);}',
];

/**
 * The two ways to make them agree. The torch side is a `-devel` image of torch's CUDA only in an image build; in a host
 * shell or a conda environment it is that toolkit under CUDA_HOME (torch.utils.cpp_extension's _find_cuda_home reads
 * CUDA_HOME first, then the nvcc on PATH, then /usr/local/cuda). `/usr/local/cuda-X.Y` is the toolkit's default install
 * directory (NVIDIA's CUDA Installation Guide for Linux, runfile and package installs).
 */
function mismatchFix(where: Where): string {
  const imageBuild = where === 'image';
  return [
    'Make the two agree, one of two ways:',
    '',
    '- keep this toolkit ({enrich.cudaVersion}) and install a torch built for it, from a PyTorch index that exists for it ({enrich.wheelIndex}):',
    ...TORCH_INSTALL_BLOCK,
    where === 'either'
      ? `- ${torchSide('either')}`
      : imageBuild
      ? '- or keep this torch and compile in a `-devel` image of its CUDA {torchCuda}: {enrich.torchCudaImage|pick the tag for your OS at the link that follows}' +
        ' (tags: {enrich.torchCudaTags}). NVIDIA deletes tags of releases past end of life, so an old one may be gone.'
      : '- or keep this torch and install the CUDA {torchCuda} toolkit beside this one (https://developer.nvidia.com/cuda-toolkit-archive), ' +
        'then point `CUDA_HOME` at it in the shell that builds (`export CUDA_HOME=/usr/local/cuda-{torchCuda}`, its default install directory).',
    '',
    where === 'either'
      ? 'Check which toolkit the build sees: `nvcc --version` and `echo $CUDA_HOME` in the same RUN or shell as the build (CUDA_HOME wins over the nvcc on PATH).'
      : imageBuild
      ? 'Check which toolkit the build sees: `nvcc --version` and `echo $CUDA_HOME` in the same RUN (CUDA_HOME wins over the nvcc on PATH).'
      : 'Check which toolkit the build sees: `nvcc --version` and `echo $CUDA_HOME` in the shell that builds (CUDA_HOME wins over the nvcc on PATH).',
  ].join('\n');
}

/** DeepSpeed's check wants the same major.minor (see above): torch for the toolkit, or the toolkit of torch's CUDA. */
const DEEPSPEED_TITLE = "CUDA toolkit and torch's CUDA differ (DeepSpeed's check)";
const DEEPSPEED_MESSAGE =
  "DeepSpeed's op builder stopped the build: the nvcc under torch's CUDA_HOME is CUDA {cudaVersion}, and torch was built with CUDA " +
  '{torchCuda}. DeepSpeed compiles its ops only when the two are the same release, minor included, unless its own table of ' +
  'compatible minor releases (`cuda_minor_mismatch_ok` in op_builder/builder.py) lists both; a different major is never listed.';
const DEEPSPEED_TOOLKIT_SIDE =
  "point `CUDA_HOME` at a CUDA {torchCuda} toolkit (https://developer.nvidia.com/cuda-toolkit-archive), in the shell " +
  'or stage that installs DeepSpeed: DeepSpeed runs `$CUDA_HOME/bin/nvcc -V`, and torch takes CUDA_HOME before the nvcc on PATH.';
const DEEPSPEED_SKIP =
  'DeepSpeed releases that know `DS_SKIP_CUDA_CHECK=1` (deepspeedai/DeepSpeed#3436) turn this refusal into a warning: for a minor ' +
  'difference at most, at your own risk, never across majors.';

function deepspeedVariants(): Variant[] {
  const withIndex = (image: boolean): string[] => [
    'Make them the same release, one of two ways:',
    '',
    '- install a torch built for this toolkit (CUDA {cudaVersion}), from its PyTorch index ({enrich.wheelIndex}), then install DeepSpeed again:',
    '',
    image ? '```dockerfile' : '```sh',
    image ? 'RUN {enrich.torchInstall}' : '{enrich.torchInstall}',
    '```',
    '',
    `- or keep this torch and ${DEEPSPEED_TOOLKIT_SIDE}`,
    '',
    DEEPSPEED_SKIP,
  ];
  const toolkitOnly = (lead: string): string =>
    [
      lead,
      '',
      `- Keep this torch and ${DEEPSPEED_TOOLKIT_SIDE}`,
      '- Or move the toolkit and torch together to one CUDA release that has a PyTorch index (https://download.pytorch.org/whl/ plus `cu` ' +
        'and the release without its dot; pytorch.org/get-started/previous-versions lists them per release).',
      '',
      DEEPSPEED_SKIP,
    ].join('\n');
  // The log shows torch's CUDA but not its release, and no torch of that CUDA has a build on the toolkit's index (the
  // generation gap, torch-index-pin.ts): a torch for the toolkit is another release, which the project's pins decide, so
  // the toolkit of torch's CUDA leads and the index switch leaves the release to fill (JIA-Lab-research/MGM#91).
  const gap = (image: boolean): string =>
    [
      'Make them the same release, one of two ways:',
      '',
      `- keep this torch and ${DEEPSPEED_TOOLKIT_SIDE}`,
      '- or install a torch built for this toolkit (CUDA {cudaVersion}), from its PyTorch index ({enrich.wheelIndex}). The log does not show ' +
        'the torch release the project uses: `pip show torch` prints the one installed, the project\'s requirements (requirements.txt, ' +
        'pyproject.toml, setup.py) the one it pins. The torch builds for CUDA {torchCuda} are {enrich.gapBuiltFor}, and PyTorch published ' +
        '{enrich.gapRange} on that index (pytorch.org/get-started/previous-versions), so this is another torch release: take the one the ' +
        'project accepts, with the torchvision and torchaudio released with it, then install DeepSpeed again:',
      '',
      image ? '```dockerfile' : '```sh',
      image ? 'RUN {enrich.gapPlaceholderInstall}' : '{enrich.gapPlaceholderInstall}',
      '```',
      '',
      DEEPSPEED_SKIP,
    ].join('\n');
  return [
    { when: 'deepspeed&enrich.torchGap&enrich.gapPlaceholderInstall&fact.place=image-build', title: DEEPSPEED_TITLE, message: DEEPSPEED_MESSAGE, fix: gap(true) },
    { when: 'deepspeed&enrich.torchGap&enrich.gapPlaceholderInstall', title: DEEPSPEED_TITLE, message: DEEPSPEED_MESSAGE, fix: gap(false) },
    { when: 'deepspeed&enrich.torchInstall&fact.place=image-build', title: DEEPSPEED_TITLE, message: DEEPSPEED_MESSAGE, fix: withIndex(true).join('\n') },
    { when: 'deepspeed&enrich.torchInstall', title: DEEPSPEED_TITLE, message: DEEPSPEED_MESSAGE, fix: withIndex(false).join('\n') },
    {
      when: 'deepspeed&enrich.noIndexCuda',
      title: DEEPSPEED_TITLE,
      message: DEEPSPEED_MESSAGE,
      fix: toolkitOnly(
        'PyTorch publishes no wheel index for CUDA {enrich.noIndexCuda}, so no torch is built for this toolkit, and a torch of a neighbouring ' +
          "CUDA release passes DeepSpeed's check only where its table lists both. Make them the same release:",
      ),
    },
    { when: 'deepspeed', title: DEEPSPEED_TITLE, message: DEEPSPEED_MESSAGE, fix: toolkitOnly('Make them the same release:') },
  ];
}

/**
 * The toolkit's CUDA has no PyTorch index (12.0: the CUDA 12 indexes begin at cu121), so no torch is built for it: the
 * fix moves to another CUDA that has one, never to an empty install line (no-torch-index-enricher.ts).
 */
function noIndexVariants(): Variant[] {
  const none = 'PyTorch publishes no wheel index for CUDA {enrich.noIndexCuda}, so no torch build matches this toolkit (pytorch.org/get-started/previous-versions lists the indexes per release).';
  const isolation =
    'If the check ran in pip\'s isolated build environment (`/tmp/pip-build-env-…` in the traceback), that torch came from the package\'s build ' +
    'requirements: build with `--no-build-isolation` so it uses the torch you installed, and pin the torch release those requirements name ' +
    '(`[build-system] requires` in its pyproject.toml) rather than the newest on the index.';
  // The toolkit is the older piece (enrich.olderToolkit): lead with a toolkit of torch's CUDA, as the reporter of
  // lipzh5/ResearchProgress#11 did by matching the two. PyG's extensions (torch-scatter, …) need no toolkit at all: their wheels
  // for a torch release and CUDA tag are at https://data.pyg.org/whl/torch-<torch>+<tag>.html (pyg-wheels.ts, rusty1s/pytorch_scatter
  // README); the torch release is not in the log, so the command reads it.
  const keepTorch = (image: boolean, lead = 'Keep this torch and build with its CUDA'): string =>
    lead +
    (image
      ? ': base the stage that builds on a `-devel` image of CUDA {enrich.olderToolkit} (https://hub.docker.com/r/nvidia/cuda/tags?name={enrich.olderToolkit}), whose nvcc is on PATH and whose toolkit is /usr/local/cuda.'
      : ": install the CUDA {enrich.olderToolkit} toolkit beside this one (https://developer.nvidia.com/cuda-toolkit-archive; it installs under /usr/local/cuda-{enrich.olderToolkit}) and point `CUDA_HOME` at it in the shell that builds (torch takes CUDA_HOME before the nvcc on PATH):\n\n```sh\nexport CUDA_HOME=/usr/local/cuda-{enrich.olderToolkit}\nexport PATH=\"$CUDA_HOME/bin:$PATH\"\n```");
  const older = 'The toolkit is the older piece: CUDA {enrich.noIndexCuda} against a torch built for CUDA {enrich.olderToolkit}, and a torch for a CUDA {enrich.noIndexCuda}-era index would be a torch of another generation.';
  const pygWheel = [
    '{context.pyg.pkg} has prebuilt wheels for each torch release and CUDA, so nothing needs compiling: install the one for this torch and CUDA {enrich.olderToolkit} from PyG\'s page:',
    '',
    '```sh',
    'TORCH=$(python -c "import torch; print(torch.__version__.split(\'+\')[0])")',
    'pip install {context.pyg.pkg} -f "https://data.pyg.org/whl/torch-${TORCH}+{enrich.torchTag}.html"',
    '```',
  ].join('\n');
  const olderVariants = (image: boolean): Variant[] => {
    const place = image ? '&fact.place=image-build' : '';
    return [
      { when: `enrich.noIndexCuda&enrich.olderToolkit&pyg${place}`, fix: [older, '', pygWheel, '', keepTorch(image, 'Or build it against this torch with its CUDA')].join('\n') },
      { when: `enrich.noIndexCuda&enrich.olderToolkit${place}`, fix: [older, '', keepTorch(image)].join('\n') },
    ];
  };
  return [
    ...olderVariants(true),
    ...olderVariants(false),
    {
      when: 'enrich.noIndexCuda&enrich.otherCuda',
      fix: [
        `${none} The nvcc on PATH in this log is CUDA {enrich.otherCuda}, which has one ({enrich.otherIndex}), but torch took the ${'{cudaVersion}'} toolkit from CUDA_HOME (or CUDA_PATH), which torch reads before PATH. Build against the {enrich.otherCuda} toolkit with a torch built for it, where the build runs:`,
        '',
        '```sh',
        'export CUDA_HOME="$(dirname "$(dirname "$(command -v nvcc)")")"   # the toolkit of that nvcc; "$CUDA_HOME/bin/nvcc" --version must say {enrich.otherCuda}',
        '{enrich.otherInstall}',
        '```',
        '',
        isolation,
      ].join('\n'),
    },
    {
      when: 'enrich.noIndexCuda&enrich.nearestCuda',
      fix: [
        `${none} The nearest that has one is CUDA {enrich.nearestCuda} ({enrich.otherIndex}): torch.utils.cpp_extension refuses only a different major and ` +
          'warns on a different minor, so a torch built for it compiles with this toolkit (its wheels bring their own CUDA runtime, which needs a driver of ' +
          'CUDA {enrich.nearestCuda} or newer: `nvidia-smi` prints the one the driver supports):',
        '',
        '```sh',
        '{enrich.otherInstall}',
        '```',
        '',
        isolation,
        '',
        'Or point `CUDA_HOME` at a toolkit of torch\'s CUDA {torchCuda|release} (torch takes CUDA_HOME before the nvcc on PATH).',
      ].join('\n'),
    },
    {
      when: 'enrich.noIndexCuda',
      fix: `${none} Point \`CUDA_HOME\` at a toolkit of torch's CUDA {torchCuda|release} instead (torch takes CUDA_HOME before the nvcc on PATH), or move to a CUDA release that has an index: its index is https://download.pytorch.org/whl/ plus \`cu\` and the release without its dot.`,
    },
  ];
}

/**
 * The extension being compiled is one that publishes prebuilt wheels per torch release (xformers, flash-attn): the check
 * failed only because pip compiled it, so the first fix installs a wheel built for this torch, torch unchanged; then the
 * toolkit of torch's CUDA; moving torch comes last, since every package built on it is pinned to its release.
 * - xformers: each wheel is built for one torch release and pins it exactly (`xformers 0.0.26.post1 depends on torch==2.3.0`,
 *   knowledge/xformers-build-enricher.ts); pip compiles it when no wheel of the release it chose fits the environment's torch,
 *   Python or platform (AUTOMATIC1111/stable-diffusion-webui#10125: a Python 3.11 venv, torch cu117, system nvcc 12.1; the
 *   xformers maintainer in facebookresearch/xformers#748: "we provide (already pre-compiled) binaries"). Named beside the
 *   installed torch release, pip takes the xformers release built for it (pip/extension-sdist-fallback, the README's
 *   `pip3 install -U xformers --index-url https://download.pytorch.org/whl/cu121`). `--only-binary <names>` makes pip fail
 *   instead of compiling those packages (pip install's options: "Do not use source packages … one or more package names").
 * - flash-attn: its setup.py downloads the wheel for this torch's major.minor, CUDA, Python and C++ ABI from the project's GitHub
 *   release and compiles only when that file is missing (knowledge/flash-attn-wheels.ts, setup.py `get_wheel_url`).
 */
function prebuiltVariants(): Variant[] {
  const xformersFirst = (fence: 'sh' | 'dockerfile'): string[] => [
    '- first, do not compile: install a prebuilt xformers wheel matching this torch (built with CUDA {torchCuda|its release}), torch unchanged. ' +
      'Each xformers wheel is built for one torch release and requires it exactly; named beside the torch you have, pip takes the xformers release built ' +
      'for it, and `--only-binary xformers` makes it stop instead of compiling again:',
    '',
    '```' + fence,
    (fence === 'dockerfile' ? 'RUN ' : '') +
      'TORCH=$(python -c "import torch; print(torch.__version__.split(\'+\')[0])") && ' +
      'CU=$(python -c "import torch; print(\'cu\' + torch.version.cuda.replace(\'.\', \'\'))") && ' +
      'pip install --only-binary xformers "torch==$TORCH" xformers --index-url "https://download.pytorch.org/whl/$CU"',
    '```',
    '',
    '  If pip finds no such wheel there (PyTorch\'s index of an older CUDA may carry no xformers for this torch), pick the xformers release whose wheel requires this ' +
      'torch (`xformers X depends on torch==Y` in pip\'s output, or https://github.com/facebookresearch/xformers/releases) and check on its PyPI page ' +
      '(https://pypi.org/project/xformers/#history, "Download files") that it has a wheel for this Python ({fact.python|`python --version` prints it}; the `cp3XY` part of a wheel\'s name) ' +
      'and platform: with none for them, pip takes the source;',
  ];
  const flashFirst = [
    '- first, do not compile: install the prebuilt flash-attn wheel matching this torch. Its setup.py downloads the wheel named for this torch\'s ' +
      'major.minor, CUDA, Python and C++ ABI from the project\'s GitHub release and compiles only when that file is missing: ' +
      'https://github.com/Dao-AILab/flash-attention/releases lists each release\'s wheels, whose names carry the CUDA, the torch major.minor, the C++ ABI and the Python (`+cu12torch2.4cxx11abiFALSE-cp311-cp311`); ' +
      '`pip install` the URL of the one whose torch, CUDA major and Python are this environment\'s (`python -c "import torch; print(torch.__version__, torch.version.cuda, torch._C._GLIBCXX_USE_CXX11_ABI)"` prints them), or pin a flash-attn release that published it;',
  ];
  const keepTorch = (where: Where): string => `- ${torchSide(where).replace(/\.$/, '')};`;
  const moveTorch = (gap: boolean): string[] => [
    gap
      ? '- only if neither works, keep this toolkit ({enrich.cudaVersion}) and install a torch built for it, which is another torch release: every package built on torch was pinned for the one you have, so check their requirements first ({enrich.wheelIndex}):'
      : '- or keep this toolkit ({enrich.cudaVersion}) and install a torch built for it, from a PyTorch index that exists for it ({enrich.wheelIndex}):',
    ...TORCH_INSTALL_BLOCK,
  ];
  // torch's CUDA a generation before the toolkit's (the enricher's `torchGap`): the toolkit of torch's CUDA before another torch
  const rest = (where: Where, gap: boolean): string[] => (gap ? [keepTorch(where), ...moveTorch(true)] : [...moveTorch(false), keepTorch(where)]);
  const check = 'Check which toolkit the build sees: `nvcc --version` and `echo $CUDA_HOME` where the build runs (CUDA_HOME wins over the nvcc on PATH).';
  const lead = '{context.prebuilt.pkg} publishes prebuilt wheels, each built for one torch release: the check failed only because pip compiled it here. In this order:';
  const out: Variant[] = [];
  for (const [pkgWhen, first] of [['xformersBuild', xformersFirst], ['flashAttnBuild', () => flashFirst]] as const) {
    for (const gap of [true, false]) {
      const g = gap ? '&enrich.torchGap' : '';
      out.push(
        { when: `${pkgWhen}&enrich.torchInstall${g}&fact.place=image-build`, fix: [lead, '', ...first('dockerfile'), ...rest('image', gap), '', check].join('\n') },
        { when: `${pkgWhen}&enrich.torchInstall${g}&!fact.place`, fix: [lead, '', ...first('sh'), ...rest('either', gap), '', check].join('\n') },
        { when: `${pkgWhen}&enrich.torchInstall${g}`, fix: [lead, '', ...first('sh'), ...rest('elsewhere', gap), '', check].join('\n') },
      );
    }
  }
  return out;
}

/**
 * torch's CUDA and the toolkit's are a generation apart (cu117 against a 12.1 toolkit, whose index begins at torch 2.1): a torch
 * for the toolkit is another torch release, so keeping torch and matching the toolkit to it comes first (the enricher's `torchGap`).
 */
function gapVariants(): Variant[] {
  const fix = (where: Where): string =>
    [
      'Make the two agree. torch\'s CUDA and this toolkit are a generation apart, so keep torch and match the toolkit to it first:',
      '',
      `- ${torchSide(where).replace(/^or k/, 'K').replace(/\.$/, '')};`,
      '- or keep this toolkit ({enrich.cudaVersion}) and install a torch built for it, which is another torch release: every package built on torch was pinned for the one you have, so check their requirements first ({enrich.wheelIndex}):',
      '',
      '```sh',
      '{enrich.torchInstall}',
      '```',
      '',
      '  {enrich.pairedNote}',
      '',
      'Check which toolkit the build sees: `nvcc --version` and `echo $CUDA_HOME` where the build runs (CUDA_HOME wins over the nvcc on PATH).',
    ].join('\n');
  return [
    { when: 'enrich.torchGap&enrich.torchInstall&fact.place=image-build', fix: fix('image') },
    { when: 'enrich.torchGap&enrich.torchInstall&!fact.place', fix: fix('either') },
    { when: 'enrich.torchGap&enrich.torchInstall', fix: fix('elsewhere') },
  ];
}

export const versionMismatch: RuleInput = {
  id: 'cuda/version-mismatch',
  title: 'CUDA toolkit version does not match',
  severity: 'error',
  match: [
    // `The detected CUDA version (12.1) mismatches the version that was used to compile` … `PyTorch (11.8). Please make sure …`:
    // printed on two lines by older torch, on one line (`compilePyTorch`, no space) by newer ones. Quoted without its first
    // words in a report's title or prose: `… - CUDA version (11.8) mismatches the version that was used to compile PyTorch
    // (12.1)` (mistralai/mistral-inference#54, a log cut before the traceback).
    {
      literals: ['mismatches the version that was used to compile'],
      pattern:
        '(?:detected )?CUDA version \\((?<cudaVersion>\\d{1,3}\\.\\d{1,3})\\) mismatches the version that was used to compile(?: ?PyTorch \\((?<torchCuda>\\d{1,3}\\.\\d{1,3})\\))?',
    },
    // torch ≥ 2.x raises `RuntimeError(CUDA_MISMATCH_MESSAGE, cuda_str_version, torch.version.cuda)` (cpp_extension.py,
    // _check_cuda_version), so Python prints the unformatted message and the versions as a tuple:
    // `RuntimeError: ('The detected CUDA version (%s) mismatches … compilePyTorch (%s). Please make sure to use the same CUDA versions.', '12.4', '13.0')`;
    // the toolkit's first, torch's second. A wrapping tool (uv) can push the tail, versions included, to the next line.
    {
      literals: ["versions.', '"],
      pattern: TUPLE_VERSIONS,
    },
    // the second line of the two-line form
    {
      literals: ['). Please make sure to use the same CUDA versions'],
      pattern: '^\\s{0,200}PyTorch \\((?<torchCuda>\\d{1,3}\\.\\d{1,3})\\)\\. Please make sure to use the same CUDA versions',
    },
    // apex: `RuntimeError: Cuda extensions are being compiled with a version of Cuda that does not match the version used to
    // compile Pytorch binaries.  Pytorch binaries were compiled with Cuda 12.1.`
    {
      literals: ['Cuda extensions are being compiled with a version of Cuda that does not match'],
      pattern: 'does not match the version used to compile Pytorch binaries\\.(?: {1,4}Pytorch binaries were compiled with Cuda (?<torchCuda>\\d{1,3}\\.\\d{1,3}))?',
    },
    // DeepSpeed's op builder makes the same check itself (op_builder/builder.py, assert_no_cuda_mismatch) when it
    // compiles its ops at install: `Exception: >- DeepSpeed Op Builder: Installed CUDA version 12.0 does not match the
    // version torch was compiled with 11.7, unable to compile cuda/cpp extensions` (a newer release raises
    // CUDAMismatchException with the same text). The toolkit's version first, torch.version.cuda second.
    {
      literals: ['DeepSpeed Op Builder: Installed CUDA version'],
      pattern:
        '(?<checker>DeepSpeed Op Builder): Installed CUDA version (?<cudaVersion>\\d{1,3}\\.\\d{1,3}) does not match the version torch was compiled with (?<torchCuda>\\d{1,3}\\.\\d{1,3}), unable to compile',
    },
    // `ptxas /tmp/x.ptx, line 5; fatal   : Unsupported .version 8.8; current version is '8.7'`
    {
      literals: ['Unsupported .version'],
      pattern: "Unsupported \\.version (?<ptxVersion>\\d{1,2}\\.\\d{1,2}); current version is '(?<ptxasVersion>\\d{1,2}\\.\\d{1,2})'",
    },
  ],
  context: [
    { name: 'ptx', literals: ['Unsupported .version'] },
    { name: 'apex', literals: ['Cuda extensions are being compiled with a version of Cuda that does not match'] },
    { name: 'deepspeed', literals: ['DeepSpeed Op Builder: Installed CUDA version'] },
    // apex prints `nvcc -V` before its check: `Cuda compilation tools, release 11.7, V11.7.99`
    { name: 'nvcc', literals: ['Cuda compilation tools, release '], pattern: 'Cuda compilation tools, release (?<cudaVersion>\\d{1,2}\\.\\d{1,2})' },
    // both versions printed (the one-line form, or both lines of the two-line form in the step)
    {
      name: 'both',
      literals: ['mismatches the version that was used to compile', "versions.', '", 'DeepSpeed Op Builder: Installed CUDA version'],
      pattern: `(?:detected )?CUDA version \\(\\d{1,3}\\.\\d{1,3}\\) mismatches the version that was used to compile ?PyTorch \\(\\d{1,3}\\.\\d{1,3}\\)|${TUPLE_VERSIONS}|Installed CUDA version \\d{1,3}\\.\\d{1,3} does not match the version torch was compiled with \\d`,
    },
    // a PyG extension pip failed to build: `ERROR: Failed building wheel for torch-scatter`
    { name: 'pyg', literals: ['Failed building wheel for torch', 'Failed building wheel for pyg'], pattern: `Failed building wheel for (?<pkg>${pygPackagePattern})\\b` },
    { name: 'second', literals: ['). Please make sure to use the same CUDA versions'] },
    // the extension pip failed to build is one that publishes prebuilt wheels: `ERROR: Failed building wheel for xformers`,
    // `Running setup.py install for xformers ... error` (AUTOMATIC1111/stable-diffusion-webui#10125), `Failed building wheel for flash-attn`
    {
      name: 'prebuilt',
      literals: ['Failed building wheel for ', 'Running setup.py install for '],
      pattern: '(?:Failed building wheel for|Running setup\\.py install for) (?<pkg>xformers|flash[-_]attn)\\b',
    },
    { name: 'xformersBuild', literals: ['for xformers'], pattern: '(?:Failed building wheel for|Running setup\\.py install for) xformers\\b' },
    { name: 'flashAttnBuild', literals: ['for flash-attn', 'for flash_attn'], pattern: '(?:Failed building wheel for|Running setup\\.py install for) flash[-_]attn\\b' },
    // the check ran in pip's isolated build environment: `File "/tmp/pip-build-env-4xnh4rb6/overlay/lib/python3.10/site-packages/
    // torch/utils/cpp_extension.py", … in _check_cuda_version` (vllm-project/vllm#1060). That torch is the one pip installed for
    // the build from the package's build requirements, not the environment's: a torch installed beside it changes nothing
    // until the package is built with `--no-build-isolation` (pip's "Build Isolation" docs; `uv pip` takes the same flag).
    { name: 'isolated', literals: ['/pip-build-env-'], pattern: '/pip-build-env-\\w{1,40}/overlay/\\S{0,200}/torch/' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'The CUDA toolkit in this stage is {cudaVersion|another version than torch\'s}, but torch was built with CUDA ' +
    '{torchCuda|another major version}: {checker|torch.utils.cpp_extension} refuses to compile an extension when the major versions differ, ' +
    'because the extension would link against a CUDA runtime torch does not use.',
  fix: mismatchFix('elsewhere'),
  variants: [
    {
      when: 'ptx',
      title: 'PTX newer than ptxas',
      message:
        'ptxas rejected PTX of ISA version {ptxVersion}: it understands PTX only up to {ptxasVersion}, so it comes from an older CUDA ' +
        'toolkit than the compiler that wrote the PTX (Triton, numba and JAX bring their own code generator; or a newer nvcc\'s ' +
        'output reached an older toolkit\'s ptxas).',
      fix: [
        'Use a ptxas at least as new as the PTX: the toolkit of a newer `-devel` image, or point the tool at one',
        '(`TRITON_PTXAS_PATH=/usr/local/cuda/bin/ptxas` for Triton, `XLA_FLAGS=--xla_gpu_cuda_data_dir=/usr/local/cuda` for JAX), or pin',
        'the tool to a release built for this toolkit. PTX ISA 9.x belongs to CUDA 13.x, 8.x to CUDA 12.x, 7.x to CUDA 11.x (ISA 8.5 needs CUDA 12.5).',
      ].join('\n'),
    },
    ...apexVariants(),
    ...deepspeedVariants(),
    {
      when: 'isolated&enrich.envTorchInstall',
      message:
        'The CUDA toolkit is {cudaVersion|another version than torch\'s}, but the torch that made the check was built with CUDA {torchCuda|another major version}, and ' +
        'that torch is the one pip installed into its isolated build environment (`/tmp/pip-build-env-…/overlay`) from the package\'s build requirements, ' +
        'not the torch of your environment. torch.utils.cpp_extension refuses to compile an extension when the major versions differ.',
      fix: [
        'Install a torch built for this toolkit ({enrich.cudaVersion}) in the environment, from a PyTorch index that exists for it ({enrich.wheelIndex}):',
        '',
        '```sh',
        '{enrich.envTorchInstall}',
        '```',
        '',
        'then build the package against that torch without build isolation: the same install command with `--no-build-isolation` (pip and `uv pip` both take it). ' +
          'Its other build requirements must then be installed first (its `pyproject.toml` lists them under `[build-system] requires`).',
        '',
        'Or keep the toolkit of torch\'s CUDA {torchCuda}: build with a CUDA {torchCuda} toolkit on PATH and in CUDA_HOME.',
      ].join('\n'),
    },
    {
      when: '!both&!second',
      fix: [
        'The log shows only part of the message, so one of the two versions is unknown here. Print both in the failing stage:',
        '',
        '```sh',
        'nvcc --version; echo "CUDA_HOME=$CUDA_HOME"; python3 -c "import torch; print(torch.__version__, torch.version.cuda)"',
        '```',
        '',
        'Then either install the torch built for the toolkit\'s CUDA (its index is https://download.pytorch.org/whl/ plus `cu` and the version without its dot, when PyTorch published one: ' +
          'pytorch.org/get-started/previous-versions lists them per release), or build with a toolkit of torch\'s CUDA (in a Dockerfile: a `-devel` image of it; elsewhere: that toolkit under `CUDA_HOME`).',
      ].join('\n'),
    },
    ...prebuiltVariants(),
    ...noIndexVariants(),
    ...gapVariants(),
    // the `-devel` image of torch's CUDA only where the failing command ran in an image build
    { when: 'fact.place=image-build', fix: mismatchFix('image') },
    // where the log does not say: both ways, each named by its place
    { when: '!fact.place', fix: mismatchFix('either') },
  ],
  // the toolkit (`cudaVersion`) → a real torch wheel index for it (wheelTagFor, torch-wheels.ts) and the
  // install command in the step's installer; torch's CUDA (`torchCuda`) → a devel tag of it (cuda-image-tags.ts).
  // PTX ISA 9.0 = CUDA 13: nvcc 13.0 on this machine writes `.version 9.0`.
  // a toolkit without a PyTorch index of its own (CUDA 12.0) → another CUDA that has one (no-torch-index-enricher.ts)
  enrich: ['cuda-version', 'no-torch-index'],
  docs: 'https://pytorch.org/docs/stable/cpp_extension.html',
};
