// Scoring of the real-world corpus (fixtures/real-world/<class>/<name>.log + <name>.json): pure functions,
// no file system and no pipeline, so the rules can be scored against any list of findings.
//
// - recall: failure samples whose expected rule (expect[0]) is among the findings at severity error or
//   warning AND one of whose evidence lines shows a keyLine of the sample (the finding is right for the
//   right reason, not for a neighbouring line);
// - headline: failure samples whose first finding is the expected rule;
// - false alarms: clean samples (expect = []) with any finding at severity error or warning.

export const CLASSES = [
  'base-image',
  'pip',
  'uv-conda',
  'cuda',
  'cmake',
  'libraries',
  'apt',
  'ci',
  'buildkit',
  'clean',
] as const;
export type SampleClass = (typeof CLASSES)[number];

export interface SampleMeta {
  provenance: string;
  cut: string;
  expect: string[];
  keyLines: string[];
}

/** The part of a finding the score reads. */
export interface ScoredFinding {
  ruleId: string;
  severity: string;
  evidence: string[];
}

export interface SampleResult {
  /** `<class>/<name>`. */
  id: string;
  cls: string;
  clean: boolean;
  expected: string | null;
  /** Expected rule found at error/warning with a keyLine in its evidence. */
  recalled: boolean;
  /** Expected rule found at error/warning, whatever its evidence. */
  ruleFound: boolean;
  headline: boolean;
  falseAlarm: boolean;
  /** The first finding's rule id (null when there is none). */
  first: string | null;
  /** The rule ids of all findings, in report order, with their severity. */
  findings: string[];
}

export interface ClassRow {
  cls: string;
  samples: number;
  failures: number;
  recalled: number;
  headlines: number;
  clean: number;
  falseAlarms: number;
}

export interface Figures {
  /** Percent of failure samples recalled, 0–100. */
  recall: number;
  /** Percent of failure samples whose headline is the expected rule, 0–100. */
  headline: number;
  /** Clean samples with a finding at error or warning (a count). */
  falseAlarms: number;
}

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
// owner/repo#123 (…) or owner/repo/path@commit
const ISSUE_PROVENANCE = /^[A-Za-z0-9][\w.-]*\/[\w.-]+#\d+(?: \([^()\n]+\))?$/;
const FILE_PROVENANCE = /^[A-Za-z0-9][\w.-]*\/[\w.-]+\/\S+@[0-9a-f]{7,40}(?: \([^()\n]+\))?$/;
const DATE_IN_PROVENANCE = /\d{4}-\d{2}-\d{2}/g;

const BAD_DATE = (date: string): boolean => Number.isNaN(Date.parse(`${date}T00:00:00Z`));

/** The problems of a sample's metadata against its log text; [] when it is valid. */
export function validateSample(cls: string, meta: unknown, text: string): string[] {
  const problems: string[] = [];
  if (!(CLASSES as readonly string[]).includes(cls)) problems.push(`unknown class "${cls}"`);
  if (typeof meta !== 'object' || meta === null) return [...problems, 'metadata is not an object'];
  const m = meta as Record<string, unknown>;
  const extra = Object.keys(m).filter((k) => !['provenance', 'cut', 'expect', 'keyLines'].includes(k));
  if (extra.length > 0) problems.push(`unknown fields: ${extra.join(', ')}`);
  if (typeof m.provenance !== 'string' || !(ISSUE_PROVENANCE.test(m.provenance) || FILE_PROVENANCE.test(m.provenance))) {
    problems.push(`provenance must be "owner/repo#N (comment by USER, YYYY-MM-DD)" or "owner/repo/path@commit": ${JSON.stringify(m.provenance)}`);
  } else {
    for (const date of m.provenance.match(DATE_IN_PROVENANCE) ?? []) {
      if (BAD_DATE(date)) problems.push(`provenance has an impossible date ${date}`);
    }
  }
  if (typeof m.cut !== 'string' || m.cut.trim().length < 5) problems.push('cut must say how the excerpt was cut');
  if (!Array.isArray(m.expect) || !m.expect.every((e) => typeof e === 'string' && RULE_ID.test(e))) {
    problems.push(`expect must be a list of rule ids (family/name): ${JSON.stringify(m.expect)}`);
  } else if (cls === 'clean' && m.expect.length > 0) {
    problems.push('a clean sample expects no rule');
  } else if (cls !== 'clean' && m.expect.length === 0) {
    problems.push('a failure sample names the rule that should be its headline (expect[0])');
  }
  if (!Array.isArray(m.keyLines) || !m.keyLines.every((k) => typeof k === 'string' && k.trim().length > 0)) {
    problems.push('keyLines must be a list of non-blank lines');
  } else {
    if (cls !== 'clean' && m.keyLines.length === 0) problems.push('a failure sample needs at least one keyLine');
    const lines = new Set(text.split(/\r?\n/));
    for (const k of m.keyLines as string[]) {
      if (k.includes('\n')) problems.push(`keyLine spans lines: ${JSON.stringify(k)}`);
      else if (!lines.has(k) && !text.includes(k)) problems.push(`keyLine not in the log: ${JSON.stringify(k)}`);
    }
  }
  if (text.trim().length === 0) problems.push('the log is empty');
  return problems;
}

const ALARM = new Set(['error', 'warning']);
const MIN_EVIDENCE = 12;

/**
 * Whether an evidence line shows a keyLine: one contains the other once trimmed. Evidence is the log line
 * less its frame (`#12 3.456`), timestamps, CI prefix and ANSI codes, so a keyLine quoted with its frame
 * contains it; a finding may also quote a longer joined line that contains the keyLine, or a long one clipped.
 */
export function evidenceShows(evidence: string, keyLine: string): boolean {
  // a long line is quoted clipped, ending in `…`: what it shows is the part before
  const e = evidence.trim().replace(/…$/, '');
  const k = keyLine.trim();
  if (e.length === 0 || k.length === 0) return false;
  if (e === k || e.includes(k)) return true;
  return e.length >= MIN_EVIDENCE && k.includes(e);
}

export function scoreSample(id: string, cls: string, meta: SampleMeta, findings: readonly ScoredFinding[]): SampleResult {
  const clean = meta.expect.length === 0;
  const expected = clean ? null : meta.expect[0]!;
  const alarms = findings.filter((f) => ALARM.has(f.severity));
  const candidates = expected === null ? [] : alarms.filter((f) => f.ruleId === expected);
  const recalled = candidates.some((f) => f.evidence.some((ev) => meta.keyLines.some((k) => evidenceShows(ev, k))));
  return {
    id,
    cls,
    clean,
    expected,
    recalled,
    ruleFound: candidates.length > 0,
    headline: expected !== null && findings[0]?.ruleId === expected,
    falseAlarm: clean && alarms.length > 0,
    first: findings[0]?.ruleId ?? null,
    findings: findings.map((f) => `${f.ruleId}:${f.severity}`),
  };
}

function row(cls: string, results: readonly SampleResult[]): ClassRow {
  const failures = results.filter((r) => !r.clean);
  return {
    cls,
    samples: results.length,
    failures: failures.length,
    recalled: failures.filter((r) => r.recalled).length,
    headlines: failures.filter((r) => r.headline).length,
    clean: results.length - failures.length,
    falseAlarms: results.filter((r) => r.falseAlarm).length,
  };
}

/** One row per class present (in CLASSES order), then the overall row ("all"). */
export function summarize(results: readonly SampleResult[]): ClassRow[] {
  const rows = CLASSES.filter((c) => results.some((r) => r.cls === c)).map((c) => row(c, results.filter((r) => r.cls === c)));
  return [...rows, row('all', results)];
}

const pct = (n: number, d: number): number => (d === 0 ? 100 : (100 * n) / d);

export function figures(results: readonly SampleResult[]): Figures {
  const all = row('all', results);
  return {
    recall: pct(all.recalled, all.failures),
    headline: pct(all.headlines, all.failures),
    falseAlarms: all.falseAlarms,
  };
}

/** The figures rounded down to the percent, as floor.json keeps them. */
export function floorOf(f: Figures): Figures {
  return { recall: Math.floor(f.recall), headline: Math.floor(f.headline), falseAlarms: f.falseAlarms };
}

/** The figures that fall below the floors (recall, headline) or above them (false alarms). */
export function belowFloor(f: Figures, floor: Figures): string[] {
  const out: string[] = [];
  if (f.recall < floor.recall) out.push(`recall ${f.recall.toFixed(1)}% < floor ${floor.recall}%`);
  if (f.headline < floor.headline) out.push(`headline ${f.headline.toFixed(1)}% < floor ${floor.headline}%`);
  if (f.falseAlarms > floor.falseAlarms) out.push(`false alarms ${f.falseAlarms} > floor ${floor.falseAlarms}`);
  return out;
}

const cell = (n: number, d: number): string => (d === 0 ? '–' : `${n}/${d} ${Math.round(pct(n, d))}%`);

export function formatTable(rows: readonly ClassRow[]): string {
  const header = ['class', 'samples', 'recall', 'headline', 'false alarms'];
  const body = rows.map((r) => [r.cls, String(r.samples), cell(r.recalled, r.failures), cell(r.headlines, r.failures), r.clean === 0 ? '–' : `${r.falseAlarms}/${r.clean}`]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** The work list: failure samples not recalled or not headlined, and clean samples that alarm. */
export function formatMisses(results: readonly SampleResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    if (r.clean) {
      if (r.falseAlarm) lines.push(`FALSE ALARM ${r.id}: ${r.findings.join(', ')}`);
      continue;
    }
    if (r.recalled && r.headline) continue;
    const what = !r.recalled ? (r.ruleFound ? 'MISS (rule found, keyLine not in its evidence)' : 'MISS') : 'NOT HEADLINE';
    lines.push(`${what} ${r.id}: expected ${r.expected}, first ${r.first ?? '(no finding)'}`);
  }
  return lines.join('\n');
}
