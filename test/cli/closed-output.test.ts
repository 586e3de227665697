// `buildkit-doctor build.log | head -1`: the reader leaves before the report is written. The
// bundled CLI, built from src/ into a temporary folder, must end quietly with its usual exit code.
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, inject, it } from 'vitest';
import { write } from '../../src/cli/io.js';

const root = join(import.meta.dirname, '..', '..');
// Built from src/ once for the run (test/support/fresh-bundle.ts).
const cli = join(inject('freshBundle'), 'cli.cjs');
// The real logs of two BuildKit generations: a text report of about 120 KB, more than a pipe holds
// (64 KiB on Linux), so the CLI is still writing when a reader that took one chunk goes away.
const REAL_LOGS = ['fixtures/real/buildkit-0.13-dockerd-26.1/*.log', 'fixtures/real/buildkit-0.25-dockerd-28.5/*.log'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function collect(child: ReturnType<typeof spawn>): Promise<Run> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `cli ARGS | head -1` through a real pipe (64 KiB); the exit code is the CLI's, not head's. */
function pipedIntoHead(args: string[]): Promise<Run> {
  const script = 'node "$0" "$@" | head -1; exit "${PIPESTATUS[0]}"';
  return collect(spawn('bash', ['-c', script, cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** The CLI with stdout on a pipe whose reader is gone before anything is written. */
function readerClosedAtOnce(args: string[]): Promise<Run> {
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  return collect(child);
}

describe('the CLI when its reader goes away', () => {
  it('in the middle of the report (`| head -1`): no stack trace, the exit code of the analysis', async () => {
    const run = await pipedIntoHead(REAL_LOGS);
    expect(run.stdout).toMatch(/^== fixtures\/real\/buildkit-0\.[0-9]+-dockerd-[0-9.]+\/[\w-]+\.log ==\n$/);
    expect(run.stderr).toBe('');
    // Some of the real builds failed: the exit code says so, reader or not.
    expect(run.code).toBe(1);
  });

  it('before anything is written: still quiet, and a failed build still exits 1', async () => {
    const run = await readerClosedAtOnce(['fixtures/real/buildkit-0.13-dockerd-26.1/pip-resolution-impossible.log', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
  });

  it('with --fail-on never the exit code is 0, and a reader that stays gets more than a pipe holds', async () => {
    expect((await pipedIntoHead([...REAL_LOGS, '--fail-on', 'never'])).code).toBe(0);
    const out = execFileSync(process.execPath, [cli, ...REAL_LOGS, '--fail-on', 'never'], { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    expect(out.length).toBeGreaterThan(64 * 1024);
  });
});

describe('write', () => {
  it('does not wait on a stream whose reader went away', async () => {
    const stream = new PassThrough();
    stream.destroy();
    await expect(write(stream, 'report\n')).resolves.toBeUndefined();
  });

  it('waits for drain, and stops waiting when the stream closes instead', async () => {
    const stream = new PassThrough({ highWaterMark: 4 });
    stream.on('error', () => {});
    const pending = write(stream, 'more than four bytes\n');
    let settled = false;
    void pending.then(() => (settled = true));
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    stream.destroy(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await expect(pending).resolves.toBeUndefined();
  });
});
