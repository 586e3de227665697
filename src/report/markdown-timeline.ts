// The "where the time went" section of the Markdown reports: the slowest steps and the cache-hit
// ratio. Its own module so that a richer picture (a Mermaid gantt in the PR comment) can replace
// or extend it without touching the rest of the report.
import { markdownTable } from 'markdown-table';
import type { BuildModel, Step } from '../model/types.js';
import { codeSpan } from '../security/markdown-escape.js';
import { formatSeconds, plural, shortStepLabel } from './markdown-words.js';

/** Where the section is shown: GitHub renders Mermaid in comments and summaries, not everywhere. */
export type TimelineSurface = 'summary' | 'comment' | 'markdown';

export interface TimelineOptions {
  surface: TimelineSurface;
  /** Rows of the slowest-steps table. */
  slowest?: number;
}

const DEFAULT_SLOWEST = 5;

function slowestSteps(model: BuildModel, count: number): Step[] {
  return model.steps
    .filter((s) => !s.internal && !s.cached && s.seconds !== null)
    .sort((a, b) => (b.seconds ?? 0) - (a.seconds ?? 0))
    .slice(0, count);
}

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

/** The timeline section's Markdown, '' when the build has no timed steps to show. */
export function renderTimelineMarkdown(model: BuildModel, options: TimelineOptions): string {
  const slow = slowestSteps(model, options.slowest ?? DEFAULT_SLOWEST);
  if (slow.length === 0 && model.cacheHitRatio === null) return '';
  const out = ['#### Where the time went', ''];
  if (slow.length > 0) {
    // `#12` in prose would link issue 12: the step number goes in code.
    const rows = slow.map((s) => [formatSeconds(s.seconds), codeSpan(`#${s.id}`), codeSpan(shortStepLabel(s, 80), { inTable: true }), s.status]);
    out.push(markdownTable([['Time', 'Step', 'Instruction', 'Status'], ...rows], { align: ['r', 'r', 'l', 'l'], alignDelimiters: false }), '');
  }
  out.push(cacheLine(model));
  return out.join('\n');
}
