// The asked-arch enricher: the newest arch of a failed nvcc command against the CUDA the log shows (or none).
import { describe, expect, test } from 'vitest';
import { askedArchEnrich } from '../../src/knowledge/asked-arch-enricher.js';
import { makeModel } from '../support/builders.js';
import { factsFor } from '../../src/facts/fact-view.js';
import type { FactValue } from '../../src/facts/types.js';

function fact(value: string, source: string): FactValue {
  return { value, source, evidence: value, line: 1, stage: null, step: null };
}

// the arch flags of the failing command in NVlabs/FoundationPose#9 (fixtures/rules/cuda/extension-ninja-failed)
const asked = { 'context.commandArches.asked': 'arch=compute_89,code=compute_89 -gencode=arch=compute_89,code=sm_89 -std=c++17' };
const cudaFacts = (v: string) => factsFor({ cuda: [fact(v, 'image-tag')] }, null, makeModel());

describe('asked-arch enricher', () => {
  test('with no CUDA in the log: the first release that compiles the arch, and an arch of the same major an older one compiles', () => {
    expect(askedArchEnrich(asked, null, makeModel(), factsFor({}, null, makeModel()))).toEqual({
      askedArch: 'sm_89',
      askedNeeds: '11.8',
      askedFallback: '8.6',
      askedFallbackCuda: '11.1',
    });
  });

  test('with an older CUDA in the log: names it', () => {
    expect(askedArchEnrich(asked, null, makeModel(), cudaFacts('11.3'))).toMatchObject({ askedArch: 'sm_89', askedOlder: '11.3', askedFallback: '8.6' });
  });

  test('no fallback the log\'s CUDA cannot compile either (8.6 needs 11.1)', () => {
    const out = askedArchEnrich(asked, null, makeModel(), cudaFacts('11.0'));
    expect(out).toMatchObject({ askedOlder: '11.0', askedNeeds: '11.8' });
    expect(out.askedFallback).toBeUndefined();
  });

  test('nothing when the log\'s CUDA compiles the arch, or the command names none', () => {
    expect(askedArchEnrich(asked, null, makeModel(), cudaFacts('12.4'))).toEqual({});
    expect(askedArchEnrich({}, null, makeModel(), factsFor({}, null, makeModel()))).toEqual({});
  });
});
