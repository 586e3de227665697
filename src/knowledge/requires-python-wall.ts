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
  _facts: FactView,
): Record<string, string> {
  const wall = pythonWallOf(captures['context.pythonSkipped.list'] ?? '');
  if (wall === null) return {};
  return {
    pyWallBound: wall.bound,
    pyWallNewest: wall.newest,
    pyWallCount: wall.count === wall.total ? `all ${wall.total}` : `${wall.count} of the ${wall.total}`,
  };
}
