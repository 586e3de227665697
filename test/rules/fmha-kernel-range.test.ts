// The CUTLASS attention kernel's arch range is in its source (`#if __CUDA_ARCH__ …`), and `built for smN` is the code the
// GPU ran: the fix names a release whose kernels cover the GPU, not an arch list for a rebuild of the same source.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

function fixture(rel: string): string {
  return readFileSync(path.join(fixturesRoot, rel), 'utf8');
}

async function first(text: string, ruleId: string) {
  const findings = await analyzeLog(text);
  return findings.find((f) => f.ruleId === ruleId);
}

describe('cuda/no-kernel-image: the CUTLASS attention kernel built for the GPU and still out of its range', () => {
  test('dusty-nv/jetson-containers#1360: not a missing arch in the build, a release whose kernel range covers sm121', async () => {
    const f = await first(fixture('cuda/no-kernel-image/match-fmha-kernel-sm121-jetson-containers-1360.log'), 'cuda/no-kernel-image');
    expect(f!.fix).not.toContain('a build for a CUDA release that knows the arch');
    expect(f!.fix).toContain('The kernel\'s range (sm80-sm100) is written in its source, and this binary already has code for sm121');
    expect(f!.fix).toContain('does not change it');
  });
});
