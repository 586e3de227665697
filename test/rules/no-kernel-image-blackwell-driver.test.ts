// cuda/no-kernel-image: with sm_120 in torch's list, the driver is checked first (CUDA 12.8's, 570.26 on Linux / 570.65 on
// Windows, cuda-release-drivers.ts); not when the log shows a driver new enough.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const RULE = 'cuda/no-kernel-image';
const LOG = readFileSync(path.join(fixturesRoot, 'cuda/no-kernel-image/match-torch-cu128-in-list-rtx5090d-driver-149845.log'), 'utf8');

async function finding(text: string) {
  return (await analyzeLog(text)).find((f) => f.ruleId === RULE)!;
}

describe('cuda/no-kernel-image: the driver of a Blackwell GPU', () => {
  test('sm_120 in the list: the driver is checked before extensions (pytorch/pytorch#149845)', async () => {
    const f = await finding(LOG);
    expect(f.fix).toContain('It is in the list: for sm_120, check the driver first');
    expect(f.fix).toContain('570.26 or newer on Linux, 570.65 on Windows');
    expect(f.fix.indexOf('check the driver first')).toBeLessThan(f.fix.indexOf('a CUDA extension'));
  });

  test('not when the log shows a driver new enough', async () => {
    // nvidia-smi's driver line of an RTX 5090 host (fixtures/rules/cuda/invalid-arch-list/match-torch-unknown-arch-10-1-rtx5090-behavior-1939.log)
    const f = await finding('Driver Version: 580.95.05\n' + LOG);
    expect(f.fix).not.toContain('check the driver first');
    expect(f.fix).toContain('It is in the list: a CUDA extension');
  });
});
