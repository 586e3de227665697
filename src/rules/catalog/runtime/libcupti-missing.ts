// The run-time half of the CUPTI story: the loader cannot find libcupti (the runtime stage lacks
// `extras/CUPTI/lib64`, or it is not on the loader path). TensorFlow's own "Could not load dynamic
// library 'libcupti…'" is a log warning it recovers from: a warning, not an error.
import type { RuleInput } from '../../schema.js';

export const libcuptiMissing: RuleInput = {
  id: 'runtime/libcupti-missing',
  title: 'libcupti not found at run time',
  severity: 'error',
  match: [
    // `ImportError: libcupti.so.12: cannot open shared object file: No such file or directory`, `OSError: …` (ctypes)
    { literals: ['libcupti'], pattern: '(?<library>libcupti\\.so[.\\d]{0,40}): cannot open shared object file' },
    // ldd: `	libcupti.so.12 => not found`
    { literals: ['libcupti'], pattern: '(?<library>libcupti\\.so[.\\d]{0,40}) => not found' },
    // TensorFlow 1.x: `Couldn't open CUDA library libcupti.so. LD_LIBRARY_PATH: /usr/local/nvidia/lib:…`
    { literals: ["Couldn't open CUDA library libcupti"], pattern: "Couldn't open CUDA library (?<library>libcupti\\.so(?:\\.\\d{1,4})?(?:\\.\\d{1,4})?(?:\\.\\d{1,4})?)" },
    // Windows: `Could not load dynamic library 'cupti64_2022.3.0.dll'`
    { literals: ['cupti64_'], pattern: "(?<library>cupti64_[\\w.]{1,200}\\.dll)" },
  ],
  context: [{ name: 'tensorflow', literals: ['Could not load dynamic library', "Couldn't open CUDA library"] }],
  scope: 'step',
  specificity: 3,
  message:
    'The dynamic loader could not find {library:all}: this stage has no CUPTI libraries on its loader path. ' +
    'CUPTI lives in `/usr/local/cuda/extras/CUPTI/lib64`, which `-runtime` / `-base` images and a plain `COPY` of ' +
    'site-packages do not bring; `torch.profiler` (and anything importing it) cannot load without it.',
  fix: [
    'Copy CUPTI from the builder (a `-devel` image with `cuda-cupti-{enrich.aptSuffix}` installed) and put it on the loader path:',
    '',
    '```dockerfile',
    'COPY --from=builder /usr/local/cuda/extras/CUPTI/lib64/ /usr/local/cuda/extras/CUPTI/lib64/',
    'ENV LD_LIBRARY_PATH=/usr/local/cuda/extras/CUPTI/lib64:${LD_LIBRARY_PATH}',
    '```',
    '',
    'or install it in this stage: `RUN apt-get update && apt-get install -y --no-install-recommends cuda-cupti-{enrich.aptSuffix}`. ' +
      'Check with `ldconfig -p | grep libcupti` and `python3 -c "import torch.profiler"`.',
  ].join('\n'),
  variants: [
    {
      when: 'tensorflow',
      severity: 'warning',
      message:
        'TensorFlow could not load {library:all}: it goes on, but GPU profiling (TensorBoard profiler traces) will be empty. ' +
        'The image has no CUPTI on its loader path.',
    },
  ],
  enrich: 'cuda-version',
  docs: 'https://docs.nvidia.com/cupti/overview/overview.html',
};
