// pip backtracks through the releases of a PyTorch extension package and ends on an old source release whose metadata step
// fails: no wheel of the package fits the torch already installed, so the resolver walked back past every wheel to an sdist
// that predates it (oobabooga/textgen#4665: `pip is still looking at multiple versions of xformers`, then
// `Using cached xformers-0.0.13.tar.gz`, then `Preparing metadata (setup.py): finished with status 'error'`). The build error
// is only the symptom; the pairing of torch and the extension is the cause.
// Each xFormers wheel is built for one torch release and pins it exactly (`xformers 0.0.26.post1 depends on torch==2.3.0`);
// xFormers' README ("Installing xFormers", facebookresearch/xformers@042abc8) installs it from PyTorch's index of the CUDA
// torch was built for (`pip3 install -U xformers --index-url https://download.pytorch.org/whl/cu121`), which serves the
// xformers wheels beside torch (`https://download.pytorch.org/whl/cu124/xformers/`, facebookresearch/xformers#1241; the
// same facts in knowledge/xformers-build-enricher.ts). Named with torch in one command there, pip takes the xformers release
// built for that torch: the fix the thread confirmed (drew9781: `pip3 install torch xformers --index-url
// https://download.pytorch.org/whl/cu121`). The CUDA tag is read from the log (fact torchCuda) or printed, never guessed.
// Only xformers: its PyPI releases are wheels, each pinned to one torch, so a backtrack that ends on an sdist walked past
// them. The other extensions of the kind keep their wheels off PyPI (flash-attn's setup.py, run from the sdist pip takes
// from PyPI, fetches the wheel from the project's GitHub release, Dao-AILab/flash-attention setup.py `get_wheel_url`;
// mamba-ssm and causal-conv1d the same; PyG's torch-scatter/-sparse/-cluster wheels are on data.pyg.org, and pip's
// `Found link` lists for PyPI show only `.tar.gz` files, pyg-team/pytorch_geometric#675 and #900): an sdist there is no
// fallback past wheels, and what made pip backtrack is not known from these lines, so they are left to the rules that
// read the build's own error.
import type { RuleInput } from '../../schema.js';

const XFORMERS_MESSAGE =
  'pip backtracked through the releases of xformers and fell back to its old source release xformers-{version}.tar.gz, whose setup.py ' +
  'then failed: each xformers wheel requires one exact torch release, and none fits the torch this environment has (or installs), so ' +
  'pip walked back past all of them. The failed build is the symptom; the torch / xformers pairing is the cause.';

// Without torch's CUDA in the log, the command reads it (and torch's release, pinned so the index does not upgrade torch) from
// the torch installed before: `torch.version.cuda` `12.1` → the index `cu121`.
const READ_TORCH_PAIR =
  'TORCH=$(python -c "import torch; print(torch.__version__.split(\'+\')[0])") && ' +
  'CU=$(python -c "import torch; print(\'cu\' + torch.version.cuda.replace(\'.\', \'\'))") && ';

const xformersFix = (fence: 'dockerfile' | 'sh', cuda: string | null): string =>
  [
    "Install xformers in the same command as torch, with torch pinned to the release you have, from PyTorch's index for torch's CUDA, so pip " +
      'takes the xformers release built for that torch' + (cuda === null ? ' (the command reads both from the installed torch):' : ':'),
    '',
    '```' + fence,
    (fence === 'dockerfile' ? 'RUN ' : '') +
      (cuda === null
        ? READ_TORCH_PAIR + 'pip install "torch==$TORCH" xformers --index-url "https://download.pytorch.org/whl/$CU"'
        : `pip install "torch==$(python -c "import torch; print(torch.__version__.split('+')[0])")" xformers --index-url https://download.pytorch.org/whl/${cuda}`),
    '```',
    '',
    'then install the rest (torchvision, torchaudio, the other requirements) without xformers in the list. Or pin the xformers release ' +
      'whose wheel requires the torch you keep (`xformers X depends on torch==Y` in pip\'s output, or the release notes at ' +
      'https://github.com/facebookresearch/xformers/releases).',
  ].join('\n');

export const extensionSdistFallback: RuleInput = {
  id: 'pip/extension-sdist-fallback',
  title: 'pip fell back to an old source release of xformers (no wheel for this torch)',
  severity: 'error',
  match: [
    // `  Using cached xformers-0.0.13.tar.gz (292 kB)`, `  Downloading xformers-0.0.13.tar.gz`, or an index URL ending in the file
    {
      literals: ['.tar.gz'],
      pattern:
        '(?:Using cached|Downloading) (?:\\S{0,300}/)?(?<package>xformers)-(?<version>\\d[\\w.]{0,30})\\.tar\\.gz\\b',
    },
  ],
  context: [
    // the resolver rejected candidates of one of these packages before it fetched the sdist
    {
      name: 'backtrack',
      required: true,
      literals: ['looking at multiple versions of'],
      pattern: 'pip is (?:still )?looking at multiple versions of xformers to',
    },
    // and the sdist's metadata step failed
    {
      name: 'metadataFailed',
      required: true,
      literals: ["Preparing metadata (setup.py): finished with status 'error'", 'Preparing metadata (setup.py) ... error', 'egg_info did not run successfully', 'metadata-generation-failed'],
    },
    { name: 'xformers', literals: ['xformers-'], pattern: '\\bxformers-\\d[\\w.]{0,30}\\.tar\\.gz' },
  ],
  scope: 'step',
  specificity: 3,
  message: XFORMERS_MESSAGE,
  fix: xformersFix('sh', null),
  variants: [
    { when: 'xformers&fact.torchCuda&!fact.torchCuda=cpu&fact.place=image-build', message: XFORMERS_MESSAGE, fix: xformersFix('dockerfile', '{fact.torchCuda}') },
    { when: 'xformers&fact.place=image-build', message: XFORMERS_MESSAGE, fix: xformersFix('dockerfile', null) },
    { when: 'xformers&fact.torchCuda&!fact.torchCuda=cpu', message: XFORMERS_MESSAGE, fix: xformersFix('sh', '{fact.torchCuda}') },
    { when: 'xformers', message: XFORMERS_MESSAGE, fix: xformersFix('sh', null) },
  ],
};
