// A compiled extension (a pip-installed CUDA / C++ extension, an egg from `setup.py install`, a .so
// built in a source tree) that the loader refuses because a symbol of PyTorch's C++ library is
// missing: `ImportError: …/libtorchtrt.so: undefined symbol: _ZN3c106detail23torchInternalAssertFailEPKcS2_jS2_RKSs`
// (pytorch/serve#2500), `…/sgutilslib.cpython-38-x86_64-linux-gnu.so: undefined symbol: _ZN3c104cuda9SetDeviceEi`
// (facebookresearch/goliath#23; the debugger prints it without `ImportError:`). The symbol is in
// c10 / at / torch (`_ZN3c10`, `_ZN2at`, `_ZN5torch`, `K` after `_ZN` for a const method): the
// extension was compiled against another torch release, or another C++ ABI, than the torch that
// loads it; the maintainers' answer in each thread is to rebuild it against the torch in use
// (pytorch/TensorRT#3350, goliath#23) or install the build made for it. What the symbol says is read
// by the `torch-symbol` enricher (knowledge/torch-symbol.ts: names, ABI, the rebuild).
// Not this rule: a symbol of the extension's own code (SarahWeiii/diso#17, `_ZN8cudualmc…`: its CUDA
// half was not compiled) or of another library (Boost.Python): the nomatch fixtures.
// The rebuild: `--no-build-isolation` so the build sees the installed torch (pip builds in an isolated
// environment with whatever torch the package's build requirements fetch otherwise:
// toshas/torch-discounted-cumsum#9), `--no-cache-dir` so pip does not reinstall the wheel it built
// before, `--force-reinstall --no-deps --no-binary` to rebuild this package alone and leave torch as it is.
// xFormers checks the same thing itself at import and says it in words: `xFormers can't load C++/CUDA extensions. xFormers
// was built for:` / `PyTorch 2.3.0+cu121 with CUDA 1201 (you have 2.4.0+cu121)` (unslothai/unsloth#1026; `(you have
// 2.1.2+cpu)`, open-mmlab/PIA#30). Its wheels are built for one torch release each and pin it; the `xformers-build`
// enricher (knowledge/xformers-build-enricher.ts) writes the xformers for the installed torch, or that torch back.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';
import { PATH_CHAR } from '../../path-chars.js';

const CHECK = 'See both sides where it runs: `{enrich.torchFacts}` prints the installed torch (version, CUDA, C++11 ABI true or false){enrich.showNote|.}';

const REBUILD_WHY = 'Rebuild it against the torch installed there (`--no-build-isolation`: the build sees this torch; `--no-cache-dir`: pip does not reuse the wheel it built before; `--no-deps`: torch stays as it is)';

/** The rebuild as a Dockerfile line after `lead`, or the build made for that torch. */
function dockerfileRebuild(lead: string): string {
  return [
    lead,
    '',
    '```dockerfile',
    'RUN {enrich.rebuild}',
    '```',
    '',
    `or install the build of \`{enrich.dist}\` made for that torch release. ${CHECK}`,
    '',
    '{enrich.wheelNote|}',
  ].join('\n');
}

const XF_IMAGE = 'In an image, that is a `RUN` line after the one that installs torch.';
const XF_CHECK = '`python -m xformers.info` then lists its kernels as available.';
// xFormers' check is a warning, not an exception: `[xformers|WARNING]WARNING[XFORMERS]: xFormers can't load C++/CUDA
// extensions.` … `Memory-efficient attention, SwiGLU, sparse and more won't be available.` (unslothai/unsloth#8580, a
// service's journal), so a program that uses xformers only where it loads goes on without those kernels.
const XF_OPTIONAL =
  'Run these with the `pip` of the environment the program runs in (a service\'s venv: its `bin/python -m pip`). This is a ' +
  'warning and the program goes on without those kernels: where it does not need xformers, `pip uninstall -y xformers` ends it too.';

/** xFormers' own report: its wheel was built for `builtTorch`, the torch installed is `haveTorch`. */
function xformersVariants(): Variant[] {
  const title = 'xFormers built for another PyTorch';
  return [
    {
      when: 'xformers&enrich.xfCpuFix',
      title,
      message:
        'xFormers was built for PyTorch `{builtTorch}+{builtTag}`, and the torch installed is `{haveTorch}+cpu`, a build ' +
        'without CUDA, so xFormers cannot load its C++/CUDA kernels (memory-efficient attention and the rest are unavailable).',
      fix: ['Install the CUDA build of that torch:', '', '```sh', '{enrich.xfCpuFix}', '```', '', `${XF_IMAGE} ${XF_CHECK}`].join('\n'),
    },
    {
      when: 'xformers&enrich.xfMatchFix&enrich.xfRollbackFix',
      title,
      message:
        'The xformers installed was compiled against PyTorch `{builtTorch}` and the torch installed is `{haveTorch}`: each ' +
        'xformers wheel is built for one torch release (it pins `torch=={builtTorch}`), so it cannot load its C++/CUDA ' +
        'kernels with another one.',
      fix: [
        'Install the xformers release built for torch {haveTorch}: naming that torch beside it lets pip pick it (the index of',
        'the CUDA build in use serves xformers wheels too):',
        '',
        '```sh',
        '{enrich.xfMatchFix}',
        '```',
        '',
        'If pip finds none, no xformers was built for that torch and CUDA; then put torch back to the release xformers was',
        'built for instead:',
        '',
        '```sh',
        '{enrich.xfRollbackFix}',
        '```',
        '',
        `Whichever you pick, install torch and xformers together from now on, so a later install cannot move torch alone. ${XF_IMAGE} ${XF_CHECK}`,
        XF_OPTIONAL,
      ].join('\n'),
    },
    {
      when: 'xformers',
      title,
      message:
        'xFormers cannot load its C++/CUDA kernels: it was built for PyTorch `{builtTorch}` (with CUDA `{builtCuda}`), and the ' +
        'torch installed is `{haveTorch}`, another build of it.',
      fix: [
        'Install torch and xformers as a pair built for each other: `python -c "import torch; print(torch.__version__)"` prints',
        'the torch in use; the part after its `+` (such as `cu121`) names the index to install xformers from',
        '(`https://download.pytorch.org/whl/` followed by it), with `pip install -U xformers --index-url` and that address,',
        'beside `torch==` and that version.',
        `${XF_IMAGE} ${XF_CHECK}`,
      ].join(' '),
    },
  ];
}

/**
 * A flash-attn with the C++11 ABI in a pre-C++11 torch: the release whose prebuilt wheels fit comes first, the compile
 * (30 to 90 minutes of nvcc: flash-attn-wheels.ts) last. `code` wraps a command for the place.
 */
function wheelFirstFix(lead: string, code: (command: string) => string): string {
  return [
    `${lead} {enrich.wheelFirstWhy}`,
    '',
    code('{enrich.wheelFirst}'),
    '',
    'Compiling flash-attn against this torch works too, but takes 30 to 90 minutes and needs nvcc, the CUDA compiler (`nvcc --version`), where it builds:',
    '',
    code('{enrich.rebuild}'),
    '',
    CHECK,
  ].join('\n');
}

const inDockerfile = (command: string): string => ['```dockerfile', `RUN ${command}`, '```'].join('\n');
const inShell = (command: string): string => ['```sh', command, '```'].join('\n');

/** The rebuild as the place needs it: a RUN line, the image that `docker run` started, or a shell. */
function rebuildVariants(): Variant[] {
  return [
    ...xformersVariants(),
    {
      when: 'enrich.wheelFirst&fact.place=image-build',
      fix: wheelFirstFix('Install the flash-attn built for this torch, in the Dockerfile after the line that installs torch.', inDockerfile),
    },
    {
      when: 'enrich.wheelFirst&fact.place=docker-run',
      fix: wheelFirstFix(
        'The image holds the mismatched pair; a fix made in a running container is lost with it. Install the flash-attn built for this torch in the Dockerfile after the line that installs torch, and rebuild the image.',
        inDockerfile,
      ),
    },
    {
      when: 'enrich.wheelFirst',
      fix: wheelFirstFix('Install the flash-attn built for this torch, in the environment that imports it (in an image: a `RUN` line after the one that installs torch).', inShell),
    },
    { when: 'enrich.rebuild&fact.place=image-build', fix: dockerfileRebuild(`${REBUILD_WHY}, in the Dockerfile after the line that installs torch:`) },
    {
      when: 'enrich.rebuild&fact.place=docker-run',
      fix: dockerfileRebuild(
        `The image holds the mismatched pair; a fix made in a running container is lost with it. ${REBUILD_WHY}, in the Dockerfile after the line that installs torch, and rebuild the image:`,
      ),
    },
    {
      when: 'enrich.rebuild',
      fix: [
        `${REBUILD_WHY}, in the environment that imports it:`,
        '',
        '```sh',
        '{enrich.rebuild}',
        '```',
        '',
        `or install the build of \`{enrich.dist}\` made for that torch release. ${CHECK} In an image, the same command goes in a \`RUN\` line after the one that installs torch.`,
        '',
        '{enrich.wheelNote|}',
      ].join('\n'),
    },
    {
      when: 'enrich.treeRebuild',
      fix: [
        '`{enrich.module}` was built from a source tree (an egg of `setup.py install`, or a `.so` built in place). Rebuild it there against the torch ' +
          'installed where it runs, from the directory that holds its `setup.py` or `pyproject.toml` (the log does not show it):',
        '',
        '```sh',
        '{enrich.treeRebuild}',
        '```',
        '',
        `(\`--no-build-isolation\`: the build sees this torch; \`--no-deps\`: torch stays as it is). In an image, that is a \`RUN\` line after the one that installs torch, in the stage's copy of the source. ${CHECK}`,
      ].join('\n'),
    },
    {
      when: 'enrich.findDist',
      fix: [
        'Rebuild the package that installs `{enrich.module}` against the torch installed where it runs. Its name is not always the module\'s; this prints it (Python 3.10 or later: importlib.metadata.packages_distributions):',
        '',
        '```sh',
        '{enrich.findDist}',
        '```',
        '',
        'then install it again with `pip install --no-build-isolation --no-cache-dir --force-reinstall --no-deps` and `--no-binary` followed by that name, then the name (torch stays as it is), in the Dockerfile ' +
          `after the line that installs torch when this is an image; or install the build made for that torch release. ${CHECK}`,
      ].join('\n'),
    },
  ];
}

export const torchSymbolMismatch: RuleInput = {
  id: 'runtime/torch-symbol-mismatch',
  title: 'Extension built for another PyTorch (undefined torch symbol)',
  severity: 'error',
  match: [
    // `ImportError: /…/torch_tensorrt/lib/libtorchtrt.so: undefined symbol: _ZN3c106detail23torchInternalAssertFailEPKcS2_jS2_RKSs`
    {
      literals: ['undefined symbol: _ZN'],
      pattern: `(?<lib>${PATH_CHAR}{0,300}\\.so(?:\\.[\\d.]{1,20})?): undefined symbol: (?<symbol>_ZNK?(?:3c10|2at|5torch)\\d\\w{0,600})`,
    },
    // xFormers' own check: `    PyTorch 2.3.0+cu121 with CUDA 1201 (you have 2.4.0+cu121)` under `xFormers was built for:`
    {
      literals: [' with CUDA ', '(you have '],
      pattern:
        '^\\s{0,8}PyTorch (?<builtTorch>\\d{1,2}\\.\\d{1,3}\\.\\d{1,3})(?:\\+(?<builtTag>[a-z0-9]{1,12}))? with CUDA (?<builtCuda>\\d{1,5}) \\(you have (?<haveTorch>\\d{1,2}\\.\\d{1,3}\\.\\d{1,3})(?:\\+(?<haveTag>[a-z0-9]{1,12}))?\\)',
    },
  ],
  context: [{ name: 'xformers', literals: ['xFormers was built for'] }],
  scope: 'step',
  specificity: 3,
  message:
    '`{lib}` was compiled against another PyTorch than the one that loads it: it needs `{enrich.symbolName}` from {enrich.library}, ' +
    'which this torch does not export under that name. {enrich.abiNote|}',
  fix: [
    'Rebuild the extension against the torch installed where it runs: its install command again with `--no-build-isolation --no-cache-dir --force-reinstall --no-deps` and `--no-binary` followed by its name',
    `(in the Dockerfile after the line that installs torch, when this is an image), or install its build made for that torch release. ${CHECK}`,
  ].join(' '),
  variants: rebuildVariants(),
  enrich: ['torch-symbol', 'xformers-build'],
  docs: 'https://pytorch.org/tutorials/advanced/cpp_extension.html',
};
