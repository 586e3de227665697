// The report for people at a terminal: the verdict first, then the findings, then the slowest steps.
import type { Analysis } from './analysis.js';
import type { Finding } from '../rules/finding.js';
import type { Step } from '../model/types.js';
import { commandFirst, HEADER_NOT_IN_LOG, numberedStepLabel, plural, shortStepLabel, stepNumberWord, stepReference } from './step-words.js';
import { buildTimeline, timeLostInAll } from '../timeline/timeline.js';
import { barRows } from '../timeline/bars.js';
import { formatDuration } from '../text/format-duration.js';
import { failedWords, stopOf, verdictKind } from './recognised.js';
import { groupByTarget } from './target-groups.js';
import { factsLine } from './facts-line.js';
import { stripInvisible } from '../security/invisible.js';
import { cutLine, DEFAULT_WIDTH, wrapMarkdown, wrapWords } from './wrap.js';
import { IMPLICIT_STEP_ID } from '../grammar/implicit-step.js';

export interface TextOptions {
  color: boolean;
  /** A first line in place of the verdict on a build, when there was none (`lint`). */
  heading?: string;
  /** Columns to fit: the terminal's width, 80 when the output is no terminal. */
  width?: number;
}

const CODES = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1 } as const;

function paint(on: boolean, code: keyof typeof CODES, text: string): string {
  return on ? `\u001b[${CODES[code]}m${text}\u001b[0m` : text;
}

/**
 * Log text is printed as data: control characters (ESC, BEL, …) would drive the terminal, and bidi
 * and zero-width characters would make it show something else (src/security/invisible.ts).
 */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return stripInvisible(text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ''));
}

/**
 * An evidence line as shown: as the log had it when it fits; when it must be cut, without its leading blanks and with
 * each long run of blanks shortened, so the cut keeps words (a paste that lost its line breaks pads each lost line
 * with blanks, and a line of 200 blanks first would show nothing but the `…`).
 */
function evidenceText(line: string, room: number): string {
  if ([...line].length <= room) return line;
  return line.trim().replace(/[ \t]{4,}/g, '   ');
}

/**
 * Where a finding is, as lines: its Dockerfile line (never cut: it is what a reader opens) and its
 * step, shortened to the room left, or on a line of its own when there is too little; or the
 * output outside any step.
 */
function whereLines(finding: Finding, steps: Map<number, Step>, width: number): string[] {
  const location = finding.location ? `${finding.location.file}:${finding.location.line}` : null;
  let step: string | null = null;
  if (finding.step === IMPLICIT_STEP_ID) step = 'in the output outside any build step';
  else {
    const s = finding.step !== null ? steps.get(finding.step) : undefined;
    if (s) step = numberedStepLabel(s, 100);
  }
  if (location === null) return step === null ? [] : [cutLine(`        ${finding.step === IMPLICIT_STEP_ID ? '' : 'at '}${plain(step)}`, width)];
  const head = `        at ${plain(location)}`;
  // A Dockerfile line found for output outside any step: the log lost the step's header, not its place.
  if (step === null || finding.step === IMPLICIT_STEP_ID) return [head];
  const room = width - [...head].length - 2;
  const label = finding.step === IMPLICIT_STEP_ID ? step : (() => {
    const s = steps.get(finding.step!)!;
    return numberedStepLabel(s, Math.min(100, room - String(s.id).length - 2));
  })();
  if (room >= 32) return [cutLine(`${head}  ${plain(label)}`, width)];
  return [head, cutLine(`           ${plain(step)}`, width)];
}

function renderFinding(out: string[], f: Finding, steps: Map<number, Step>, c: boolean, width: number): void {
  const color = f.severity === 'error' ? 'red' : f.severity === 'warning' ? 'yellow' : 'blue';
  const title = plain(f.title);
  // The rule id beside the title when both fit, else under it.
  if (8 + [...title].length + 2 + f.ruleId.length <= width) out.push(`${paint(c, color, f.severity.padEnd(7))} ${paint(c, 'bold', title)}  ${paint(c, 'dim', f.ruleId)}`);
  else out.push(`${paint(c, color, f.severity.padEnd(7))} ${paint(c, 'bold', cutLine(title, width - 8))}`, paint(c, 'dim', `        ${f.ruleId}`));
  out.push(...whereLines(f, steps, width));
  out.push(...wrapMarkdown(plain(f.message), width, '        '));
  if (f.retryable) out.push(paint(c, 'dim', '        a retry can help: the cause is passing (network, registry, runner)'));
  if (f.evidence.length > 0) {
    out.push(paint(c, 'dim', '        evidence:'));
    // Log lines as the log had them: cut, never wrapped (a wrapped line reads as two).
    for (const e of f.evidence.slice(0, 8)) out.push(paint(c, 'dim', cutLine(`          | ${evidenceText(plain(e), width - 12)}`, width)));
  }
  if (f.fix) {
    out.push('        fix:');
    out.push(...wrapMarkdown(plain(f.fix), width, '          '));
  }
  if (f.reproduce) {
    out.push('        reproduce:');
    // Commands: whole, never wrapped or cut, so that what is shown is what pastes (a cut command
    // would run something else); a comment line among them is prose, and wraps as a comment.
    for (const line of plain(f.reproduce).split('\n')) {
      if (line.startsWith('# ')) for (const part of wrapWords(line.slice(2), width - 12)) out.push(`          # ${part}`);
      else out.push(`          ${line}`);
    }
  }
  out.push('');
}

/**
 * The step in the timeline: `#12 [builder] RUN …`, unnumbered when the log numbers no step (the
 * classic builder's `Step 3/9` in front), or the output outside any step; `room` characters at most.
 */
function timelineLabel(step: { id: number; stage: string; label: string }, modelStep: Step | undefined, room: number): string {
  if (step.id === IMPLICIT_STEP_ID) return '(output outside any build step)';
  const number = modelStep === undefined ? `#${step.id}` : stepNumberWord(modelStep);
  if (step.label.trim() === '') return `${number ?? ''} ${HEADER_NOT_IN_LOG}`.trimStart();
  const head = `${number === null ? '' : `${number} `}${step.stage === 'build' ? '' : `[${step.stage}] `}`;
  return head + commandFirst(step.label, room - head.length);
}

export function renderText(analysis: Analysis, options: TextOptions): string {
  const { model, findings } = analysis;
  const c = options.color;
  const width = Math.max(40, options.width ?? DEFAULT_WIDTH);
  const steps = new Map(model.steps.map((s) => [s.id, s] as const));
  const out: string[] = [];

  // The output outside any build step (a paste of a failed command's last lines and the builder's error) is no step to name.
  const failed = model.failedStep !== null && model.failedStep !== IMPLICIT_STEP_ID ? steps.get(model.failedStep) : undefined;
  const top = findings[0];
  const kind = verdictKind({ model, findings });
  if (options.heading !== undefined) {
    out.push(paint(c, 'bold', plain(options.heading)));
  } else if (kind === 'failed' && failed) {
    const loc = top?.location ? ` (${top.location.file}:${top.location.line})` : '';
    const target = failed.target !== null ? ` in target ${failed.target}` : '';
    // One line when it can be (the Dockerfile line kept whole, the step shortened); it wraps when not.
    const label = plain(shortStepLabel(failed, Math.min(100, Math.max(32, width - 18 - [...target].length - loc.length))));
    for (const line of wrapWords(`✖ Build failed${plain(target)} at ${label}${loc}`, width)) out.push(paint(c, 'bold', paint(c, 'red', line)));
    if (top) out.push(`  ${plain(top.title)}`);
  } else if (kind === 'failed') {
    out.push(paint(c, 'bold', paint(c, 'red', `✖ ${failedWords(analysis)}${top ? `: ${plain(top.title)}` : ''}`)));
  } else if (kind === 'unfinished') {
    const stop = stopOf(model);
    // The step named whole enough to recognise; the line wraps after it if need be.
    // A step whose header is not in the log (an excerpt) has no label: its number names it.
    const what = stop.step ? plain(shortStepLabel(stop.step, Math.max(40, width - 30)) || `#${stop.step.id}`) : '';
    for (const line of wrapWords(`⏹ ${stop.text.replace('{step}', () => what)}`, width)) out.push(paint(c, 'bold', paint(c, 'yellow', line)));
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
  if (facts !== '' && options.heading === undefined) out.push(paint(c, 'dim', cutLine(`  ${plain(facts)}`, width)));
  if (findings.length > 0) out.push('');
  // A bake / compose log of several targets: each target's findings under its own heading.
  const groups = groupByTarget(findings, model) ?? [{ target: undefined, findings }];
  for (const group of groups) {
    if (group.target !== undefined) out.push(paint(c, 'bold', group.target === null ? 'other findings' : `target ${plain(group.target)}`), '');
    for (const f of group.findings) renderFinding(out, f, steps, c, width);
  }

  const timeline = buildTimeline(model, findings, analysis.dockerfiles);
  const ratio = model.cacheHitRatio !== null ? `, cache hits ${Math.round(model.cacheHitRatio * 100)}%` : '';
  if (!timeline.timed && model.steps.some((s) => !s.internal)) {
    // The classic builder and podman print no times: no bars at 0.0s, no "~0.0s lost".
    out.push(paint(c, 'bold', 'Where the time went'));
    for (const line of wrapWords(`The log carries no times (${model.format === 'plain-text' ? 'the text has' : 'this builder prints'} none, and its lines no CI timestamps): ${plural(model.steps.length, 'step')}${ratio}.`, width - 2)) {
      out.push(paint(c, 'dim', `  ${line}`));
    }
  }
  const barWidth = 24;
  const rows = barRows(timeline, 8, barWidth);
  if (rows.length > 0) {
    out.push(paint(c, 'bold', 'Where the time went'));
    for (const { step, lead, bar, duration } of rows) {
      const color = step.status === 'error' ? 'red' : step.critical ? 'yellow' : 'blue';
      const drawn = `${' '.repeat(lead)}${bar}`.padEnd(barWidth);
      out.push(`  ${duration.padStart(7)} ${paint(c, color, drawn)} ${cutLine(plain(timelineLabel(step, steps.get(step.id), width - barWidth - 11)), width - barWidth - 11)}`);
    }
    for (const loss of timeline.losses.slice(0, 3)) out.push(paint(c, 'dim', cutLine(`  ~${formatDuration(loss.seconds)} lost: ${plain(loss.detail)}`, width)));
    if (timeline.losses.length > 1) out.push(paint(c, 'dim', `  ~${formatDuration(timeLostInAll(timeline.losses))} lost in all to the causes named`));
    const critical = timeline.criticalPath.length > 0 ? `, critical path ${timeline.criticalPath.map((id) => (steps.has(id) ? stepReference(steps.get(id)!) : `#${id}`)).join(' → ')}` : '';
    const summary = `${plural(model.steps.length, 'step')}, ${formatDuration(timeline.total)}${ratio}${critical}`;
    for (const line of wrapWords(summary, width - 2)) out.push(paint(c, 'dim', `  ${line}`));
    if (rows.some((r) => r.lead > 0)) {
      for (const line of wrapWords("(bars on the build's clock: bars that overlap ran at the same time)", width - 2)) out.push(paint(c, 'dim', `  ${line}`));
    }
  }
  return out.join('\n') + '\n';
}
