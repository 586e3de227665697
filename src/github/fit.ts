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
  if (options.measure(text) > options.limit) text = cutText(text, options);
  return { text, omitted };
}

/** Last resort (the fixed blocks alone are too big): cut at a line, say so. Never expected in practice. */
function cutText(text: string, options: FitOptions): string {
  const note = '\n\n… (cut to fit GitHub\'s size limit)\n';
  let end = Math.max(0, options.limit - options.measure(note));
  let cut = text.slice(0, end);
  while (cut.length > 0 && options.measure(cut) > end) {
    end = Math.floor(end * 0.9);
    cut = cut.slice(0, end);
  }
  const lastLine = cut.lastIndexOf('\n');
  return (lastLine > 0 ? cut.slice(0, lastLine) : cut) + note;
}
