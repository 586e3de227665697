// The timeline as bars of block characters: for surfaces that do not render Mermaid (a terminal,
// a plain-text reader of the summary), slowest step first. Each bar sits on the build's clock, so
// steps that ran at the same time have bars that overlap: a list of durations alone reads as if
// the steps ran one after another.
import type { Timeline, TimelineStep } from './timeline.js';
import { formatDuration } from '../text/format-duration.js';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `width` cells for `max`, in eighths of a cell, for `value`; `room` cells at most. */
export function bar(value: number, max: number, width: number, room = width): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.min(room * 8, Math.max(1, Math.round((value / max) * width * 8)));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

export interface BarRow {
  step: TimelineStep;
  /** Whole cells before the bar: when the step started, on the same scale. */
  lead: number;
  bar: string;
  duration: string;
}

/** The slowest executed steps, slowest first, each with its bar placed where it ran and its duration. */
export function barRows(timeline: Timeline, limit = 10, width = 30): BarRow[] {
  const steps = timeline.steps.filter((s) => !s.cached && s.seconds > 0).sort((a, b) => b.seconds - a.seconds).slice(0, limit);
  const span = timeline.steps.reduce((m, s) => Math.max(m, s.end), 0);
  return steps.map((step) => {
    const lead = span > 0 ? Math.min(width - 1, Math.floor((step.start / span) * width)) : 0;
    return { step, lead, bar: bar(step.seconds, span, width, width - lead), duration: formatDuration(step.seconds) };
  });
}
