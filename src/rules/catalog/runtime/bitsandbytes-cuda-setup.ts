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
// The search for libcudart (cuda_setup/main.py, determine_cuda_runtime_lib_path) goes through the active conda env's
// `lib`, LD_LIBRARY_PATH and other path-like variables, then `/usr/local/cuda/lib64`, and prints what it found:
// `DEBUG: Possible options found for libcudart.so: set()` is an empty result (bitsandbytes-foundation/bitsandbytes#778,
// a conda env on a host; #393, #741), after which the binary load fails with "the main CUDA runtime library was not
// detected" and bitsandbytes' own advice: find libcudart.so and add its directory to LD_LIBRARY_PATH. Later releases
// take the CUDA version from torch and search for no libcudart (bitsandbytes/cuda_specs.py; 0.43.1 release notes:
// "Rework of CUDA/native-library setup and diagnostics", #1041). torch wheels that depend on nvidia-cuda-runtime-cu11/-cu12
// bring the runtime in site-packages/nvidia/cuda_runtime/lib (the nvidia_cuda_runtime_cu11 wheel holds
// nvidia/cuda_runtime/lib/libcudart.so.11.0), where this search does not look; the names it accepts are in its warning
// (`did not contain ['libcudart.so', 'libcudart.so.11.0', 'libcudart.so.12.0']`).
// Not this rule: the `CUDA SETUP:` lines of a setup that found everything (the nomatch fixture).
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

const DIAGNOSE = '`python -m bitsandbytes` prints its search (the CUDA runtime it found, the CUDA version it detected, the binary it tried).';

const NO_CUDART =
  'bitsandbytes searched for the CUDA runtime, libcudart.so, in the conda env\'s `lib`, on LD_LIBRARY_PATH and in ' +
  '`/usr/local/cuda/lib64`, and found none (`Possible options found for libcudart.so: set()`); its releases with this ' +
  '`cuda_setup` search then fail to load their CUDA binary ("CUDA Setup failed despite GPU being available").';

/** The upgrade, then bitsandbytes' own way out for its release: the directory of libcudart on LD_LIBRARY_PATH. */
function cudartFix(where: string): string {
  return [
    'Upgrade bitsandbytes: releases since the 0.43.1 rework of its CUDA setup take the CUDA version from torch and search for',
    'no libcudart:',
    '',
    '```sh',
    'pip install -U bitsandbytes',
    '```',
    '',
    `Staying on this release: find a libcudart ${where} (a torch from pip may bring one in \`nvidia/cuda_runtime/lib\`) and`,
    'put its directory on LD_LIBRARY_PATH before Python starts, as bitsandbytes advises:',
    '',
    '```sh',
    `cudart=$(find ${where === 'in the env' ? '"$CONDA_PREFIX"' : '/'} -name 'libcudart.so*' -print -quit 2>/dev/null)`,
    'echo "${cudart:-no libcudart found}"',
    '[ -n "$cudart" ] && export LD_LIBRARY_PATH="${cudart%/*}:$LD_LIBRARY_PATH"',
    '```',
    '',
    `None found: install the CUDA runtime of torch's CUDA version into the environment. In an image, the upgrade is a \`RUN\` line`,
    `and the directory goes in an \`ENV LD_LIBRARY_PATH=\` line. ${DIAGNOSE}`,
  ].join('\n');
}

function noCudartVariants(): Variant[] {
  return [
    {
      when: 'noCudart&condaEnv&torchCuda',
      message: `${NO_CUDART} The env is \`{context.condaEnv.prefix}\`; torch was built for CUDA \`{context.torchCuda.version}\` (\`CUDA_VERSION\`).`,
      fix: cudartFix('in the env'),
    },
    { when: 'noCudart&condaEnv', message: `${NO_CUDART} The env is \`{context.condaEnv.prefix}\`.`, fix: cudartFix('in the env') },
    { when: 'noCudart', message: NO_CUDART, fix: cudartFix('on the machine') },
  ];
}

export const bitsandbytesCudaSetup: RuleInput = {
  id: 'runtime/bitsandbytes-cuda-setup',
  title: 'bitsandbytes could not set up CUDA',
  severity: 'error',
  match: [
    { literals: ['CUDA Setup failed despite GPU being available'] },
    { literals: ['CUDA SETUP: CUDA detection failed!'] },
    // the search for the CUDA runtime came back empty: `DEBUG: Possible options found for libcudart.so: set()`
    { literals: ['Possible options found for libcudart.so: set()'] },
  ],
  context: [
    {
      name: 'noBinary',
      literals: ['CUDA SETUP: Required library version not found:'],
      pattern: 'Required library version not found: (?<binary>libbitsandbytes_cuda\\d{2,4}\\.so)',
    },
    { name: 'noCudart', literals: ['Possible options found for libcudart.so: set()'] },
    // the conda env it searched first: `…: UserWarning: /opt/conda/envs/ptl-py310 did not contain ['libcudart.so', …`
    { name: 'condaEnv', literals: [' did not contain '], pattern: 'UserWarning: (?<prefix>/[^\\s:]{1,200}/envs/[A-Za-z0-9_.-]{1,100}) did not contain ' },
    // torch's CUDA: `CUDA SETUP: PyTorch settings found: CUDA_VERSION=117, Highest Compute Capability: 7.5.`
    { name: 'torchCuda', literals: ['PyTorch settings found: CUDA_VERSION='], pattern: 'CUDA_VERSION=(?<version>\\d{2,3})\\b' },
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
    ...noCudartVariants(),
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
