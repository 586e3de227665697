import { PassThrough, Readable, Writable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { wantsProgress, withProgress } from '../../src/cli/progress.js';

function sink() {
  const writes: string[] = [];
  const stream = new Writable({ write(chunk, _e, cb) { writes.push(String(chunk)); cb(); } });
  return { stream, writes };
}

describe('progress on stderr', () => {
  it('passes the bytes through unchanged and redraws at most once per interval', async () => {
    const { stream, writes } = sink();
    let clock = 0;
    const chunks = Array.from({ length: 10 }, (_, i) => Buffer.from(`line ${i}\n`.repeat(1000)));
    const total = chunks.reduce((n, c) => n + c.length, 0);
    const out = withProgress(Readable.from(chunks), { label: 'build.log', total, stderr: stream, interval: 200, now: () => (clock += 100) });
    const body = await text(out);
    expect(body).toBe(Buffer.concat(chunks).toString());
    const draws = writes.filter((w) => w.includes('reading build.log'));
    expect(draws).toHaveLength(5);
    expect(draws.at(-1)).toMatch(/reading build\.log 100% \(0 MB \/ 0 MB\)/);
    expect(writes.at(-1)).toBe('\r\u001b[2K');
  });

  it('carries a read error to the consumer', async () => {
    const source = new PassThrough();
    const out = withProgress(source, { label: 'x', total: null, stderr: sink().stream });
    source.destroy(new Error('boom'));
    await expect(text(out)).rejects.toThrow('boom');
  });

  it('draws only for a terminal outside CI, and only for large or unknown sizes', () => {
    expect(wantsProgress(false, null, {})).toBe(false);
    expect(wantsProgress(true, null, { CI: 'true' })).toBe(false);
    expect(wantsProgress(true, 1000, {})).toBe(false);
    expect(wantsProgress(true, 200 * 1024 * 1024, {})).toBe(true);
    expect(wantsProgress(true, null, {})).toBe(true);
  });
});
