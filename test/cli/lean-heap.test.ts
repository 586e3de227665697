// The CLI restarts itself with a capped young generation for large inputs and pipes: the decision,
// and that the restarted run reports exactly what a direct run does.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LEAN_HEAP_ENV, wantsLeanHeap } from '../../src/cli/lean-heap.js';

const dir = mkdtempSync(join(tmpdir(), 'bkd-lean-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('when the CLI restarts itself', () => {
  const small = join(dir, 'small.log');
  writeFileSync(small, '#1 [1/1] FROM busybox\n#1 DONE 0.1s\n');
  const large = join(dir, 'large.log');
  const fd = openSync(large, 'w');
  ftruncateSync(fd, 64 * 1024 * 1024); // sparse: no disk used
  closeSync(fd);

  it('for a file of 64 MB or more, once, and only to analyse', () => {
    expect(wantsLeanHeap([large], {}, [])).toBe(true);
    expect(wantsLeanHeap(['analyze', large, '--format', 'json'], {}, [])).toBe(true);
    expect(wantsLeanHeap([small], {}, [])).toBe(false);
    expect(wantsLeanHeap([large], { [LEAN_HEAP_ENV]: '1' }, [])).toBe(false);
    expect(wantsLeanHeap([large], {}, ['--max-semi-space-size=8'])).toBe(false);
    expect(wantsLeanHeap(['lint', large], {}, [])).toBe(false);
    expect(wantsLeanHeap([large, '--format', 'nonsense'], {}, [])).toBe(false);
    expect(wantsLeanHeap(['logs/*.log'], {}, [])).toBe(false);
  });
});

describe('a restarted run', () => {
  const cli = new URL('../../dist/cli.cjs', import.meta.url).pathname;
  const sample = readFileSync(new URL('../../fixtures/samples/cuda-multistage-failed.log', import.meta.url));

  it('reads a pipe and writes the same report, with the same exit code', () => {
    // stdin through a pipe: the CLI restarts itself; with the marker set it does not.
    const restarted = spawnSync(process.execPath, [cli, '-', '--format', 'json'], { input: sample, env: { ...process.env } });
    const direct = spawnSync(process.execPath, [cli, '-', '--format', 'json'], { input: sample, env: { ...process.env, [LEAN_HEAP_ENV]: '1' } });
    expect(restarted.status).toBe(1);
    expect(restarted.status).toBe(direct.status);
    expect(restarted.stdout.toString()).toBe(direct.stdout.toString());
    expect(JSON.parse(restarted.stdout.toString()).findings[0].ruleId).toBe('cuda/unsupported-arch');
  });

  it('really runs in a second process with the flag (seen from a preloaded hook)', () => {
    const hook = join(dir, 'hook.cjs');
    writeFileSync(hook, "process.on('exit', () => require('node:fs').writeSync(2, 'EXECARGV=' + process.execArgv.join(' ') + '\\n'));\n");
    const run = spawnSync(process.execPath, ['--require', hook, cli, '-', '--format', 'json'], { input: sample });
    const seen = [...run.stderr.toString().matchAll(/EXECARGV=(.*)/g)].map((m) => m[1]);
    expect(seen).toHaveLength(2);
    expect(seen.some((argv) => argv?.includes('--max-semi-space-size=4'))).toBe(true);
  });
});
