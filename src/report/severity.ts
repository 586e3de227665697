import type { Finding, Severity } from '../rules/finding.js';

/** What `--fail-on` / the action's `fail-on` accept: a severity, or `never`. */
export const FAIL_ON = ['error', 'warning', 'notice', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

const RANK: Record<Severity, number> = { error: 3, warning: 2, notice: 1 };

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

/** True when some finding is at or above `failOn` (`never` never fails). */
export function failsOn(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => RANK[f.severity] >= RANK[failOn]);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
