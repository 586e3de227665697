import type { Finding, Severity } from '../model/types.js';

const RANK: Record<Severity, number> = { error: 3, warning: 2, notice: 1 };

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

/** True when some finding is at or above `failOn` (`never` never fails). */
export function failsOn(findings: readonly Finding[], failOn: Severity | 'never'): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => RANK[f.severity] >= RANK[failOn]);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
