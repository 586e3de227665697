import type { RuleInput } from '../../schema.js';

/** A variable used under `set -u` (nounset) that is not set, including NVIDIA images' PS1 case. */
export const unboundVariable: RuleInput = {
  id: 'shell/unbound-variable',
  title: 'Shell variable not set (set -u)',
  severity: 'error',
  only: 'failed-step',
  match: [
    {
      // bash: `/etc/bash.bashrc: line 9: PS1: unbound variable`, `/bin/bash: line 1: CUDA_HOME: unbound variable`
      literals: [': unbound variable'],
      // also `$1: unbound variable` (a positional parameter) and `ARGS[@]: unbound variable` (an array)
      pattern: '(?<variable>\\$\\d{1,3}|[A-Za-z_][A-Za-z0-9_]{0,100}(?:\\[[^\\]\\s]{1,40}\\])?): unbound variable',
    },
    {
      // dash `/bin/sh: 1: CUDA_HOME: parameter not set`, busybox `/bin/sh: CUDA_HOME: parameter not set`
      literals: [': parameter not set'],
      pattern: '(?<variable>[A-Za-z_][A-Za-z0-9_]{0,100}): parameter not set',
    },
  ],
  context: [
    { name: 'ps1', literals: ['PS1: unbound variable', 'PS1: parameter not set'] },
    // a script run without the argument it reads: `./build.sh: line 13: $1: unbound variable`
    { name: 'positional', literals: [': unbound variable'], pattern: '\\$\\d{1,3}: unbound variable' },
    // bash before 4.4 calls an empty array unbound: `line 154: MAKEARGS[@]: unbound variable`
    { name: 'array', literals: ['[@]: unbound variable', '[*]: unbound variable'] },
  ],
  message:
    '`{variable:all}` is read but was never set, and the shell runs with `set -u` (nounset), which makes that an error.',
  variants: [
    {
      when: 'ps1',
      title: 'PS1 unbound in the base image\'s bashrc',
      message:
        "The base image's `/etc/bash.bashrc` runs under `set -u` and reads `PS1`, which a non-interactive `RUN` " +
        'shell never sets (NVIDIA PyTorch and CUDA images ship such a bashrc). Any RUN that sources it fails.',
      fix: [
        'Set `PS1` before the first `RUN` (any value works; what matters is that it is set):',
        '',
        '```dockerfile',
        "ENV PS1='\\u@\\h:\\w\\$ '",
        '```',
        'Or keep `RUN` from sourcing the bashrc: do not use a login or interactive shell in `SHELL`',
        '(`SHELL ["/bin/bash", "-o", "pipefail", "-c"]` instead of `bash -l` / `bash -i`), and do not set `BASH_ENV`',
        'to it.',
      ].join('\n'),
    },
    {
      when: 'positional',
      message:
        'A script read its argument `{variable:all}` but was run without it, and it runs with `set -u` (nounset), which makes that an error.',
      fix: 'Pass the argument where the script is called in the `RUN`, or give it a default in the script: `${1:-default}` (`${1-}` for an empty one).',
    },
    {
      when: 'array',
      message:
        '`{variable:all}` expands an array that is empty or unset, and the shell runs with `set -u`: bash before 4.4 treats an empty ' +
        'array as unbound (Ubuntu 16.04 / CentOS 7 base images ship bash 4.3).',
      fix: 'Expand the array only when it has elements: `${ARR[@]+"${ARR[@]}"}` (with the array\'s name), or initialise it (`ARR=()` is not enough on bash 4.3), or use a base image with bash ≥ 4.4.',
    },
  ],
  fix: [
    'Give `{variable}` a value before it is used, in the stage that uses it (an `ARG` declared before `FROM` is',
    'not visible after it until declared again):',
    '',
    '```dockerfile',
    'ARG {variable}=',
    '# or: ENV {variable}=/usr/local/cuda',
    '```',
    'or read it with a default in the script: `${{{variable}:-}}`.',
  ].join('\n'),
  docs: 'https://www.gnu.org/software/bash/manual/html_node/The-Set-Builtin.html',
};
