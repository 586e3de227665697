// cuda/unsupported-arch: a newer toolkit the log names that compiles the rejected arch (an older nvcc came first on PATH)
// points the build at that toolkit; a toolkit named in the log that rejects the arch too is no such case.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const RULE = 'cuda/unsupported-arch';
const SHADOWED = 'An older nvcc was used instead of the CUDA toolkit this build needs';

async function finding(text: string) {
  return (await analyzeLog(text)).find((f) => f.ruleId === RULE);
}

describe('cuda/unsupported-arch: a newer toolkit shadowed by an older nvcc', () => {
  test('the CUDA 12.9 samples rejected by an older nvcc point at /usr/local/cuda-12.9 (NVIDIA/cuda-samples#367)', async () => {
    const text = readFileSync(path.join(fixturesRoot, 'cuda/unsupported-arch/match-stale-nvcc-samples129-compute100-cuda-samples-367.log'), 'utf8');
    const f = (await finding(text))!;
    expect(f.title).toBe(SHADOWED);
    expect(f.fix).toContain('-DCMAKE_CUDA_COMPILER=/usr/local/cuda-12.9/bin/nvcc');
    expect(f.fix).toContain('which -a nvcc');
    expect(f.fix).not.toContain('cuda-12.8');
  });

  test('the same rejection alone (no newer toolkit named) keeps the minimum-release advice', async () => {
    // the rejection line of that same paste, on its own
    const f = (await finding("nvcc fatal   : Unsupported gpu architecture 'compute_100'\n"))!;
    expect(f.title).not.toBe(SHADOWED);
    expect(f.fix).toContain('12.8');
  });

  test('a toolkit named in the log that rejects the arch as well is not a shadowed one', async () => {
    // A recorded build: CUDA 13.0 bound at /usr/local/cuda-13.0 rejecting compute_50, which 13.0 removed.
    const text = readFileSync(path.join(fixturesRoot, '../real/buildkit-0.25-dockerd-28.5/nvcc-unsupported-arch.log'), 'utf8');
    const f = (await finding(text))!;
    expect(f).toBeDefined();
    expect(f.title).not.toBe(SHADOWED);
  });
});
