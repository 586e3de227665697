// The timeline as bars of block characters: for surfaces that do not render Mermaid (a terminal,
// a plain-text reader of the summary), widest step first.
import type { Timeline, TimelineStep } from './timeline.js';
import { formatDuration } from './format-duration.js';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `width` cells at most, in eighths of a cell, for `value` out of `max`. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

export interface BarRow {
  step: TimelineStep;
  bar: string;
  duration: string;
}

/** The slowest executed steps, widest first, each with its bar and duration. */
export function barRows(timeline: Timeline, limit = 10, width = 30): BarRow[] {
  const steps = timeline.steps.filter((s) => !s.cached && s.seconds > 0).sort((a, b) => b.seconds - a.seconds).slice(0, limit);
  const max = steps[0]?.seconds ?? 0;
  return steps.map((step) => ({ step, bar: bar(step.seconds, max, width), duration: formatDuration(step.seconds) }));
}
