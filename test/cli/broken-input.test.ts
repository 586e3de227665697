// Broken and odd inputs: each gives one clear line on stderr and exit 2, or a report and exit 0
// when "nothing recognised" is the truth. Never a stack trace, never a hang.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { cli, generated } from './harness.js';
import { describeFsError } from '../../src/core/open-input.js';
import { InputError } from '../../src/core/errors.js';
import { CHILD_HANG_MS } from '../support/hang-guard.js';

const LOG = [
  '#1 [internal] load build definition from Dockerfile',
  '#1 transferring dockerfile: 312B done',
  '#1 DONE 0.0s',
  '',
  '#5 [builder 2/3] RUN make -j8',
  '#5 0.412 gcc -O2 -c main.c -o main.o',
  '#5 DONE 1.9s',
  '',
].join('\n');

const STACK_TRACE = /\n\s+at .+:\d+:\d+/;
let dir: string;
const at = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bkd-broken-'));
  mkdirSync(at('a-directory'));
  writeFileSync(at('build.log'), LOG);
  writeFileSync(at('empty.log'), '');
  writeFileSync(at('blank.log'), '  \n\n\t\r\n   \n');
  // The first bytes of an ELF executable: what `buildkit-doctor ./some-binary` reads.
  writeFileSync(at('binary.log'), Buffer.from('7f454c4602010100000000000000000003003e0001000000a0c1000000000000', 'hex'));
  writeFileSync(at('random.log'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 251)));
  writeFileSync(at('build.log.gz'), gzipSync(LOG));
  writeFileSync(at('empty.log.gz'), gzipSync(''));
  writeFileSync(at('corrupt.log.gz'), Buffer.concat([gzipSync(LOG).subarray(0, 24), Buffer.from('not deflate data at all')]));
  writeFileSync(at('truncated.log.gz'), gzipSync(LOG).subarray(0, 30));
  writeFileSync(at('powershell.log'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LOG, 'utf16le')]));
  writeFileSync(at('cut.log'), '#5 [builder 2/3] RUN make -j8\n#5 0.412 gcc -O2 -c main.c -o mai');
  writeFileSync(at('README.md'), '# My project\n\nBuild it with `make`. Nothing here came from a build.\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('one clear line and exit 2', () => {
  test.each([
    ['a missing file', () => [at('missing.log')], () => `buildkit-doctor: cannot read ${at('missing.log')}: no such file\n`],
    ['a directory', () => [at('a-directory')], () => `buildkit-doctor: cannot read ${at('a-directory')}: is a directory\n`],
    ['a glob matching nothing', () => [at('*.nothing')], () => `buildkit-doctor: no file matches "${at('*.nothing')}"\n`],
    [
      'an empty log',
      () => [at('empty.log')],
      () => `buildkit-doctor: ${at('empty.log')} is empty: nothing to analyse (BuildKit prints its progress on stderr: capture it with 2>&1)\n`,
    ],
    [
      'a gzip of an empty log',
      () => [at('empty.log.gz')],
      () => `buildkit-doctor: ${at('empty.log.gz')} is empty: nothing to analyse (BuildKit prints its progress on stderr: capture it with 2>&1)\n`,
    ],
    [
      'only whitespace',
      () => [at('blank.log')],
      () => `buildkit-doctor: ${at('blank.log')} has only blank lines: nothing to analyse (BuildKit prints its progress on stderr: capture it with 2>&1)\n`,
    ],
    [
      'binary data (NUL bytes)',
      () => [at('binary.log')],
      () => `buildkit-doctor: ${at('binary.log')} looks like binary data, not a build log (control bytes in its first 32 bytes)\n`,
    ],
    [
      'random bytes',
      () => [at('random.log')],
      () => `buildkit-doctor: ${at('random.log')} looks like binary data, not a build log (control bytes in its first 4096 bytes)\n`,
    ],
  ])('%s', async (_name, args, message) => {
    const result = await cli(args());
    expect(result).toEqual({ code: 2, stdout: '', stderr: message() });
  });

  test.each([
    ['corrupt gzip data', 'corrupt.log.gz'],
    ['a gzip cut short', 'truncated.log.gz'],
  ])('%s', async (_name, file) => {
    const result = await cli([at(file)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^buildkit-doctor: cannot read ${at(file).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: corrupt gzip data \\([^\\n]+\\)\\n$`));
  });

  test('empty standard input', async () => {
    expect(await cli(['-'], '')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'buildkit-doctor: standard input is empty: nothing to analyse (BuildKit prints its progress on stderr: capture it with 2>&1)\n',
    });
  });

  test('permission denied is named as such (the error mapping; root reads any file, so no real EACCES here)', () => {
    const denied = Object.assign(new Error("EACCES: permission denied, open '/var/log/build.log'"), { code: 'EACCES' });
    const error = describeFsError('/var/log/build.log', denied);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('cannot read /var/log/build.log: permission denied');
    expect(describeFsError('x.log', Object.assign(new Error('EPERM'), { code: 'EPERM' })).message).toBe('cannot read x.log: permission denied');
    expect(describeFsError('x.log', new Error('something odd\n    at open (node:fs:1:1)')).message).toBe('cannot read x.log: something odd');
  });
});

describe('read and analysed', () => {
  async function json(args: string[], stdin?: Buffer) {
    const result = await cli([...args, '--format', 'json'], stdin);
    expect(result.stderr).toBe('');
    return { code: result.code, report: JSON.parse(result.stdout) };
  }

  test('a gzip-compressed log gives the same report as the plain one', async () => {
    const plain = await json([at('build.log')]);
    expect(await json([at('build.log.gz')])).toEqual(plain);
    expect(plain.report.steps.map((s: { id: number }) => s.id)).toEqual([1, 5]);
  });

  test('a gzip-compressed log on standard input', async () => {
    const plain = await json([at('build.log')]);
    expect(await json(['-'], gzipSync(LOG))).toEqual(plain);
  });

  test("a UTF-16 log (PowerShell's `>`) is read as text", async () => {
    expect(await json([at('powershell.log')])).toEqual(await json([at('build.log')]));
  });

  test('a log cut mid-line: the cut line is kept and the step is still running', async () => {
    const { code, report } = await json([at('cut.log')]);
    expect(code).toBe(0);
    expect(report.steps).toEqual([expect.objectContaining({ id: 5, instruction: 'RUN make -j8', status: 'running' })]);
  });

  test('a file in no known format: no build output recognised, exit 0', async () => {
    const { code, report } = await json([at('README.md')]);
    expect(code).toBe(0);
    // Unframed text is analysed as one implicit step (pasted tool output is a valid input), but
    // nothing in it is recognised: no BuildKit step, no failure, no finding.
    expect(report.build).toMatchObject({ format: 'plain-text', failedStep: null });
    expect(report.steps.every((s: { id: number }) => s.id === 0)).toBe(true);
    expect(report.findings).toEqual([]);
  });

  test('a 50 MB line without a newline: analysed in bounded memory, no crash', async () => {
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const stdout = await cli(['-', '--format', 'json'], generated('#5 0.1 aaaaaaaaaaaaaaa ', 50 * 1024 * 1024));
    clearInterval(timer);
    expect(stdout.code).toBe(0);
    expect(stdout.stderr).toBe('');
    // The line was read (cut at the per-line cap) and framed as step 5's output.
    expect(JSON.parse(stdout.stdout).steps).toEqual([expect.objectContaining({ id: 5, status: 'running' })]);
    // The line is capped as it is read: memory grows by far less than the line's 50 MB x UTF-16.
    expect(peak - before).toBeLessThan(200 * 1024 * 1024);
  });
});

describe('the built CLI, end to end', () => {
  let bundle: string;
  beforeAll(() => {
    // Built from src/ once for the run (test/support/fresh-bundle.ts).
    bundle = join(inject('freshBundle'), 'cli.cjs');
  });

  const run = (args: string[], input?: Buffer) =>
    spawnSync(process.execPath, [bundle, ...args], { input, encoding: 'utf8', timeout: CHILD_HANG_MS });

  test.each([
    ['missing.log', /^buildkit-doctor: cannot read .*missing\.log: no such file\n$/],
    ['binary.log', /^buildkit-doctor: .*binary\.log looks like binary data, not a build log \(control bytes in its first 32 bytes\)\n$/],
    ['corrupt.log.gz', /^buildkit-doctor: cannot read .*corrupt\.log\.gz: corrupt gzip data \([^\n]+\)\n$/],
    ['empty.log', /^buildkit-doctor: .*empty\.log is empty: nothing to analyse/],
  ])('%s: one line on stderr, exit 2', (file, message) => {
    const result = run([at(file)]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });

  test('a gzip on standard input is read', () => {
    const result = run(['-', '--format', 'json'], gzipSync(LOG));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).steps).toHaveLength(2);
  });
});

test('no case above printed a stack trace (stdin that errors mid-read)', async () => {
  const failing = new Readable({
    read() {
      this.push(Buffer.from('#5 [2/3] RUN make\n'));
      this.destroy(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    },
  });
  const result = await cli(['-'], failing);
  expect(result.code).toBe(2);
  expect(result.stderr).toBe('buildkit-doctor: cannot read standard input: read ECONNRESET\n');
});
