// The action's outputs, as data: counts and the compact findings JSON. GitHub caps one output at
// 1 MB, so the findings list is shortened (long texts first, then the least important findings)
// rather than lost; the report file always has everything.
import type { Finding } from '../rules/finding.js';
import type { NamedAnalysis } from '../report/multi-log.js';
import { countBySeverity } from '../report/severity.js';
import { stringifyVisible } from '../security/invisible.js';
import { reportOf } from '../report/json.js';

export const OUTPUT_LIMIT_BYTES = 1_000_000 - 10_000;

export interface ActionOutputs {
  errorCount: number;
  warningCount: number;
  /** Minified JSON array of findings, each with `log` when several logs were analysed. */
  findings: string;
  /**
   * True when there are errors and a retry can help with every one (a registry 5xx, a DNS
   * failure, a lost runner): a workflow can then re-run the job instead of waking someone.
   */
  retryable: boolean;
}

type OutputFinding = Finding & { log?: string };

export function actionOutputs(logs: readonly NamedAnalysis[], limitBytes = OUTPUT_LIMIT_BYTES): ActionOutputs {
  const all: OutputFinding[] = logs.flatMap(({ name, analysis }) => reportOf(analysis).findings.map((f) => (logs.length > 1 ? { ...f, log: name } : f)));
  const counts = countBySeverity(all);
  const errors = all.filter((f) => f.severity === 'error');
  return {
    errorCount: counts.error,
    warningCount: counts.warning,
    findings: compactFindings(all, limitBytes),
    retryable: errors.length > 0 && errors.every((f) => f.retryable),
  };
}

export function compactFindings(findings: readonly OutputFinding[], limitBytes = OUTPUT_LIMIT_BYTES): string {
  const full = stringifyVisible(findings);
  if (Buffer.byteLength(full, 'utf8') <= limitBytes) return full;
  const trimmed = findings.map((f) => ({ ...f, evidence: f.evidence.slice(0, 3).map((e) => e.slice(0, 300)), fix: f.fix.slice(0, 2000), message: f.message.slice(0, 2000) }));
  // The longest prefix (the most important findings) that fits: `[` + items joined by `,` + `]`.
  const kept: string[] = [];
  let used = 2;
  for (const f of trimmed) {
    const item = stringifyVisible(f);
    const size = Buffer.byteLength(item, 'utf8') + (kept.length > 0 ? 1 : 0);
    if (used + size > limitBytes) break;
    kept.push(item);
    used += size;
  }
  return `[${kept.join(',')}]`;
}
