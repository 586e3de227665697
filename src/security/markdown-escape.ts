// Putting log-derived text into GitHub-flavoured Markdown (job summary, PR comment, `--format
// markdown`) so that it shows as the characters it is and does nothing else.
//
// A build log is written by whoever wrote the Dockerfile or a dependency's setup.py, so a line
// can hold `<script>`, `<img src=x onerror=…>`, `</details>` (closing our fold early), a closing
// code fence, `[x](javascript:…)`, `@org/team` (a notification to a whole team), `owner/repo#1`
// (a cross-reference event in someone else's issue), a table pipe, or an HTML comment that mimics
// our sticky-comment marker. Four tools, one per place text can go:
//
// - `escapeText`: plain text in a paragraph, a table cell, a heading or inside an HTML element
//   (`<summary>`). Every character that Markdown or HTML could read as syntax becomes a numeric
//   character reference: GitHub's renderer decodes those to the literal character and never
//   reads them as markup, in Markdown and in HTML blocks alike (backslash escapes work in Markdown
//   only). Newlines become spaces: one string, one line.
// - `codeSpan`: inline code; the backtick fence is longer than any run of backticks inside.
// - `codeBlock`: a fenced block; the fence is longer than any run of backticks in the lines, so no
//   line can close it, and every line is kept as is (code is never rendered as markup).
// - `sanitizeMarkdown`: Markdown written by a rule (a finding's message and fix), whose values
//   come from the log: code spans and fenced blocks are kept, raw HTML, non-web link targets,
//   mentions and cross-references outside code are neutralised, an unclosed fence is closed.
//
// Mentions and references are resolved by GitHub on the rendered text (after entities are
// decoded), so entities do not stop them: a zero-width joiner (U+200D) after `@` / before the
// number of `#1` breaks the pattern while the text still reads the same.

import { INVISIBLE_CLASS } from './invisible.js';

/** U+200D: invisible, breaks `@name` and `#123` auto-linking. */
export const ZWJ = '\u200d';

/**
 * Characters that could start Markdown or HTML syntax anywhere in a line. `&` first of all (so a
 * literal `&lt;` in the log stays `&lt;` on screen), the HTML delimiters, every Markdown
 * punctuation that opens emphasis, code, links, images, tables, headings, lists, block quotes,
 * setext underlines and strikethrough, and `:` so that no `javascript:`/`https:` autolink forms.
 */
const TEXT_SPECIALS = /[&<>"'`\\*_[\]()#|~!{}+=:-]/g;

/** C0/C1 control characters (not tab), DEL, and the bidi and zero-width set of invisible.ts. */
const INVISIBLE = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${INVISIBLE_CLASS}]`, 'g');

const NEWLINES = /\r\n|[\r\n\u2028\u2029]/g;

/** `@name`, `@org/team`: a word character right after `@` (GitHub usernames start with one). */
const MENTION = /@(?=[A-Za-z0-9])/g;

/** `#123`, `owner/repo#123`, `GH-123`: a `#` (not of a `&#60;` reference) or `GH-` directly before digits. */
const REFERENCE = /((?<!&)#|\bGH-)(?=[0-9])/gi;

function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Mentions and issue references made inert, the text reading the same. */
export function defuseMentions(text: string): string {
  return text.replace(MENTION, `@${ZWJ}`).replace(REFERENCE, `$1${ZWJ}`);
}

/** Plain text → one line of Markdown that renders as exactly that text (and notifies nobody). */
export function escapeText(text: string): string {
  const oneLine = removeInvisible(text).replace(NEWLINES, ' ');
  // Mentions first: the ZWJ goes between characters, then each special is an entity on its own.
  return defuseMentions(oneLine).replace(TEXT_SPECIALS, (c) => `&#${c.charCodeAt(0)};`);
}

/** The longest run of `ch` in `text` (linear scan, no regex). */
export function longestRun(text: string, ch: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/**
 * Inline code showing `text` literally. Newlines become spaces; in a table cell (`inTable`) the
 * pipes are backslash-escaped, which GFM's table splitter honours even inside code.
 */
export function codeSpan(text: string, options: { inTable?: boolean } = {}): string {
  let body = removeInvisible(text).replace(NEWLINES, ' ');
  if (options.inTable) body = body.replace(/\|/g, '\\|');
  if (body === '') return '';
  const fence = '`'.repeat(longestRun(body, '`') + 1);
  // A body that starts or ends with a backtick (or is all spaces) needs a space of padding,
  // which the renderer strips again.
  const pad = body.startsWith('`') || body.endsWith('`') || body.trim() === '' ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** The backtick fence for a block holding `text`: at least 3, longer than any run inside. */
export function fenceFor(text: string): string {
  return '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
}

/**
 * A fenced code block showing `lines` literally. `info` is the language (letters, digits, `+`,
 * `-` only; anything else is dropped so it cannot carry syntax).
 */
export function codeBlock(lines: readonly string[], info = ''): string {
  const body = lines.map((l) => removeInvisible(l).replace(NEWLINES, ' ')).join('\n');
  const fence = fenceFor(body);
  const lang = /^[A-Za-z0-9+-]{1,20}$/.test(info) ? info : '';
  return `${fence}${lang}\n${body}\n${fence}`;
}

/** Link targets a rule may point at; anything else (javascript:, data:, vbscript:, file:) is not linked. */
const SAFE_LINK_TARGET = /^(?:https?:\/\/|mailto:|#)/i;

/** `](` followed by spaces and a `<`-optional target: where a link or image destination starts. */
const LINK_OPEN = /\]\(\s*<?/g;

/** Neutralises what Markdown outside code could do beyond formatting text. */
function sanitizeProse(text: string, inTable: boolean): string {
  // Raw HTML (tags, comments, `</details>`) and `<javascript:…>` autolinks: `<` is shown, not parsed.
  // `&` of a character reference stays (the rule wrote it); a bare `&` is shown as itself.
  const plain = defuseMentions(text)
    .replace(/&(?![A-Za-z][A-Za-z0-9]{0,30};|#[0-9]{1,7};|#x[0-9A-Fa-f]{1,6};)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  // Links and images whose target is not a web page lose their link syntax: `](` → `]&#40;`.
  const linked = plain.replace(LINK_OPEN, (open: string, offset: number) => {
    const target = plain.slice(offset + open.length, offset + open.length + 12);
    return SAFE_LINK_TARGET.test(target) ? open : `]&#40;${open.slice(2)}`;
  });
  return inTable ? linked.replace(/\|/g, '&#124;') : linked;
}

/** `[x]: javascript:…` at the start of a line defines a link target for every `[x]` in the text. */
const LINK_DEFINITION = /^( {0,3})\[/;

/** The line opens or closes a fence: up to 3 spaces, then 3+ backticks or tildes. */
function fenceOf(line: string): { char: string; length: number; info: string } | null {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  const char = line[i];
  if (char !== '`' && char !== '~') return null;
  let j = i;
  while (line[j] === char) j++;
  if (j - i < 3) return null;
  return { char, length: j - i, info: line.slice(j) };
}

/**
 * Splits a prose line into its code spans (kept as written: nothing inside code is rendered, so
 * nothing there can act) and the text between them (sanitised). Code spans close on a backtick
 * run of the same length; an unmatched run is literal text.
 */
function sanitizeLine(line: string, inTable = false): string {
  let out = '';
  let i = 0;
  let text = '';
  while (i < line.length) {
    if (line[i] !== '`') {
      text += line[i];
      i++;
      continue;
    }
    let j = i;
    while (line[j] === '`') j++;
    const run = line.slice(i, j);
    const close = findRun(line, run.length, j);
    if (close < 0) {
      // A lone run of backticks is literal text: show it as such.
      text += run.replace(/`/g, '&#96;');
      i = j;
      continue;
    }
    const code = line.slice(i, close + run.length);
    // In a table a pipe splits the cell even inside code, unless it is backslash-escaped.
    out += sanitizeProse(text, inTable) + (inTable ? code.replace(/\|/g, '\\|') : code);
    text = '';
    i = close + run.length;
  }
  return out + sanitizeProse(text, inTable);
}

/** Index of the next run of exactly `length` backticks at or after `from`, or -1. */
function findRun(line: string, length: number, from: number): number {
  let i = from;
  while (i < line.length) {
    if (line[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (line[j] === '`') j++;
    if (j - i === length) return i;
    i = j;
  }
  return -1;
}

/**
 * Markdown written by a rule, with values from the log in it (a finding's message or fix): made
 * safe to embed. Fenced blocks and code spans are kept verbatim; everywhere else raw HTML is
 * shown as text, only web/mailto links stay links, mentions and references are inert; a fence
 * left open is closed so it cannot swallow what follows it.
 */
export function sanitizeMarkdown(markdown: string): string {
  const lines = removeInvisible(markdown).split(NEWLINES);
  const out: string[] = [];
  let open: { char: string; length: number } | null = null;
  for (const line of lines) {
    const fence = fenceOf(line);
    if (open) {
      out.push(line);
      if (fence && fence.char === open.char && fence.length >= open.length && fence.info.trim() === '') open = null;
      continue;
    }
    if (fence && !(fence.char === '`' && fence.info.includes('`'))) {
      open = { char: fence.char, length: fence.length };
      out.push(line);
      continue;
    }
    out.push(sanitizeLine(line.replace(LINK_DEFINITION, '$1&#91;')));
  }
  if (open) out.push(open.char.repeat(open.length));
  return out.join('\n');
}

/** One line of sanitised Markdown for a table cell: newlines become spaces, pipes are escaped. */
export function sanitizeInline(markdown: string): string {
  return sanitizeLine(removeInvisible(markdown).replace(NEWLINES, ' ').replace(LINK_DEFINITION, '$1&#91;'), true);
}
