// `pip install --force-reinstall` in a passing build: pip uninstalls and installs again every
// requirement of the command and all their dependencies, even at the version already installed
// ("Reinstall all packages even if they are already up-to-date.", pip 23.2.1 `pip install --help`).
// After `-r requirements.txt` has installed a stack, a later `--force-reinstall torch …` (to swap in
// another index's build) downloads and unpacks the same large wheels again, dependencies included.
// Waste, so a notice; what pip reinstalled is in its `Successfully uninstalled X-1.2` lines.
// `--no-deps` ("Don't install package dependencies.") limits the command to the packages it names.
import type { RuleInput } from '../../schema.js';

export const forceReinstall: RuleInput = {
  id: 'pip/force-reinstall',
  title: 'pip reinstalled packages already installed (--force-reinstall)',
  severity: 'notice',
  match: [
    // `      Successfully uninstalled smallops-1.2.0` (pip's own indentation under `Attempting uninstall:`)
    { literals: ['Successfully uninstalled '], pattern: '^\\s{0,20}Successfully uninstalled (?<reinstalled>[A-Za-z0-9][\\w.+!-]{0,200})$' },
  ],
  context: [{ name: 'forced', source: 'instruction', literals: ['--force-reinstall'] }],
  when: 'forced',
  scope: 'step',
  specificity: 2,
  message:
    'Step {step} ran pip with `--force-reinstall`: pip uninstalled {reinstalled:all} and installed them again, dependencies included, ' +
    'although they were installed already. The step took {duration|an unknown time (the log gives none)}.',
  fix: [
    'Install each package once, in the form the image needs:',
    '',
    '- Another build of a package (a `+cu121` torch from PyTorch\'s index, say): install it first, from that index, and let `-r requirements.txt` ' +
      'find it installed; or put the index in the requirements file (an `--extra-index-url` line of its own) so one `pip install` picks every package.',
    '- One package really has to be replaced: add `--no-deps` to the `--force-reinstall` command, so pip replaces the packages it names and leaves their dependencies.',
    '',
    'pip prints `Requirement already satisfied` for what it keeps: the step then costs seconds, not the download and unpacking of every wheel again.',
  ].join('\n'),
  docs: 'https://pip.pypa.io/en/stable/cli/pip_install/#cmdoption-force-reinstall',
};
