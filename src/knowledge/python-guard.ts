// The `python-guard` enricher, for a source distribution whose setup.py checks the running Python itself and refuses it
// (numba's and llvmlite's `_guard_py_ver()`: `RuntimeError: Cannot install on Python version 3.11.1; only versions
// >=3.7,<3.11 are supported.`, numba 0.56.4's setup.py; sergree/matchering-web#4). From the message: the Python that ran,
// whether it is above or below the range, and the newest minor release inside the range (`<3.11` → 3.10). A release of the
// package made before a Python came out has no wheel for it, so pip takes its sdist and the guard stops it.
// The first release of a package that supports a Python, where checked:
// - numba 0.57.0 (1 May 2023): "A new release of Numba adding support for Python 3.11" (numba's 0.57.0 release notes,
//   https://numba.readthedocs.io/en/stable/release-notes.html#version-0-57-0-1-may-2023); numba 0.59.0 (31 January 2024):
//   "Numba now supports Python 3.12" (https://numba.readthedocs.io/en/stable/release/0.59.0-notes.html).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

const FIRST_RELEASE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  numba: { '3.11': '0.57', '3.12': '0.59' },
};

function minorOf(version: string | undefined): number | null {
  const m = version === undefined ? null : /^3\.(\d{1,2})(?:\.|$)/.exec(version);
  return m?.[1] === undefined ? null : Number(m[1]);
}

export function pythonGuardEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  const ran = minorOf(captures['python']);
  if (ran === null) return {};
  const low = minorOf(captures['low']);
  const high = minorOf(captures['high']);
  const out: Record<string, string> = { ranPython: `3.${ran}` };
  // the package, from the sdist pip downloaded or the setup.py frame of its unpacked copy
  const named = captures['context.sdist.name'] ?? captures['context.setupFrame.name'];
  if (named !== undefined) {
    out['pkg'] = named;
    const version = captures['context.sdist.name'] !== undefined ? captures['context.sdist.version'] : undefined;
    out['release'] = version !== undefined ? `${named} ${version}` : named;
  }
  if (high !== null && ran >= high && high >= 1) {
    out['tooNew'] = 'yes';
    out['fitPython'] = `3.${high - 1}`;
    const name = (named ?? '').toLowerCase().replace(/[-_.]+/g, '-');
    const first = FIRST_RELEASE[name]?.[`3.${ran}`];
    if (first !== undefined) out['firstRelease'] = first;
  } else if (low !== null && ran < low) {
    out['tooOld'] = 'yes';
    out['fitPython'] = `3.${low}`;
  }
  return out;
}
