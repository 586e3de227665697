// The `os-python-package` enricher: a requirement pip found no release of that is a Linux distribution's own
// Python package (os-python-packages.ts): its name, what PyPI has, and the Debian / Ubuntu package.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { osPythonPackage } from './os-python-packages.js';

export function osPythonPackageEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  _facts: FactView,
): Record<string, string> {
  const requirement = captures.requirement;
  if (requirement === undefined) return {};
  const entry = osPythonPackage(requirement);
  if (entry === undefined) return {};
  return { osPkgName: entry.name, osPkgPyPI: entry.onPyPI, osPkgDeb: entry.debPackage };
}
