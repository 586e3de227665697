// Part of the `pip-advice` enricher (a rule takes at most six): pip's `Could not find a version that satisfies the requirement NAME>=X (from PARENT)
// (from versions: …)` where X is above every version pip listed. pip lists the versions it found on the index that fit
// this interpreter and platform (the ones skipped for Requires-Python are named on their own `Ignored the following
// versions …` line, which the rule's variant excludes), so the floor asks for a release the index does not offer (yet).
// When the floor comes from another package (`(from unsloth[huggingface])`), that package's own metadata asks for it:
// a development build (a git checkout of its main branch) often requires its sibling's next release before that release
// is published (unslothai/unsloth#1989 and #2004: unsloth main required unsloth_zoo>=2025.3.9 while PyPI's newest was
// 2025.3.8; the maintainer published it, "Please retry!"; the workaround: the released unsloth). Versions compare by
// PEP 440 (knowledge/pip-conflict.ts, parseVersion / compareReleases).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { compareReleases, parseVersion, satisfies, type Release } from './pip-conflict.js';

/** A package as pip names it in `(from NAME[extra]…)`, not a requirements file (`-r requirements.txt (line 4)`). */
const PARENT = /^([A-Za-z0-9][A-Za-z0-9._-]{0,100})(\[[^\]]{1,100}\])?(?:[=<>~!]=?[^\s()]{1,50})?$/;

/**
 * `{enrich.floorVersion}` (the lower bound), `{enrich.floorNewest}` (the newest version listed), `{enrich.floorName}` (the
 * requirement's project), and when another package asked for it `{enrich.floorParent}` / `{enrich.floorParentName}`.
 */
export function unreleasedFloorEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  const requirement = captures['requirement'];
  const versions = captures['versions'];
  if (requirement === undefined || versions === undefined || versions.trim() === '' || versions.trim() === 'none') return {};
  const name = /^[A-Za-z0-9][A-Za-z0-9._-]{0,100}/.exec(requirement)?.[0];
  if (name === undefined) return {};
  const spec = requirement.slice(name.length).replace(/^\[[^\]]*\]/, '');
  // The lower bounds of the specifier: `>=X`, `>X`, `==X` (not a wildcard), `~=X`.
  const floors = spec.split(',').flatMap((clause) => {
    const m = /^\s*(>=|>|==|~=)\s*([^\s,*]+)\s*$/.exec(clause);
    return m === null ? [] : [m[2]!];
  });
  if (floors.length === 0) return {};
  let newest: { text: string; release: Release } | null = null;
  for (const text of versions.split(',').map((v) => v.trim())) {
    const release = parseVersion(text);
    // A version pip listed that the requirement accepts, or one not read: the floor is not the reason.
    if (release === null || satisfies(requirement, text) !== false) return {};
    if (newest === null || compareReleases(release, newest.release) > 0) newest = { text, release };
  }
  if (newest === null) return {};
  const floor = floors.map((f) => ({ text: f, release: parseVersion(f) })).find((f) => f.release !== null && compareReleases(f.release, newest.release) > 0);
  if (floor === undefined) return {};
  const out: Record<string, string> = { floorVersion: floor.text, floorNewest: newest.text, floorName: name };
  const parent = PARENT.exec((captures['requiredBy'] ?? '').trim());
  if (parent !== null) {
    out.floorParent = parent[0];
    out.floorParentName = parent[1]!;
  }
  return out;
}
