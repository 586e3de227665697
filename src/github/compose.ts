// One or more analysed logs → one Markdown document under a size limit: the shared body of the job
// summary and of the PR comment, which differ in their limits and in what frames the body.
import { markdownTable } from 'markdown-table';
import type { NamedAnalysis } from '../report/multi-log.js';
import { joinParts, reportParts, type MarkdownLimits, type ReportParts, type VerdictKind } from '../report/markdown.js';
import { nowrap, plural, SEVERITY_MARK } from '../report/markdown-words.js';
import { countBySeverity } from '../report/severity.js';
import { codeSpan, escapeText } from '../security/markdown-escape.js';
import type { TimelineSurface } from '../report/markdown-timeline.js';
import { fitBlocks, type FitResult } from './fit.js';

export interface ComposeOptions {
  surface: TimelineSurface;
  limits: MarkdownLimits;
  /** Findings given a `<details>` block (per log); the rest are in the table only. */
  maxDetails: number;
  /** Size limit and how it is measured. */
  limit: number;
  measure: (text: string) => number;
  /** What to say when blocks were left out to fit ("+3 more, see the job summary"). */
  moreNote: (omitted: number, unit: 'finding' | 'section') => string;
  /** Blocks right after the verdict (e.g. how many annotations were left out). */
  preface?: string[];
  /** Blocks at the very end (footer). */
  footer?: string[];
}

export interface Composed extends FitResult {
  verdict: VerdictKind;
  /** Findings over all logs. */
  findings: number;
}

const MARK: Record<VerdictKind, string> = { failed: SEVERITY_MARK.error, unfinished: '⏹', passed: '✅', 'tool-output': '🔎', unrecognised: '❔' };

function overallVerdict(parts: ReportParts[], logs: readonly NamedAnalysis[]): { kind: VerdictKind; markdown: string } {
  const failed = parts.filter((p) => p.verdict.kind === 'failed').length;
  const unrecognised = parts.filter((p) => p.verdict.kind === 'unrecognised').length;
  if (failed > 0) return { kind: 'failed', markdown: `${MARK.failed} ${failed} of ${plural(logs.length, 'build log')} failed` };
  const unfinished = parts.filter((p) => p.verdict.kind === 'unfinished').length;
  if (unfinished > 0) return { kind: 'unfinished', markdown: `${MARK.unfinished} ${unfinished} of ${plural(logs.length, 'build log')} did not finish` };
  if (unrecognised === logs.length) return { kind: 'unrecognised', markdown: `${MARK.unrecognised} No build output recognised in ${plural(logs.length, 'log')}` };
  const passed = parts.filter((p) => p.verdict.kind === 'passed').length;
  if (passed === 0) {
    const found = logs.reduce((n, l) => n + l.analysis.findings.length, 0);
    return { kind: 'tool-output', markdown: `${MARK['tool-output']} No build steps recognised in ${plural(logs.length, 'log')}; ${plural(found, 'finding')} in the text` };
  }
  const counts = countBySeverity(logs.flatMap((l) => l.analysis.findings));
  const extras = [counts.warning ? plural(counts.warning, 'warning') : '', counts.notice ? plural(counts.notice, 'notice') : ''].filter(Boolean);
  // Only the logs that passed are called so; the others (no build in them) are counted apart.
  const others = logs.length - passed;
  const which = others === 0 ? `${plural(logs.length, 'build log')} passed` : `${passed} of ${plural(logs.length, 'log')} passed, ${others} with no build recognised`;
  return { kind: 'passed', markdown: `${MARK.passed} ${which}${extras.length ? ` with ${extras.join(' and ')}` : ''}` };
}

function logsTable(parts: ReportParts[], logs: readonly NamedAnalysis[]): string {
  const rows = logs.map(({ name, analysis }, i) => {
    const counts = countBySeverity(analysis.findings);
    const kind = parts[i]?.verdict.kind ?? 'unrecognised';
    return [codeSpan(name, { inTable: true }), nowrap(`${MARK[kind]} ${kind}`), String(counts.error), String(counts.warning), String(counts.notice), analysis.findings[0] ? escapeText(analysis.findings[0].title) : ''];
  });
  return markdownTable([['Log', 'Verdict', 'Errors', 'Warnings', 'Notices', 'First finding'], ...rows], { align: ['l', 'l', 'r', 'r', 'r', 'l'], alignDelimiters: false });
}

export function composeReport(logs: readonly NamedAnalysis[], options: ComposeOptions): Composed {
  const parts = logs.map(({ analysis }) => reportParts(analysis, { surface: options.surface, limits: options.limits }));
  const findings = logs.reduce((n, l) => n + l.analysis.findings.length, 0);
  const preface = options.preface ?? [];
  const footer = options.footer ?? [];
  const fit = { limit: options.limit, measure: options.measure };

  const only = parts[0];
  if (parts.length === 1 && only) {
    const shown = only.details.slice(0, options.maxDetails);
    const notDetailed = only.details.length - shown.length;
    const head = [joinParts({ ...only, table: '', timeline: '' }, 3, []).trimEnd(), ...preface, only.table];
    const tail = [only.timeline, ...footer];
    const result = fitBlocks(head, shown, tail, { ...fit, note: (n) => options.moreNote(n + notDetailed, 'finding') });
    if (result.omitted === 0 && notDetailed > 0) {
      // Every block fitted but some findings were never given one: say so all the same.
      const again = fitBlocks(head, shown, [...tail, options.moreNote(notDetailed, 'finding')], { ...fit, note: (n) => options.moreNote(n + notDetailed, 'finding') });
      return { ...again, omitted: notDetailed + again.omitted, verdict: only.verdict.kind, findings };
    }
    return { ...result, omitted: result.omitted + notDetailed, verdict: only.verdict.kind, findings };
  }

  const overall = overallVerdict(parts, logs);
  const head = [`### ${overall.markdown}`, ...preface, logsTable(parts, logs)];
  const sections: string[] = [];
  logs.forEach(({ name }, i) => {
    const p = parts[i];
    if (!p) return;
    sections.push(`#### ${codeSpan(name)}\n\n**${p.verdict.markdown}**${p.facts ? `\n\n${p.facts}` : ''}`);
    if (p.table) sections.push(p.table);
    sections.push(...p.details.slice(0, options.maxDetails));
    if (p.timeline) sections.push(p.timeline);
  });
  const result = fitBlocks(head, sections, footer, { ...fit, note: (n) => options.moreNote(n, 'section') });
  return { ...result, verdict: overall.kind, findings };
}
