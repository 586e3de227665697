// Line stage: bytes → clean lines. The splitter bounds memory per line; the cleaner removes line
// ends, redraws, ANSI codes and CI prefixes, a viewer's line-number gutter (line-gutter.ts), and the indent a wrapper put before a build's block (pasted-indent.ts). `line` stays the raw line number, so evidence and
// annotations can point back into the original log.
import type { Readable } from 'node:stream';
import type { LogLine } from './types.js';
import { ciTimestampOf, cleanLine, composeOfLastClean } from './clean-line.js';
import { DEFAULT_MAX_LINE_BYTES, LineSplitter, type RawLine } from './line-splitter.js';
import { LineGutter } from './line-gutter.js';
import { PastedIndent } from './pasted-indent.js';

export interface LineOptions {
  /**
   * Bytes kept of one line (UTF-8, cut on a character boundary; default 64 KiB); the rest is
   * dropped and the line marked `truncated`. Counted in bytes so that the cap holds before any
   * decoding.
   */
  maxLineLength?: number;
}

/** A raw line, and the docker compose prefix its cleaning took off. */
interface Cleaned {
  raw: RawLine;
  compose: { printed: string; service: string } | undefined;
}

/** A push-based line stage. A line that may open a viewer's numbered gutter (line-gutter.ts) is held until the next line. */
export interface LineReader {
  push(chunk: Buffer): void;
  /** Ends the input: the last line, and a line still held, are given. */
  end(): void;
  /** Lines read so far. */
  readonly lines: number;
}

/** A push-based line stage, for callers that receive chunks (the `run` wrapper). */
export function createLineReader(onLine: (line: LogLine) => void, options: LineOptions = {}): LineReader {
  const max = options.maxLineLength !== undefined && options.maxLineLength > 0 ? Math.floor(options.maxLineLength) : DEFAULT_MAX_LINE_BYTES;
  const indent = new PastedIndent();
  const gutter = new LineGutter<Cleaned>((clean, { raw, compose }, unguttered) => {
    let composed = compose;
    let text = clean;
    if (unguttered) {
      text = cleanLine(clean);
      composed ??= composeOfLastClean();
    }
    text = indent.strip(text);
    const line: LogLine = raw.truncated ? { text, line: raw.line, truncated: true } : { text, line: raw.line };
    const at = ciTimestampOf(raw.text);
    if (at !== undefined) line.at = at;
    if (composed !== undefined) line.compose = composed;
    onLine(line);
  });
  // The compose prefix is read as the line is cleaned (the gutter may hold the line for two more).
  const splitter = new LineSplitter((raw) => {
    const clean = cleanLine(raw.text);
    gutter.push(clean, { raw, compose: composeOfLastClean() });
  }, max);
  return {
    push: (chunk) => splitter.push(chunk),
    end: () => {
      splitter.end();
      gutter.end();
    },
    get lines() {
      return splitter.lines;
    },
  };
}

/** Reads `input` to its end, calling `onLine` for every clean line. Resolves with the count of lines. */
export async function readLogLines(
  input: Readable | AsyncIterable<Buffer>,
  onLine: (line: LogLine) => void,
  options: LineOptions = {},
): Promise<number> {
  const splitter = createLineReader(onLine, options);
  for await (const chunk of input) {
    splitter.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  }
  splitter.end();
  return splitter.lines;
}
