// The report for people at a terminal: the verdict first, then the findings, then the slowest steps.
import type { Analysis } from '../analyze.js';
import type { Finding, Step } from '../model/types.js';
import { plural, shortStepLabel } from './step-words.js';
import { buildTimeline } from '../timeline/timeline.js';
import { barRows } from '../timeline/bars.js';
import { formatDuration } from '../timeline/format-duration.js';
import { verdictKind } from './recognised.js';
import { unfinishedStep } from '../model/unfinished.js';
import { groupByTarget } from './target-groups.js';
import { factsLine } from './facts-line.js';

export interface TextOptions {
  color: boolean;
  /** A first line in place of the verdict on a build, when there was none (`lint`). */
  heading?: string;
}

const CODES = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1 } as const;

function paint(on: boolean, code: keyof typeof CODES, text: string): string {
  return on ? `\u001b[${CODES[code]}m${text}\u001b[0m` : text;
}

/** Log text is printed as data: control characters (ESC, BEL, …) would drive the terminal. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

function where(finding: Finding, steps: Map<number, Step>): string {
  const parts: string[] = [];
  if (finding.location) parts.push(`${finding.location.file}:${finding.location.line}`);
  const step = finding.step !== null ? steps.get(finding.step) : undefined;
  if (step) parts.push(`#${step.id} ${shortStepLabel(step, 100)}`);
  return parts.join('  ');
}

function renderFinding(out: string[], f: Finding, steps: Map<number, Step>, c: boolean): void {
  const color = f.severity === 'error' ? 'red' : f.severity === 'warning' ? 'yellow' : 'blue';
  out.push(`${paint(c, color, f.severity.padEnd(7))} ${paint(c, 'bold', plain(f.title))}  ${paint(c, 'dim', f.ruleId)}`);
  const at = where(f, steps);
  if (at) out.push(`        at ${plain(at)}`);
  for (const line of plain(f.message).split('\n')) out.push(`        ${line}`);
  if (f.retryable) out.push(paint(c, 'dim', '        a retry can help: the cause is passing (network, registry, runner)'));
  if (f.evidence.length > 0) {
    out.push(paint(c, 'dim', '        evidence:'));
    for (const e of f.evidence.slice(0, 8)) out.push(paint(c, 'dim', `          | ${plain(e)}`));
  }
  if (f.fix) {
    out.push('        fix:');
    for (const line of plain(f.fix).split('\n')) out.push(`          ${line}`);
  }
  if (f.reproduce) {
    out.push('        reproduce:');
    for (const line of plain(f.reproduce).split('\n')) out.push(`          ${line}`);
  }
  out.push('');
}

export function renderText(analysis: Analysis, options: TextOptions): string {
  const { model, findings } = analysis;
  const c = options.color;
  const steps = new Map(model.steps.map((s) => [s.id, s] as const));
  const out: string[] = [];

  const failed = model.failedStep !== null ? steps.get(model.failedStep) : undefined;
  const top = findings[0];
  const kind = verdictKind({ model, findings });
  if (options.heading !== undefined) {
    out.push(paint(c, 'bold', plain(options.heading)));
  } else if (kind === 'failed' && failed) {
    const loc = top?.location ? ` (${top.location.file}:${top.location.line})` : '';
    const target = failed.target !== null ? ` in target ${failed.target}` : '';
    out.push(paint(c, 'bold', paint(c, 'red', `✖ Build failed${plain(target)} at ${plain(shortStepLabel(failed, 100))}${loc}`)));
    if (top) out.push(`  ${plain(top.title)}`);
  } else if (kind === 'failed') {
    out.push(paint(c, 'bold', paint(c, 'red', `✖ Build failed${top ? `: ${plain(top.title)}` : ''}`)));
  } else if (kind === 'unfinished') {
    const running = unfinishedStep(model);
    const what = running ? plain(shortStepLabel(running, 100)) : 'a step';
    out.push(paint(c, 'bold', paint(c, 'yellow', `⏹ Build did not finish: the log ends while ${what} was still running`)));
    if (top) out.push(`  ${plain(top.title)}`);
  } else if (kind === 'unrecognised') {
    out.push('No build output recognised.');
  } else if (kind === 'tool-output') {
    // A pasted tool log with findings: worth reading, but no verdict on a build that is not in it.
    out.push(paint(c, 'bold', `No build steps recognised; ${plural(findings.length, 'finding')} in the text.`));
  } else {
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    out.push(paint(c, 'bold', `✔ Build passed${warnings ? ` with ${plural(warnings, 'warning')}` : ''}`));
  }

  const facts = factsLine(analysis.facts, model);
  if (facts !== '' && options.heading === undefined) out.push(paint(c, 'dim', `  ${plain(facts)}`));
  if (findings.length > 0) out.push('');
  // A bake / compose log of several targets: each target's findings under its own heading.
  const groups = groupByTarget(findings, model) ?? [{ target: undefined, findings }];
  for (const group of groups) {
    if (group.target !== undefined) out.push(paint(c, 'bold', group.target === null ? 'other findings' : `target ${plain(group.target)}`), '');
    for (const f of group.findings) renderFinding(out, f, steps, c);
  }

  const timeline = buildTimeline(model, findings);
  const rows = barRows(timeline, 8, 24);
  if (rows.length > 0) {
    out.push(paint(c, 'bold', 'Where the time went'));
    for (const { step, bar, duration } of rows) {
      const color = step.status === 'error' ? 'red' : step.critical ? 'yellow' : 'blue';
      const label = plain(`#${step.id} ${step.stage === 'build' ? '' : `[${step.stage}] `}${step.label}`);
      out.push(`  ${duration.padStart(7)} ${paint(c, color, bar.padEnd(24))} ${label.length > 90 ? `${label.slice(0, 89)}…` : label}`);
    }
    for (const loss of timeline.losses.slice(0, 3)) out.push(paint(c, 'dim', `  ~${formatDuration(loss.seconds)} lost: ${plain(loss.detail)}`));
    const ratio = model.cacheHitRatio !== null ? `, cache hits ${Math.round(model.cacheHitRatio * 100)}%` : '';
    const critical = timeline.criticalPath.length > 0 ? `, critical path ${timeline.criticalPath.map((id) => `#${id}`).join(' → ')}` : '';
    out.push(paint(c, 'dim', `  ${model.steps.length} steps, ${formatDuration(timeline.total)}${ratio}${critical}`));
  }
  return out.join('\n') + '\n';
}
