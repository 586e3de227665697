// cuda/toolkit-too-old: nvcc of CUDA 11.2 or older rejecting a `constexpr` `__device__` variable. The fix checks which nvcc
// runs and builds with a newer toolkit in a fresh CMake build directory; a log showing nvcc 11.3 or newer is another cause.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const RULE = 'cuda/toolkit-too-old';
const dir = path.join(fixturesRoot, 'cuda/toolkit-too-old');
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');

async function finding(text: string) {
  return (await analyzeLog(text)).find((f) => f.ruleId === RULE);
}

describe('cuda/toolkit-too-old', () => {
  test('llama.cpp on an old nvcc: check which nvcc, then a fresh build directory with a newer one (ggml-org/llama.cpp#10652)', async () => {
    const f = (await finding(read('match-llama-cpp-nvcc101-constexpr.log')))!;
    expect(f.message).toContain('common.cuh');
    expect(f.message).toContain('CUDA 11.3');
    expect(f.fix.indexOf('which -a nvcc && nvcc --version')).toBeLessThan(f.fix.indexOf('cmake -S'));
    expect(f.fix).toContain('-DGGML_CUDA=ON -DCMAKE_CUDA_COMPILER=$CUDA_DIR/bin/nvcc');
    expect(f.fix).toContain('must say release 11.3 or newer');
  });

  test('the nvcc version in the log is named', async () => {
    const f = (await finding(read('match-llama-cpp-nvcc101-version-shown.log')))!;
    expect(f.message).toContain('The nvcc that ran is CUDA 10.1');
  });

  test('not when the log shows an nvcc of 11.3 or newer', async () => {
    // `nvcc --version` as printed on this machine (CUDA 13.0), ahead of the llama.cpp#10652 block: that nvcc compiles
    // constexpr __device__ variables (tried here), so the error would have another cause.
    const version = [
      'nvcc: NVIDIA (R) Cuda compiler driver',
      'Copyright (c) 2005-2025 NVIDIA Corporation',
      'Built on Wed_Aug_20_01:58:59_PM_PDT_2025',
      'Cuda compilation tools, release 13.0, V13.0.88',
      'Build cuda_13.0.r13.0/compiler.36424714_0',
      '',
    ].join('\n');
    expect(await finding(version + read('match-llama-cpp-nvcc101-constexpr.log'))).toBeUndefined();
  });
});
