// Which two requirements in pip's "The conflict is caused by:" block really disagree. pip lists
// every requirement on the conflicting project, the agreeing ones too, in resolver order:
//
//     The user requested torch==2.1.0
//     torchvision 0.16.0 depends on torch==2.1.0        <- agrees with the request
//     xformers 0.0.26.post1 depends on torch==2.3.0     <- the conflict
//
// (real output: NIRVANALAN/GaussianAnything#9). The line shapes are pip's own
// (pip/_internal/resolution/resolvelib/factory.py, get_installation_error, pip 23.2.1 on this
// machine): `{name} {version} depends on {req}`, `The user requested {req}` and, for a project a
// constraints file pins, `The user requested (constraint) {name}{specifier}`. A requirement's
// specifiers are printed joined with ", " and a last " and " (`datasets<4.0 and >=2.16.0`).
//
// Versions are compared the PEP 440 way for the common shapes (release numbers, a/b/rc, post, dev,
// local labels ignored); a shape it cannot read makes the comparison unknown, never a guess.

export interface Cause {
  /** `xformers` / null for the user's own request. */
  requirer: string | null;
  requirerVersion: string | null;
  /** The requirement as printed: `torch==2.3.0`, `datasets<4.0 and >=2.16.0`. */
  requirement: string;
  /** Normalised project name of the requirement (`torch`). */
  project: string;
  /** A `(constraint)` line: the pin comes from a constraints file. */
  constraint: boolean;
}

export interface Conflict {
  /** The side pip was asked for: the user's request, a constraint, or another package's requirement. */
  wanted: Cause;
  /** The requirement that disagrees with it. */
  against: Cause;
  /** How many other releases of `against.requirer` pip tried with the same requirement. */
  sameFromOtherReleases: number;
}

const dependsOn = /^\s*(?<requirer>[A-Za-z0-9][\w.-]{0,200}(?:\[[\w,.-]{1,200}\])?) (?<version>\S{1,200}) depends on (?<req>.{1,500})$/;
const requested = /^\s*The user requested (?<constraint>\(constraint\) )?(?<req>.{1,500})$/;

export function normaliseProject(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function projectOf(requirement: string): string | null {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement);
  return m ? normaliseProject(m[1]!) : null;
}

/** The cause lines of a piece of pip output, in order, each distinct line once. */
export function parseCauses(lines: readonly string[]): Cause[] {
  const seen = new Set<string>();
  const causes: Cause[] = [];
  for (const raw of lines) {
    const line = raw.trimEnd();
    const d = dependsOn.exec(line);
    const r = d ? null : requested.exec(line);
    const req = (d?.groups?.req ?? r?.groups?.req)?.trim();
    if (req === undefined) continue;
    const project = projectOf(req);
    if (project === null) continue;
    const key = line.trim();
    if (seen.has(key)) continue;
    seen.add(key);
    causes.push({
      requirer: d?.groups?.requirer ?? null,
      requirerVersion: d?.groups?.version ?? null,
      requirement: req,
      project,
      constraint: r?.groups?.constraint !== undefined,
    });
  }
  return causes;
}

export type Release = { nums: number[]; pre: [number, number] | null; post: number | null; dev: number | null };

/** `2.3.0`, `0.0.26.post1`, `2.3.0a0+40ec155e58.nv24.5` (local label dropped), `1!2.0` not read. */
export function parseVersion(v: string): Release | null {
  const m = /^v?(\d+(?:\.\d+)*)(?:[-_.]?(a|b|rc|alpha|beta|c|pre|preview)[-_.]?(\d*))?(?:[-_.]?(?:post|rev|r)[-_.]?(\d*))?(?:[-_.]?dev[-_.]?(\d*))?(?:\+[a-z0-9.]+)?$/i.exec(
    v.trim(),
  );
  if (!m) return null;
  const preRank: Record<string, number> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };
  return {
    nums: m[1]!.split('.').map(Number),
    pre: m[2] !== undefined ? [preRank[m[2].toLowerCase()]!, Number(m[3] || 0)] : null,
    post: m[4] !== undefined ? Number(m[4] || 0) : null,
    dev: m[5] !== undefined ? Number(m[5] || 0) : null,
  };
}

/** PEP 440 order of two parsed releases (release numbers, then dev < pre < final < post). */
export function compareReleases(a: Release, b: Release): number {
  const n = Math.max(a.nums.length, b.nums.length);
  for (let i = 0; i < n; i++) {
    const d = (a.nums[i] ?? 0) - (b.nums[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  // dev < pre < final < post (PEP 440 ordering for one release)
  const phase = (r: Release): [number, number, number] => {
    if (r.pre !== null) return [1, r.pre[0] * 1e6 + r.pre[1], r.dev ?? Infinity];
    if (r.post !== null) return [3, r.post, r.dev ?? Infinity];
    if (r.dev !== null) return [0, 0, r.dev];
    return [2, 0, Infinity];
  };
  const [pa, pb] = [phase(a), phase(b)];
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  return 0;
}

/** `torch==2.1.0` → `2.1.0` when the requirement pins one version (no wildcard); else null. */
export function pinnedVersion(requirement: string): string | null {
  const spec = requirement.replace(/^\s*[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[^\]]*\])?/, '').split(';')[0]!.trim();
  const m = /^===?\s*([^\s,*]+)$/.exec(spec);
  return m ? m[1]! : null;
}

/**
 * Whether `version` satisfies the requirement's specifiers: true, false, or null when a piece
 * cannot be read. A requirement without specifiers accepts every version.
 */
export function satisfies(requirement: string, version: string): boolean | null {
  const v = parseVersion(version);
  if (v === null) return null;
  const spec = requirement.replace(/^\s*[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[^\]]*\])?/, '').split(';')[0]!.trim();
  if (spec === '') return true;
  for (const clause of spec.split(/,| and /).map((clause) => clause.trim())) {
    const m = /^(===|==|!=|~=|<=|>=|<|>)\s*(\S+)$/.exec(clause.trim());
    if (!m) return null;
    const [op, target] = [m[1]!, m[2]!];
    if ((op === '==' || op === '!=') && target.endsWith('.*')) {
      const prefix = parseVersion(target.slice(0, -2));
      if (prefix === null) return null;
      const matches = prefix.nums.every((n, i) => (v.nums[i] ?? 0) === n);
      if (matches !== (op === '==')) return false;
      continue;
    }
    const t = parseVersion(target);
    if (t === null) return null;
    // PEP 440, "Version matching": a pin with a local label (`==2.3.1+cpu`) checks the candidate's label by string
    // equality, so a plain 2.3.1 does not match it; a pin without one ignores the candidate's label.
    const targetLocal = /\+([a-z0-9.]+)$/i.exec(target)?.[1]?.toLowerCase();
    if ((op === '==' || op === '!=') && targetLocal !== undefined) {
      const sameLocal = /\+([a-z0-9.]+)$/i.exec(version.trim())?.[1]?.toLowerCase() === targetLocal;
      if (!sameLocal) {
        if (op === '==') return false;
        continue;
      }
    }
    const c = compareReleases(v, t);
    let ok: boolean;
    switch (op) {
      case '==':
      case '===':
        ok = c === 0;
        break;
      case '!=':
        ok = c !== 0;
        break;
      case '<':
        ok = c < 0;
        break;
      case '<=':
        ok = c <= 0;
        break;
      case '>':
        ok = c > 0;
        break;
      case '>=':
        ok = c >= 0;
        break;
      default: {
        // ~=X.Y.Z: >= X.Y.Z and == X.Y.*
        if (t.nums.length < 2) return null;
        const prefix = t.nums.slice(0, -1);
        ok = c >= 0 && prefix.every((n, i) => (v.nums[i] ?? 0) === n);
      }
    }
    if (!ok) return false;
  }
  return true;
}

/** Whether two causes disagree: one pins a version the other's specifiers reject. Null: cannot tell. */
function disagree(a: Cause, b: Cause): boolean | null {
  const pa = pinnedVersion(a.requirement);
  if (pa !== null) return satisfies(b.requirement, pa) === null ? null : !satisfies(b.requirement, pa);
  const pb = pinnedVersion(b.requirement);
  if (pb !== null) return satisfies(a.requirement, pb) === null ? null : !satisfies(a.requirement, pb);
  return null;
}

/**
 * The pair that conflicts: a request (user or constraint) and the first requirement on the same
 * project that rejects it; else two packages' requirements that reject each other; else, when
 * the comparison cannot be made, the first requirement that differs from the request as printed.
 * Null when the block names no such pair (one side only, e.g. a dependency with no release).
 */
export function findConflict(causes: readonly Cause[]): Conflict | null {
  const requests = causes.filter((c) => c.requirer === null);
  const deps = causes.filter((c) => c.requirer !== null);
  const withCount = (wanted: Cause, against: Cause): Conflict => ({
    wanted,
    against,
    sameFromOtherReleases: deps.filter(
      (d) => d !== against && d.requirer === against.requirer && d.requirement === against.requirement,
    ).length,
  });
  // A constraint is the pin pip cannot move; look at it first.
  const ordered = [...requests.filter((r) => r.constraint), ...requests.filter((r) => !r.constraint)];
  for (const wanted of ordered) {
    const against = deps.find((d) => d.project === wanted.project && disagree(wanted, d) === true);
    if (against) return withCount(wanted, against);
  }
  for (let i = 0; i < deps.length; i++) {
    for (let j = i + 1; j < deps.length; j++) {
      const [a, b] = [deps[i]!, deps[j]!];
      if (a.project === b.project && a.requirer !== b.requirer && disagree(a, b) === true) return withCount(a, b);
    }
  }
  for (const wanted of ordered) {
    const against = deps.find((d) => d.project === wanted.project && disagree(wanted, d) === null && d.requirement !== wanted.requirement);
    if (against) return withCount(wanted, against);
  }
  return null;
}

/** One sentence for a message (no Markdown: the template places it in prose). */
export function describeConflict(c: Conflict): string {
  const who = c.wanted.requirer === null
    ? c.wanted.constraint
      ? `a constraints file pins ${c.wanted.requirement}`
      : `the install asks for ${c.wanted.requirement}`
    : `${c.wanted.requirer} ${c.wanted.requirerVersion} depends on ${c.wanted.requirement}`;
  const n = c.sameFromOtherReleases;
  const more = n === 0 ? '' : n === 1 ? ` (and so does the other release of ${c.against.requirer} pip tried)` : ` (and so do the ${n} other releases of ${c.against.requirer} pip tried)`;
  return `${who}, but ${c.against.requirer} ${c.against.requirerVersion} depends on ${c.against.requirement}${more}`;
}

/**
 * A compatible-release requirement as the range it means (PEP 440, "Compatible release": `~= V.N` is `>= V.N, == V.*`):
 * `numpy~=1.19.2` → `>=1.19.2, <1.20`; `x~=2.2` → `>=2.2, <3`. Null for any other specifier (or a version of one part,
 * which `~=` does not allow).
 */
export function compatibleRange(requirement: string): { lower: string; upper: string } | null {
  const m = /^\s*[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[^\]]*\])?\s*~=\s*(\d+(?:\.\d+)+)\s*$/.exec(requirement.split(';')[0]!);
  if (m === null) return null;
  const parts = m[1]!.split('.').map(Number);
  const kept = parts.slice(0, -1);
  kept[kept.length - 1]! += 1;
  return { lower: m[1]!, upper: kept.join('.') };
}
