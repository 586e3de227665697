// The base image a build the deadsnakes PPA no longer serves moves to: the same nvidia/cuda image on Ubuntu 22.04 where
// NVIDIA tags that CUDA for it, else the first newer CUDA that is; `ubuntu:22.04` for an `ubuntu:20.04` base; nothing else.
import { describe, expect, test } from 'vitest';
import { deadsnakesBaseEnrich } from '../../src/knowledge/deadsnakes-enricher.js';
import { factsFor } from '../../src/facts/fact-view.js';
import { makeModel } from '../support/builders.js';

const model = makeModel({ format: 'plain-text', steps: [], failedStep: null });
const enrich = (base: string) =>
  deadsnakesBaseEnrich({}, null, model, factsFor({ baseImage: [{ value: base, source: 'dockerfile', evidence: base, line: 1, stage: null, step: null }] }, null, model));

describe('deadsnakes-base', () => {
  test('a CUDA minor tagged for 22.04 keeps its CUDA, flavour and cuDNN', () => {
    expect(enrich('nvidia/cuda:12.4.1-cudnn-devel-ubuntu20.04')).toEqual({ deadsnakesFrom: 'nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04', deadsnakesNote: ' (the same CUDA on Ubuntu 22.04)' });
  });

  test('CUDA 11.4, never tagged for 22.04: the first CUDA that is (11.7.1), flavour kept, and why', () => {
    const out = enrich('nvidia/cuda:11.4.3-runtime-ubuntu20.04');
    expect(out.deadsnakesFrom).toBe('nvidia/cuda:11.7.1-runtime-ubuntu22.04');
    expect(out.deadsnakesNote).toContain('NVIDIA tags no CUDA 11.4 image for Ubuntu 22.04');
  });

  test('ubuntu:20.04 → ubuntu:22.04; a 22.04 base or another image: nothing', () => {
    expect(enrich('ubuntu:20.04').deadsnakesFrom).toBe('ubuntu:22.04');
    expect(enrich('nvidia/cuda:12.4.1-devel-ubuntu22.04')).toEqual({});
    expect(enrich('nvcr.io/nvidia/l4t-jetpack:r35.3.1')).toEqual({});
  });
});
