// What one rule remembers about one scope (a step, or the whole build): how many lines matched,
// what they captured, the evidence lines, the context lines seen, and whether an `unless` line
// cancelled it. Every collection is bounded, so a 40,000-line log costs the same as a short one.

/** Evidence lines kept per finding, and characters kept per evidence line. */
export const maxEvidenceLines = 10;
export const maxEvidenceLength = 500;
/** Distinct values remembered per capture (for `{capture:all}` / `{capture:counts}`). */
const maxDistinctValues = 50;
/** Distinct capture combinations a tallied context remembers per scope. */
const maxTallied = 1000;

export interface ContextHit {
  text: string;
  groups: Record<string, string>;
}

/**
 * A context line as seen: trimmed, capped and its captures filtered only when a finding reads it.
 * Context lines are the most frequent hits (every `Collecting …` of a pip step) and most of them are
 * replaced or dropped with their step unread. So are the captures themselves when `regex` is given:
 * the engine only tested the line, and the expression runs again on `line` if a finding reads them.
 */
class SeenContext implements ContextHit {
  private shown: string | null = null;
  private kept: Record<string, string> | null = null;

  constructor(
    private readonly line: string,
    private readonly captured: Record<string, string | undefined> | undefined,
    private readonly regex: RegExp | null,
  ) {}

  get text(): string {
    return (this.shown ??= capEvidence(this.line.trim()));
  }

  get groups(): Record<string, string> {
    if (this.kept === null) {
      const kept: Record<string, string> = {};
      const captured = this.regex === null ? this.captured : this.regex.exec(this.line)?.groups;
      for (const [k, v] of Object.entries(captured ?? {})) if (v !== undefined) kept[k] = v;
      this.kept = kept;
    }
    return this.kept;
  }
}

export function capEvidence(text: string): string {
  return text.length > maxEvidenceLength ? `${text.slice(0, maxEvidenceLength - 1)}…` : text;
}

/**
 * A comparison key for evidence: the final `ERROR: failed to solve: …` line repeats the step's
 * own error message with prefixes; both are one piece of evidence.
 */
function evidenceKey(text: string): string {
  let t = text.trim();
  for (;;) {
    const lower = t.toLowerCase();
    const prefix = ['error:', 'failed to solve:', 'failed to build:', 'error '].find((p) => lower.startsWith(p));
    if (prefix === undefined) return lower;
    t = t.slice(prefix.length).trimStart();
  }
}

function sameEvidence(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 20 && long.includes(short);
}

export class ScopeState {
  count = 0;
  firstLine = Number.POSITIVE_INFINITY;
  /** Step of the first matching line (for build-scope rules). */
  firstStep: number | null = null;
  cancelled = false;
  // Made at first use: most states (a rule's context lines in a step it never matches) need none
  // of them, and a build of thousands of steps makes thousands of states.
  private evidenceList: string[] | null = null;
  private evidenceKeys: string[] | null = null;
  private captureMap: Map<string, Map<string, number>> | null = null;
  private contextMap: Map<string, ContextHit> | null = null;
  private tallied: Set<string> | null = null;
  /** Contexts a `locks` hit set: no later hit replaces them. */
  private locked: Set<string> | null = null;

  get evidence(): string[] {
    return (this.evidenceList ??= []);
  }

  /** capture name → value → times seen, in order of first sight. */
  get captures(): Map<string, Map<string, number>> {
    return (this.captureMap ??= new Map());
  }

  get contexts(): Map<string, ContextHit> {
    return (this.contextMap ??= new Map());
  }

  /** `lastOnly`: the evidence is this line alone, replacing what an earlier hit left (a rule with `evidence: 'last'`). */
  addHit(text: string, line: number, step: number | null, groups: Record<string, string | undefined> | undefined, lastOnly = false): void {
    if (this.count === 0) {
      this.firstLine = line;
      this.firstStep = step;
    }
    this.count++;
    if (lastOnly) this.evidenceList = [capEvidence(text)];
    else this.addEvidence(text);
    this.addCaptures(groups);
  }

  /** Captures of a second matcher of the same rule on a line already counted. */
  addCaptures(groups: Record<string, string | undefined> | undefined): void {
    if (!groups) return;
    for (const [name, value] of Object.entries(groups)) {
      if (value === undefined || value === '') continue;
      let values = this.captures.get(name);
      if (!values) this.captures.set(name, (values = new Map()));
      const seen = values.get(value);
      if (seen !== undefined) values.set(value, seen + 1);
      else if (values.size < maxDistinctValues) values.set(value, 1);
    }
  }

  /**
   * A tallied context's captures, counted under `context.<name>.<group>` like a match's: each
   * distinct combination of them once (a version's metadata and its wheel are one version).
   */
  addTally(name: string, groups: Record<string, string | undefined> | undefined): void {
    if (!groups) return;
    const combination = `${name}\u0000${Object.values(groups).join('\u0000')}`;
    const tallied = (this.tallied ??= new Set());
    if (tallied.has(combination) || tallied.size >= maxTallied) return;
    tallied.add(combination);
    for (const [group, value] of Object.entries(groups)) {
      if (value === undefined || value === '') continue;
      this.addCaptures({ [`context.${name}.${group}`]: value });
    }
  }

  /**
   * `regex`, instead of `groups`: the expression that matched `text` (no longer than
   * maxEvidenceLength, so kept as it is), run again only if a finding reads the captures.
   */
  addContext(name: string, text: string, groups: Record<string, string | undefined> | undefined, keepLast = false, regex: RegExp | null = null): void {
    if ((!keepLast && this.contexts.has(name)) || this.locked?.has(name) === true) return;
    // A long line is cut at once, so that what a scope keeps stays bounded.
    this.contexts.set(name, new SeenContext(text.length > maxEvidenceLength ? capEvidence(text.trim()) : text, groups, regex));
  }

  /** Sets context `name` to this hit, once: later hits of `name` (and later locks) leave it. */
  lockContext(name: string, text: string, groups: Record<string, string | undefined> | undefined, regex: RegExp | null = null): void {
    const locked = (this.locked ??= new Set());
    if (locked.has(name)) return;
    this.contexts.set(name, new SeenContext(text.length > maxEvidenceLength ? capEvidence(text.trim()) : text, groups, regex));
    locked.add(name);
  }

  private addEvidence(text: string): void {
    const evidence = this.evidence;
    if (evidence.length >= maxEvidenceLines) return;
    const key = evidenceKey(text);
    const keys = (this.evidenceKeys ??= []);
    if (key === '' || keys.some((k) => sameEvidence(k, key))) return;
    keys.push(key);
    evidence.push(capEvidence(text));
  }
}

/** Merges evidence lists without repeats, bounded. */
export function mergeEvidence(a: string[], b: string[]): string[] {
  const out = [...a];
  const keys = a.map(evidenceKey);
  for (const line of b) {
    if (out.length >= maxEvidenceLines) break;
    const key = evidenceKey(line);
    if (keys.some((k) => sameEvidence(k, key))) continue;
    keys.push(key);
    out.push(line);
  }
  return out;
}
