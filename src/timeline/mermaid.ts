// The timeline as a Mermaid gantt chart (rendered by GitHub in PR comments, Markdown files and
// job summaries). Labels are log-derived text: every character that could end a statement, open
// a comment or directive, or close the code fence around the chart is written as an entity code.
import type { Timeline, TimelineStep } from './timeline.js';
import { formatDuration } from '../text/format-duration.js';
import { IMPLICIT_STEP_ID } from '../grammar/implicit-step.js';

export interface GanttOptions {
  /** Steps drawn individually, slowest first; the rest fold into one "other steps" bar per stage. */
  maxSteps?: number;
  /** Characters kept of a label. */
  maxLabel?: number;
}

/**
 * Characters Mermaid's gantt syntax gives meaning to, written as the entity codes Mermaid documents
 * ("Entity codes to escape characters": `#quot;`, `#35;`): `:` starts a task's metadata, `;` and
 * newlines end a statement, `%%` opens a comment or directive, `#` an entity code; quotes, braces,
 * angle brackets and backticks (our code fence) are written as codes too. Mermaid turns the codes
 * into placeholders before it parses, so the label reads `apt-get update && apt-get install "x"`
 * and nothing in it is syntax.
 */
const ENTITY: Record<string, string> = {
  '#': '#35;',
  ';': '#59;',
  ':': '#58;',
  '%': '#37;',
  '&': '#amp;',
  '"': '#quot;',
  '`': '#96;',
  '<': '#lt;',
  '>': '#gt;',
  '{': '#123;',
  '}': '#125;',
};

export function mermaidLabel(text: string, max = 60): string {
  // eslint-disable-next-line no-control-regex -- control characters become spaces
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim();
  // Cut before escaping, so that no entity code is cut in half.
  const cut = [...flat].length > max ? `${[...flat].slice(0, max - 1).join('').trimEnd()}…` : flat;
  const escaped = cut.replace(/[#;:%&"`<>{}]/g, (c) => ENTITY[c]!);
  return /[\p{L}\p{N}]/u.test(cut) ? escaped : 'step';
}

/** Seconds as the `HH:mm:ss` the chart's dateFormat reads (no time zone involved). */
function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hh = Math.min(99, Math.floor(s / 3600));
  return `${String(hh).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

function taskLine(label: string, tags: string[], id: string, start: number, seconds: number): string {
  const meta = [...tags, id, clock(start), `${Math.max(1, Math.round(seconds))}s`].join(', ');
  return `    ${label} :${meta}`;
}

export function renderGantt(timeline: Timeline, options: GanttOptions = {}): string {
  const maxSteps = options.maxSteps ?? 15;
  const maxLabel = options.maxLabel ?? 50;
  const drawable = timeline.steps.filter((s) => !s.cached && s.seconds > 0);
  const shown = new Set(
    [...drawable]
      .sort((a, b) => Number(b.critical) - Number(a.critical) || b.seconds - a.seconds)
      .slice(0, maxSteps)
      .map((s) => s.id),
  );

  const stages = new Map<string, TimelineStep[]>();
  for (const s of drawable) stages.set(s.stage, [...(stages.get(s.stage) ?? []), s]);

  const lines = ['gantt', '    dateFormat HH:mm:ss', '    axisFormat %H:%M:%S', `    title Build timeline ${formatDuration(timeline.total)}`];
  let n = 0;
  for (const [stage, steps] of stages) {
    lines.push(`    section ${mermaidLabel(stage, 30)}`);
    const folded = steps.filter((s) => !shown.has(s.id));
    for (const s of steps.filter((x) => shown.has(x.id)).sort((a, b) => a.start - b.start)) {
      const tags = [s.status === 'error' ? 'crit' : s.critical ? 'active' : ''].filter(Boolean);
      const label = mermaidLabel(`${s.id === IMPLICIT_STEP_ID ? '' : `${s.id} `}${s.label} ${formatDuration(s.seconds)}`, maxLabel);
      lines.push(taskLine(label, tags, `t${++n}`, s.start, s.seconds));
    }
    if (folded.length > 0) {
      const start = Math.min(...folded.map((s) => s.start));
      const seconds = folded.reduce((sum, s) => sum + s.seconds, 0);
      lines.push(taskLine(mermaidLabel(`${folded.length} other steps ${formatDuration(seconds)}`), ['done'], `t${++n}`, start, seconds));
    }
  }
  return lines.join('\n');
}
