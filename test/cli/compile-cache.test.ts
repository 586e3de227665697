// The CLI's V8 code cache (src/cli/compile-cache.ts), seen from outside: the built CLI writes it
// once in a private directory, reads it back with the same report, and runs the same without it
// wherever it cannot be trusted or written.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cli = new URL('../../dist/cli.cjs', import.meta.url).pathname;
const sample = new URL('../../fixtures/samples/cuda-multistage-failed.log', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'bkd-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(env: Record<string, string>, args = [sample, '--format', 'json']) {
  const { NODE_COMPILE_CACHE: _cache, NODE_DISABLE_COMPILE_CACHE: _off, ...rest } = process.env;
  return spawnSync(process.execPath, [cli, ...args], { env: { ...rest, ...env }, encoding: 'utf8' });
}

describe('the code cache', () => {
  const reference = run({ NODE_DISABLE_COMPILE_CACHE: '1' });

  it('is written once, private to the user, and gives the same report when read back', () => {
    const cache = join(dir, 'fresh');
    mkdirSync(cache, { mode: 0o700 });
    // An earlier build's cache: replaced, not kept beside the new one.
    writeFileSync(join(cache, 'cli-main.cjs-00000000000000000000.v8'), 'stale');
    const first = run({ NODE_COMPILE_CACHE: cache });
    const files = readdirSync(cache).filter((name) => name.endsWith('.v8'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^cli-main\.cjs-v\d+\.\d+\.\d+-\d+-\d+-\d+-[0-9a-f]{8}\.v8$/);
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    expect(statSync(join(cache, files[0]!)).mode & 0o777).toBe(0o600);
    const second = run({ NODE_COMPILE_CACHE: cache });
    expect(readdirSync(cache).filter((name) => name.endsWith('.v8'))).toEqual(files);
    for (const result of [first, second]) {
      expect(result.status).toBe(reference.status);
      expect(result.stdout).toBe(reference.stdout);
      expect(result.stderr).toBe('');
    }
  });

  it('is not used in a directory that others can write to', () => {
    const shared = join(dir, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const result = run({ NODE_COMPILE_CACHE: shared });
    expect(result.stdout).toBe(reference.stdout);
    expect(readdirSync(shared)).toEqual([]);
  });

  it('is skipped where it cannot be made, and when turned off', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const cannot = run({ NODE_COMPILE_CACHE: join(file, 'cache') });
    expect(cannot.status).toBe(reference.status);
    expect(cannot.stdout).toBe(reference.stdout);
    expect(cannot.stderr).toBe('');
    const off = join(dir, 'off');
    run({ NODE_COMPILE_CACHE: off, NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(() => readdirSync(off)).toThrow();
  });

  it('is not needed to print the version', () => {
    const cache = join(dir, 'version');
    const result = run({ NODE_COMPILE_CACHE: cache }, ['--version']);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(() => readdirSync(cache)).toThrow();
  });
});

describe("the prefilter's tables", () => {
  const reference = run({ NODE_DISABLE_COMPILE_CACHE: '1' });
  const tables = (cache: string) => join(cache, 'prefilter-tables.bin');

  it('are kept beside the code cache, private to the user, and give the same report when read back', () => {
    const cache = join(dir, 'tables');
    const first = run({ NODE_COMPILE_CACHE: cache });
    expect(statSync(tables(cache)).mode & 0o777).toBe(0o600);
    const written = statSync(tables(cache)).ino;
    const second = run({ NODE_COMPILE_CACHE: cache });
    // Read back, not rebuilt: a file written again is a new one (it is renamed into place).
    expect(statSync(tables(cache)).ino).toBe(written);
    for (const result of [first, second]) {
      expect(result.stdout).toBe(reference.stdout);
      expect(result.stderr).toBe('');
    }
  });

  it('are rebuilt, and the file replaced, when it is damaged or holds other literals', () => {
    const cache = join(dir, 'damaged');
    run({ NODE_COMPILE_CACHE: cache });
    const good = readFileSync(tables(cache));
    for (const bad of [good.subarray(0, good.length - 4), Buffer.from('not tables'), Buffer.concat([good.subarray(0, 40), Buffer.from('x'), good.subarray(41)])]) {
      writeFileSync(tables(cache), bad);
      const damaged = statSync(tables(cache)).ino;
      const result = run({ NODE_COMPILE_CACHE: cache });
      expect(result.stdout).toBe(reference.stdout);
      expect(statSync(tables(cache)).ino).not.toBe(damaged);
      expect(readFileSync(tables(cache)).equals(good)).toBe(true);
    }
  });
});

