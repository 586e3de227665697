// `python3 -m venv` on Debian / Ubuntu without the venv package: the distributions split venv's ensurepip
// out of the interpreter's package, and their patch of venv (Lib/venv/__init__.py, as Debian 12's python3.11
// ships it in /usr/lib/python3.11/venv/__init__.py) prints "The virtual environment was not created
// successfully because ensurepip is not available. On Debian/Ubuntu systems, you need to install the
// python3-venv package using the following command." followed by `apt install python<version>-venv`, the
// version of the interpreter that ran, then exits 1. Older releases print `apt-get install python3-venv`.
// Anything that makes a venv fails this way: `python3 -m venv`, the Poetry installer (it installs Poetry into
// a venv: "Creating environment"), pipx. Package names: `apt-cache search --names-only 'python3\.[0-9]+-venv'`
// on Debian 12 lists python3.11-venv; `python3-venv` depends on the default one (apt-cache show python3-venv).
// The package named in the message is the one to install: it matches the Python that ran, not the default.
import type { RuleInput } from '../../schema.js';
import { aptInstallLine } from '../../../knowledge/apt-install-line.js';

const packageName = '{context.venvPackage.pkg|python3-venv}';

export const venvUnavailable: RuleInput = {
  id: 'pip/venv-unavailable',
  title: 'Python cannot create a virtual environment: venv package missing',
  severity: 'error',
  match: [
    // Debian's patch wraps the sentence after "ensurepip is not" (and some tools join it on one line).
    { literals: ['because ensurepip is not'] },
  ],
  context: [
    // `    apt install python3.8-venv` / `    apt-get install python3-venv`: the package the message names.
    { name: 'venvPackage', literals: ['-venv'], pattern: '^\\s{0,12}apt(?:-get)? install (?<pkg>python3(?:\\.\\d{1,2})?-venv)\\s{0,5}$' },
  ],
  scope: 'step',
  // A step the log shows ending early still failed here: Debian's venv exits 1 right after the message.
  only: 'any',
  specificity: 3,
  message:
    'The virtual environment was not created: this Debian / Ubuntu Python has no `ensurepip`, which the distribution ships ' +
    'in a separate package, `' + packageName + '`. Everything that makes a venv (`python3 -m venv`, the Poetry installer, pipx) fails this way.',
  fix: [
    'Install `' + packageName + '` (the package the message names, for the Python that ran) in the shell that makes the venv, then run the step again:',
    '',
    '```sh',
    'sudo apt-get update && sudo apt-get install -y ' + packageName,
    '```',
  ].join('\n'),
  variants: [
    {
      when: 'fact.place=image-build',
      fix: [
        'Install `' + packageName + '` (the package the message names, for the Python that ran) in the same stage, in a `RUN` before the step that makes the venv:',
        '',
        '```dockerfile',
        `RUN ${aptInstallLine(packageName)}`,
        '```',
      ].join('\n'),
    },
    {
      when: 'fact.place=docker-run',
      fix: [
        'Install `' + packageName + '` in the image the container runs (a `RUN` in its Dockerfile, before anything makes a venv):',
        '',
        '```dockerfile',
        `RUN ${aptInstallLine(packageName)}`,
        '```',
      ].join('\n'),
    },
  ],
  docs: 'https://docs.python.org/3/library/venv.html',
};
