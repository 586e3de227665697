// The "where the time went" section of the Markdown reports: the slowest steps as bars, the
// cache-hit ratio, the critical path, time lost, and a Mermaid gantt of the build.
import { markdownTable } from 'markdown-table';
import type { BuildModel, Step } from '../model/types.js';
import type { Finding } from '../rules/finding.js';
import { buildTimeline, timeLostInAll, type StageSources, type Timeline } from '../timeline/timeline.js';
import { IMPLICIT_STEP_ID } from '../grammar/implicit-step.js';
import { barRows } from '../timeline/bars.js';
import { renderGantt } from '../timeline/mermaid.js';
import { codeBlock, codeSpan, escapeText } from '../security/markdown-escape.js';
import { formatSeconds, HEADER_NOT_IN_LOG, nowrap, plural, shortStepLabel } from './markdown-words.js';
import { stepReference } from './step-words.js';

/** Where the section is shown: GitHub renders Mermaid in comments and summaries, not everywhere. */
export type TimelineSurface = 'summary' | 'comment' | 'markdown';

export interface TimelineOptions {
  surface: TimelineSurface;
  /** Rows of the slowest-steps table. */
  slowest?: number;
  /** The findings, for time lost to causes they name (pip backtracking, a reinstall, a toolkit copied whole). */
  findings?: readonly Finding[];
  /** The Dockerfiles, for the stage graph (which stage waited for which). */
  dockerfiles?: StageSources;
}

const DEFAULT_SLOWEST = 5;

function cacheLine(model: BuildModel): string {
  const dockerfileSteps = model.steps.filter((s) => !s.internal && s.status !== 'running');
  const cached = dockerfileSteps.filter((s) => s.cached).length;
  const parts = [plural(model.steps.length, 'step')];
  if (model.seconds !== null) parts.push(`${formatSeconds(model.seconds)} in all`);
  if (model.cacheHitRatio !== null) {
    parts.push(`cache hits ${Math.round(model.cacheHitRatio * 100)}% (${cached} of ${dockerfileSteps.length} Dockerfile steps)`);
  }
  return parts.join(' · ');
}

/** Critical path and time lost, one line each, for people who skip the chart. */
function timelineFacts(timeline: Timeline, byId: ReadonlyMap<number, Step>): string[] {
  const lines: string[] = [];
  if (timeline.criticalPath.length > 1) {
    lines.push(`Critical path: ${timeline.criticalPath.map((id) => codeSpan(byId.has(id) ? stepReference(byId.get(id)!) : `#${id}`)).join(' → ')}`);
  }
  for (const loss of timeline.losses.slice(0, 3)) {
    lines.push(`About ${formatSeconds(loss.seconds)} lost to ${escapeText(loss.detail)}`);
  }
  if (timeline.losses.length > 1) lines.push(`About ${formatSeconds(timeLostInAll(timeline.losses))} lost in all to the causes named`);
  return lines;
}

/**
 * The timeline section's Markdown, '' when the build has no timed steps to show: a table of the
 * slowest steps with block-character bars (readable wherever Markdown is, even as plain text), then
 * a collapsed Mermaid gantt (GitHub renders Mermaid in PR comments, job summaries and Markdown files).
 */
export function renderTimelineMarkdown(model: BuildModel, options: TimelineOptions): string {
  const timeline = buildTimeline(model, options.findings ?? [], options.dockerfiles);
  if (!timeline.timed) {
    // The classic builder and podman print no times: bars at "0.0s" and "~0.0s lost" would be made up.
    if (!model.steps.some((s) => !s.internal)) return '';
    return ['#### Where the time went', '', `The log carries no times: the builder prints none, and its lines carry no CI timestamps. ${cacheLine(model)}`].join('\n');
  }
  const width = 16;
  const rows = barRows(timeline, options.slowest ?? DEFAULT_SLOWEST, width);
  if (rows.length === 0 && model.cacheHitRatio === null) return '';
  const byId = new Map(model.steps.map((s) => [s.id, s] as const));
  const out = ['#### Where the time went', ''];
  if (rows.length > 0) {
    // `#12` in prose would link issue 12: the step number goes in code. Bars sit on the build's
    // clock (░ before the step started), so steps that ran at the same time overlap.
    const table = rows.map(({ step, lead, bar }) => {
      const s = byId.get(step.id);
      const label = step.id === IMPLICIT_STEP_ID ? '(output outside any build step)' : (s ? shortStepLabel(s, 80) : step.label) || HEADER_NOT_IN_LOG;
      return [
        nowrap(formatSeconds(step.seconds)),
        `${'░'.repeat(lead)}${bar}`,
        step.id === IMPLICIT_STEP_ID || s === undefined ? '—' : codeSpan(stepReference(s)),
        codeSpan(label, { inTable: true }),
        nowrap(`${step.status}${step.critical ? ' · critical' : ''}`),
      ];
    });
    out.push(markdownTable([['Time', '', 'Step', 'Instruction', 'Status'], ...table], { align: ['r', 'l', 'r', 'l', 'l'], alignDelimiters: false }), '');
    if (rows.some((r) => r.lead > 0)) out.push('Bars on the build\'s clock, ░ before the step started: bars that overlap ran at the same time.', '');
  }
  out.push(cacheLine(model));
  const facts = timelineFacts(timeline, new Map(model.steps.map((s) => [s.id, s] as const)));
  if (facts.length > 0) out.push('', ...facts.map((f) => `- ${f}`));
  if (rows.length > 1) {
    // The gantt's labels are escaped the way Mermaid documents (mermaid.ts).
    const chart = codeBlock(renderGantt(timeline, { maxSteps: 12 }).split('\n'), 'mermaid');
    out.push('', '<details><summary>Timeline chart</summary>', '', chart, '', '</details>');
  }
  return out.join('\n');
}
