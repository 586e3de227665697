// pipenv could not install packages from the Pipfile or Pipfile.lock: `An error occurred while installing
// asgiref==3.5.2; python_version >= '3.7' --hash=sha256:…! Will try again.` pipenv runs pip for the packages, and for
// each that pip failed on it prints this line and keeps it for a second pass (pipenv/core.py `cleanup_procs`, which
// echoes pip's own output only under `--verbose`); the second pass is `Installing initially failed dependencies...`.
// The line names the package, not the cause: pip's error for it follows in the retry or, with `--verbose`, above it.
// Not matched: pipenv's lock errors (pip/pipenv-lock-stale).
//
// Every package failing under `--system` has been a pipenv regression more than once: pypa/pipenv#5340 (2022-09,
// `pipenv install --dev --system --deploy --ignore-pipfile` in a Docker build, every package "An error occurred while
// installing … Will try again"; the reporter: "Pipenv version 2022.8.5 works with no issues"), pypa/pipenv#5367
// ("pipenv 2022.9.20 broken", `--system` in Docker, labelled a regression). The log rarely shows which pipenv it ran,
// so the fix says where to read it (the step that installs pipenv prints `Successfully installed … pipenv-…`;
// `pipenv --version`) before pinning one.
import type { RuleInput } from '../../schema.js';

/** How to tell the pipenv version, and to pin the one that worked. */
const PIN_PIPENV = [
  'Find the pipenv release the image runs: the step that installs it prints `Successfully installed … pipenv-…`, or',
  'run `pipenv --version` in the image. `--system` installs that fail for every package have been pipenv regressions',
  'of single releases: under 2022.9.x every package of a lock failed like this, and 2022.8.5 installed the same lock',
  '(pypa/pipenv#5340). Pin pipenv, where the Dockerfile installs it, to the last release that installed this lock,',
  'for the 2022.9 releases:',
  '',
  '```dockerfile',
  'RUN pip install pipenv==2022.8.5',
  '```',
  '',
  "or move to a newer pipenv release. To see pip's own error for a package, keep `--verbose` on the install.",
].join('\n');

/** The `--system` reading when the log does not show the pipenv release. */
const SYSTEM_MESSAGE =
  'pipenv could not install `{req}` with `--system` (`An error occurred while installing … Will try again.`). When ' +
  'every package of the lock fails like this under `--system`, pipenv itself is the suspect: its `--system` installs ' +
  'have broken in single releases.';

export const pipenvInstallFailed: RuleInput = {
  id: 'pip/pipenv-install-failed',
  title: 'pipenv could not install packages',
  severity: 'error',
  match: [
    // `An error occurred while installing asgiref==3.5.2; python_version >= '3.7' --hash=sha256:…! Will try again.`
    {
      literals: ['An error occurred while installing'],
      pattern: 'An error occurred while installing (?<req>[A-Za-z0-9][\\w.\\[\\],-]{0,100}(?:==[^\\s;!]{1,60})?)[^\\n]{0,2000}! Will try again\\.',
    },
  ],
  context: [
    // `RUN pipenv install --dev --system --deploy --ignore-pipfile`
    { name: 'system', source: 'instruction', literals: ['--system'], pattern: '\\bpipenv\\s[^\\n]{0,300}--system\\b' },
    // The same command quoted in the output (a cut log whose step header is gone, the classic builder's
    // `The command '/bin/sh -c pipenv install --system …' returned a non-zero code`)
    { name: 'systemInLog', literals: ['--system'], pattern: '\\bpipenv (?:install|sync)\\b[^\\n]{0,300}--system\\b' },
    // `Successfully installed … pipenv-2022.9.8 …`, `Downloading pipenv-2022.9.20-py2.py3-none-any.whl`
    { name: 'pipenv', literals: ['pipenv-'], pattern: '\\bpipenv-(?<version>20\\d{2}\\.\\d{1,2}\\.\\d{1,3})\\b' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'pipenv could not install `{req}`: `An error occurred while installing … Will try again.` is pipenv\'s line for ' +
    'a package pip failed on; it names the package, and pip\'s own error for it comes with the retry (or, with ' +
    '`--verbose`, above it).',
  fix: [
    "Read pip's error for `{req}` (the retry's output, or the install run again with `--verbose`): a missing",
    'compiler or system library, a Python version the package does not support, or a hash that does not match.',
  ].join('\n'),
  variants: [
    {
      when: 'system&pipenv',
      title: 'pipenv --system install failed for the packages of the lock',
      message:
        'pipenv {context.pipenv.version} could not install `{req}` with `--system` (`An error occurred while installing … ' +
        "Will try again.`). When every package of the lock fails like this under `--system`, pipenv itself is the suspect: " +
        'its `--system` installs have broken in single releases.',
      fix: PIN_PIPENV,
    },
    {
      when: 'system',
      title: 'pipenv --system install failed for the packages of the lock',
      message: SYSTEM_MESSAGE,
      fix: PIN_PIPENV,
    },
    {
      when: 'systemInLog',
      title: 'pipenv --system install failed for the packages of the lock',
      message: SYSTEM_MESSAGE,
      fix: PIN_PIPENV,
    },
  ],
  docs: 'https://pipenv.pypa.io/en/latest/docker.html',
};
