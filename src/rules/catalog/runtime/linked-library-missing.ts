// A program a builder stage linked against CUPTI, cuDNN or NCCL (`-lcupti` on its RUN line, CMake's
// `-- Found CUDNN: …/libcudnn.so`), copied into the stage that ships, whose base image lacks the
// library: the build passes and the program fails to load where it runs (`libcupti.so.13: cannot open
// shared object file`, what runtime/libcupti-missing reports when a check runs it). The image is
// broken, so a warning. What proves each half, and which NVIDIA image holds which library:
// src/knowledge/runtime-library.ts (from cuda-packages.ts). The check is `ldd`, which lists every
// library the loader cannot resolve as `=> not found` and needs no GPU (ldd(1)); `!` makes the RUN
// fail when grep finds one (a file, not a pipe: a pipe without pipefail is what dockerfile/pipefail-missing reports).
import type { RuleInput } from '../../schema.js';

export const linkedLibraryMissing: RuleInput = {
  id: 'runtime/linked-library-missing',
  title: 'A CUDA library the program links is not in the image',
  severity: 'warning',
  trigger: { kind: 'runtime-library' },
  maxFindings: 5,
  specificity: 3,
  message:
    'This step copies out of `{from}` what it linked against {library} ({linkedBy}), into a stage that starts from `{image}`: {lack}, and no step of this stage ' +
    'installs or copies `{file}`. The build passes; the program stops at load time where the image runs (`{file}…: cannot open shared object file`).',
  fix: [
    'Bring the library into this stage: copy it out of the builder, then refresh the loader cache (`ldd` on the program in the builder prints the file it resolved):',
    '',
    '```dockerfile',
    'COPY --from={from} {libDir}/{file}.* /usr/local/lib/',
    'RUN ldconfig',
    '```',
    '',
    '{remedy|Or start this stage from an image that holds it: nvidia/cuda `-devel` images have CUPTI, `-runtime` images NCCL, the `cudnn` tags cuDNN.}',
    '',
    'Then make the build fail, not the container, when a library is still missing: as the last `RUN` of this stage,',
    '',
    '```dockerfile',
    "RUN ldd {program} > /tmp/ldd.txt && ! grep 'not found' /tmp/ldd.txt && rm /tmp/ldd.txt",
    '```',
    '',
    '`ldd` prints every library the loader cannot resolve as `=> not found`, and needs no GPU; `grep` prints those lines and `!` fails the step on them.',
  ].join('\n'),
  docs: 'https://docs.docker.com/build/building/multi-stage/',
};
