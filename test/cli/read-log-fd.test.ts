// A log is read straight from its file descriptor into one reused buffer, in the CLI's own process:
// files and real pipes alike, with gzip and UTF-16 still decoded and the same report as before.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readLogFd, readLogFile } from '../../src/core/open-input.js';

const dir = mkdtempSync(join(tmpdir(), 'bkd-fd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sample = readFileSync(new URL('../../fixtures/samples/cuda-multistage-failed.log', import.meta.url));
/** More than two reads' worth: the sample's lines repeated to 3 MB. */
const big = Buffer.concat(Array.from({ length: Math.ceil((3 << 20) / sample.length) }, () => sample));

async function collect(chunks: AsyncIterable<Buffer>): Promise<{ text: Buffer; buffers: Set<ArrayBufferLike>; count: number }> {
  const copies: Buffer[] = [];
  const buffers = new Set<ArrayBufferLike>();
  let count = 0;
  for await (const chunk of chunks) {
    copies.push(Buffer.from(chunk)); // a chunk is valid until the next one is asked for
    buffers.add(chunk.buffer);
    count++;
  }
  return { text: Buffer.concat(copies), buffers, count };
}

describe('a log file', () => {
  it('is read in several chunks that all reuse one buffer, and put together they are the file', async () => {
    const path = join(dir, 'big.log');
    writeFileSync(path, big);
    const { text, buffers, count } = await collect(readLogFile(path));
    expect(count).toBeGreaterThanOrEqual(3);
    expect(buffers.size).toBe(1);
    expect(text.equals(big)).toBe(true);
  });

  it('compressed with gzip or written as UTF-16 is decoded to the same text', async () => {
    writeFileSync(join(dir, 'sample.log.gz'), gzipSync(sample));
    writeFileSync(join(dir, 'sample-utf16.log'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample.toString('utf8'), 'utf16le')]));
    expect((await collect(readLogFile(join(dir, 'sample.log.gz')))).text.equals(sample)).toBe(true);
    expect((await collect(readLogFile(join(dir, 'sample-utf16.log')))).text.toString('utf8')).toBe(sample.toString('utf8'));
  });
});

describe('a real pipe', () => {
  it('is read from its descriptor as the writer writes, into the same one buffer', async () => {
    const fifo = join(dir, 'pipe');
    const source = join(dir, 'source.log');
    writeFileSync(source, big);
    execFileSync('mkfifo', [fifo]);
    // The writer is another process: opening a FIFO waits for both ends.
    const writer = spawn('sh', ['-c', `cat "${source}" > "${fifo}"`], { stdio: 'ignore' });
    const fd = openSync(fifo, 'r');
    try {
      const { text, buffers } = await collect(
        readLogFd(fd, 'standard input', () => {
          throw new Error('a blocking pipe needs no stream');
        }),
      );
      expect(buffers.size).toBe(1);
      expect(text.equals(big)).toBe(true);
    } finally {
      closeSync(fd);
      writer.kill();
    }
  });

  it('given to the built CLI gives the report of the file, in one process', () => {
    const cli = new URL('../../dist/cli.cjs', import.meta.url).pathname;
    const path = join(dir, 'sample.log');
    writeFileSync(path, sample);
    const hook = join(dir, 'hook.cjs');
    writeFileSync(hook, "process.on('exit', () => require('node:fs').writeSync(2, 'PROCESS ' + process.pid + '\\n'));\n");
    const piped = spawnSync(process.execPath, ['--require', hook, cli, '-', '--format', 'json'], { input: sample });
    const fromFile = spawnSync(process.execPath, [cli, path, '--format', 'json']);
    expect(piped.status).toBe(1);
    expect(piped.status).toBe(fromFile.status);
    expect(piped.stdout.toString()).toBe(fromFile.stdout.toString());
    expect(JSON.parse(piped.stdout.toString()).findings[0].ruleId).toBe('cuda/unsupported-arch');
    // No second copy of the CLI: one process ran, and it is the one that was started.
    expect([...piped.stderr.toString().matchAll(/PROCESS (\d+)/g)].map((m) => Number(m[1]))).toEqual([piped.pid]);
  });
});
