// A command imports setuptools, and the Python that runs it has none: `ModuleNotFoundError: No module named 'setuptools'`
// outside any installer's build of a package. The usual one is a setup.py run by hand (`RUN python3 setup.py install`,
// 42school/norminette#520: a Dockerfile moved to python:3.12, whose setup.py is `__import__('setuptools').setup()`; the
// project's fix, 42school/norminette#511, installs setuptools before it).
// Two changes took setuptools away from a Python that had it before:
// - Python 3.12: "Do not pre-install setuptools in virtual environments created with venv. This means that distutils,
//   setuptools, pkg_resources, and easy_install will no longer available by default; to access these run pip install
//   setuptools in the activated virtual environment" ("What's New In Python 3.12", https://docs.python.org/3/whatsnew/3.12.html,
//   python/cpython#95299); ensurepip stopped installing it with it;
// - the official python images stopped installing setuptools (and wheel) from Python 3.12 on (docker-library/python#952,
//   fixed by #954, August 2024: "If you are using Python 3.12+ and you have build or runtime dependencies on setuptools or
//   wheel, … RUN pip install --no-cache-dir setuptools wheel"). Images of 3.11 and earlier still carry it.
// Running setup.py as a command is deprecated: "commands such as the following MUST NOT be run anymore: python setup.py
// install …"; the replacements are `python -m pip install .` for `setup.py install` and `python -m pip install --editable .`
// for `setup.py develop` (packaging.python.org, "Is setup.py deprecated?"). pip needs no setuptools in the Python it runs
// from: it builds a project in an isolated environment with setuptools "if the project has a pyproject.toml file or if we
// cannot import setuptools or wheels" (pip's src/pip/_internal/pyproject.py, `load_pyproject_toml`; pypa/pip#8559).
// The same error inside an installer's build of a package (pip's isolated build environment, a setup.py pip or uv ran, uv's
// `Failed building wheel through setup.py`) is a different story: the build's own environment, not the image's Python
// (pip/wheel-build-failed and pip/build-isolation explain those). `setuptools_scm`, `setuptools_rust` are other modules.
import type { RuleInput } from '../../schema.js';
import { PACKAGE_BUILD_SIGNS } from './pkg-resources-missing.js';

const MESSAGE =
  'The command imports setuptools, and the Python that runs it has none. Python 3.12 no longer installs setuptools into a ' +
  'new venv (nor does its ensurepip), and the official `python:3.12` and later images no longer install it either ' +
  '(docker-library/python#954, August 2024); a Python of 3.11 or earlier usually had it, so a move to 3.12 breaks a ' +
  'build that ran before. The log does not show which Python ran: `python3 --version` with the same Python says.';

const SETUP_PY_MESSAGE =
  'The build runs `setup.py {context.setupPy.cmd}` by hand, and setup.py imports setuptools, which the Python that runs it ' +
  'does not have. Python 3.12 no longer installs setuptools into a new venv (nor does its ensurepip), and the official ' +
  '`python:3.12` and later images no longer install it either (docker-library/python#954, August 2024): an image moved ' +
  'to Python 3.12 loses it (the log does not show which Python ran: `python3 --version` in the image says). Running setup.py ' +
  'as a command is deprecated anyway (packaging.python.org, "Is setup.py deprecated?").';

/** pip builds the project in an isolated environment that has setuptools, whatever the image's Python lacks. */
const PIP_BUILDS =
  'pip builds the project in an isolated environment of its own, with setuptools in it, when the Python it runs from has no ' +
  'setuptools or the project has a pyproject.toml, so nothing else is needed.';

const SETUP_INSTALL_IMAGE_FIX = [
  'Install the project with pip instead of running setup.py (the replacement packaging.python.org gives for `setup.py install`):',
  '',
  '```dockerfile',
  'RUN pip install --no-cache-dir .',
  '```',
  '',
  PIP_BUILDS,
  '',
  'Or keep the command and install setuptools first, in the same Python (the same venv, if the image uses one):',
  '',
  '```dockerfile',
  'RUN pip install --no-cache-dir setuptools',
  '```',
].join('\n');

const SETUP_INSTALL_FIX = [
  'Install the project with pip instead of running setup.py (the replacement packaging.python.org gives for `setup.py install`),',
  'with the same Python:',
  '',
  '```sh',
  'python3 -m pip install .',
  '```',
  '',
  PIP_BUILDS,
  '',
  'Or keep the command and install setuptools into that Python first: `python3 -m pip install setuptools`.',
].join('\n');

const SETUP_DEVELOP_FIX = [
  'Install the project in editable mode with pip instead (the replacement packaging.python.org gives for `setup.py develop`),',
  'with the same Python:',
  '',
  '```sh',
  'python3 -m pip install --editable .',
  '```',
  '',
  'Or keep the command and install setuptools into that Python first: `python3 -m pip install setuptools`.',
].join('\n');

export const setuptoolsMissing: RuleInput = {
  id: 'pip/setuptools-missing',
  title: 'setuptools is not installed in the Python that runs the command',
  severity: 'error',
  match: [
    // `ModuleNotFoundError: No module named 'setuptools'` (Python 3), `ImportError: No module named setuptools` (Python 2);
    // not `setuptools_scm` / `setuptools_rust` (other packages), nor a submodule of an installed setuptools
    { literals: ['No module named '], pattern: "(?:ModuleNotFoundError|ImportError): No module named '?setuptools'?\\s*$" },
  ],
  context: [
    // Any sign that the import ran inside an installer's build of a package: its own environment, not this Python's.
    {
      name: 'buildEnv',
      literals: [...PACKAGE_BUILD_SIGNS, 'Failed building wheel'],
    },
    // setup.py run as a command: `python3 setup.py install`, `python setup.py develop`, `./setup.py install --user`
    {
      name: 'setupPy',
      literals: ['setup.py '],
      pattern: '(?:\\bpython[\\d.]*\\s+|\\./)(?:[\\w./-]{0,200}/)?setup\\.py\\s+(?<cmd>install|develop|build|build_ext|bdist_wheel|bdist_egg|sdist)\\b',
    },
    { name: 'setupInstall', literals: ['setup.py install'], pattern: '(?:\\bpython[\\d.]*\\s+|\\./)(?:[\\w./-]{0,200}/)?setup\\.py\\s+install\\b' },
    { name: 'setupDevelop', literals: ['setup.py develop'], pattern: '(?:\\bpython[\\d.]*\\s+|\\./)(?:[\\w./-]{0,200}/)?setup\\.py\\s+develop\\b' },
  ],
  when: '!buildEnv',
  scope: 'step',
  specificity: 3,
  message: MESSAGE,
  fix: [
    'Install setuptools into the Python that runs the command, before it runs (in a venv: the venv\'s Python):',
    '',
    '```sh',
    'python3 -m pip install setuptools',
    '```',
    '',
    'A project that needs it at run time declares it among its dependencies; one that builds with it declares it in',
    '`[build-system] requires` of its pyproject.toml.',
  ].join('\n'),
  variants: [
    { when: 'setupInstall&fact.place=image-build', message: SETUP_PY_MESSAGE, fix: SETUP_INSTALL_IMAGE_FIX },
    { when: 'setupInstall', message: SETUP_PY_MESSAGE, fix: SETUP_INSTALL_FIX },
    { when: 'setupDevelop', message: SETUP_PY_MESSAGE, fix: SETUP_DEVELOP_FIX },
    {
      when: 'setupPy&fact.place=image-build',
      message: SETUP_PY_MESSAGE,
      fix: [
        'Install setuptools in the image before the command, in the same Python (the same venv, if the image uses one):',
        '',
        '```dockerfile',
        'RUN pip install --no-cache-dir setuptools',
        '```',
        '',
        'Running setup.py as a command is deprecated: `python -m build` (the `build` package) makes the sdist and wheel instead.',
      ].join('\n'),
    },
    {
      when: 'fact.place=image-build',
      fix: [
        'Install setuptools in the image, in a `RUN` before the failing one and with the same Python (the same venv, if the image',
        'uses one):',
        '',
        '```dockerfile',
        'RUN pip install --no-cache-dir setuptools',
        '```',
        '',
        'A project that needs it at run time declares it among its dependencies.',
      ].join('\n'),
    },
  ],
  docs: 'https://docs.python.org/3/whatsnew/3.12.html',
};
