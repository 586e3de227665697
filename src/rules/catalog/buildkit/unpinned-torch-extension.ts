// buildkit/step-failed's variants for an extension build that died inside torch.utils.cpp_extension after an
// earlier step installed torch with no pin (knowledge/unpinned-torch-enricher.ts): the likely cause is a torch
// built for another CUDA than the image's toolkit, which cpp_extension's _check_cuda_version refuses (a different
// major) before compiling. The log keeps the frames but not the error line, so the fix first prints both versions.
// The index of a CUDA release is https://download.pytorch.org/whl/cu + the release without its dot, and the
// releases each index holds are on pytorch.org/get-started/previous-versions (torch-wheels.ts).
import type { RuleVariant as Variant } from '../../schema.js';

const TITLE = 'Extension build failed in torch.utils.cpp_extension after an unpinned torch install';
const MESSAGE =
  'The build failed in `{instruction}` inside torch.utils.cpp_extension (build_extensions), and an earlier step installs torch with no exact ' +
  'version and no PyTorch index (`{enrich.unpinnedTorch}` in `{enrich.unpinnedTorchStep}`). pip then takes the newest torch on PyPI, built for the ' +
  "CUDA release PyTorch chose for it, not necessarily this image's toolkit; cpp_extension refuses to compile when the two majors differ. " +
  'That is the likely cause; the log does not keep the error line that would say so.';
const PRINT_BOTH = [
  'Print both versions in the failing stage, right before the extension build:',
  '',
  '```dockerfile',
  'RUN nvcc --version; echo "CUDA_HOME=$CUDA_HOME"; python3 -c "import torch; print(torch.__version__, torch.version.cuda)"',
  '```',
  '',
];

export const unpinnedTorchExtensionVariants: Variant[] = [
  {
    when: 'enrich.unpinnedTorchInstall',
    title: TITLE,
    message: MESSAGE,
    fix: [
      ...PRINT_BOTH,
      'If they differ, install torch from the PyTorch index of the image\'s CUDA {fact.cuda} ({enrich.unpinnedTorchIndex}) in that earlier step:',
      '',
      '```sh',
      '{enrich.unpinnedTorchInstall}',
      '```',
      '',
      '{enrich.unpinnedTorchRange}: for a build that stays reproducible, pin the one your stack was written for (torch== that release). ' +
        'apex also wants the same minor: its own check compares torch.version.cuda with nvcc, minor included.',
    ].join('\n'),
  },
  {
    when: 'enrich.unpinnedTorch',
    title: TITLE,
    message: MESSAGE,
    fix: [
      ...PRINT_BOTH,
      'If they differ, install torch in that earlier step from the PyTorch index of the image\'s CUDA: https://download.pytorch.org/whl/ plus `cu` and ' +
        'the version nvcc prints without its dot (`cu118` for 11.8), with `--index-url`, pinned to a release that index holds and your stack supports ' +
        '(pytorch.org/get-started/previous-versions lists the releases per CUDA; PyTorch publishes an index for some CUDA releases only, so a ' +
        'CUDA without one takes the nearest older index of the same major). apex also wants the same minor: its own check compares torch.version.cuda with nvcc, minor included.',
    ].join('\n'),
  },
];
