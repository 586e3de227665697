// torch.utils.cpp_extension (and flash-attn, apex, DeepSpeed ops built with it) needs the toolkit
// root. The benign sibling "No CUDA runtime is found, using CUDA_HOME='/usr/local/cuda'" (a GPU-less
// builder) is not matched.
import type { RuleInput } from '../../schema.js';

export const cudaHomeNotSet: RuleInput = {
  id: 'cuda/cuda-home-not-set',
  title: 'CUDA_HOME not set (CUDA toolkit not found by torch)',
  severity: 'error',
  match: [
    // `OSError: CUDA_HOME environment variable is not set. Please set it to your CUDA install root.`
    { literals: ['CUDA_HOME environment variable is not set'] },
    // DeepSpeed: `MissingCUDAException: CUDA_HOME does not exist, unable to compile CUDA op(s)`
    { literals: ['CUDA_HOME does not exist'] },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'A CUDA extension build (torch.utils.cpp_extension) found no CUDA toolkit: CUDA_HOME is unset and no nvcc is on PATH. ' +
    'Either this stage is not a `-devel` image, or the toolkit is somewhere torch does not look. {enrich.stageNote}',
  fix: [
    'Build in a `-devel` image and name the toolkit:',
    '',
    '```dockerfile',
    'FROM {enrich.develImage} AS builder',
    'ENV CUDA_HOME=/usr/local/cuda PATH=/usr/local/cuda/bin:${PATH}',
    '```',
    '',
    'If the package is built by pip, keep the toolkit visible to it: `pip install --no-build-isolation PACKAGE`.',
  ].join('\n'),
  enrich: 'cuda-version',
  docs: 'https://pytorch.org/docs/stable/cpp_extension.html',
};
