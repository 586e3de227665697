// From candidate findings to the list the report shows: the same finding from several places is
// one, a generic explanation of a failure gives way to a specific one, and the first finding is
// the one the build died of.
import type { BuildModel, Finding } from '../model/types.js';
import { outcomeUnknown } from './render-finding.js';
import { mergeEvidence } from './scope-state.js';

export interface Candidate {
  finding: Finding;
  specificity: number;
  /** Catalog order of the rule (tie-break). */
  order: number;
  /** Raw line of the first evidence, for a stable order. */
  firstLine: number;
  maxFindings: number;
  /** True for the step-failed fallback on the solve error itself (no step): it goes when anything else explains the failure. */
  solveFallback?: boolean;
}

function failedSteps(model: BuildModel): Set<number> {
  const ids = new Set<number>();
  if (model.failedStep !== null) ids.add(model.failedStep);
  for (const s of model.steps) if (s.status === 'error') ids.add(s.id);
  return ids;
}

const severityRank = { error: 0, warning: 2, notice: 3 } as const;

export function rankFindings(candidates: Candidate[], model: BuildModel): Finding[] {
  const failed = failedSteps(model);
  const buildFailed = failed.size > 0 || model.solveError !== null;
  // An error explains why a build failed: in a build that passed, the same finding is a warning.
  if (!buildFailed && !outcomeUnknown(model)) {
    for (const c of candidates) if (c.finding.severity === 'error') c.finding.severity = 'warning';
  }
  /** The failure a finding is about: its step, or (no step) the failure of the build. */
  const failureOf = (c: Candidate): string => {
    const step = c.finding.step ?? (buildFailed ? (model.failedStep ?? 'build') : 'none');
    return String(step);
  };

  // 1. In each failure, error findings below the most specific one are dropped.
  const best = new Map<string, number>();
  for (const c of candidates) {
    if (c.finding.severity !== 'error') continue;
    const key = failureOf(c);
    best.set(key, Math.max(best.get(key) ?? 0, c.specificity));
  }
  const anyOtherError = candidates.some((c) => c.finding.severity === 'error' && !c.solveFallback);
  let kept = candidates.filter((c) => {
    if (c.finding.severity !== 'error') return true;
    if (c.solveFallback && anyOtherError) return false;
    return c.specificity >= (best.get(failureOf(c)) ?? 0);
  });

  // 2. Rank: errors of the failed step, then other errors, warnings, notices; specific first.
  const groupOf = (c: Candidate): number => {
    const base = severityRank[c.finding.severity];
    if (base !== 0) return base;
    const step = c.finding.step;
    return (step !== null && failed.has(step)) || (step === null && buildFailed) ? 0 : 1;
  };
  kept = kept
    .map((c) => ({ c, group: groupOf(c) }))
    .sort(
      (a, b) =>
        a.group - b.group ||
        b.c.specificity - a.c.specificity ||
        a.c.order - b.c.order ||
        a.c.firstLine - b.c.firstLine,
    )
    .map((x) => x.c);

  // 3. One finding for the same story told in several places (steps of parallel platforms, …).
  const byStory = new Map<string, Finding>();
  const perRule = new Map<string, number>();
  const out: Finding[] = [];
  for (const c of kept) {
    const f = c.finding;
    const story = `${f.ruleId}\u0000${f.title}\u0000${f.message}\u0000${f.fix}`;
    const earlier = byStory.get(story);
    if (earlier) {
      earlier.evidence = mergeEvidence(earlier.evidence, f.evidence);
      continue;
    }
    const n = perRule.get(f.ruleId) ?? 0;
    if (n >= c.maxFindings) continue;
    perRule.set(f.ruleId, n + 1);
    const copy = { ...f, evidence: [...f.evidence] };
    byStory.set(story, copy);
    out.push(copy);
  }
  return out;
}
