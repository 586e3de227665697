// Small wordings shared by the Markdown reports (summary, comment, `--format markdown`).
import { formatSpan } from '../text/format-duration.js';
import type { Finding, Severity } from '../rules/finding.js';
import { HEADER_NOT_IN_LOG, numberedStepLabel, plural, shorten, shortStepLabel } from './step-words.js';

export { HEADER_NOT_IN_LOG, numberedStepLabel, plural, shorten, shortStepLabel };

export const SEVERITY_MARK: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

/**
 * A short table cell that must not break across lines ("1m 47s", "⚠️ warning"): GitHub gives a
 * table's text columns the room and squeezes the short ones, which then wrap at their spaces (and
 * hyphens: "tool-output"). Non-breaking spaces and hyphens keep them whole.
 */
export function nowrap(text: string): string {
  return text.replace(/ /g, '\u00a0').replace(/-/g, '\u2011');
}

export function formatSeconds(seconds: number | null): string {
  return seconds === null ? '?' : formatSpan(seconds);
}

/** `Dockerfile:14` for a located finding, null otherwise. */
export function locationLabel(finding: Finding): string | null {
  return finding.location ? `${finding.location.file}:${finding.location.line}` : null;
}

/** The first sentence (or line) of a Markdown text, bounded: what fits in a table cell. */
export function firstSentence(markdown: string, max = 160): string {
  // The first paragraph, up to the first code block or list: a table cell holds prose only.
  const all = markdown.split('\n');
  const lines: string[] = [];
  let next = all.length;
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    if (line.trim() === '' && lines.length > 0) {
      next = i + 1;
      break;
    }
    if (BLOCK_START.test(line)) {
      next = i;
      break;
    }
    if (line.trim() !== '') lines.push(line.trim());
  }
  let text = lines.join(' ');
  if (text.endsWith(':')) {
    // "…, as follows:" announces a block the cell cannot hold: bring its first line in, short.
    const first = firstOfBlock(all, next);
    text = first === null ? `${text.slice(0, -1)}.` : `${text} ${first}`;
      if (text.length <= max) return text;
    return firstClause(text, max) ?? balanceBackticks(shorten(text, max));
  }
  const end = /[.!?](?:\s|$)/.exec(text);
  const sentence = end ? text.slice(0, end.index + 1) : text;
  if (sentence.length <= max) return sentence;
  return firstClause(sentence, max) ?? balanceBackticks(shorten(sentence, max));
}

/** Where one step of a fix ends and the next (or an alternative) begins. */
const CLAUSE_END = /(?:; | — |, (?:or|and|but|then|so)\b)/g;

/**
 * A sentence too long for a cell, cut where a clause ends: "remove sm_35 from the arch list (the
 * oldest this toolkit builds is sm_50) …", the first step of the fix, not "… if that GPU must be …".
 * Only at a point outside parentheses, brackets and code spans; null when there is none.
 */
function firstClause(sentence: string, max: number): string | null {
  return cutAt(sentence, max, CLAUSE_END) ?? cutAt(sentence, max, /, /g);
}

/** The text before the last match of `boundary` that fits, outside brackets and code spans. */
function cutAt(sentence: string, max: number, boundary: RegExp): string | null {
  let best: number | null = null;
  for (const m of sentence.matchAll(boundary)) {
    if (m.index > max - 2) break;
    const head = sentence.slice(0, m.index);
    const count = (c: string): number => head.split(c).length - 1;
    if (count('(') !== count(')') || count('[') !== count(']') || count('`') % 2 !== 0) continue;
    // A lead-in alone ("Fix the arch list") says nothing: the clause must hold a step.
    if (head.length >= max / 3) best = m.index;
  }
  return best === null ? null : `${sentence.slice(0, best).trimEnd()} …`;
}

const BLOCK_START = /^ {0,3}(?:```|~~~|[-*+] |\d{1,9}\. )/;

/**
 * The first line of the block that starts at or after `from`: a code block's first line as a code
 * span (with ` …` when more follows), a list's first item as text; null when neither fits a cell.
 */
function firstOfBlock(lines: readonly string[], from: number): string | null {
  let i = from;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const opening = lines[i];
  if (opening === undefined) return null;
  if (/^ {0,3}(?:```|~~~)/.test(opening)) {
    const body: string[] = [];
    for (let j = i + 1; j < lines.length && !/^ {0,3}(?:```|~~~)/.test(lines[j]!); j++) if (lines[j]!.trim() !== '') body.push(lines[j]!.trim());
    const code = body[0];
    if (code === undefined || code.includes('`') || code.length > 100) return null;
    return `\`${code}\`${body.length > 1 ? ' …' : ''}`;
  }
  const item = /^ {0,3}(?:[-*+]|\d{1,9}\.) (.+)$/.exec(opening)?.[1];
  return item === undefined ? null : item.trim();
}

/** A cut through a code span leaves an odd number of backticks: drop the half-open span. */
function balanceBackticks(text: string): string {
  const ticks = text.split('`').length - 1;
  if (ticks % 2 === 0) return text;
  const last = text.lastIndexOf('`');
  return `${text.slice(0, last).trimEnd()} …`;
}
