// A compiled extension (Cython, through numpy's `__init__.pxd`) imported with a numpy whose C structs differ from
// the ones it was compiled against: `ValueError: numpy.dtype size changed, may indicate binary incompatibility.
// Expected 96 from C header, got 88 from PyObject`. Cython's import check (its `__Pyx_ImportType`) prints the size
// the extension's C header gave (build time) and the size of the type in the running numpy; it raises ValueError when
// the running type is smaller (`if ((size_t)(basicsize + itemsize) < size)` in its ImportType utility code, as generated
// into Cython 0.29 and 3.0 modules), and when it is larger only warns (`RuntimeWarning: … size changed`) or says nothing,
// per the type's `check_size` (a ValueError then only for `check_size error`); the warning is harmless and not matched
// (desihub/desisim#560: `RuntimeWarning: numpy.ndarray size changed … Expected 80 from C header, got 88 from PyObject`).
// 96 → 88 for `numpy.dtype` is numpy 1.x → 2.x on a 64-bit Python: numpy 1.x's PyArray_Descr (PyObject_HEAD 16, typeobj
// 8, four chars and type_num 8, int elsize and alignment 8, subarray, fields, names, f, metadata, c_metadata, hash 56)
// is 96 bytes; numpy 2's (PyObject_HEAD 16, typeobj 8, four chars and type_num 8, flags, elsize, alignment 24, metadata,
// hash 16, reserved_null[2] 16) is 88 (numpy's C-API reference, "PyArray_Descr"; pybind11's numpy.h keeps both
// layouts as PyArrayDescr1_Proxy / PyArrayDescr2_Proxy). So the extension was built against numpy 1.x and numpy 2 is
// installed. NEP 53 (numpy.org/neps/nep-0053-c-abi-evolution.html): a package compiled against NumPy 1.x does not
// work with NumPy 2.0, and one built against NumPy 2 can support both; oldest-supported-numpy's deprecation notice:
// packages that support 1.x and 2.0 build against numpy>=2.0. The two fixes are those: keep numpy below 2 where
// the package is installed (NVIDIA-NeMo/Guardrails#1249 pinned numpy for scikit-learn 1.2.2 in its requirements), or
// a release of the package built against numpy 2. Other sizes are read for their direction (knowledge/numpy-abi-direction.ts:
// a smaller type installed is an older numpy, numpy.ndarray 80 bytes before 1.20 and 88 from it; a larger one a newer numpy).
// A Cython module that fails to import names itself in the last traceback frame, `File "…pyx", line 1, in init
// pandas._libs.interval`: the module, whose distribution `importlib.metadata.packages_distributions()` (Python 3.10
// and later) names, since a module's name is not always its package's (sklearn is scikit-learn's).
// NumPy 2 also says it itself: a module compiled against NumPy 1.x looks up `_ARRAY_API`, and numpy 2's compatibility shim
// (numpy/core/_multiarray_umath.py, `__getattr__`) prints `A module that was compiled using NumPy 1.x cannot be run in` /
// `NumPy 2.0.0 as it may crash. …` with its advice, "downgrade to 'numpy<2' or try to upgrade the affected module", then the
// import fails (`ImportError: numpy.core.multiarray failed to import`, `AttributeError: _ARRAY_API not found`). The NumPy 2.0
// migration guide (numpy.org/devdocs/numpy_2_0_migration_guide.html) gives the same two ways, and lists the Python API
// removals (`np.NaN` → `np.nan`) that code written for 1.x hits next (JuergenFleiss/atrain_core#10: both, fixed by
// `numpy==1.26.4`).
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

const NUMPY2_TITLE = 'A package compiled against numpy 1.x is imported with numpy 2 installed';

const NUMPY2_MESSAGE =
  'An extension module was compiled against numpy 1.x and imported with numpy 2.x installed: numpy.dtype is 96 bytes in ' +
  "numpy 1.x's C headers and 88 in numpy 2's, and the import check refuses the smaller one. A package built against " +
  'numpy 1.x does not run on numpy 2; one built against numpy 2 runs on both.';

const FIND_MODULE_KNOWN =
  'The module that failed is `{context.cythonInit.module}`; ' +
  '`python -c "import importlib.metadata as m; print(m.packages_distributions().get(\'{context.cythonInit.top}\'))"` ' +
  'prints the package that installs it (Python 3.10 or later).';

const FIND_MODULE_UNKNOWN =
  'The log does not show which package failed: the traceback frame just above the ValueError (`in init …`) names its module, ' +
  'and `pip list` in the same environment shows the numpy that is installed.';

/** The two fixes for a numpy-1.x build under numpy 2, with `run` the Dockerfile prefix (or none) and `find` how to see which package. */
function numpy2Fix(fence: 'dockerfile' | 'sh', find: string): string {
  const run = fence === 'dockerfile' ? 'RUN ' : '';
  const where = fence === 'dockerfile' ? 'in the stage that installs it' : 'in the environment that imports it';
  return [
    `Keep numpy below 2 ${where}, in the same install as the package (a \`numpy<2\` line in its requirements file, or in the ` +
      'same `pip install`), so the resolver picks a numpy the package was built for:',
    '',
    `\`\`\`${fence}`,
    `${run}pip install "numpy<2" -r requirements.txt`,
    `${run}python -c "import numpy; print(numpy.__version__)"`,
    '```',
    '',
    'Or keep numpy 2 and upgrade that package to a release built against numpy 2 (those run on numpy 1.x and 2.x). ' + find +
      (fence === 'sh' ? ' In an image build, the same commands go in `RUN` lines of the stage that installs the package.' : ''),
  ].join('\n');
}

const NUMPY1X_MESSAGE =
  "A module compiled against NumPy 1.x was imported with NumPy {context.numpy1xVersion.version|2.x} installed, and NumPy's own " +
  'message says it cannot run there: NumPy 2 changed its C ABI, so a package built against 1.x does not run on 2 (one built ' +
  'against NumPy 2 runs on both).';

const NUMPY1X_API_MESSAGE =
  NUMPY1X_MESSAGE +
  ' The code also uses Python API that NumPy 2 removed (`np.{context.numpyApiRemoved.name}`, the AttributeError below it): with ' +
  'NumPy 2 kept, that code needs changing too (the migration guide lists the replacements).';

const FIND_MODULE_NUMPY1X =
  "The traceback under NumPy's message names the module whose import failed; `pip list` in the same environment shows the numpy " +
  'installed and the package that ships that module.';

function variants(): Variant[] {
  const out: Variant[] = [];
  for (const [ctx, message] of [['&numpyApiRemoved', NUMPY1X_API_MESSAGE], ['', NUMPY1X_MESSAGE]] as const) {
    out.push(
      { when: `numpy1x${ctx}&fact.place=image-build`, title: NUMPY2_TITLE, message, fix: numpy2Fix('dockerfile', FIND_MODULE_NUMPY1X) },
      { when: `numpy1x${ctx}`, title: NUMPY2_TITLE, message, fix: numpy2Fix('sh', FIND_MODULE_NUMPY1X) },
    );
  }
  for (const [ctx, find] of [['&cythonInit', FIND_MODULE_KNOWN], ['', FIND_MODULE_UNKNOWN]] as const) {
    out.push(
      { when: `numpy2${ctx}&fact.place=image-build`, title: NUMPY2_TITLE, message: NUMPY2_MESSAGE, fix: numpy2Fix('dockerfile', find) },
      { when: `numpy2${ctx}`, title: NUMPY2_TITLE, message: NUMPY2_MESSAGE, fix: numpy2Fix('sh', find) },
    );
  }
  const olderMessage =
    'An extension module was compiled against a numpy whose numpy.{type} is {expected} bytes, and the numpy installed where it ' +
    'is imported has {got}: smaller, so the installed numpy is older than the one the package was built against ({enrich.sizeNote}). ' +
    'A package runs on the numpy it was built against or a newer one of the same major release.';
  const newerMessage =
    'An extension module was compiled against a numpy whose numpy.{type} is {expected} bytes, and the numpy installed where it ' +
    'is imported has {got}: larger, so the installed numpy is newer than the one the package was built against, and this ' +
    "package's import check refuses any difference.";
  const olderFix = (fence: 'dockerfile' | 'sh'): string =>
    [
      `Upgrade numpy ${fence === 'dockerfile' ? 'in the stage that installs the package' : 'in the environment that imports it'}, in the same ` +
        'install as the package (or raise the numpy pin of its requirements file), so the resolver picks a numpy at least as new as the one it was built against:',
      '',
      `\`\`\`${fence}`,
      `${fence === 'dockerfile' ? 'RUN ' : ''}pip install --upgrade "{enrich.numpyUpgrade}" -r requirements.txt`,
      `${fence === 'dockerfile' ? 'RUN ' : ''}python -c "import numpy; print(numpy.__version__)"`,
      '```',
      '',
      'If something else pins that old numpy, install an older release of the failing package instead, one built for it. ' + FIND_MODULE_UNKNOWN,
    ].join('\n');
  const newerFix =
    'Install a release of the failing package built for the installed numpy (upgrade it, in the same install as numpy), or pin numpy ' +
    'to the release the package was built against (its requirements or release notes name it). ' + FIND_MODULE_UNKNOWN;
  out.push(
    { when: 'enrich.numpyOlder&fact.place=image-build', message: olderMessage, fix: olderFix('dockerfile') },
    { when: 'enrich.numpyOlder', message: olderMessage, fix: olderFix('sh') },
    { when: 'enrich.numpyNewer', message: newerMessage, fix: newerFix },
  );
  return out;
}

export const numpyAbiMismatch: RuleInput = {
  id: 'runtime/numpy-abi-mismatch',
  title: 'A compiled package was built against another numpy than the one installed',
  severity: 'error',
  match: [
    // `ValueError: numpy.dtype size changed, may indicate binary incompatibility. Expected 96 from C header, got 88 from PyObject`
    // (older Cython: `… Expected 96, got 88`), or the same message pasted alone at a line's start (PacktPublishing/
    // Data-Engineering-with-Databricks-Cookbook#29); the RuntimeWarning of the same words (`…: RuntimeWarning: numpy.…`,
    // Python's warning format puts the category before it) is not an error.
    {
      literals: [' size changed, may indicate binary incompatibility'],
      pattern:
        '(?:ValueError: |^\\s{0,8})numpy\\.(?<type>[a-z_]{1,30}) size changed, may indicate binary incompatibility\\. Expected (?<expected>\\d{1,4})(?: from C header)?, got (?<got>\\d{1,4})',
    },
    // NumPy 2's own `A module that was compiled using NumPy 1.x cannot be run in` (its message wraps before the version)
    { literals: ['compiled using NumPy 1.x cannot be run in'] },
  ],
  context: [
    // the version on the message's next line: `NumPy 2.0.0 as it may crash. To support both 1.x and 2.x`
    { name: 'numpy1x', literals: ['compiled using NumPy 1.x cannot be run in'] },
    { name: 'numpy1xVersion', literals: [' as it may crash'], pattern: '^\\s{0,40}NumPy (?<version>2\\.\\d{1,3}\\.\\d{1,3}\\w{0,10}) as it may crash' },
    // `AttributeError: \`np.NaN\` was removed in the NumPy 2.0 release. Use \`np.nan\` instead.`
    { name: 'numpyApiRemoved', literals: ['was removed in the NumPy 2.0 release'], pattern: '`np\\.(?<name>\\w{1,60})` was removed in the NumPy 2\\.0 release' },
    // numpy 1.x's dtype (96 bytes) against numpy 2's (88): see above
    {
      name: 'numpy2',
      literals: ['Expected 96 from C header, got 88 from PyObject', 'Expected 96, got 88'],
      pattern: '(?:ValueError: |^\\s{0,8})numpy\\.dtype size changed, may indicate binary incompatibility\\. Expected 96(?: from C header)?, got 88\\b',
    },
    // the Cython module whose import failed: `File "interval.pyx", line 1, in init pandas._libs.interval` (a paste may
    // join the ValueError to it on one line: tractometry/pyAFQ#34)
    {
      name: 'cythonInit',
      keep: 'last',
      literals: [', in init '],
      pattern: 'File "[^"]{1,400}", line \\d{1,7}, in init (?<module>(?<top>[A-Za-z_]\\w{0,100})(?:\\.[\\w.]{1,400})?)',
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'An extension module was compiled against a numpy whose numpy.{type} is {expected} bytes, and the numpy installed where it ' +
    'is imported has {got}: the two numpys differ in their C layout, so the import check refuses it. Packages built against an ' +
    'older numpy run on newer ones of the same major release; not the other way round, and not from numpy 1.x to 2.',
  fix: [
    'Compare the two: `python -c "import numpy; print(numpy.__version__)"` where the import failed shows the numpy installed; ' +
      'the traceback frame above the ValueError (`in init …`) names the module that failed. Then install that package and numpy ' +
      'in one command, so the resolver picks a pair that fits, or reinstall the package from a release built for the installed numpy.',
  ].join('\n'),
  variants: variants(),
  enrich: ['numpy-abi-direction'],
  docs: 'https://numpy.org/neps/nep-0053-c-abi-evolution.html',
};
