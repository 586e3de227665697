// A released source distribution whose setup.py imports a module the package does not declare: pip runs that
// setup.py to read the metadata (`setup.py egg_info`, pip's legacy path for projects without a pyproject.toml) and
// the import fails with `ModuleNotFoundError: No module named 'pycodestyle'` in the frame
// `File "/tmp/pip-install-jud7wcnr/avro-python3/setup.py", line 41, in <module>`. pip unpacks each downloaded sdist
// under `/tmp/pip-install-<random>/` (named after the project; pip ≥ 20.3 adds `_<32 hex>`), so the frame names the
// package; a local project (`/src/setup.py`) or a URL requirement (`/tmp/pip-req-build-…`) is the author's own code,
// not a release, and is left to the other rules. Modules a build legitimately needs installed first (torch, numpy, …)
// are pip/build-isolation's; `pkg_resources` (setuptools removed it) is pip/wheel-build-failed's.
//
// The release is the defect, so the fixes are: the last release whose setup.py ran (pip index versions NAME lists the
// releases, newest first: pip 21.2 and later, pip's `index` command docs; pypi.org/project/NAME/#history dates them),
// or the module installed before pip reads the metadata. Not in the same `pip install` (or the same `pip:` list of a
// conda environment file, which conda installs with one `pip install -r`): pip reads every requirement's metadata
// before it installs any (see pip/build-isolation). In an environment file, conda installs `dependencies:` before the
// `pip:` list (conda_env/cli/main_create.py runs one installer per key of `env.dependencies`, `conda` first, then `pip`,
// whose installer, conda_env/installers/pip.py, writes the list to one requirements file for one `pip install -U -r`),
// so the module goes there when a conda channel has it (`conda search` says).
// conda's own frame around pip's output: `Pip subprocess error:` … `CondaEnvException: Pip failed` (conda_env/
// installers/pip.py, conda < 23; conda ≥ 23 prints `CondaEnvException: Pip failed` too).
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

const MESSAGE =
  "The setup.py of {context.setupFrame.name} imports {module}, and {module} is not installed where pip ran it: pip runs a source " +
  "distribution's setup.py to read its metadata (`setup.py egg_info`), and this release does not declare {module} as a " +
  'requirement. A packaging defect of the release pip took, not of this build: every fresh install of it fails the same way.';

const FIND_RELEASE =
  '`pip index versions {context.setupFrame.name}` (pip 21.2 or later) lists its releases, newest first; the one pip took is the ' +
  'newest unless something pins it (pypi.org/project/{context.setupFrame.name}/#history dates them). Pin the release before it, ' +
  'or a later one whose setup.py was fixed, and build again: a release that builds gets past this line.';

function variants(): Variant[] {
  return [
    {
      // conda's `pip:` list of an environment file: one `pip install -r` for the whole list
      when: 'condaPip',
      message: `${MESSAGE} conda ran that pip for the \`pip:\` list of the environment file.`,
      fix: [
        `Either pin {context.setupFrame.name} in the environment file's \`pip:\` list to a release whose setup.py runs. ${FIND_RELEASE}`,
        '',
        'Or have {module} installed before pip runs: conda installs the `dependencies:` of the file before its `pip:` list, so add it there',
        'when a conda channel has it under that name (`conda search -c conda-forge {module}` says):',
        '',
        '```yaml',
        'dependencies:',
        '  - {module}',
        '```',
        '',
        'A `{module}` line in the same `pip:` list is not enough: conda installs that list with one `pip install`, and pip reads every',
        "requirement's metadata before it installs any.",
      ].join('\n'),
    },
  ];
}

export const setupPyUndeclaredImport: RuleInput = {
  id: 'pip/setup-py-undeclared-import',
  title: "A release's setup.py imports a module it does not declare",
  severity: 'error',
  match: [
    // `    ModuleNotFoundError: No module named 'pycodestyle'` (Python 3), `ImportError: No module named pycodestyle` (Python 2)
    {
      literals: ['No module named '],
      pattern: "(?:ModuleNotFoundError|ImportError): No module named '?(?<module>[A-Za-z_][\\w]{0,100})(?:\\.[\\w.]{1,200})?'?\\s*$",
    },
  ],
  unless: [
    // the build-time modules pip/build-isolation explains, and pkg_resources (pip/wheel-build-failed)
    {
      literals: ['No module named '],
      pattern: "No module named '?(?:torch|numpy|packaging|psutil|ninja|Cython|setuptools_scm|pybind11|pkg_resources|setuptools|wheel)\\b",
    },
  ],
  context: [
    // the traceback frame of a downloaded sdist's setup.py: `File "/tmp/pip-install-jud7wcnr/avro-python3/setup.py", line 41, in <module>`
    // (pip ≥ 20.3: `/tmp/pip-install-g3b1gyct/xformers_ece11b88871a456581ec13672a75669e/setup.py`)
    {
      name: 'setupFrame',
      required: true,
      literals: ['/pip-install-'],
      pattern: 'File "[^"]{0,200}/pip-install-[a-z0-9_]{1,20}/(?<name>[A-Za-z0-9][\\w.-]{0,100}?)(?:_[0-9a-f]{32})?/setup\\.py", line \\d{1,6}, in <module>',
    },
    // conda's frame: the environment file's `pip:` list
    { name: 'condaPip', literals: ['Pip subprocess error:', 'CondaEnvException: Pip failed'] },
  ],
  scope: 'step',
  specificity: 3,
  message: MESSAGE,
  fix: [
    `Either pin {context.setupFrame.name} to a release whose setup.py runs, where the install names it. ${FIND_RELEASE}`,
    '',
    "Or install {module} in a command before the one that installs {context.setupFrame.name}: pip reads every requirement's metadata",
    'before it installs any, so {module} in the same command is not there yet when setup.py runs.',
    '',
    '```sh',
    'pip install {module}',
    '```',
  ].join('\n'),
  variants: variants(),
  docs: 'https://pip.pypa.io/en/stable/cli/pip_index/',
};
