// Line stage: bytes → clean lines (see issue "Foundation"). STUB: to be replaced.
import type { Readable } from 'node:stream';
import type { LogLine } from '../model/types.js';

export interface LineOptions {
  /** Characters kept of one line; the rest is dropped and the line marked `truncated`. */
  maxLineLength?: number;
}

/** Reads `input` to its end, calling `onLine` for every clean line. Resolves with the count of lines. */
export async function readLogLines(
  input: Readable,
  onLine: (line: LogLine) => void,
  _options: LineOptions = {},
): Promise<number> {
  let n = 0;
  let rest = '';
  for await (const chunk of input) {
    const parts = (rest + String(chunk)).split('\n');
    rest = parts.pop() ?? '';
    for (const text of parts) onLine({ text, line: ++n });
  }
  if (rest) onLine({ text: rest, line: ++n });
  return n;
}
