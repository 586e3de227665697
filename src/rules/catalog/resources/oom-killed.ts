import type { RuleInput } from '../../schema.js';

/** A compiler (or the whole step) killed by the kernel's OOM killer: too many parallel jobs for the memory. */
export const oomKilled: RuleInput = {
  id: 'resources/oom-killed',
  title: 'Killed: out of memory',
  severity: 'error',
  match: [
    {
      // gcc: `g++: fatal error: Killed signal terminated program cc1plus`
      literals: ['Killed signal terminated program'],
      pattern: 'Killed signal terminated program (?<program>[\\w+.-]{1,100})',
    },
    // older gcc: `c++: internal compiler error: Killed (program cc1plus)`
    { literals: ['internal compiler error: Killed (program '], pattern: 'internal compiler error: Killed \\(program (?<program>[\\w+.-]{1,100})\\)' },
    // nvcc: `nvcc error   : 'cicc' died due to signal 9 (Kill signal)`
    { literals: ['died due to signal 9'], pattern: "'(?<program>[\\w+.-]{1,100})' died due to signal 9" },
    // ld: `collect2: fatal error: ld terminated with signal 9 [Killed]`
    { literals: ['terminated with signal 9'], pattern: '(?<program>[\\w+.-]{1,100}) terminated with signal 9' },
    { literals: ['virtual memory exhausted', 'out of memory allocating', 'std::bad_alloc'] },
    {
      // bash reporting a SIGKILLed child: `Killed` alone, or `/bin/sh: line 1:  1234 Killed  python setup.py`
      literals: ['Killed'],
      pattern: '^\\s{0,40}Killed\\s{0,40}$|\\d{1,10} Killed\\s',
    },
    // SIGKILL = 128 + 9. On its own, most often the OOM killer.
    { literals: ['exit code: 137', 'non-zero code: 137'] },
  ],
  context: [
    {
      name: 'memory',
      literals: [
        'Killed signal terminated program',
        'internal compiler error: Killed (program ',
        'died due to signal 9',
        'terminated with signal 9',
        'virtual memory exhausted',
        'out of memory allocating',
        'std::bad_alloc',
      ],
    },
  ],
  message:
    '`{program|A compiler}` was killed by the kernel (SIGKILL): the parallel compile jobs of this step ' +
    'needed more memory than the builder has. CUDA and PyTorch extension builds take 2–4 GB per job.',
  variants: [
    {
      when: '!memory',
      message:
        'A process of this step was killed with SIGKILL (exit code 137). On a build machine that is almost always ' +
        "the kernel's out-of-memory killer: the step needed more memory than the builder has.",
    },
  ],
  fix: [
    'Run fewer compile jobs at once (PyTorch extensions, flash-attn, apex and xformers read `MAX_JOBS`;',
    'CMake reads `CMAKE_BUILD_PARALLEL_LEVEL`; make and ninja take `-j`):',
    '',
    '```dockerfile',
    'ENV MAX_JOBS=2 CMAKE_BUILD_PARALLEL_LEVEL=2',
    '```',
    'Fewer CUDA architectures (`TORCH_CUDA_ARCH_LIST`) also cut memory and time. Or give the builder more memory: a',
    'larger runner, or more memory for Docker Desktop / the buildx builder node.',
  ].join('\n'),
  docs: 'https://github.com/Dao-AILab/flash-attention#installation-and-features',
};
