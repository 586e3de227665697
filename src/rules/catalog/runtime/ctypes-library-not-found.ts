// A Python package that loads a system library with ctypes.util.find_library found none: the package's own OSError, not
// the loader's `cannot open shared object file` (runtime/shared-library-missing reads that one). The wordings are those of
// the packages in knowledge/ctypes-libraries.ts, checked in their source:
// - soundfile: `OSError: sndfile library not found using ctypes.util.find_library` (soundfile.py since 0.12, after the wheel's
//   bundled `_soundfile_data` failed to import: `ModuleNotFoundError: No module named '_soundfile_data'` above it).
//   speaches-ai/speaches#21: a poetry venv on Python 3.12 in the image, fixed by `libsndfile1` in the Dockerfile's apt-get.
// The fix installs the OS package where the program runs, fitted to the distro the log shows (fact `os`), else for each
// family; and says which wheels bundle the library, so that a platform wheel is the other way when one exists.
import type { RuleInput } from '../../schema.js';

const WHY =
  '`{enrich.ctModule}` could not load {enrich.ctLibrary}: it looked for it with `ctypes.util.find_library`, which found no such ' +
  'library in the system\'s library paths, so it is not installed where the program runs.';

const BUNDLED = 'Or install a `{enrich.ctModule}` wheel that brings the library: {enrich.ctBundled}.';

export const ctypesLibraryNotFound: RuleInput = {
  id: 'runtime/ctypes-library-not-found',
  title: 'A Python package found no system library (ctypes.util.find_library)',
  severity: 'error',
  match: [
    // `OSError: sndfile library not found using ctypes.util.find_library` (soundfile 0.12 and later), or the traceback's raise
    // line; soundfile 0.11 and older raised `OSError('sndfile library not found')` and re-raised it on Linux (soundfile.py at
    // 008503e). Not the loader's `libsndfile.so.1: cannot open shared object file` (runtime/shared-library-missing).
    {
      literals: ['sndfile library not found'],
      pattern: "(?:OSError: |raise OSError\\(')(?<name>sndfile) library not found(?: using ctypes\\.util\\.find_library)?(?:'\\)|\\s*$)",
    },
  ],
  scope: 'step',
  specificity: 3,
  message: WHY,
  fix: [
    'Install the library\'s OS package where the program runs (in the image\'s Dockerfile, for a container): {enrich.ctFamilies}. ' +
      'For a Debian or Ubuntu image:',
    '',
    '```dockerfile',
    'RUN {enrich.ctDebInstall}',
    '```',
    '',
    '`cat /etc/os-release` in the image names its distribution. ' + BUNDLED,
  ].join('\n'),
  variants: [
    {
      when: 'enrich.ctInstall&fact.place=image-build',
      message: `${WHY} This stage runs {enrich.ctOs}.`,
      fix: ['Install it in this stage, before the step that imports it:', '', '```dockerfile', 'RUN {enrich.ctInstall}', '```', '', BUNDLED].join('\n'),
    },
    {
      when: 'enrich.ctInstall',
      message: `${WHY} The image runs {enrich.ctOs}.`,
      fix: ['Add it to the image\'s Dockerfile and rebuild:', '', '```dockerfile', 'RUN {enrich.ctInstall}', '```', '', BUNDLED].join('\n'),
    },
  ],
  enrich: ['ctypes-library'],
  docs: 'https://python-soundfile.readthedocs.io/',
};
