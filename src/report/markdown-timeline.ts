// The "where the time went" section of the Markdown reports: the slowest steps as bars, the
// cache-hit ratio, the critical path, time lost, and a Mermaid gantt of the build.
import { markdownTable } from 'markdown-table';
import type { BuildModel, Finding } from '../model/types.js';
import { buildTimeline, type Timeline } from '../timeline/timeline.js';
import { barRows } from '../timeline/bars.js';
import { renderGantt } from '../timeline/mermaid.js';
import { codeBlock, codeSpan, escapeText } from '../security/markdown-escape.js';
import { formatSeconds, plural, shortStepLabel } from './markdown-words.js';

/** Where the section is shown: GitHub renders Mermaid in comments and summaries, not everywhere. */
export type TimelineSurface = 'summary' | 'comment' | 'markdown';

export interface TimelineOptions {
  surface: TimelineSurface;
  /** Rows of the slowest-steps table. */
  slowest?: number;
  /** The findings, for time lost to causes they name (pip backtracking). */
  findings?: readonly Finding[];
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
function timelineFacts(timeline: Timeline): string[] {
  const lines: string[] = [];
  if (timeline.criticalPath.length > 1) {
    lines.push(`Critical path: ${timeline.criticalPath.map((id) => codeSpan(`#${id}`)).join(' → ')}`);
  }
  for (const loss of timeline.losses.slice(0, 3)) {
    lines.push(`About ${formatSeconds(loss.seconds)} lost to ${escapeText(loss.detail)}`);
  }
  return lines;
}

/**
 * The timeline section's Markdown, '' when the build has no timed steps to show: a table of the
 * slowest steps with block-character bars (readable wherever Markdown is, even as plain text), then
 * a collapsed Mermaid gantt (GitHub renders Mermaid in PR comments, job summaries and Markdown files).
 */
export function renderTimelineMarkdown(model: BuildModel, options: TimelineOptions): string {
  const timeline = buildTimeline(model, options.findings ?? []);
  const rows = barRows(timeline, options.slowest ?? DEFAULT_SLOWEST, 16);
  if (rows.length === 0 && model.cacheHitRatio === null) return '';
  const byId = new Map(model.steps.map((s) => [s.id, s] as const));
  const out = ['#### Where the time went', ''];
  if (rows.length > 0) {
    // `#12` in prose would link issue 12: the step number goes in code.
    const table = rows.map(({ step, bar }) => {
      const s = byId.get(step.id);
      const label = s ? shortStepLabel(s, 80) : step.label;
      return [formatSeconds(step.seconds), bar, codeSpan(`#${step.id}`), codeSpan(label, { inTable: true }), `${step.status}${step.critical ? ' · critical' : ''}`];
    });
    out.push(markdownTable([['Time', '', 'Step', 'Instruction', 'Status'], ...table], { align: ['r', 'l', 'r', 'l', 'l'], alignDelimiters: false }), '');
  }
  out.push(cacheLine(model));
  const facts = timelineFacts(timeline);
  if (facts.length > 0) out.push('', ...facts.map((f) => `- ${f}`));
  if (rows.length > 1) {
    // The gantt's labels are already reduced to characters Mermaid gives no meaning to (mermaid.ts).
    const chart = codeBlock(renderGantt(timeline, { maxSteps: 12 }).split('\n'), 'mermaid');
    out.push('', '<details><summary>Timeline chart</summary>', '', chart, '', '</details>');
  }
  return out.join('\n');
}
