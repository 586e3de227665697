// cuda/cuda13-removed-api fires on the names CUDA 13 removed or stopped including (src/knowledge/cuda13-removed-api.ts),
// never on the same compiler wording about a project's own type or a name it does not know.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const RULE = 'cuda/cuda13-removed-api';

async function ids(text: string): Promise<string[]> {
  return (await analyzeLog(text)).map((f) => f.ruleId);
}

describe('cuda/cuda13-removed-api near misses', () => {
  // Produced here: nvcc 13.0.88 (`Cuda compilation tools, release 13.0, V13.0.88`) on a test file that reads
  // `clockRate` from cudaDeviceProp and from a struct of its own (`struct Foo { int a; };`). The two errors it printed:
  const PROP = 'p.cu(4): error: class "cudaDeviceProp" has no member "clockRate"';
  const OWN = 'p.cu(4): error: class "Foo" has no member "clockRate"';

  test('the cudaDeviceProp field CUDA 13.0 removed matches', async () => {
    expect(await ids(PROP)).toContain(RULE);
  });

  test('the same member missing from a project\'s own class does not', async () => {
    expect(await ids(OWN)).not.toContain(RULE);
  });

  // Produced here: g++ 13 on a .cpp that reads `p.memoryClockRate` with CUDA 13.0's include directory on the path.
  test('gcc\'s wording of a removed field matches', async () => {
    expect(await ids("g.cpp:2:37: error: ‘struct cudaDeviceProp’ has no member named ‘memoryClockRate’")).toContain(RULE);
  });
});

// cuda/unsupported-arch's Triton variant needs Triton's words; nvcc's own `Value … is not defined` keeps the nvcc advice.
describe('cuda/unsupported-arch: Triton\'s bundled ptxas', () => {
  async function arch(rel: string) {
    const text = readFileSync(path.join(fixturesRoot, 'cuda/unsupported-arch', rel), 'utf8');
    return (await analyzeLog(text)).find((f) => f.ruleId === 'cuda/unsupported-arch')!;
  }

  test('ptxas-blackwell alone: Triton\'s copy and its variable', async () => {
    const f = await arch('match-triton-ptxas-blackwell-sm110a-pytorch-170117.log');
    expect(f.title).toBe("Triton's bundled ptxas-blackwell is older than this GPU");
    expect(f.fix).toContain('TRITON_PTXAS_BLACKWELL_PATH=/usr/local/cuda/bin/ptxas');
    expect(f.fix).toContain('release 13.0 or newer');
  });

  test('plain ptxas with Triton\'s PTXASError: TRITON_PTXAS_PATH', async () => {
    const f = await arch('match-triton-ptxas-sm121a-triton-9181.log');
    expect(f.title).toBe("Triton's bundled ptxas is older than this GPU");
    expect(f.fix).toContain('TRITON_PTXAS_PATH=/usr/local/cuda/bin/ptxas');
  });

  test('nvcc\'s own rejection (pycuda#440, no Triton words) keeps the nvcc advice', async () => {
    const f = await arch('match-nvcc116-value-not-defined.log');
    expect(f.title).toBe('GPU architecture not supported by this CUDA version');
    expect(f.fix).not.toContain('TRITON_PTXAS');
  });
});
