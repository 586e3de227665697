// conda solved and downloaded, then failed while linking the packages into the environment: `Executing transaction:
// failed` (`...working... failed` with progress bars), `ERROR conda.core.link:_execute(502): An error occurred while
// installing package 'conda-forge::affine-2.3.0-py_0'.`, the exception, `Attempting to roll back.`. The
// `ERROR conda.core.link` line names the package and the exception line after it says why; the environment is rolled
// back, so nothing of the transaction is left. `Executing transaction: done` (a transaction that worked) is not matched.
//
// The variant: the exception is `FileNotFoundError(… '/opt/conda/envs/solaris/bin/python3.6')`, the python of a NEW
// environment (`…/envs/<name>/`). A noarch python package (`-py_0`, `-pyh…`) is linked against the environment's python
// (conda compiles its .py files with it); when conda links it before python exists in the environment it is creating,
// the link fails on that path (CosmiQ/CosmiQ_SN6_Baseline#1, `conda env create` in a docker build; conda/conda#9761 and
// #6659, the same with conda-forge noarch packages). The reporter's workaround: create the environment with python
// alone first, then install the rest into it (`conda create -n solaris python=3.6.7`, then `conda install --file …`),
// so python is there before any noarch package is linked. `conda env update --name N --file F` installs an environment
// file into an existing environment (conda's `env update` help). The conda release the bug belongs to is not pinned
// down in those threads: the fix asks for `conda --version`, not a version boundary.
import type { RuleInput } from '../../schema.js';

const VERSION_CHECK =
  'If it fails the same way, note which conda ran (`conda --version` in the same place): the failure belongs to how that conda orders the links.';

export const transactionFailed: RuleInput = {
  id: 'conda/transaction-failed',
  title: 'conda could not install the packages it had solved',
  severity: 'error',
  match: [
    // `Executing transaction: failed`, `Executing transaction: ...working... failed`
    { literals: ['Executing transaction:'], pattern: '^\\s{0,20}Executing transaction: (?:\\.\\.\\.working\\.\\.\\. )?failed\\s*$' },
    // `ERROR conda.core.link:_execute(502): An error occurred while installing package 'conda-forge::affine-2.3.0-py_0'.`
    {
      literals: ['conda.core.link'],
      pattern: "ERROR:? ?conda\\.core\\.link:(?:_execute\\(\\d{1,5}\\): )?An error occurred while installing package '(?<package>[^'\\s]{1,200})'",
    },
  ],
  context: [
    // the link error's package, whichever line matched first
    {
      name: 'link',
      literals: ['conda.core.link'],
      pattern: "An error occurred while installing package '(?<package>[^'\\s]{1,200})'",
    },
    // the exception that stopped it, on the line after (FileNotFoundError, PermissionError, …)
    { name: 'exception', literals: ['Error('], pattern: '^\\s{0,20}(?<text>[A-Z]\\w{2,60}Error\\(.{1,300}\\))\\s*$' },
    // the python of a new environment missing: `No such file or directory: '/opt/conda/envs/solaris/bin/python3.6'`
    {
      name: 'envPython',
      literals: ['/bin/python'],
      pattern: "FileNotFoundError\\(2, \"No such file or directory: '(?<prefix>/[^'\\s]{0,200}/envs/(?<env>[^/'\\s]{1,100}))/bin/python(?<python>\\d\\.\\d{1,2})'",
    },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'conda solved the environment and downloaded the packages, then failed while linking them into it ' +
    '(`{context.link.package|a package}`: {context.exception.text|the exception after the `ERROR conda.core.link` line}), and rolled the whole transaction back.',
  fix: [
    'The exception after the `ERROR conda.core.link` line says what the link needed: a file that is not there, a directory conda cannot write ' +
      '(run conda as the user that owns its prefix), a full disk. Fix that and run the same command again; to see each package as it is linked, add `-v`.',
  ].join('\n'),
  variants: [
    {
      when: 'envPython',
      title: 'conda linked a noarch package before python was in the new environment',
      message:
        'conda tried to link `{context.link.package|a noarch python package}` into the new environment `{context.envPython.env}` before its python ' +
        '{context.envPython.python} was there (`{context.envPython.prefix}/bin/python{context.envPython.python}` not found). A noarch python package ' +
        'is installed with the environment\'s own python, so the link failed and conda rolled the environment back.',
      fix: [
        'Create the environment with python alone first, then install the rest into it, so python is in place before any noarch package is linked:',
        '',
        '```sh',
        'conda create -y -n {context.envPython.env} python={context.envPython.python}',
        '```',
        '',
        'then the same packages into that environment: `conda env update -n {context.envPython.env} --file` and the environment file the failing ' +
          'command used, or `conda install -y -n {context.envPython.env}` and the package list. In a Dockerfile, both in `RUN` steps in place of the ' +
          'one that failed.',
        '',
        VERSION_CHECK,
      ].join('\n'),
    },
  ],
  docs: 'https://docs.conda.io/projects/conda/en/latest/commands/env/update.html',
};
