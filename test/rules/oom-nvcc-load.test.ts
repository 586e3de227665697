// resources/oom-killed on a torch extension's nvcc jobs killed in BuildKit's error box (LujiaJin/FlashVSR-Pro#4): the fix
// reads nvcc's `--threads N` and the package's own `-gencode arch=…` list from the compile command, and places the knobs
// in the Dockerfile because the lines carry BuildKit's elapsed seconds. The near misses are that same real text changed
// in one point each: the `-gencode=arch=…` form torch writes from TORCH_CUDA_ARCH_LIST (not the package's own list), and
// one stamped line only (too little to tell BuildKit's seconds from a number that starts a line).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const log = readFileSync(new URL('../../fixtures/rules/resources/oom-killed/match-nvcc-threads-own-gencode-buildkit-box-flashvsr-4.log', import.meta.url), 'utf8');

async function fix(text: string): Promise<string> {
  const f = (await analyzeLog(text)).find((x) => x.ruleId === 'resources/oom-killed');
  expect(f).toBeDefined();
  return f!.fix;
}

describe('resources/oom-killed: what the nvcc command shows', () => {
  test('--threads 4 and six own -gencode targets, in the Dockerfile', async () => {
    const text = await fix(log);
    expect(text).toContain('ENV MAX_JOBS=1 NVCC_THREADS=1');
    expect(text).toContain('--threads 4');
    expect(text).toContain('6 GPU targets');
    expect(text).not.toContain('does not show where the build ran');
  });

  test("torch's own -gencode=arch= form is not the package's list", async () => {
    const text = await fix(log.replaceAll('-gencode arch=', '-gencode=arch='));
    expect(text).not.toContain('GPU targets');
    expect(text).toContain('TORCH_CUDA_ARCH_LIST');
  });

  test('one stamped line does not place the build', async () => {
    const lines = log.split('\n');
    const one = lines.filter((l, i) => !l.startsWith('138.5 ') || i === lines.findIndex((x) => x.startsWith('138.5 '))).join('\n');
    expect(await fix(one)).toContain('does not show where the build ran');
  });
});
