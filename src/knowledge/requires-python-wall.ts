// What pip's `Ignored the following versions that require a different python version: 0.12.0 Requires-Python
// >=3.9.0,<3.12; …; 0.55.2 Requires-Python <3.5` says about the Python that ran it. pip prints that line just above
// `Could not find a version that satisfies the requirement` with every release it skipped for its Requires-Python in
// the whole run, of any package (resolvelib factory.py `_report_single_requirement_conflict` joins
// `PackageFinder.requires_python_skipped_reasons()`, the set of all links skipped with `requires_python_mismatch`;
// pip 23.2.1's source on this machine). So the releases are not all the failing requirement's, but each one excludes
// this Python. When most of them end at the same upper bound (`<3.12`) and a Python at that bound fails every one,
// the Python is that release or newer: too new for them. The newest it supports is the minor release before the bound.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

interface Clause {
  op: '<' | '<=' | '>' | '>=' | '==' | '!=';
  version: number[];
}

function parseVersion(text: string): number[] | null {
  return /^\d+(?:\.\d+){0,2}$/.test(text) ? text.split('.').map(Number) : null;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** `>=3.9.0,<3.12` as clauses; null when a clause is one this reader does not know (`~=`, `.*`, `===`). */
function parseSpecifier(spec: string): Clause[] | null {
  const clauses: Clause[] = [];
  for (const part of spec.split(',')) {
    const m = /^\s*(<=|>=|==|!=|<|>)\s*([\d.]+)\s*$/.exec(part);
    const version = m === null ? null : parseVersion(m[2]!);
    if (m === null || version === null) return null;
    clauses.push({ op: m[1] as Clause['op'], version });
  }
  return clauses;
}

function satisfies(python: readonly number[], clauses: readonly Clause[]): boolean {
  return clauses.every(({ op, version }) => {
    const c = compare(python, version);
    return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : op === '>=' ? c >= 0 : op === '==' ? c === 0 : c !== 0;
  });
}

export interface PythonWall {
  /** The upper bound most skipped releases share: `3.12`. */
  bound: string;
  /** The newest Python below it: `3.11`. */
  newest: string;
  /** How many of the skipped releases end there, and how many pip listed. */
  count: number;
  total: number;
}

/** The Python-too-new reading of pip's `Ignored the following versions …` list, or null when it does not hold. */
export function pythonWallOf(list: string): PythonWall | null {
  const specs = list
    .split(';')
    .map((entry) => /Requires-Python (\S{1,200})/.exec(entry)?.[1])
    .filter((spec): spec is string => spec !== undefined);
  const parsed = specs.map(parseSpecifier);
  if (parsed.length === 0 || parsed.some((clauses) => clauses === null)) return null;
  const bounds = new Map<string, number>();
  for (const clauses of parsed as Clause[][]) {
    const upper = clauses.find((c) => c.op === '<' && c.version.length >= 2);
    if (upper !== undefined) {
      const key = `${upper.version[0]}.${upper.version[1]}`;
      bounds.set(key, (bounds.get(key) ?? 0) + 1);
    }
  }
  const [bound, count] = [...bounds.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (bound === undefined || count === undefined || count * 2 <= parsed.length) return null;
  const [major, minor] = bound.split('.').map(Number) as [number, number];
  // a Python at the bound must fail every skipped release, or the list says something else
  if ((parsed as Clause[][]).some((clauses) => satisfies([major, minor, 0], clauses))) return null;
  if (minor === 0) return null;
  return { bound, newest: `${major}.${minor - 1}`, count, total: parsed.length };
}

/** `pyWallBound` (3.12), `pyWallNewest` (3.11), `pyWallCount` ("18 of the 19"): only when the reading holds. */
export function requiresPythonWallEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  facts: FactView,
): Record<string, string> {
  // the pin's own entry on the line outranks a reading of the whole line
  const floor = pythonFloorEnrich(captures, facts);
  if (Object.keys(floor).length > 0) return floor;
  const wall = pythonWallOf(captures['context.pythonSkipped.list'] ?? '');
  if (wall === null) return {};
  return {
    pyWallBound: wall.bound,
    pyWallNewest: wall.newest,
    pyWallCount: wall.count === wall.total ? `all ${wall.total}` : `${wall.count} of the ${wall.total}`,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// The other side: a Python too OLD for the pinned release.
//
// pip lists under `(from versions: …)` only the releases it may install here: `LinkEvaluator.evaluate_link` drops a link
// whose Requires-Python excludes this interpreter (`_check_link_requires_python`, logged at verbose level as `Link requires
// a different Python (3.6.15 not in: '>=3.7')`) before the candidates are listed (pip 23.2.1's index/package_finder.py and
// resolution/resolvelib/factory.py `_report_single_requirement_conflict`, read on this machine). pip 22.1 and later also
// print those skipped links on the `Ignored the following versions that require a different python version: 8.2.0
// Requires-Python >=3.10; …` line (pip 22.1's NEWS: "Explains why specified version cannot be retrieved when
// *Requires-Python* is not satisfied", pypa/pip#9615). pip 25.0 and 25.0.1 print it only at debug verbosity (`-vv`): an
// optimisation there (pypa/pip#13128) stopped recording skipped links unless DEBUG logging was on, and pip 25.1 reverted it
// ("Fix regression that suppressed errors indicating which packages were ignored due to incompatible requires-python
// metadata", pypa/pip#13333; pip's NEWS.rst and its git history, read here). So:
// - the pinned version on that line with `>=3.10`: this Python is older than 3.10 (pythonFloorOf);
// - the newest release in `(from versions: …)` is the newest one this Python may install (the last that supports it);
// - without that line (a pip before 22.1), a pin newer than every listed release was most likely skipped for its
//   Requires-Python too (pypa/pip#11635: prompt-toolkit==3.0.33 on Python 3.6 with pip 21.3.1, list ending at 3.0.19).
// Python's end-of-life dates: peps.python.org/api/release-cycle.json (python/devguide include/release-cycle.json).

/** End of life of the Python releases that are past it (peps.python.org/api/release-cycle.json). */
export const pythonEndOfLife: Readonly<Record<string, string>> = {
  '2.7': '2020-01-01',
  '3.5': '2020-09-30',
  '3.6': '2021-12-23',
  '3.7': '2023-06-27',
  '3.8': '2024-10-07',
  '3.9': '2025-10-31',
};

/** `click==8.2.1` → name and version; null for anything but one exact pin. */
function exactPin(requirement: string): { name: string; version: string } | null {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]{0,100})(?:\[[\w,.-]{1,100}\])?===?([0-9][0-9A-Za-z.+!-]{0,60})$/.exec(requirement.trim());
  return m ? { name: m[1]!, version: m[2]! } : null;
}

/** `8.1.8` → [8, 1, 8]; null for a pre-release, dev or local version (`6.7.dev0`, `8.0.0rc1`, `2.0+cpu`). */
function finalRelease(version: string): number[] | null {
  const parts = version.split('.');
  return parts.length <= 5 && parts.every((p) => /^\d{1,9}$/.test(p)) ? parts.map(Number) : null;
}

/** `2.0.0.dev1` → its release numbers, pre-releases included (for "newer than every listed one"). */
function releaseNumbers(version: string): number[] | null {
  const out: number[] = [];
  for (const part of version.split('.').slice(0, 5)) {
    const digits = /^\d{1,9}/.exec(part)?.[0];
    if (digits === undefined) break;
    out.push(Number(digits));
    if (digits.length !== part.length) break;
  }
  return out.length > 0 ? out : null;
}

/** The newest final release of a complete `(from versions: …)` list older than `pin`, or null. */
export function newestBefore(versions: string, pin: string): string | null {
  const p = releaseNumbers(pin);
  if (p === null) return null;
  let best: { text: string; v: number[] } | null = null;
  for (const text of versions.split(',').map((s) => s.trim())) {
    const v = finalRelease(text);
    if (v !== null && compare(v, p) < 0 && (best === null || compare(v, best.v) > 0)) best = { text, v };
  }
  return best?.text ?? null;
}

/** True when `pin` is newer than every release of the list (pre-releases included). */
function newerThanAll(versions: string, pin: string): boolean {
  const p = releaseNumbers(pin);
  const listed = versions.split(',').map((s) => releaseNumbers(s.trim()));
  return p !== null && listed.length > 0 && listed.every((v) => v !== null && compare(v, p) < 0);
}

export interface PythonFloor {
  name: string;
  version: string;
  /** The pinned release's Requires-Python as pip printed it: `>=3.10`. */
  spec: string;
  /** The oldest Python it accepts: `3.10`. */
  floor: string;
}

/**
 * The pinned release on pip's `Ignored the following versions …` line with a lower bound (`8.2.1 Requires-Python >=3.10`):
 * the Python that ran pip is older than that bound. Null when the pin is not on the line, or its Requires-Python has an
 * upper bound too and no `python` says which side this Python is on.
 */
export function pythonFloorOf(requirement: string, list: string, python: string | null): PythonFloor | null {
  const pin = exactPin(requirement);
  if (pin === null) return null;
  for (const entry of list.split(';')) {
    const m = /^\s*(\S{1,60}) Requires-Python (.{1,200})$/.exec(entry.trim());
    if (m === null || m[1] !== pin.version) continue;
    const spec = m[2]!.trim();
    const lower = spec
      .split(',')
      .map((clause) => /^>=\s{0,5}(\d{1,2})\.(\d{1,2})(?:\.\d{1,3})?$/.exec(clause.trim()))
      .find((m) => m !== null);
    if (lower === undefined) return null;
    const floor = `${Number(lower[1])}.${Number(lower[2])}`;
    const have = python === null ? null : parseVersion(python);
    if (have !== null) return compare(have, floor.split('.').map(Number)) < 0 ? { ...pin, spec, floor } : null;
    return /</.test(spec) ? null : { ...pin, spec, floor };
  }
  return null;
}

/** The next minor Python: `3.6` → `3.7`. */
function nextMinor(python: string): string | null {
  const v = parseVersion(python);
  return v !== null && v.length >= 2 ? `${v[0]}.${v[1]! + 1}` : null;
}

/**
 * The base image with another Python, its variant kept: `python:3.9.22-alpine3.21` → `python:3.10-alpine3.21`,
 * `tiangolo/meinheld-gunicorn-flask:python3.6` → `…:python3.7`. Null when the tag does not carry the Python.
 */
export function imageWithPython(image: string, python: string): string | null {
  const colon = image.lastIndexOf(':');
  if (colon < 0 || colon < image.lastIndexOf('/')) return null;
  const repo = image.slice(0, colon);
  const tag = image.slice(colon + 1);
  if (/^(?:(?:docker\.io|index\.docker\.io)\/)?(?:library\/)?python$/.test(repo)) {
    const m = /^\d{1,2}\.\d{1,2}(?:\.\d{1,3})?(?:(?:a|b|rc)\d{1,2})?(-.{0,100})?$/.exec(tag);
    return m ? `${repo}:${python}${m[1] ?? ''}` : null;
  }
  const m = /^(.{0,100}?(?:^|-))python\d\.\d{1,2}((?:-.{0,100})?)$/.exec(tag);
  return m ? `${repo}:${m[1]}python${python}${m[2]}` : null;
}

/** The Python of the build as the log shows it, with where it comes from: `3.9 (the image tag python:3.9-slim)`. */
function pythonShown(facts: FactView): { value: string; label: string } | null {
  const fact = facts.get('python');
  if (fact === null) return null;
  const image = facts.value('baseImage');
  const where =
    fact.source === 'image-tag' && image !== null ? `the base image ${image}` : `from: ${fact.evidence.slice(0, 120).trim()}`;
  return { value: fact.value, label: `${fact.value} (${where})` };
}

/**
 * pip may have printed no `Ignored …` line though it skipped releases for their Requires-Python: a pip before 22.1, pip
 * 25.0 / 25.0.1 (the regression fixed in 25.1), or a pip the log does not name. Every other pip prints the line.
 */
export function pipMayHideSkipped(pip: string | null): boolean {
  const v = pip === null ? null : releaseNumbers(pip);
  return v === null || compare(v, [22, 1]) < 0 || (compare(v, [25, 0]) >= 0 && compare(v, [25, 1]) < 0);
}

/**
 * The Python-too-old readings of a failed exact pin, for pip/no-matching-distribution:
 * - `pyFloor` (3.10), `pyFloorSpec` (`>=3.10`), `pyFloorPin` (8.2.1), `pyFloorName` (click): pip's own line names the pin's
 *   Requires-Python and this Python is below it;
 * - `pyHiddenNewest` (21.1), `pyHiddenPin` (23.2), `pyHiddenName`: no such line, a complete version list, the pin newer than
 *   all of it, and a pip that may not print the line;
 * - `pyOldPython` (3.6) and `pyOldEol` (2021-12-23): the log's Python is past its end of life, no such line, and the
 *   version list is not in the log (cut off) or the pin is newer than all of it;
 * and for each of them `pyLast` / `pyLastPin` (the newest listed final release older than the pin, the last one this
 * Python may install), `pyShown` (the Python and where the log shows it), `pyFrom` (the base image with the Python to
 * move to, its variant kept: only when the log shows an image whose tag carries the Python), `pyTo` (that Python).
 */
export function pythonFloorEnrich(captures: Readonly<Record<string, string>>, facts: FactView): Record<string, string> {
  const requirement = captures.requirement ?? '';
  const pin = exactPin(requirement);
  if (pin === null) return {};
  const shown = pythonShown(facts);
  const versions = captures.versions;
  const list = captures['context.pythonSkipped.list'];
  const out: Record<string, string> = {};
  let to: string | null;
  if (list !== undefined) {
    const floor = pythonFloorOf(requirement, list, shown?.value ?? null);
    if (floor === null) return {};
    Object.assign(out, { pyFloor: floor.floor, pyFloorSpec: floor.spec, pyFloorPin: floor.version, pyFloorName: floor.name });
    to = floor.floor;
  } else if (pipMayHideSkipped(facts.value('pip'))) {
    const eol = shown === null ? undefined : pythonEndOfLife[shown.value];
    // a pre-release pin (`torch==1.0.0a0`) is often one that was never published: no reading
    if (versions !== undefined && finalRelease(pin.version) !== null && newerThanAll(versions, pin.version)) {
      const newest = newestBefore(versions, pin.version);
      if (newest === null) return {};
      Object.assign(out, { pyHiddenNewest: newest, pyHiddenPin: pin.version, pyHiddenName: pin.name });
    } else if (versions !== undefined || eol === undefined) {
      return {};
    }
    if (eol !== undefined && shown !== null) Object.assign(out, { pyOldPython: shown.value, pyOldEol: eol });
    to = shown === null ? null : nextMinor(shown.value);
  } else {
    return {};
  }
  if (shown !== null) out.pyShown = shown.label;
  if (versions !== undefined) {
    const last = newestBefore(versions, pin.version);
    if (last !== null) Object.assign(out, { pyLast: last, pyLastPin: `${pin.name}==${last}` });
  }
  const image = facts.value('baseImage');
  if (to !== null) {
    out.pyTo = to;
    const moved = image === null ? null : imageWithPython(image, to);
    if (moved !== null) out.pyFrom = moved;
  }
  return out;
}
