// Findings of a bake / compose log, grouped per target: what the text and Markdown reports show
// when one log built several targets. A plain build (one target or none) is not grouped, so its
// reports stay as they are.
import type { BuildModel, Step } from '../model/types.js';
import type { Finding } from '../rules/finding.js';
import { targetsOf } from '../model/targets.js';

export interface TargetGroup {
  /** The target, null for findings of no target (the log's own, or a Dockerfile no step is on). */
  target: string | null;
  /** In rank order. */
  findings: Finding[];
}

/**
 * The target of each finding: its step's; for a finding without a step (a static check), the
 * target whose steps' findings are on the same Dockerfile, when only one is.
 */
export function findingTargets(findings: readonly Finding[], model: BuildModel): Map<Finding, string | null> {
  const steps = new Map<number, Step>(model.steps.map((s) => [s.id, s] as const));
  const fileTargets = new Map<string, Set<string>>();
  for (const f of findings) {
    const target = f.step === null ? null : (steps.get(f.step)?.target ?? null);
    if (target === null || f.location === null) continue;
    const set = fileTargets.get(f.location.file) ?? new Set<string>();
    set.add(target);
    fileTargets.set(f.location.file, set);
  }
  const result = new Map<Finding, string | null>();
  for (const f of findings) {
    let target = f.step === null ? null : (steps.get(f.step)?.target ?? null);
    if (target === null && f.step === null && f.location !== null) {
      const owners = fileTargets.get(f.location.file);
      if (owners?.size === 1) target = [...owners][0]!;
    }
    result.set(f, target);
  }
  return result;
}

/**
 * The findings grouped per target, groups in the order of their best (first-ranked) finding, or
 * null when the log has fewer than two targets (nothing to group).
 */
export function groupByTarget(findings: readonly Finding[], model: BuildModel): TargetGroup[] | null {
  if (targetsOf(model).length < 2) return null;
  const targets = findingTargets(findings, model);
  const groups = new Map<string | null, TargetGroup>();
  for (const f of findings) {
    const target = targets.get(f) ?? null;
    let group = groups.get(target);
    if (group === undefined) {
      group = { target, findings: [] };
      groups.set(target, group);
    }
    group.findings.push(f);
  }
  return [...groups.values()];
}

/** The target the build failed in, null for a plain build or when no failed step is known. */
export function failedTarget(model: BuildModel): string | null {
  if (model.failedStep === null) return null;
  return model.steps.find((s) => s.id === model.failedStep)?.target ?? null;
}
