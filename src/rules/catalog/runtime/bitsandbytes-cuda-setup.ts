// bitsandbytes releases with the `cuda_setup` module (0.3x–0.42) look for the CUDA runtime and for their
// own binary of the detected CUDA (`libbitsandbytes_cuda118.so`) at import, and give up with
// `CUDA Setup failed despite GPU being available. Inspect the CUDA SETUP outputs above …`
// (oobabooga/textgen#508, in a docker container) or `… Please run the following command to get more
// information: python -m bitsandbytes` (bitsandbytes-foundation/bitsandbytes#492). The `CUDA SETUP:` lines
// above it say which part was missing: `Required library version not found: libbitsandbytes_cuda118.so`
// (the release has no binary for that CUDA, #487), a CUDA library it loads (`libcusparse.so.11: cannot open
// shared object file`, #288), or `libcudart.so not found`.
// The maintainer's answer to the error: `pip install -U bitsandbytes` (TimDettmers in #492 and #1522, "A common
// problem is that your bitsandbytes version is outdated"); oobabooga#508's container needed the conda env's
// lib on LD_LIBRARY_PATH for libcudart. What nvidia/cuda flavours carry (`base`: cudart only, `runtime`:
// cuBLAS, cuSPARSE, …): knowledge/cuda-packages.ts.
// Not this rule: the `CUDA SETUP:` lines of a setup that found everything (the nomatch fixture).
import type { RuleInput } from '../../schema.js';

const DIAGNOSE = '`python -m bitsandbytes` prints its search (the CUDA runtime it found, the CUDA version it detected, the binary it tried).';

export const bitsandbytesCudaSetup: RuleInput = {
  id: 'runtime/bitsandbytes-cuda-setup',
  title: 'bitsandbytes could not set up CUDA',
  severity: 'error',
  match: [
    { literals: ['CUDA Setup failed despite GPU being available'] },
    { literals: ['CUDA SETUP: CUDA detection failed!'] },
  ],
  context: [
    {
      name: 'noBinary',
      literals: ['CUDA SETUP: Required library version not found:'],
      pattern: 'Required library version not found: (?<binary>libbitsandbytes_cuda\\d{2,4}\\.so)',
    },
    { name: 'cudaLib', literals: ['cannot open shared object file'], pattern: '(?<missing>lib(?:cudart|cublas|cublasLt|cusparse|curand|cufft|nvJitLink)\\.so[.\\d]{0,20}): cannot open shared object file' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'bitsandbytes could not load its CUDA binary, so nothing that uses it (8-bit optimizers, 4-bit and 8-bit loading) can start. The `CUDA SETUP:` lines ' +
    'before the error say which part it missed: the CUDA runtime (libcudart), a CUDA library, or its own binary for the detected CUDA.',
  fix: [
    'Upgrade bitsandbytes first, as its maintainers advise for this error:',
    '',
    '```sh',
    'pip install -U bitsandbytes',
    '```',
    '',
    `(a \`RUN\` line after the one that installs torch, in an image). Then, if it persists, ${DIAGNOSE}`,
  ].join('\n'),
  variants: [
    {
      when: 'noBinary',
      message:
        'bitsandbytes looked for `{context.noBinary.binary}`, its binary for the CUDA it detected, and the release installed has none, so it fell back to the CPU one and stopped.',
      fix: [
        'Upgrade bitsandbytes, whose newer releases ship binaries for more CUDA versions, as its maintainers advise for this error:',
        '',
        '```sh',
        'pip install -U bitsandbytes',
        '```',
        '',
        `(a \`RUN\` line after the one that installs torch, in an image). ${DIAGNOSE}`,
      ].join('\n'),
    },
    {
      when: 'cudaLib',
      message:
        'bitsandbytes found its binary but the loader could not open `{context.cudaLib.missing}`, a CUDA library it links: the image or environment has the CUDA ' +
        'runtime without the math libraries.',
      fix: [
        'Give it the CUDA libraries: an `nvidia/cuda` `-runtime` (or `-devel`) image instead of `-base`, which carries only the CUDA runtime; or add the directory',
        'that holds them to `LD_LIBRARY_PATH` (a conda env keeps them in its `lib`). Or upgrade bitsandbytes (`pip install -U bitsandbytes`), as its',
        `maintainers advise. ${DIAGNOSE}`,
      ].join('\n'),
    },
  ],
  docs: 'https://huggingface.co/docs/bitsandbytes/main/en/installation',
};
