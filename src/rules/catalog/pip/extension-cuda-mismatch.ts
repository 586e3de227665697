// A PyG extension wheel (torch_scatter, torch_sparse, torch_cluster, torch_spline_conv, pyg_lib)
// built for a CUDA major other than the torch the step or stage installed. pip checks names and
// versions, not CUDA builds, so the install passes; the extension's import check raises (the
// runtime/extension-cuda-mismatch rule). The wheel's local version says what it was built for
// (`2.1.2+pt21cu118`: torch 2.1, CUDA 11.8); torch's (`2.1.0+cu121`) comes from the build facts.
// A minor-only difference is left alone: the import check compares majors only (sources in
// src/knowledge/pyg-wheels.ts). The fix is PyG's documented install form, with the page for the
// torch and CUDA the log shows.
import type { RuleInput } from '../../schema.js';
import { pygPackagePattern } from '../../../knowledge/pyg-wheels.js';

export const extensionCudaMismatch: RuleInput = {
  id: 'pip/extension-cuda-mismatch',
  title: 'A PyG extension built for another CUDA than torch',
  severity: 'warning',
  match: [
    // pip: `Successfully installed torch_scatter-2.1.2+pt21cu118 torch_sparse-0.6.18+pt21cu118`
    {
      literals: ['Successfully installed '],
      pattern: `Successfully installed .{0,4000}?\\b(?<package>${pygPackagePattern})-(?<version>\\d[\\w.]{0,40}\\+pt\\d{2,3}cu\\d{2,3})(?=\\s|$)`,
    },
    // uv: ` + torch-scatter==2.1.2+pt21cu118`
    { literals: [' + torch', ' + pyg'], pattern: `^ \\+ (?<package>${pygPackagePattern})==(?<version>\\d[\\w.]{0,40}\\+pt\\d{2,3}cu\\d{2,3})$` },
  ],
  when: 'enrich.mismatch',
  scope: 'step',
  specificity: 3,
  message:
    'pip installed {package}-{version}, built for CUDA {enrich.extensionCuda}, beside {enrich.torchNote}, built for CUDA {enrich.torchCuda}. ' +
    'The install passes, but `import {enrich.pkg}` raises "Detected that PyTorch and {enrich.pkg} were compiled with different CUDA ' +
    'versions": nothing can use it.',
  fix: [
    'Install the build for this torch\'s CUDA from PyG\'s page for it, in place of the page or pin that gave the CUDA {enrich.extensionCuda} build:',
    '',
    '```sh',
    '{enrich.install}',
    '```',
    '',
    'The same page serves torch_scatter, torch_sparse, torch_cluster, torch_spline_conv and pyg_lib; https://data.pyg.org/whl lists the ' +
      'torch and CUDA pairs that have wheels. Where the wrong build is installed already, `pip uninstall -y {enrich.pkg}` first: pip keeps ' +
      'an installed {enrich.pkg} of the same version whatever its build.',
  ].join('\n'),
  enrich: 'extension-cuda',
  docs: 'https://github.com/rusty1s/pytorch_scatter#installation',
};
