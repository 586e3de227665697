// Small wordings shared by the Markdown reports (summary, comment, `--format markdown`).
import type { Finding, Severity } from '../model/types.js';
import { plural, shorten, shortStepLabel } from './step-words.js';

export { plural, shorten, shortStepLabel };

export const SEVERITY_MARK: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '?';
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const total = Math.round(seconds);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m < 60 ? `${m}m ${String(s).padStart(2, '0')}s` : `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/** `Dockerfile:14` for a located finding, null otherwise. */
export function locationLabel(finding: Finding): string | null {
  return finding.location ? `${finding.location.file}:${finding.location.line}` : null;
}

/** The first sentence (or line) of a Markdown text, bounded: what fits in a table cell. */
export function firstSentence(markdown: string, max = 160): string {
  // The first paragraph, up to the first code block or list: a table cell holds prose only.
  const lines: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.trim() === '' && lines.length > 0) break;
    if (/^ {0,3}(?:```|~~~|[-*+] |\d{1,9}\. )/.test(line)) break;
    if (line.trim() !== '') lines.push(line.trim());
  }
  let text = lines.join(' ');
  // "…, as follows:" announces the block that the cell cannot hold: end it as a sentence.
  if (text.endsWith(':')) text = `${text.slice(0, -1)}.`;
  const end = /[.!?](?:\s|$)/.exec(text);
  const sentence = end ? text.slice(0, end.index + 1) : text;
  if (sentence.length <= max) return sentence;
  return balanceBackticks(shorten(sentence, max));
}

/** A cut through a code span leaves an odd number of backticks: drop the half-open span. */
function balanceBackticks(text: string): string {
  const ticks = text.split('`').length - 1;
  if (ticks % 2 === 0) return text;
  const last = text.lastIndexOf('`');
  return `${text.slice(0, last).trimEnd()} …`;
}
