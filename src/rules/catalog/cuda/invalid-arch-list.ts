// An arch list rejected before nvcc runs: torch.utils.cpp_extension's TORCH_CUDA_ARCH_LIST check,
// FindCUDA's CUDA_SELECT_NVCC_ARCH_FLAGS, CMake's CMAKE_CUDA_ARCHITECTURES validation.
import type { RuleInput } from '../../schema.js';

export const invalidArchList: RuleInput = {
  id: 'cuda/invalid-arch-list',
  title: 'CUDA architecture list rejected',
  severity: 'error',
  match: [
    // torch: `ValueError: Unknown CUDA arch (8.9) or GPU not supported`
    { literals: ['Unknown CUDA arch ('], pattern: 'Unknown CUDA arch \\((?<arch>[^(){}]{1,200})\\) or GPU not supported' },
    // FindCUDA/select_compute_arch.cmake
    { literals: ['Unknown CUDA Architecture Name'], pattern: 'Unknown CUDA Architecture Name (?<arch>\\S{1,200})' },
    // CMake: `CMAKE_CUDA_ARCHITECTURES must be non-empty if set.`, `CUDA_ARCHITECTURES is empty for target "cmTC_…".`
    { literals: ['CUDA_ARCHITECTURES must be non-empty', 'CUDA_ARCHITECTURES is empty for target'] },
    // CMake: `  CMAKE_CUDA_ARCHITECTURES:` … `  is not one of the following:`
    { literals: ['CUDA_ARCHITECTURES:'], pattern: '^\\s{0,200}CMAKE_CUDA_ARCHITECTURES:$' },
  ],
  context: [
    { name: 'cmake', literals: ['CUDA_ARCHITECTURES'] },
    // the list as the instruction sets it: `ENV TORCH_CUDA_ARCH_LIST="3.0;5.0"`, `TORCH_CUDA_ARCH_LIST=8.9 pip install …`
    {
      name: 'torchList',
      source: 'instruction',
      literals: ['TORCH_CUDA_ARCH_LIST'],
      pattern: 'TORCH_CUDA_ARCH_LIST=["\']?(?<list>[0-9][0-9.;+ A-Za-z]{0,200})',
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'TORCH_CUDA_ARCH_LIST names an architecture this PyTorch does not know: {arch:all}. Each entry must be a compute ' +
    'capability this torch version supports (`8.6`, `9.0`, with an optional `+PTX`); newer GPUs need a newer torch, ' +
    'older ones were dropped.',
  fix: [
    'Set the list to capabilities both this torch and the CUDA toolkit support, e.g.:',
    '',
    '```dockerfile',
    'ENV TORCH_CUDA_ARCH_LIST="8.0;8.6;9.0+PTX"',
    '```',
    '',
    'The supported ones: `python3 -c "import torch; print(torch.cuda.get_arch_list())"` (needs no GPU) and `nvcc --list-gpu-arch`.',
  ].join('\n'),
  variants: [
    {
      when: 'cmake',
      title: 'CMAKE_CUDA_ARCHITECTURES rejected',
      message:
        'CMake rejected the CUDA architecture list: `CMAKE_CUDA_ARCHITECTURES` must be a `;`-separated list of numbers ' +
        '(each optionally `-real` / `-virtual`) or `all`, `all-major`, `native`; `sm_80` and `8.0` are not accepted, and an empty value is an error.',
      fix: [
        'Write the numbers CMake expects, e.g.:',
        '',
        '```dockerfile',
        'RUN cmake -S . -B build -DCMAKE_CUDA_ARCHITECTURES="80;86;90"',
        '```',
        '',
        'Not `native`: an image build has no GPU, and CMake stops with `CUDA_ARCHITECTURES is set to "native", but no GPU was detected`. Name the arches explicitly.',
      ].join('\n'),
    },
  ],
  docs: 'https://pytorch.org/docs/stable/cpp_extension.html',
};
