// Fitting a report into a size limit without cutting through its structure: whole blocks are kept
// in order while they fit, the rest are counted in a closing note. A block is never cut in half, so
// no `<details>` or code fence is left open.

export interface FitResult {
  text: string;
  /** Optional blocks left out. */
  omitted: number;
}

export interface FitOptions {
  /** The limit, measured by `measure`. */
  limit: number;
  /** Size of a string: UTF-8 bytes for the job summary, UTF-16 code units for a comment. */
  measure: (text: string) => number;
  /** The note said when `n` optional blocks were left out. */
  note: (omitted: number) => string;
  separator?: string;
}

export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
export const characters = (text: string): number => text.length;

/**
 * `head` blocks always (cut as text only if they alone overflow), then as many `optional` blocks
 * as fit, then `tail` blocks, then the note when something was left out.
 */
export function fitBlocks(head: readonly string[], optional: readonly string[], tail: readonly string[], options: FitOptions): FitResult {
  const sep = options.separator ?? '\n\n';
  const join = (blocks: readonly string[]): string => blocks.filter((b) => b !== '').join(sep);
  const fixed = join([...head, ...tail]);
  const reserve = options.measure(options.note(optional.length)) + 2 * options.measure(sep);
  let used = options.measure(fixed);
  const kept: string[] = [];
  for (const block of optional) {
    const size = options.measure(block) + options.measure(sep);
    if (used + size + reserve > options.limit) break;
    kept.push(block);
    used += size;
  }
  const omitted = optional.length - kept.length;
  const blocks = [...head, ...kept, ...tail];
  if (omitted > 0) blocks.push(options.note(omitted));
  let text = join(blocks) + '\n';
  if (options.measure(text) > options.limit) text = cutBetweenBlocks(blocks.filter((b) => b !== ''), options);
  return { text, omitted };
}

export const CUT_NOTE = "… (cut to fit GitHub's size limit)";

/**
 * Last resort (the fixed blocks alone are too big; never expected in practice): whole blocks while
 * they fit, then the first that does not, cut at its last line where every code fence (a Mermaid
 * chart, a log excerpt) and every `<details>` opened in it is closed again, then the note. A cut
 * never lands inside a chart or a fold, so what is shown still renders.
 */
function cutBetweenBlocks(blocks: readonly string[], options: FitOptions): string {
  const sep = options.separator ?? '\n\n';
  const room = options.limit - options.measure(`${sep}${CUT_NOTE}\n`);
  let text = '';
  for (const block of blocks) {
    const next = text === '' ? block : `${text}${sep}${block}`;
    if (options.measure(next) <= room) {
      text = next;
      continue;
    }
    const prefix = text === '' ? '' : `${text}${sep}`;
    const part = balancedPrefix(block, (candidate) => options.measure(prefix + candidate) <= room);
    if (part !== '') text = prefix + part;
    break;
  }
  return `${text}${text === '' ? '' : sep}${CUT_NOTE}\n`;
}

/** An opening code fence (three or more backticks or tildes), its character and length. */
function fenceOf(line: string): { char: string; length: number } | null {
  const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
  return m?.[1] ? { char: m[1][0]!, length: m[1].length } : null;
}

/**
 * The longest run of whole lines of `block`, accepted by `fits`, after which no code fence and no
 * `<details>` is open: '' when there is none.
 */
export function balancedPrefix(block: string, fits: (text: string) => boolean): string {
  const lines = block.split('\n');
  let fence: { char: string; length: number } | null = null;
  let depth = 0;
  let best = '';
  let text = '';
  for (const line of lines) {
    text = text === '' ? line : `${text}\n${line}`;
    if (!fits(text)) break;
    const marker = fenceOf(line);
    if (fence === null && marker) fence = marker;
    else if (fence !== null && marker && marker.char === fence.char && marker.length >= fence.length && line.trim() === line.trim().slice(0, marker.length)) fence = null;
    else if (fence === null) depth = Math.max(0, depth + (line.match(/<details[\s>]/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length);
    if (fence === null && depth === 0) best = text;
  }
  return best;
}
