// CUPTI's library not found by CMake. The dangerous case is the header-only one: the devel image
// ships `extras/CUPTI/include/cupti.h`, CMake reports CUPTI as found from the headers, the
// library variable stays NOTFOUND, the build passes, and `import torch.profiler` fails at run
// time with `libcupti.so.12: cannot open shared object file`. Severity: warning (the build is not
// what failed; the image is broken), error only where the build itself stopped on it.
import type { RuleInput } from '../../schema.js';

export const cuptiLibraryNotfound: RuleInput = {
  id: 'cmake/cupti-library-notfound',
  title: 'CUPTI library not found by CMake',
  severity: 'warning',
  match: [
    // `-- CUPTI library: CUPTI_LIBRARY-NOTFOUND`, `CUPTI_LIBRARY:FILEPATH=CUPTI_LIBRARY-NOTFOUND`,
    // `--   CUDA_cupti_LIBRARY = CUDA_cupti_LIBRARY-NOTFOUND`, `CUPTI_LIBRARY_PATH-NOTFOUND`
    {
      literals: ['CUPTI_LIB', 'cupti_LIB'],
      pattern: '\\b(?<variable>[A-Za-z]{0,200}_?(?:CUPTI|cupti)_LIB[A-Z_]{0,200})-NOTFOUND',
    },
    // PyTorch's cmake/Dependencies.cmake: "Could not find CUPTI library, using CPU-only Kineto build"
    { literals: ['Could not find CUPTI library', 'CUPTI library not found'] },
  ],
  context: [
    // The headers were found in the same step: `-- Found CUPTI: /usr/local/cuda/extras/CUPTI/include`,
    // `CUPTI_INCLUDE_DIR:PATH=/…`, `--   CUPTI_INCLUDE_DIR = /…`, `CUDAToolkit_CUPTI_INCLUDE_DIR = /…`
    {
      name: 'headers',
      literals: ['Found CUPTI', 'CUPTI_INCLUDE_DIR'],
      pattern: '(?:Found CUPTI: |CUPTI_INCLUDE_DIR(?::PATH=| = ))(?<dir>(?:/|[A-Za-z]:[\\\\/])\\S{0,200})',
    },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'CMake did not find the CUPTI library (libcupti.so). Whatever was built here has no CUPTI: ' +
    'PyTorch builds Kineto CPU-only (no CUDA activity in `torch.profiler` traces), and code linked against ' +
    'the NOTFOUND value fails to load.',
  fix: [
    'Install CUPTI in the stage that builds (NVIDIA apt repository, match your CUDA version):',
    '',
    '```dockerfile',
    'RUN apt-get update && apt-get install -y --no-install-recommends cuda-cupti-{enrich.aptSuffix} cuda-cupti-dev-{enrich.aptSuffix} \\',
    ' && ls /usr/local/cuda/extras/CUPTI/lib64/libcupti.so*',
    '```',
    '',
    'or point CMake at it: `-DCUPTI_LIBRARY=/usr/local/cuda/extras/CUPTI/lib64/libcupti.so`. ' +
      'If the image does not need GPU profiling, say so explicitly (PyTorch: `USE_KINETO=0` or `USE_CUPTI_SO=0`).',
  ].join('\n'),
  variants: [
    {
      when: 'headers',
      title: 'CUPTI headers found but libcupti.so missing',
      message:
        'CMake found the CUPTI headers ({context.headers.dir}) but not the library: {variable:all} is NOTFOUND. ' +
        'This is the header-only false positive: the devel image ships `cupti.h` without `libcupti.so`, the build ' +
        'passes, and at run time `import torch.profiler` fails with ' +
        '`ImportError: libcupti.so.12: cannot open shared object file: No such file or directory`.',
      fix: [
        'Install the CUPTI library in the builder stage (it is a separate package from the headers):',
        '',
        '```dockerfile',
        'RUN apt-get update && apt-get install -y --no-install-recommends cuda-cupti-{enrich.aptSuffix} \\',
        ' && ls /usr/local/cuda/extras/CUPTI/lib64/libcupti.so*',
        '```',
        '',
        '(`cuda-libraries-dev-{enrich.aptSuffix}` also brings it.) Then ship it in the runtime stage and put it on the loader path:',
        '',
        '```dockerfile',
        'COPY --from=builder /usr/local/cuda/extras/CUPTI/lib64/ /usr/local/cuda/extras/CUPTI/lib64/',
        'ENV LD_LIBRARY_PATH=/usr/local/cuda/extras/CUPTI/lib64:${LD_LIBRARY_PATH}',
        'RUN python3 -c "import torch.profiler" && ldconfig -p | grep -q libcupti',
        '```',
        '',
        'The last line fails the build instead of the job: CMake only checked the headers.',
      ].join('\n'),
    },
  ],
  enrich: 'cuda-version',
  docs: 'https://docs.nvidia.com/cupti/overview/overview.html',
};
