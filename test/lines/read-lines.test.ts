import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { readLogLines } from '../../src/lines/read-lines.js';
import { LineSplitter, type RawLine } from '../../src/lines/line-splitter.js';
import type { LogLine } from '../../src/lines/types.js';

async function read(chunks: (string | Buffer)[], maxLineLength?: number): Promise<LogLine[]> {
  const lines: LogLine[] = [];
  const count = await readLogLines(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), (l) => lines.push(l), { maxLineLength });
  expect(count).toBe(lines.length);
  return lines;
}

describe('readLogLines', () => {
  test('splits on LF and CRLF, numbers raw lines, keeps a last line without a newline', async () => {
    const lines = await read(['#1 [internal] load\r\n#1 DONE 0.0s\n\n#2 CACHED']);
    expect(lines).toEqual([
      { text: '#1 [internal] load', line: 1 },
      { text: '#1 DONE 0.0s', line: 2 },
      { text: '', line: 3 },
      { text: '#2 CACHED', line: 4 },
    ]);
  });

  test('joins a line split across chunks, even inside a UTF-8 character and between CR and LF', async () => {
    const bytes = Buffer.from('#5 0.1 naïve → ok\r\n#5 DONE 0.2s\n');
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    const lines = await read(chunks);
    expect(lines.map((l) => l.text)).toEqual(['#5 0.1 naïve → ok', '#5 DONE 0.2s']);
  });

  test('an empty input has no lines; a final newline adds none', async () => {
    expect(await read([])).toEqual([]);
    expect(await read(['a\n'])).toEqual([{ text: 'a', line: 1 }]);
  });

  test('invalid UTF-8 becomes replacement characters', async () => {
    const lines = await read([Buffer.from([0x23, 0x31, 0x20, 0xff, 0xfe, 0x41, 0x0a, 0xc3, 0x0a])]);
    expect(lines.map((l) => l.text)).toEqual(['#1 \ufffd\ufffdA', '\ufffd']);
  });

  test('a line over the cap keeps its start, is marked, and the next line is intact', async () => {
    const lines = await read(['x'.repeat(100) + '\nnext\n'], 10);
    expect(lines).toEqual([
      { text: 'x'.repeat(10), line: 1, truncated: true },
      { text: 'next', line: 2 },
    ]);
  });

  test('the cap never cuts a UTF-8 character in two', async () => {
    const lines = await read(['ab€€€\n'], 4);
    expect(lines[0]).toEqual({ text: 'ab', line: 1, truncated: true });
  });

  test('a long progress line redrawn with CR keeps its last state, uncut', async () => {
    const redraws = Array.from({ length: 2000 }, (_, i) => `Downloading ${i}/1999`).join('\r');
    const lines = await read([redraws + '\r\n'], 64);
    expect(lines).toEqual([{ text: 'Downloading 1999/1999', line: 1 }]);
  });

  test('a 50 MB line with no newline is read in bounded memory', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < 50; i++) {
          peak = Math.max(peak, process.memoryUsage().heapUsed - before);
          yield chunk;
        }
      })(),
    );
    const lines: LogLine[] = [];
    await readLogLines(source, (l) => lines.push(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.truncated).toBe(true);
    expect(lines[0]!.text.length).toBe(64 * 1024);
    expect(peak).toBeLessThan(20 * 1024 * 1024);
  });

  test('strings from a stream in text mode are read too', async () => {
    const lines: LogLine[] = [];
    await readLogLines(Readable.from(['#1 DONE 0.1s\n', '#2 CACHED\n']), (l) => lines.push(l));
    expect(lines.map((l) => l.text)).toEqual(['#1 DONE 0.1s', '#2 CACHED']);
  });
});

describe('LineSplitter', () => {
  test('a CR at the end of one chunk and LF at the start of the next ends one line', () => {
    const out: RawLine[] = [];
    const splitter = new LineSplitter((l) => out.push(l), 4);
    splitter.push(Buffer.from('abcdefgh\r'));
    splitter.push(Buffer.from('\nz'));
    splitter.end();
    expect(out).toEqual([
      { text: 'abcd', line: 1, truncated: true },
      { text: 'z', line: 2, truncated: false },
    ]);
  });

  test('a redraw that starts in the next chunk replaces the dropped text', () => {
    const out: RawLine[] = [];
    const splitter = new LineSplitter((l) => out.push(l), 4);
    splitter.push(Buffer.from('abcdefgh\r'));
    splitter.push(Buffer.from('xy\n'));
    expect(out).toEqual([{ text: 'abcd\rxy', line: 1, truncated: false }]);
  });
});
