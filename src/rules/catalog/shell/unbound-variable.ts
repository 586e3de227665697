// bash's indirect expansion `${!var}` (bash(1), Parameter Expansion: "If the first character of parameter is an
// exclamation point (!) … it introduces a level of indirection") reads the variable NAMED BY var's value; when that one
// is unset, `set -u` reports `!var: unbound variable` (bash 5.2 here: `set -u; var=NOPE; echo "${!var}"`), naming the
// pointer, not the variable that is missing (openziti/ziti-tunnel-sdk-c#179: `for var in GITHUB_BASE_URL GITHUB_REPO
// ZITI_VERSION; do if [ -z "${!var}" ] …`). `${!var:-}` / `${!var-}` expand to '' instead (same check).
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
    // `${!var}`: the variable named by var's value is the unset one
    { name: 'indirect', literals: [': unbound variable'], pattern: '!(?<pointer>[A-Za-z_][A-Za-z0-9_]{0,100}): unbound variable' },
    // bash before 4.4 calls an empty array unbound: `line 154: MAKEARGS[@]: unbound variable`
    { name: 'array', literals: ['[@]: unbound variable', '[*]: unbound variable'] },
  ],
  message:
    '`{variable:all}` is read but was never set, and the shell runs with `set -u` (nounset), which makes that an error.',
  variants: [
    {
      // NVIDIA's NGC framework images set BASH_ENV=/etc/bash.bashrc, so every non-interactive bash sources
      // it, and that bashrc tests PS1 (AlignmentResearch/go_attack#21, NGC TensorFlow image). A login
      // shell (`bash -l`) reads it through /etc/profile as well. Setting PS1 to any value satisfies the test.
      when: 'ps1',
      title: 'PS1 unbound in the base image\'s bashrc',
      message:
        "The base image's `/etc/bash.bashrc` reads `PS1` without a default, and the `RUN` shell has `set -u` (nounset) on: " +
        'a non-interactive shell has no `PS1`, so sourcing the bashrc fails before the command runs. Bash sources it when ' +
        '`SHELL` starts a login or interactive bash (`-l`, `-i`), or when the image sets `BASH_ENV` to it (NVIDIA\'s NGC ' +
        'framework images do).',
      fix: [
        'Set `PS1` before the first `RUN` (any value works; the bashrc only tests that it is set):',
        '',
        '```dockerfile',
        'ENV PS1="> "',
        '```',
        'Or keep `RUN` from sourcing the bashrc: no `-l` / `-i` in `SHELL` (`SHELL ["/bin/bash", "-o", "pipefail", "-c"]`).',
      ].join('\n'),
    },
    {
      when: 'indirect',
      message:
        '`${{!{context.indirect.pointer}}}` is an indirect expansion: it reads the variable whose name is the value of ' +
        '`{context.indirect.pointer}`, and that variable is unset; under `set -u` (nounset) that is an error. ' +
        '`{context.indirect.pointer}` itself is set (it holds the name): bash\'s message names the pointer, not the variable that is missing.',
      fix: [
        'Find the name `{context.indirect.pointer}` held at that line (run the script with `bash -x`, or print',
        '`"${{{context.indirect.pointer}}}"` just before it; in a loop such as `for {context.indirect.pointer} in A B C`, it is one of the',
        "loop's names), then set that variable where the script runs: in an image build, `ARG` it in the stage and pass",
        '`--build-arg NAME=value`. For a check that should print its own error instead, read it with a default:',
        '`${{!{context.indirect.pointer}:-}}` is empty, not an error, when the named variable is unset.',
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
