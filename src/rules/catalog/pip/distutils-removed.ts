// A package built from source imports `distutils`, and the Python that builds it has none: `ModuleNotFoundError: No module
// named 'distutils'`. distutils was deprecated in Python 3.10 and removed in 3.12 (PEP 632; "What's New In Python 3.12";
// docs.python.org/3.13/library/distutils.html: "The last version of Python that provided the distutils module was Python
// 3.11"). A release made before Python 3.12 has no wheel for it (`cp312` in a wheel's name, PEP 425), so the installer
// falls back to its sdist, whose build (its setup.py, or the old setuptools it pins for its build) imports distutils.
// uv prints its own hint under the error when `ModuleNotFoundError: No module named 'distutils'` is among the build's last
// stderr lines, whatever the Python (crates/uv-build-frontend/src/error.rs, `MissingLibrary::DeprecatedModule`):
// `distutils was removed from the standard library in Python 3.12. Consider adding a constraint (like `numpy >1.24.4`) to
// avoid building a version of numpy that depends on distutils.` uv 0.5.5 and later print it as a `hint:` with the names in backticks
// (`` `distutils` was removed … (like `numpy >1.24.4`) to avoid building a version of `numpy` that depends on `distutils`. ``,
// astral-sh/uv#9340; the same file's `missing_distutils` test). The `>VERSION` there is uv's guess, not a release known to
// support the Python: numpy 1.25.x supports Python 3.9-3.11 and numpy 1.26.0 is the first release "with the addition of
// Python 3.12.0 support" (numpy 1.26.0 release notes, doc/source/release/1.26.0-notes.rst: "Python 3.12 dropped distutils,
// consequently supporting it required finding a replacement for the setup.py/distutils based build system"). mit-ll/MaDDG#1:
// `uv pip install -e .` on Python 3.12 took numpy 1.24.4's sdist; its fix was the constraint uv names.
// uv's forms (docs.astral.sh/uv/reference/cli/): `uv add` writes a requirement into pyproject.toml and updates uv.lock;
// `uv python pin` writes `.python-version`; `uv venv --python` makes the environment with another Python.
// On a Python before 3.12, Debian and Ubuntu ship distutils apart from the interpreter, as `python3-distutils` (Debian 12:
// python3-distutils 3.11.2-3, `apt-cache policy`), so the same error there is a missing package of the distribution.
// A program importing distutils at run time on 3.12 can get it from setuptools, which "still provides distutils"
// (python/cpython#99061, the removal).
// node-gyp, the tool npm runs to build a package's native addon, is a Python program: releases before 10 import distutils
// (`from distutils.version import StrictVersion` in gyp/pylib/gyp/input.py, nodejs/node-gyp#2869); node-gyp 10.0.0
// (2023-10-28) updated its gyp to gyp-next 0.16.1 (#2923), which imports `packaging.version` instead, and its README says
// "Python >= v3.12 requires `node-gyp` >= v10" (CHANGELOG 10.2.0, #3010). npm runs its own bundled copy, which `npm install -g
// node-gyp` does not replace (node-gyp docs/Updating-npm-bundled-node-gyp.md); npm 10.2.2 (2023-10-31) is the first to bundle
// node-gyp 10.0.0 (npm/cli CHANGELOG, #6937). Installing setuptools gives any program on that Python `import distutils`
// through its `distutils-precedence.pth` (`_distutils_hack`): the distribution packages ship it, Alpine's `py3-setuptools`
// (pkgs.alpinelinux.org, main, v3.20 on Python 3.12) and Debian/Ubuntu's `python3-setuptools` (packages.debian.org file list,
// bookworm and trixie; packages.ubuntu.com, noble). The distribution's own Python refuses `pip install` into it (PEP 668,
// pip/externally-managed), so the fix there is the package; disney/meteor-base#170 (an Alpine image whose python3 became 3.12)
// added `py3-setuptools` beside `python3` in its `apk add`.
import type { RuleInput } from '../../schema.js';

/** numpy's first release with wheels for Python 3.12 (numpy 1.26.0 release notes). */
const NUMPY_FOR_312 = '1.26.0';

const MESSAGE_UV =
  'uv built {context.uvHint.pkg} {context.uvHint.version} from source (its sdist: no wheel of that release fits this Python), ' +
  'and the build imports `distutils`, which Python 3.12 removed from the standard library (PEP 632). A release made before ' +
  'Python 3.12 has no wheels for it, so every older release goes the same way; uv\'s own hint under the error says so.';

const MESSAGE_NUMPY_UV =
  `uv built numpy {context.uvHint.version} from source: numpy releases before ${NUMPY_FOR_312} publish no wheels for Python 3.12, so uv took the ` +
  "sdist, and their setup.py/distutils build imports `distutils`, which Python 3.12 removed from the standard library (PEP 632). " +
  `numpy ${NUMPY_FOR_312} is the first release that supports Python 3.12 (its release notes), with wheels for it.`;

const UV_PIN_NOTE =
  "uv's hint (`{context.uvHint.constraint}`) only says \"newer than this one\": a release that has no wheel for this Python fails the same way. " +
  'Something in the requirements holds {context.uvHint.pkg} at {context.uvHint.version} (a pin or an upper bound, in pyproject.toml, a requirements ' +
  'file, or a package that requires it): `grep -rn {context.uvHint.pkg} pyproject.toml requirements*.txt` finds a direct one, and uv names the ' +
  'package that holds it back when the new requirement conflicts.';

const NODE_GYP_MESSAGE =
  'npm built a native addon with node-gyp, and node-gyp\'s gyp imports `distutils`, which the Python it ran does not have: ' +
  'Python 3.12 removed it (PEP 632; before 3.12 Debian and Ubuntu ship it apart, as `python3-distutils`). node-gyp releases ' +
  'before 10 import it; node-gyp 10 does not (its README: "Python >= v3.12 requires `node-gyp` >= v10").';

const NODE_GYP_NEWER = [
  'Or use a node-gyp of 10 or later (`gyp info using node-gyp@` in the full log names the one that ran). npm runs its own',
  'bundled copy, which `npm install -g node-gyp` does not replace; npm 10.2.2 and later bundle node-gyp 10, so a newer',
  'Node.js / npm is the lasting fix.',
].join('\n');

export const distutilsRemoved: RuleInput = {
  id: 'pip/distutils-removed',
  title: 'A source build imports distutils, which Python 3.12 removed',
  severity: 'error',
  match: [
    // the traceback's last line: `ModuleNotFoundError: No module named 'distutils'` (or `'distutils.core'`, …)
    { literals: ["No module named 'distutils"], pattern: "ModuleNotFoundError: No module named 'distutils(?:\\.[\\w.]{1,100})?'" },
    // uv's hint, in its `Caused by:` and `╰─▶` forms (the line may wrap after `Consider`); since uv 0.5.5 (astral-sh/uv#9340)
    // a `hint:` with the module in backticks: `` hint: `distutils` was removed from the standard library in Python 3.12. ``
    { literals: ['distutils was removed from the standard library in Python', 'distutils` was removed from the standard library in Python'] },
  ],
  context: [
    // `… Consider adding a constraint (like `numpy >1.24.4`) to avoid …`; newer uv may name a bound of its own (`numpy>=2.0.0`)
    {
      name: 'uvHint',
      literals: ['Consider adding a constraint (like `'],
      pattern: 'Consider adding a constraint \\(like `(?<constraint>(?<pkg>[A-Za-z0-9][\\w.-]{0,100}) ?[<>=!~]{1,2} ?(?<version>[\\w.!+]{1,40}))`\\)',
    },
    // the package is numpy: in uv's hint, uv's `Failed to fetch wheel: numpy==1.24.4` / ``Failed to download and build `numpy==…` ``, or pip's sdist
    {
      name: 'numpy',
      literals: ['numpy'],
      pattern: '(?:like `numpy ?[<>=]|(?:wheel: |build `)numpy==|(?:Downloading|Using cached) numpy-\\d[\\w.]{0,30}\\.tar\\.gz)',
    },
    // a Python of 3.12 or later in the log: `…/lib/python3.12/site-packages/…`, `Using Python 3.12.9 environment at …`
    { name: 'newPython', literals: ['python3.1', 'Python 3.1'], pattern: '(?:python|Python )3\\.(?:1[2-9]|[2-9]\\d)(?![\\d])' },
    // the `uv pip install` that failed, as typed: `uv pip install -e .`
    { name: 'uvPipCmd', literals: ['uv pip install '], pattern: '\\buv pip install (?<args>[^\\s&;|][^\\n&;|]{0,300}?)\\s*$' },
    // a uv project command (pyproject.toml and uv.lock), not `uv pip`
    { name: 'uvProject', literals: ['uv sync', 'uv add', 'uv lock', 'uv run'], pattern: '\\buv (?:sync|add|lock|run)\\b' },
    // npm's or node-gyp's own prefixes, or node-gyp by name: the Python that failed is node-gyp's (`npm error gyp info …`,
    // `npm ERR! gyp ERR! …`, `…/node_modules/node-gyp/gyp/gyp_main.py`)
    {
      name: 'nodeGyp',
      literals: ['npm error', 'npm ERR!', 'gyp ERR!', 'gyp info', 'node-gyp'],
      pattern: '(?:^|\\s)(?:npm (?:error|ERR!)|gyp (?:ERR!|info))(?:\\s|$)|\\bnode-gyp\\b',
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'A build imported `distutils`, and the Python that ran it has none. Python 3.12 and later have no distutils (PEP 632); before ' +
    '3.12, Debian and Ubuntu ship it apart from the interpreter, as the `python3-distutils` package. The log does not show which Python ran.',
  fix: [
    'Check the Python first (`python3 --version`, in the same image or environment):',
    '- 3.12 or later: the package being built is a release made before Python 3.12. Install a release that publishes a wheel for this',
    '  Python (the package\'s page on PyPI lists each release\'s wheels under "Download files": `cp312` in the name is CPython 3.12), or',
    '  build with Python 3.11. A program of your own that imports distutils at run time gets it from setuptools (`pip install setuptools`).',
    '- 3.11 or earlier on Debian or Ubuntu: install the distribution\'s `python3-distutils` (`apt-get install -y python3-distutils`).',
  ].join('\n'),
  variants: [
    {
      when: 'nodeGyp',
      message: NODE_GYP_MESSAGE,
      fix: [
        'Give the Python node-gyp runs a `distutils`: install setuptools from the distribution\'s packages, where the `npm install`',
        'runs (in a Dockerfile, in the `RUN` that installs `python3`, before the `npm install`):',
        '- Alpine: `apk add --no-cache py3-setuptools`',
        '- Debian / Ubuntu: `apt-get install -y python3-setuptools`',
        '',
        "Not `pip install setuptools` into the distribution's Python: Alpine 3.19+, Debian 12+ and Ubuntu 23.04+ refuse it (PEP 668).",
        'A Python of its own (a `python:` image, a venv, pyenv) takes `python3 -m pip install setuptools`.',
        '',
        NODE_GYP_NEWER,
      ].join('\n'),
    },
    {
      when: 'uvHint&numpy&uvProject',
      message: MESSAGE_NUMPY_UV,
      fix: [
        `Require numpy ${NUMPY_FOR_312} or later in the project, so uv takes a release with wheels for this Python:`,
        '',
        '```sh',
        `uv add "numpy>=${NUMPY_FOR_312}"`,
        '```',
        '',
        UV_PIN_NOTE,
        '',
        'Or keep numpy {context.uvHint.version} and use Python 3.11, the last with distutils: `uv python pin 3.11`, then `uv sync`.',
      ].join('\n'),
    },
    {
      when: 'uvHint&numpy&uvPipCmd',
      message: MESSAGE_NUMPY_UV,
      fix: [
        `Require numpy ${NUMPY_FOR_312} or later where numpy {context.uvHint.version} comes from, or add it to the same install so uv`,
        'resolves with it:',
        '',
        '```sh',
        `uv pip install {context.uvPipCmd.args} "numpy>=${NUMPY_FOR_312}"`,
        '```',
        '',
        UV_PIN_NOTE,
        '',
        'Or keep numpy {context.uvHint.version} and use Python 3.11, the last with distutils: `uv venv --python 3.11`, then install again.',
      ].join('\n'),
    },
    {
      when: 'uvHint&numpy',
      message: MESSAGE_NUMPY_UV,
      fix: [
        `Require numpy ${NUMPY_FOR_312} or later where numpy {context.uvHint.version} comes from, or add \`"numpy>=${NUMPY_FOR_312}"\` to the`,
        `same \`uv pip install\` so uv resolves with it (in a uv project: \`uv add "numpy>=${NUMPY_FOR_312}"\`). ${UV_PIN_NOTE}`,
        '',
        'Or keep numpy {context.uvHint.version} and use Python 3.11, the last with distutils: `uv venv --python 3.11` (or `uv python pin 3.11`',
        'in a project), then install again.',
      ].join('\n'),
    },
    {
      when: 'uvHint&uvProject',
      message: MESSAGE_UV,
      fix: [
        'Require a release of {context.uvHint.pkg} that publishes wheels for this Python (https://pypi.org/project/{context.uvHint.pkg}/#files',
        "lists each release's wheels: `cp312` in a name is CPython 3.12): " + '`uv add "{context.uvHint.pkg}>=$VERSION"`, with that release for `$VERSION`. ' + UV_PIN_NOTE,
        '',
        'Or use Python 3.11, the last with distutils: `uv python pin 3.11`, then `uv sync`.',
      ].join('\n'),
    },
    {
      when: 'uvHint',
      message: MESSAGE_UV,
      fix: [
        'Require a release of {context.uvHint.pkg} that publishes wheels for this Python (https://pypi.org/project/{context.uvHint.pkg}/#files',
        "lists each release's wheels: `cp312` in a name is CPython 3.12), in the same `uv pip install` as the rest " +
          '(`"{context.uvHint.pkg}>=$VERSION"`, with that release for `$VERSION`) or in the requirements that hold it at {context.uvHint.version}. ' + UV_PIN_NOTE,
        '',
        'Or use Python 3.11, the last with distutils: `uv venv --python 3.11`, then install again.',
      ].join('\n'),
    },
    {
      when: 'numpy&newPython&fact.place=image-build',
      message:
        `pip built numpy from source: numpy releases before ${NUMPY_FOR_312} publish no wheels for Python 3.12 or later, and their ` +
        `setup.py/distutils build imports \`distutils\`, which Python 3.12 removed (PEP 632). numpy ${NUMPY_FOR_312} is the first release that supports Python 3.12.`,
      fix: [
        `Require numpy ${NUMPY_FOR_312} or later where the build pins it (requirements file, or the \`pip install\` of this \`RUN\`):`,
        '',
        '```dockerfile',
        `RUN pip install "numpy>=${NUMPY_FOR_312}"`,
        '```',
        '',
        'Or keep the old numpy and build on Python 3.11, the last with distutils (`FROM python:3.11-slim` for the official images).',
      ].join('\n'),
    },
    {
      when: 'newPython',
      message:
        'A package built from source imports `distutils`, which Python 3.12 removed from the standard library (PEP 632): the release ' +
        'being built came out before this Python and publishes no wheel for it, so the installer built its sdist.',
      fix: [
        'Install a release of that package that publishes a wheel for this Python (the package is the one the installer was building ' +
          'when it failed: pip\'s last `Collecting`/`Building wheel for` line; the package\'s page on PyPI lists each ' +
          "release's wheels, `cp312` in a name is CPython 3.12), or build with Python 3.11, the last with distutils.",
      ].join('\n'),
    },
  ],
  docs: 'https://peps.python.org/pep-0632/',
};
