// The `apk-removed` enricher: for a package newer Alpine releases no longer have (knowledge/apk-removed-packages.ts),
// what replaces it, which releases had it, and the last release to pin `FROM alpine` to. A log whose index lines show a
// release that still has the package is another story (a repository not enabled): nothing then.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { alpineReleaseLacks, removedApkPackage } from './apk-removed-packages.js';

export function apkRemovedEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  const name = captures['context.missing.pkg'];
  const pkg = name === undefined ? null : removedApkPackage(name);
  if (pkg === null) return {};
  const release = captures['context.index.release'];
  const lacks = alpineReleaseLacks(pkg, release);
  if (lacks === false) return {};
  return {
    apkRemovedName: pkg.name,
    apkRemovedPurpose: pkg.purpose,
    apkRemovedHistory: pkg.history,
    apkRemovedLastRelease: pkg.lastRelease,
    apkRemovedReplacement: pkg.replacement,
    apkRemovedReplacementNote: pkg.replacementNote,
    ...(lacks === true && release !== undefined ? { apkRemovedRelease: release } : {}),
  };
}
