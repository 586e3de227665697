// A source distribution whose setup.py checks the running Python itself and refuses it, while pip reads its metadata
// (`Preparing metadata (setup.py)`, `python setup.py egg_info did not run successfully`). numba's and llvmlite's setup.py
// (`_guard_py_ver()`) and the projects that copied it raise
// `RuntimeError: Cannot install on Python version 3.11.1; only versions >=3.7,<3.11 are supported.`
// (llvmlite's newer form has no upper bound: `only versions >=3.10 are supported.`; both forms in their setup.py).
// pip takes a release's sdist only when none of its wheels fits this Python, which is what a Python newer than the release
// brings (sergree/matchering-web#4: python:slim moved to 3.11.1, `numba>=0.53` resolved to numba 0.56.4; the merged fix
// pinned the image to Python 3.10). The guard names the range, so the fixes are a Python inside it, or a release of the
// package that supports this Python (the python-guard enricher knows numba's: 0.57 for 3.11, 0.59 for 3.12, from numba's
// release notes); else `pip index versions` (pip 21.2 or later) lists the releases and PyPI's files page shows which have
// wheels for this Python (`cp311` in a wheel's name is CPython 3.11, PEP 425).
// pip's own Requires-Python check (`Requires-Python <3.12`, `Ignored the following versions`) is pip/no-matching-distribution's.
import type { RuleInput } from '../../schema.js';

const MESSAGE =
  'The setup.py of {enrich.release|a source distribution} refuses this Python: it checks the ' +
  'running Python itself, and supports only {range} (this is {python}). pip built that release from source because none of ' +
  'its wheels fits this Python, and its setup.py stopped the build while pip read its metadata.';

const NEW_MESSAGE =
  MESSAGE + ' Python {python} is newer than that release: it came out before this Python and does not support it.';

const NAME = '{enrich.pkg|<package>}';

const FIND_RELEASE =
  '`pip index versions ' + NAME + '` lists its releases, newest first; https://pypi.org/project/' + NAME + '/#files shows ' +
  'which have wheels for Python {enrich.ranPython} (`cp3…` in a wheel\'s name).';

export const pythonVersionRefused: RuleInput = {
  id: 'pip/python-version-refused',
  title: "A source distribution's setup.py refuses this Python version",
  severity: 'error',
  match: [
    // `RuntimeError: Cannot install on Python version 3.11.1; only versions >=3.7,<3.11 are supported.` (numba 0.56.4),
    // `… only versions >=3.8, <3.12 are supported.` (a space after the comma in copies), `… only versions >=3.10 are supported.` (llvmlite)
    {
      literals: ['Cannot install on Python version '],
      pattern:
        'Cannot install on Python version (?<python>\\d{1,2}\\.\\d{1,3}(?:\\.\\d{1,3})?); only versions (?<range>>=(?<low>\\d{1,2}\\.\\d{1,3})(?:, ?<(?<high>\\d{1,2}\\.\\d{1,3}))?) are supported',
    },
  ],
  context: [
    // the sdist pip downloaded: `Downloading numba-0.56.4.tar.gz (2.4 MB)` (a name with a hyphen is left to setupFrame)
    {
      name: 'sdist',
      keep: 'last',
      literals: ['.tar.gz', '.zip'],
      pattern: '(?:Downloading|Using cached) (?<name>[A-Za-z0-9][\\w.]{0,100})-(?<version>\\d[\\w.!+]{0,40})\\.(?:tar\\.gz|zip)\\b',
    },
    // the setup.py frame of pip's unpacked sdist: `/tmp/pip-install-ju2_a2v6/numba_737a6a5fa976445da5b5a7dfabfad88c/setup.py`
    {
      name: 'setupFrame',
      literals: ['/pip-install-'],
      pattern: '/pip-install-[\\w-]{1,40}/(?<name>[A-Za-z0-9][\\w.-]{0,100}?)(?:_[0-9a-f]{32})?/setup\\.py',
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  enrich: 'python-guard',
  message: MESSAGE,
  fix: [
    'Run the install with a Python in the range the package names ({range}), or install a release of ' + NAME + ' that ' +
      'supports this Python. ' + FIND_RELEASE,
  ].join('\n'),
  variants: [
    {
      when: 'enrich.tooNew&enrich.firstRelease&fact.place=image-build',
      message: NEW_MESSAGE,
      fix: [
        `${NAME} {enrich.firstRelease} is the first release that supports Python {enrich.ranPython} (its release notes): require it, so`,
        'pip takes that release (in the requirements, or in the same `pip install`):',
        '',
        '```text',
        `${NAME}>={enrich.firstRelease}`,
        '```',
        '',
        'Check first that the package that pulls it in allows that release (`pip install` says so when it does not). Or keep the',
        'release and build on the newest Python it supports, with the official images:',
        '',
        '```dockerfile',
        'FROM python:{enrich.fitPython}-slim',
        '```',
      ].join('\n'),
    },
    {
      when: 'enrich.tooNew&enrich.firstRelease',
      message: NEW_MESSAGE,
      fix:
        `${NAME} {enrich.firstRelease} is the first release that supports Python {enrich.ranPython} (its release notes): require ` +
        `\`${NAME}>={enrich.firstRelease}\` (check that the package that pulls it in allows it), or run the install with Python ` +
        '{enrich.fitPython}, the newest in the range the release names.',
    },
    {
      when: 'enrich.tooNew&fact.place=image-build',
      message: NEW_MESSAGE,
      fix: [
        'Build on the newest Python the release supports, with the official images:',
        '',
        '```dockerfile',
        'FROM python:{enrich.fitPython}-slim',
        '```',
        '',
        `Or require a release of ${NAME} that supports Python {enrich.ranPython}. ${FIND_RELEASE}`,
      ].join('\n'),
    },
    {
      when: 'enrich.tooNew',
      message: NEW_MESSAGE,
      fix:
        'Run the install with Python {enrich.fitPython}, the newest in the range the release names, or require a release of ' +
        `${NAME} that supports Python {enrich.ranPython}. ${FIND_RELEASE}`,
    },
    {
      when: 'enrich.tooOld',
      fix:
        'This Python is older than the release supports: run the install with Python {enrich.fitPython} or later, or pin an ' +
        `older release of ${NAME} that still supports Python {enrich.ranPython}. ${FIND_RELEASE}`,
    },
  ],
};
