// A runtime stage that copies a builder's whole toolkit tree (`COPY --from=builder /usr/local
// /usr/local` out of a CUDA `-devel` stage): the build passes and the image carries nvcc, the CUDA
// headers and the static libraries it never runs. Waste, so a notice. Which trees hold a toolkit and
// how the log proves the builder has one: src/knowledge/toolkit-copy.ts. NVIDIA publishes each CUDA
// release as `-base` (the CUDA runtime), `-runtime` (+ the shared CUDA math libraries) and `-devel`
// (+ headers, nvcc, static libraries) images (hub.docker.com/r/nvidia/cuda, "Image variants").
import type { RuleInput } from '../../schema.js';

export const develToolkitCopied: RuleInput = {
  id: 'cuda/devel-toolkit-copied',
  title: 'The devel toolkit copied into the runtime image',
  severity: 'notice',
  trigger: { kind: 'toolkit-copy' },
  maxFindings: 5,
  message:
    '`{instruction}` copies `{path}` whole out of `{from}`, which holds a CUDA toolkit: {proof}. The compiler, headers and static ' +
    'libraries of the build go into the image that only runs the result. The copy took {duration|an unknown time (the log gives none)}, ' +
    'and every push and pull of the image carries it.',
  fix: [
    'Copy out of `{from}` only what the build made (the program, the libraries it built, the Python packages it installed), not `{path}` whole. ' +
      'In the builder, `python3 -c "import site; print(site.getsitepackages())"` prints where pip put the packages.',
    '',
    'Start the runtime stage from {runtimeImage|NVIDIA\'s `-runtime` image of the CUDA release and OS the builder\'s `-devel` image has (the same tag with `devel` ' +
      'replaced by `runtime`)}: it holds the shared CUDA libraries a program loads, without the compiler and headers. `ldd` on the program in the builder ' +
      'lists the `libcu*.so` it loads; cuDNN comes with the `cudnn-runtime` tags.',
  ].join('\n'),
  docs: 'https://docs.docker.com/build/building/multi-stage/',
};
