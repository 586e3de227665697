// A package's setup.py that checks the installed torch before building: detectron2's
// `assert torch_ver >= [1, 6], "Requires PyTorch >= 1.6"` (its setup.py, line 15 in the tracebacks of
// hukkelas/DeepPrivacy#46 and facebookresearch/phosa#5), and the projects that copied it (BorderDet's
// `Requires PyTorch >= 1.3`, Megvii-BaseDetection/BorderDet#40). pip runs that setup.py to read the package's
// metadata (`setup.py egg_info`, the legacy path of a project without pyproject.toml, which is not isolated: pip
// docs, "Build System Interface"), so the check sees the torch of the environment pip installs into. It is older
// than the number, or another Python's torch than the one the user checked (the BorderDet reporter's `import torch`
// said 1.7.0: the maintainer's answer was to print torch.__version__ in the interpreter the build runs).
// Not pip's resolver note `torchaudio 2.0.2 requires torch==2.0.1, but you have torch 1.11.0` (a warning about
// installed packages, pip/resolution-impossible's nomatch): only the setup.py assertion.
// The way out keeps the image's CUDA: a torch release built for it (torch-wheels.ts, from PyTorch's
// previous-versions page), or a base image with a newer torch, or a release of the package made for the older torch.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

const PREVIOUS_VERSIONS = 'https://pytorch.org/get-started/previous-versions/';
const READ_TORCH = 'python -c "import torch; print(torch.__version__, torch.version.cuda, torch.__file__)"';

const MESSAGE =
  'The package\'s setup.py checks the torch it finds and stops: it needs PyTorch {need} or newer, and the torch of the Python that ran it is older ' +
  '(or that Python has another torch than the one you installed). Nothing was built.';

const KNOWN_MESSAGE =
  'The package\'s setup.py checks the torch it finds and stops: it needs PyTorch {need} or newer, and this build has torch {fact.torch}. Nothing was built.';

/** The other ways out, whatever the versions. */
const OTHER_WAYS =
  'Or keep the torch you have and check out a release of the package whose setup.py accepts it (its tags or changelog say which torch each release needs).';

function unknownFix(image: boolean): string {
  return [
    image ? 'A step before the failing one shows which torch the image has:' : 'In the environment that runs the build:',
    '',
    ...(image ? ['```dockerfile', `RUN ${READ_TORCH}`, '```'] : ['```sh', READ_TORCH, '```']),
    '',
    `prints the torch this Python imports, the CUDA it was built for and where it lives. Install a torch of {need} or newer built for that CUDA before the package ` +
      `(each release's command per CUDA is on ${PREVIOUS_VERSIONS})` +
      (image ? ', or base the image on a PyTorch image with a newer torch for the same CUDA (pytorch/pytorch tags read like `2.3.0-cuda12.1-cudnn8-devel`).' : '.'),
    '',
    OTHER_WAYS,
  ].join('\n');
}

function upgradeFix(image: boolean): string {
  return [
    `Install a torch new enough for the CUDA this build already uses: torch {enrich.upgradeTorch} is the oldest release of {need} or newer published for {enrich.upgradeTag} (${PREVIOUS_VERSIONS}), before the package:`,
    '',
    ...(image ? ['```dockerfile', 'RUN {enrich.torchUpgrade}', '```'] : ['```sh', '{enrich.torchUpgrade}', '```']),
    '',
    OTHER_WAYS,
  ].join('\n');
}

function variants(): Variant[] {
  const out: Variant[] = [];
  for (const image of [true, false]) {
    const place = image ? '&fact.place=image-build' : '';
    out.push({ when: `enrich.torchUpgrade&fact.torch${place}`, message: KNOWN_MESSAGE, fix: upgradeFix(image) });
    out.push({ when: `enrich.torchUpgrade${place}`, fix: upgradeFix(image) });
    out.push({ when: `fact.torch${place}`, message: KNOWN_MESSAGE, fix: unknownFix(image) });
    if (image) out.push({ when: 'fact.place=image-build', fix: unknownFix(true) });
  }
  return out;
}

export const torchTooOld: RuleInput = {
  id: 'pip/torch-too-old',
  title: 'The package needs a newer PyTorch than the one installed',
  severity: 'error',
  match: [
    // `AssertionError: Requires PyTorch >= 1.6`
    { literals: ['Requires PyTorch >= '], pattern: 'AssertionError: Requires PyTorch >= (?<need>\\d{1,2}\\.\\d{1,2}(?:\\.\\d{1,2})?)' },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message: MESSAGE,
  fix: unknownFix(false),
  variants: variants(),
  enrich: 'torch-minimum',
  docs: PREVIOUS_VERSIONS,
};
