import type { RuleInput } from '../../schema.js';

/** The shell could not find a program: not installed in this stage, or not on PATH. */
export const commandNotFound: RuleInput = {
  id: 'shell/command-not-found',
  title: 'Command not found',
  severity: 'error',
  only: 'failed-step',
  match: [
    {
      // dash `/bin/sh: 1: cmake: not found`, busybox `/bin/sh: cmake: not found`,
      // bash `bash: line 1: cmake: command not found`, `/bin/bash: cmake: command not found`.
      literals: [': not found', 'command not found'],
      pattern: 'sh: (?:line )?(?:\\d{1,7}: )?(?<command>[^\\s:]{1,200}): (?:command )?not found',
    },
    {
      // exec-form RUN: `exec: "cmake": executable file not found in $PATH`
      literals: ['executable file not found in'],
      pattern: 'exec: "(?<command>[^"\\n]{1,200})": executable file not found',
    },
    { literals: ['exit code: 127', 'non-zero code: 127'] },
  ],
  context: [{ name: 'exit127', literals: ['exit code: 127', 'non-zero code: 127'] }],
  // nvcc missing is a CUDA toolkit problem, explained by cuda/toolkit-not-found.
  unless: [{ literals: ['nvcc: not found', 'nvcc: command not found', 'exec: "nvcc"'] }],
  message:
    '`{command|A command}` is not installed in this stage, or not on its `PATH` (exit code 127 is the shell\'s ' +
    '"command not found").',
  variants: [
    {
      when: '!exit127',
      severity: 'warning',
      title: 'Command not found (step failed for another reason?)',
      message:
        '`{command|A command}` was not found in this step, but the step did not end with exit code 127: it may be ' +
        'an optional probe, or the failure that followed from it.',
    },
  ],
  fix: [
    'Install `{command|the command}` in this stage (stages share nothing but what is copied with `COPY --from`):',
    '',
    '```dockerfile',
    'RUN apt-get update && apt-get install -y --no-install-recommends PACKAGE && rm -rf /var/lib/apt/lists/*',
    '```',
    'or, when it is installed somewhere off the `PATH` (pip `--user`, `/opt/conda/bin`), add that directory:',
    '`ENV PATH=/opt/conda/bin:$PATH`. Find which package provides a command with `apt-file search bin/{command|NAME}`.',
  ].join('\n'),
};
