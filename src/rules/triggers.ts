// Step-level triggers: rules that look at the steps of the finished build rather than at lines
// (the step-failed fallback, slow emulated steps).
import type { BuildModel, Step } from '../model/types.js';
import type { CompiledRule } from './compile.js';
import type { Candidate } from './rank-findings.js';
import { renderFinding } from './render-finding.js';
import type { BuildFacts } from '../facts/types.js';
import { nativePlatform, platformArch } from './native-platform.js';
import { capEvidence, maxEvidenceLines } from './scope-state.js';

function headerOf(step: Step): string {
  const where = [step.platform, step.stage, step.index !== null && step.total !== null ? `${step.index}/${step.total}` : null]
    .filter((x) => x !== null && x !== '')
    .join(' ');
  return where ? `[${where}] ${step.instruction}` : step.instruction;
}

// Lines that look like the cause: compilers, linkers, pip and make all say one of these words.
const errorLike = /\b(?:error|fatal|failed|cannot|denied)\b/i;

/**
 * The step's last output lines and its error: what a reader needs when no rule knew better. The
 * cause is often printed before the last lines (parallel jobs keep printing), so up to three
 * error-looking lines of the tail come first, in log order.
 */
function failureEvidence(step: Step): string[] {
  const tail = step.tail.filter((l) => l.trim() !== '');
  const room = maxEvidenceLines - 1;
  const lastStart = Math.max(0, tail.length - room);
  const earlier = tail
    .slice(0, lastStart)
    .map((line, i) => ({ line, i }))
    .filter((x) => errorLike.test(x.line))
    .slice(-3);
  const keep = new Set([...earlier.map((x) => x.i), ...tail.slice(lastStart + earlier.length).map((_, k) => lastStart + earlier.length + k)]);
  const lines = tail.filter((_, i) => keep.has(i));
  if (step.error && !lines.some((l) => l.includes(step.error!))) lines.push(`ERROR: ${step.error}`);
  return lines.map(capEvidence);
}

export function triggerCandidates(cr: CompiledRule, model: BuildModel, facts: BuildFacts): Candidate[] {
  const trigger = cr.rule.trigger;
  if (!trigger) return [];
  const base = { specificity: cr.rule.specificity, order: cr.order, maxFindings: cr.rule.maxFindings };
  const make = (step: Step | null, stepId: number | null, evidence: string[], firstLine: number): Candidate => ({
    ...base,
    firstLine,
    finding: renderFinding(cr, { stepId, step, count: 1, evidence, captures: new Map(), contexts: new Map() }, model, facts),
  });

  if (trigger.kind === 'failure') {
    const failed = model.steps.filter((s) => s.status === 'error' || s.id === model.failedStep);
    if (failed.length > 0) return failed.map((s) => make(s, s.id, failureEvidence(s), s.firstLine));
    if (model.solveError === null) return [];
    const c = make(null, null, [capEvidence(model.solveError.message)], Number.POSITIVE_INFINITY);
    return [{ ...c, solveFallback: true }];
  }

  const native = nativePlatform(model.steps);
  return model.steps
    .filter(
      (s) =>
        !s.cached &&
        !s.internal &&
        s.seconds !== null &&
        s.seconds >= trigger.minSeconds &&
        (trigger.platform === 'any' || (s.platform !== null && platformArch(s.platform) !== native)),
    )
    .map((s) => make(s, s.id, [headerOf(s), `DONE ${s.seconds!.toFixed(1)}s`], s.firstLine));
}
