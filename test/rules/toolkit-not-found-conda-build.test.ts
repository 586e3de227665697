// cuda/toolkit-not-found in conda-build: the path in the error is the recipe's build environment, so the compiler
// comes from the recipe's build requirements, not from CUDA_HOME. The same CMake error outside conda-build keeps the
// advice to put a toolkit on PATH.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/rules/cuda/toolkit-not-found/${name}`, import.meta.url), 'utf8');

async function finding(text: string) {
  const f = (await analyzeLog(text)).find((x) => x.ruleId === 'cuda/toolkit-not-found');
  expect(f).toBeDefined();
  return f!;
}

describe('cuda/toolkit-not-found: conda-build', () => {
  test("FindCUDAToolkit in conda-build's _build_env: the recipe's build requirements", async () => {
    const f = await finding(read('match-conda-build-env-no-nvcc.log'));
    expect(f.message).toContain('`_build_env`');
    expect(f.fix).toContain("- {{ compiler('cuda') }}");
    expect(f.fix).toContain('cuda-version {{ cuda_compiler_version }}.*');
    expect(f.fix).toContain('`nvcc_linux-64`');
    expect(f.fix).not.toContain('export CUDA_HOME=/usr/local/cuda');
  });

  test('the CMake compiler check outside conda-build: a toolkit on PATH', async () => {
    const f = await finding(read('match-cmake-error-log-compiler-notfound.log'));
    expect(f.message).not.toContain('conda-build');
    expect(f.fix).not.toContain("compiler('cuda')");
  });
});
