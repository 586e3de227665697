// A program (or a package's import-time code) imports `pkg_resources` and the Python that runs it has none:
// `ModuleNotFoundError: No module named 'pkg_resources'` outside any build of a package (riverbed/steelscript#32: a
// RUN of the installed `steel` command on python:3.12, whose namespace __init__ is
// `__import__("pkg_resources").declare_namespace(__name__)`).
// `pkg_resources` is part of setuptools, and two changes took it away:
// - the official python images stopped installing setuptools (and wheel) from Python 3.12 on (docker-library/python#952,
//   fixed by #954, August 2024: "If you are using Python 3.12+ and you have build or runtime dependencies on setuptools or
//   wheel, … RUN pip install --no-cache-dir setuptools wheel"); Python 3.12's ensurepip and venv no longer install it
//   either (python/cpython#95299);
// - setuptools 82.0.0 removed `pkg_resources` ("pkg_resources has been removed from Setuptools. … Projects and
//   environments relying on pkg_resources for namespace packages or other behavior should depend on older versions of
//   setuptools.", setuptools NEWS.rst v82.0.0, pypa/setuptools#3085; https://setuptools.pypa.io/en/latest/history.html#v82-0-0).
// So an unpinned `pip install setuptools` no longer brings it back: the fix pins `setuptools<82`. The lasting fix is code
// off `pkg_resources`: importlib.metadata / importlib.resources (named by that changelog entry), and for a
// `declare_namespace` package, native namespace packages (PEP 420).
// The same error inside pip's isolated build environment (an old setup.py, `Getting requirements to build wheel`) is
// pip/wheel-build-failed's: its fix is a build constraint, which this one is not.
import type { RuleInput } from '../../schema.js';

const MESSAGE =
  'The program imports `pkg_resources`, and the Python that runs it has none. `pkg_resources` is part of setuptools, which the ' +
  'official `python:3.12` and later images no longer install (docker-library/python#954), nor does a venv made by Python ' +
  '3.12 or later; and setuptools 82.0.0 (February 2026) removed `pkg_resources` altogether, so only a setuptools below 82 ' +
  'provides it. The traceback\'s last frames name the module that imports it.';

const NAMESPACE_NOTE =
  ' Here it is a `pkg_resources`-style namespace package (`declare_namespace`): the lasting fix is a release of the package that ' +
  'uses native namespace packages (PEP 420) instead.';

const LASTING =
  'The lasting fix is code that no longer imports `pkg_resources` (`importlib.metadata` / `importlib.resources` replace its ' +
  'common uses): a newer release of the package that imports it, where there is one.';

/** In an image build: the pin in a `RUN` before the failing one (an unpinned setuptools is 82 or later). */
const IMAGE_FIX = [
  'Install a setuptools below 82 in the image, in a `RUN` before the failing one and with the same Python (the same venv, if',
  'the image uses one):',
  '',
  '```dockerfile',
  'RUN pip install --no-cache-dir "setuptools<82"',
  '```',
  '',
  'An unpinned `setuptools` installs 82 or later, which has no `pkg_resources`. ' + LASTING,
].join('\n');

/** Signs that an import ran inside an installer's build of a package (pip's or uv's isolated build environment, a setup.py pip ran). */
export const PACKAGE_BUILD_SIGNS = [
  'Getting requirements to build',
  'Preparing metadata',
  'Building wheel for',
  'Failed to build',
  'Could not build wheels',
  '/pip-install-',
  '/pip-build-env-',
  '/pip-req-build-',
  'setup.py egg_info',
  'get_requires_for_build',
  'Build backend failed',
  'build_meta',
  'did not run successfully',
];

export const pkgResourcesMissing: RuleInput = {
  id: 'pip/pkg-resources-missing',
  title: 'pkg_resources is missing: setuptools is not installed, or is 82 or later',
  severity: 'error',
  match: [
    // `ModuleNotFoundError: No module named 'pkg_resources'` (Python 3), `ImportError: No module named pkg_resources` (Python 2)
    { literals: ['No module named '], pattern: "(?:ModuleNotFoundError|ImportError): No module named '?pkg_resources'?\\s*$" },
  ],
  context: [
    // Any sign that the import ran inside a build of a package (pip's or uv's isolated build environment, a setup.py
    // pip ran): pip/wheel-build-failed explains that one.
    {
      name: 'buildEnv',
      literals: PACKAGE_BUILD_SIGNS,
    },
    // `__import__("pkg_resources").declare_namespace(__name__)` / `pkg_resources.declare_namespace(__name__)`
    { name: 'namespacePkg', literals: ['declare_namespace('] },
  ],
  when: '!buildEnv',
  scope: 'step',
  specificity: 3,
  message: MESSAGE,
  fix: [
    'Install a setuptools below 82 into the Python that runs the program, before it runs:',
    '',
    '```sh',
    'python -m pip install "setuptools<82"',
    '```',
    '',
    LASTING,
  ].join('\n'),
  variants: [
    {
      when: 'namespacePkg&fact.place=image-build',
      message: MESSAGE + NAMESPACE_NOTE,
      fix: IMAGE_FIX,
    },
    {
      when: 'fact.place=image-build',
      fix: IMAGE_FIX,
    },
    { when: 'namespacePkg', message: MESSAGE + NAMESPACE_NOTE },
  ],
  docs: 'https://setuptools.pypa.io/en/latest/history.html#v82-0-0',
};
