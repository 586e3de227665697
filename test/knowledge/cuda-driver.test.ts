// The host driver an image's CUDA needs (NVIDIA's minor version compatibility table, knowledge/cuda-driver.ts).
import { describe, expect, test } from 'vitest';
import { factsFor } from '../../src/facts/fact-view.js';
import type { BuildFacts } from '../../src/facts/types.js';
import { cudaDriverEnrich, driverCuda, minimumDriver } from '../../src/knowledge/cuda-driver.js';
import { makeModel } from '../support/builders.js';

const model = makeModel({ steps: [] });

describe('minimumDriver', () => {
  test.each([
    ['13.0', '580'],
    ['12.1.1', '525'],
    ['11.8', '450.80.02'],
  ])('CUDA %s runs on a driver ≥ %s', (cuda, driver) => {
    expect(minimumDriver(cuda)).toBe(driver);
  });
  test('before CUDA 11 there is no family minimum', () => {
    expect(minimumDriver('10.2')).toBeNull();
    expect(minimumDriver('9.2')).toBeNull();
  });
});

describe('driverCuda', () => {
  test('cudaDriverGetVersion numbers', () => {
    expect(driverCuda('11040')).toBe('11.4');
    expect(driverCuda('12020')).toBe('12.2');
    expect(driverCuda('12')).toBeNull();
  });
});

describe('cudaDriverEnrich', () => {
  test('the image CUDA from the log names the driver it needs', () => {
    // `CUDA Version 12.1.1`: the banner of NVIDIA's images (abetlen/llama-cpp-python#234)
    const facts: BuildFacts = { cuda: [{ value: '12.1', source: 'banner', evidence: 'CUDA Version 12.1.1', line: 1, stage: null, step: null }] };
    const out = cudaDriverEnrich({}, null, model, factsFor(facts, null, model));
    expect(out.driverNeed).toContain('host driver ≥ 525');
    expect(out.cudaVersion).toBe('12.1');
  });
  test('an old CUDA points at the release notes instead of a number', () => {
    const facts: BuildFacts = { cuda: [{ value: '9.2', source: 'nvcc', evidence: 'release 9.2', line: 1, stage: null, step: null }] };
    expect(cudaDriverEnrich({}, null, model, factsFor(facts, null, model)).driverNeed).toContain('cuda-toolkit-release-notes');
  });
  test('nothing known, nothing said', () => {
    expect(cudaDriverEnrich({}, null, model, factsFor({}, null, model))).toEqual({});
  });
});
