// The `source-build-python` enricher: the Python a source build compiled for, read from the build's own paths
// (setuptools' `build/temp.linux-x86_64-cpython-312`, the compiler's `-I/usr/local/include/python3.12`) or else from
// the build's Python fact, and the minor release below it. A package compiled from source because no wheel fits is most
// often a pin made before that Python came out: wheels for a CPython release carry its tag (`cp312`, PEP 425), and a
// release made earlier has none (aiohttp: 3.8.x had no cp312 wheels, 3.9 was the first with them, aio-libs/aiohttp#7739,
// casdoor/casdoor-python-sdk#84; docker-library/python#869 built on python:3.11-slim instead).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

function fromFact(python: string | null): number | null {
  const m = python === null ? null : /^3\.(\d{1,2})(?:\.|$)/.exec(python);
  return m?.[1] === undefined ? null : Number(m[1]);
}

export function sourceBuildPythonEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, facts: FactView): Record<string, string> {
  const captured = captures['context.buildPython.minor'];
  const minor = captured !== undefined ? Number(captured) : fromFact(facts.value('python'));
  // Below 3.1 there is no lower minor release to move to.
  if (minor === null || !Number.isInteger(minor) || minor < 1) return {};
  return { buildPython: `3.${minor}`, buildPythonTag: `cp3${minor}`, lowerPython: `3.${minor - 1}` };
}
