import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/rules/pip/hash-mismatch/${name}`, import.meta.url), 'utf8');

async function finding(name: string) {
  const f = (await analyzeLog(fixture(name))).find((x) => x.ruleId === 'pip/hash-mismatch');
  expect(f).toBeDefined();
  return f!;
}

describe('pip hash mismatch: the advice follows what the log shows', () => {
  test('the requirement is read through a nested `(from … (line N))`, never "unknown package"', async () => {
    const f = await finding('match-cudnn-wheel-transitive-requirement.log');
    expect(f.message).toContain('nvidia-cudnn-cu11==8.5.0.96');
    expect(f.message).not.toContain('unknown package');
    // The user's own RUN with pip's cache left out.
    expect(f.fix).toContain('RUN pip install --no-cache-dir -r requirements.txt');
  });

  test('a RUN whose pip already runs with --no-cache-dir is not told to add it', async () => {
    const f = await finding('match-unknown-package-dockerfile-block.log');
    expect(f.fix).toContain('already runs with `--no-cache-dir`');
    expect(f.fix).not.toContain('add `--no-cache-dir`');
  });

  test('a wheel cut short in an image build: `--no-cache-dir` in the RUN first, a recurring failure is not passing', async () => {
    const f = await finding('match-tensorflow-recurring-builder.log');
    expect(f.message).toContain('tensorflow==2.5.1');
    expect(f.fix.split('\n')[0]).toContain('`--no-cache-dir`');
    expect(f.fix).toContain('not passing');
    expect(f.fix).toContain('--resume-retries');
    expect(f.retryable).toBe(false);
  });

  test('`docker compose up --build` in the reporter\'s words: Dockerfile advice, not a host pip line', async () => {
    const f = await finding('match-compose-up-build-unknown-package.log');
    expect(f.fix).toContain('In the Dockerfile');
    expect(f.fix).not.toContain('pip install --no-cache-dir -r requirements.txt');
  });

  test('pins without the hash of the platform wheel pip picked: regenerate for every platform, no retry', async () => {
    const f = await finding('match-aarch64-wheel-not-pinned.log');
    expect(f.title).toContain('pins no hash for this platform');
    expect(f.message).toContain('`manylinux_2_17_aarch64.manylinux2014_aarch64` wheel of MarkupSafe==2.0.1');
    expect(f.fix).toContain('uv pip compile --universal --generate-hashes');
    expect(f.fix).toContain('pip-compile --generate-hashes');
    expect(f.fix).toContain("pip hash 'MarkupSafe-2.0.1-cp39-cp39-manylinux_2_17_aarch64.manylinux2014_aarch64.whl'");
    expect(f.retryable).toBe(false);
  });

  test('a single expected hash (the index\'s) with a platform wheel is not read as missing pins', async () => {
    const f = await finding('match-cudnn-wheel-transitive-requirement.log');
    expect(f.title).toBe('pip: downloaded file does not match its expected hash');
  });
});
