// PyG's extensions check at import time that they were compiled with torch's CUDA and raise
// otherwise: `RuntimeError: Detected that PyTorch and torch_sparse were compiled with different CUDA
// versions. PyTorch has CUDA version 10.2 and torch_sparse has CUDA version 11.1. Please reinstall
// the torch_sparse that matches your PyTorch install.` (rusty1s/pytorch_sparse#86). Releases before
// 2021 printed `CUDA version=10.2` and raised on a minor difference too; current ones compare majors
// (torch_scatter/__init__.py, sources in src/knowledge/pyg-wheels.ts). Not cpp_extension's "The
// detected CUDA version (…) mismatches the version that was used to compile PyTorch", which is
// cuda/version-mismatch (a local nvcc, not a prebuilt wheel).
import type { RuleInput } from '../../schema.js';

/** The reinstall from PyG's page for this torch: `lead`, the commands, where the pairs are listed, and `why`. */
function reinstallFix(lead: string, why = ''): string {
  return [
    lead,
    '',
    '```sh',
    'pip uninstall -y {package}',
    '{enrich.install}',
    '```',
    '',
    `https://data.pyg.org/whl lists the torch and CUDA pairs that have wheels.${why}`,
  ].join('\n');
}

export const extensionCudaRefused: RuleInput = {
  id: 'runtime/extension-cuda-mismatch',
  title: 'A PyG extension refuses torch\'s CUDA',
  severity: 'error',
  match: [
    {
      literals: ['Detected that PyTorch and '],
      pattern:
        'Detected that PyTorch and (?<package>torch_\\w{1,40}|pyg_lib) were compiled with different CUDA versions\\. ' +
        'PyTorch has CUDA version[= ](?<torchCuda>\\d{1,2}\\.\\d{1,2}) and \\w{1,40} has CUDA version[= ](?<extensionCuda>\\d{1,2}\\.\\d{1,2})',
    },
  ],
  scope: 'step',
  specificity: 3,
  message:
    '{package} was compiled with CUDA {extensionCuda} and the torch it runs with was built with CUDA {torchCuda}: its import check refuses the pair, ' +
    'so nothing that imports {package} (torch_geometric included) can start. A prebuilt wheel for another CUDA, or a build against ' +
    'another toolkit than torch\'s, installs without a word; the check runs only on import.',
  fix: reinstallFix(
    'Install the {package} built for torch\'s CUDA {torchCuda}, from PyG\'s page for this torch, in the step that installs it now:',
    ' pip keeps an installed {package} of the same version whatever its build, hence the uninstall.',
  ),
  variants: [
    {
      // a minor-only difference: the check of releases before 2021; a current release accepts it
      when: '!enrich.mismatch',
      message:
        '{package} was compiled with CUDA {extensionCuda} and the torch it runs with was built with CUDA {torchCuda}: this {package} release ' +
        'refuses even a minor difference, so nothing that imports it (torch_geometric included) can start.',
      fix: reinstallFix(
        'Install the {package} built for torch\'s CUDA {torchCuda} from PyG\'s page for this torch, or a current release, whose ' +
          'check compares the CUDA major only:',
      ),
    },
  ],
  enrich: 'extension-cuda',
  docs: 'https://github.com/rusty1s/pytorch_scatter#installation',
};
