// Fitting the terminal report to the terminal: prose (a finding's message, its fix) is reflowed to
// the width; what must stay as it is (evidence lines, commands, code blocks) is cut with `…`
// instead, since a command wrapped onto two lines no longer pastes into a shell and a log line
// wrapped looks like two lines of the log.

/** The width of a report written to something that is not a terminal. */
export const DEFAULT_WIDTH = 80;
/** Narrower than this and every line would be a word or two: wrap at this width anyway. */
const MIN_WIDTH = 40;

/** Characters as a terminal counts them, near enough: code points (not UTF-16 units). */
function length(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** `text` cut to `width` columns, `…` marking the cut. */
export function cutLine(text: string, width: number): string {
  if (length(text) <= width) return text;
  return `${[...text].slice(0, Math.max(1, width - 1)).join('').trimEnd()}…`;
}

/** Words of `text` in lines of at most `width` columns; a word longer than a line (a URL) stays whole. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === '') line = word;
    else if (length(line) + 1 + length(word) <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

const FENCE = /^ {0,3}(?:```|~~~)/;
const ITEM = /^( {0,3}(?:[-*+]|\d{1,9}[.)]) )(.*)$/;

/**
 * A Markdown text (a finding's message or fix) as terminal lines of at most `width` columns, each
 * starting with `indent`: paragraphs reflowed, list items with a hanging indent, blank lines kept.
 * Code blocks are kept line for line and whole, however long: a command is advice only if what is
 * printed is what runs when pasted (the terminal folds a long line; copying it gives it back whole).
 */
export function wrapMarkdown(text: string, width: number, indent: string): string[] {
  const room = Math.max(MIN_WIDTH, width) - indent.length;
  const out: string[] = [];
  let paragraph: string[] = [];
  let item: { marker: string; words: string[] } | null = null;
  const flush = (): void => {
    if (paragraph.length > 0) for (const l of wrapWords(paragraph.join(' '), room)) out.push(indent + l);
    if (item !== null) {
      const hang = ' '.repeat(item.marker.length);
      wrapWords(item.words.join(' '), room - item.marker.length).forEach((l, i) => out.push(indent + (i === 0 ? item!.marker : hang) + l));
    }
    paragraph = [];
    item = null;
  };
  let inCode = false;
  for (const line of text.split('\n')) {
    if (FENCE.test(line)) {
      flush();
      inCode = !inCode;
      out.push(indent + cutLine(line.trim(), room));
      continue;
    }
    if (inCode) {
      out.push(indent + line);
      continue;
    }
    if (line.trim() === '') {
      flush();
      out.push(indent.trimEnd());
      continue;
    }
    const m = ITEM.exec(line);
    if (m) {
      flush();
      item = { marker: m[1]!.trimStart(), words: [m[2]!] };
    } else if (item !== null && /^\s/.test(line)) {
      item.words.push(line.trim());
    } else {
      if (item !== null) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  // A blank line at the end says nothing.
  while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
  return out;
}
