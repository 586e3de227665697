// Two CUDA versions in one build that must agree and do not:
// - torch.utils.cpp_extension refuses to compile an extension with a toolkit whose major version differs from
//   the one torch was built with (`torch.version.cuda`). A minor difference is only a UserWarning
//   ("has a minor version mismatch … Most likely this shouldn't be a problem"): not matched.
// - ptxas older than the compiler that wrote the PTX (Triton, numba and JAX bring their own code generators;
//   a newer nvcc's PTX given to an older toolkit's ptxas): `Unsupported .version 8.5; current version is '7.5'`.
import type { RuleInput } from '../../schema.js';

export const versionMismatch: RuleInput = {
  id: 'cuda/version-mismatch',
  title: 'CUDA toolkit version does not match',
  severity: 'error',
  match: [
    // `The detected CUDA version (12.1) mismatches the version that was used to compile` … `PyTorch (11.8). Please make sure …`:
    // printed on two lines by older torch, on one line (`compilePyTorch`, no space) by newer ones.
    {
      literals: ['mismatches the version that was used to compile'],
      pattern:
        'detected CUDA version \\((?<cudaVersion>\\d{1,3}\\.\\d{1,3})\\) mismatches the version that was used to compile(?: ?PyTorch \\((?<torchCuda>\\d{1,3}\\.\\d{1,3})\\))?',
    },
    // the second line of the two-line form
    {
      literals: ['). Please make sure to use the same CUDA versions'],
      pattern: '^\\s{0,200}PyTorch \\((?<torchCuda>\\d{1,3}\\.\\d{1,3})\\)\\. Please make sure to use the same CUDA versions',
    },
    // `ptxas /tmp/x.ptx, line 5; fatal   : Unsupported .version 8.8; current version is '8.7'`
    {
      literals: ['Unsupported .version'],
      pattern: "Unsupported \\.version (?<ptxVersion>\\d{1,2}\\.\\d{1,2}); current version is '(?<ptxasVersion>\\d{1,2}\\.\\d{1,2})'",
    },
  ],
  context: [
    { name: 'ptx', literals: ['Unsupported .version'] },
    // both versions printed (the one-line form, or both lines of the two-line form in the step)
    {
      name: 'both',
      literals: ['mismatches the version that was used to compile'],
      pattern: 'detected CUDA version \\(\\d{1,3}\\.\\d{1,3}\\) mismatches the version that was used to compile ?PyTorch \\(\\d{1,3}\\.\\d{1,3}\\)',
    },
    { name: 'second', literals: ['). Please make sure to use the same CUDA versions'] },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'The CUDA toolkit in this stage is {cudaVersion|another version than torch\'s}, but torch was built with CUDA ' +
    '{torchCuda|another major version}: torch.utils.cpp_extension refuses to compile an extension when the major versions differ, ' +
    'because the extension would link against a CUDA runtime torch does not use.',
  fix: [
    'Make the two agree, one of two ways:',
    '',
    '- keep this toolkit ({enrich.cudaVersion}) and install a torch built for it, from a PyTorch index that exists for it ({enrich.wheelIndex}):',
    '',
    '```sh',
    '{enrich.torchInstall}',
    '```',
    '',
    '  (with the torchvision / torchaudio of the same release, from the same index);',
    '- or keep this torch and compile in a `-devel` image of its CUDA {torchCuda}: {enrich.torchCudaImage|pick the tag for your OS at the link that follows}' +
      ' (tags: {enrich.torchCudaTags}). NVIDIA deletes tags of releases past end of life, so an old one may be gone.',
    '',
    'Check which toolkit the build sees: `nvcc --version` and `echo $CUDA_HOME` in the same RUN (CUDA_HOME wins over the nvcc on PATH).',
  ].join('\n'),
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
          'pytorch.org/get-started/previous-versions lists them per release), or compile in a `-devel` image of torch\'s CUDA.',
      ].join('\n'),
    },
  ],
  // the toolkit (`cudaVersion`) → a real torch wheel index for it (wheelTagFor, torch-wheels.ts) and the
  // install command in the step's installer; torch's CUDA (`torchCuda`) → a devel tag of it (cuda-image-tags.ts).
  // PTX ISA 9.0 = CUDA 13: nvcc 13.0 on this machine writes `.version 9.0`.
  enrich: 'cuda-version',
  docs: 'https://pytorch.org/docs/stable/cpp_extension.html',
};
