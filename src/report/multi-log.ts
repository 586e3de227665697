// Several logs at once (`buildkit-doctor a.log b.log`, `logs/*.log`, the action's `log-file` glob):
// one report per log, each under its name, then one merged summary.
//
// - text / markdown: each log's report under a heading, then a table of every log's verdict.
// - json: one log gives the report exactly as DESIGN.md says; several give
//   `{ "version": 1, "logs": [ { "log": "a.log", "report": {…} } ], "summary": {…} }`.
// - sarif: one SARIF log with one run holding every log's results (what code scanning wants).
// - github: one annotation plan over every log's findings (GitHub's limits are per step).
import type { Analysis } from './analysis.js';
import { githubOptions, render, type OutputFormat, type RenderOptions } from './render.js';
import { renderGithubCommands } from './github-commands.js';
import { renderSarif } from './sarif.js';
import { countBySeverity } from './severity.js';
import { plural } from './step-words.js';
import { nowrap } from './markdown-words.js';
import { codeSpan } from '../security/markdown-escape.js';
import { stringifyVisible } from '../security/invisible.js';
import { verdictKind, type VerdictKind } from './recognised.js';
import type { Report } from './types.js';
import { reportOf } from './json.js';

export interface NamedAnalysis {
  /** The log's name as the user gave it (a path, or `-` for standard input). */
  name: string;
  analysis: Analysis;
}

export type LogVerdict = VerdictKind;

export interface LogSummary {
  log: string;
  verdict: LogVerdict;
  errors: number;
  warnings: number;
  notices: number;
  /** The rule of the first (most important) finding, null when there is none. */
  topRule: string | null;
}

export interface MergedSummary {
  logs: LogSummary[];
  failed: number;
  errors: number;
  warnings: number;
  notices: number;
}

export interface MultiLogReport {
  version: 1;
  logs: { log: string; report: Report }[];
  summary: MergedSummary;
}

export interface MultiRenderOptions extends RenderOptions {
  /** The Dockerfile, for SARIF results that no Dockerfile line explains. */
  dockerfile?: string | null;
}

export function summarizeLogs(logs: readonly NamedAnalysis[]): MergedSummary {
  const rows = logs.map(({ name, analysis }): LogSummary => {
    const counts = countBySeverity(analysis.findings);
    return {
      log: name,
      verdict: verdictKind(analysis),
      errors: counts.error,
      warnings: counts.warning,
      notices: counts.notice,
      topRule: analysis.findings[0]?.ruleId ?? null,
    };
  });
  const sum = (pick: (row: LogSummary) => number): number => rows.reduce((total, row) => total + pick(row), 0);
  return {
    logs: rows,
    failed: rows.filter((row) => row.verdict === 'failed').length,
    errors: sum((row) => row.errors),
    warnings: sum((row) => row.warnings),
    notices: sum((row) => row.notices),
  };
}

/** Control characters of a file name would drive the terminal. */
function terminalText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

const MARKS: Record<LogVerdict, string> = { failed: '✖', unfinished: '⏹', passed: '✔', 'tool-output': '•', unrecognised: '?' };

function textSummary(summary: MergedSummary): string {
  const out = [`Summary of ${plural(summary.logs.length, 'log')}: ${summary.failed} failed, ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.notices, 'notice')}`];
  const width = Math.max(...summary.logs.map((row) => terminalText(row.log).length));
  for (const row of summary.logs) {
    const counts = `${plural(row.errors, 'error')}, ${plural(row.warnings, 'warning')}, ${plural(row.notices, 'notice')}`;
    out.push(`  ${MARKS[row.verdict]} ${terminalText(row.log).padEnd(width)}  ${row.verdict.padEnd(12)}  ${counts}${row.topRule ? `  (${row.topRule})` : ''}`);
  }
  return out.join('\n') + '\n';
}

function markdownSummary(summary: MergedSummary): string {
  const out = [
    `## Summary of ${plural(summary.logs.length, 'log')}`,
    '',
    `${summary.failed} failed · ${plural(summary.errors, 'error')} · ${plural(summary.warnings, 'warning')} · ${plural(summary.notices, 'notice')}`,
    '',
    '| Log | Verdict | Errors | Warnings | Notices | First finding |',
    '| --- | --- | ---: | ---: | ---: | --- |',
  ];
  for (const row of summary.logs) {
    out.push(`| ${codeSpan(row.log, { inTable: true })} | ${nowrap(`${MARKS[row.verdict]} ${row.verdict}`)} | ${row.errors} | ${row.warnings} | ${row.notices} | ${row.topRule ? `\`${row.topRule}\`` : ''} |`);
  }
  return out.join('\n') + '\n';
}

/** The output for one or more analysed logs, in one format. */
export function renderLogs(logs: readonly NamedAnalysis[], format: OutputFormat, options: MultiRenderOptions): string {
  if (format === 'sarif') {
    return stringifyVisible(renderSarif(logs.map((l) => l.analysis), { dockerfile: options.dockerfile ?? null }), 2) + '\n';
  }
  const only = logs.length === 1 ? logs[0] : undefined;
  if (only) return render(only.analysis, format, options);

  const summary = summarizeLogs(logs);
  switch (format) {
    case 'json': {
      const report: MultiLogReport = {
        version: 1,
        logs: logs.map(({ name, analysis }) => ({ log: name, report: reportOf(analysis) })),
        summary,
      };
      return stringifyVisible(report, 2) + '\n';
    }
    case 'github':
      // One plan for the whole build: GitHub's limits are per step, not per log.
      return renderGithubCommands(logs.flatMap(({ analysis }) => analysis.findings), githubOptions(options));
    case 'markdown':
      return logs.map(({ name, analysis }) => `## ${codeSpan(name)}\n\n${render(analysis, format, options)}\n`).join('') + markdownSummary(summary);
    case 'text':
      return logs.map(({ name, analysis }) => `== ${terminalText(name)} ==\n${render(analysis, format, options)}\n`).join('') + textSummary(summary);
  }
}
