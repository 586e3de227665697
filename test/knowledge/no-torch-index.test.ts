// A toolkit without a PyTorch index of its own (CUDA 12.0): the fix moves to another CUDA that has one, never to an
// empty install line; and the cu102 builds older than the cu102 index are named, not left out.
import { describe, expect, test } from 'vitest';
import { nearestTagAbove, noTorchIndexEnrich } from '../../src/knowledge/no-torch-index-enricher.js';
import { preIndexBuilds } from '../../src/knowledge/torch-find-links.js';
import { makeModel } from '../support/builders.js';
import { factsFor } from '../../src/facts/fact-view.js';
import type { FactValue } from '../../src/facts/types.js';

function fact(value: string, source: string): FactValue {
  return { value, source, evidence: `${source}: ${value}`, line: 1, stage: null, step: null };
}

describe('no-torch-index', () => {
  test('the nearest index of the same major above a toolkit without one', () => {
    expect(nearestTagAbove('12.0')).toBe('cu121');
    expect(nearestTagAbove('11.4')).toBe('cu116');
    expect(nearestTagAbove('13.1')).toBeNull();
  });

  test('a second toolkit the log shows, from its own nvcc, comes first', () => {
    const facts = factsFor({ cuda: [fact('11.8', 'nvcc'), fact('12.0', 'torch-extension')] }, null, makeModel());
    expect(noTorchIndexEnrich({ cudaVersion: '12.0' }, null, makeModel(), facts)).toEqual({
      noIndexCuda: '12.0',
      otherCuda: '11.8',
      otherIndex: 'https://download.pytorch.org/whl/cu118',
      otherInstall: 'pip install --index-url https://download.pytorch.org/whl/cu118 torch',
    });
  });

  test('without one, the nearest index above, in the installer’s form', () => {
    const facts = factsFor({ installer: [fact('uv', 'instruction')] }, null, makeModel());
    expect(noTorchIndexEnrich({ cudaVersion: '12.0' }, null, makeModel(), facts)).toEqual({
      noIndexCuda: '12.0',
      nearestCuda: '12.1',
      otherIndex: 'https://download.pytorch.org/whl/cu121',
      otherInstall: 'uv pip install --index-url https://download.pytorch.org/whl/cu121 torch',
    });
  });

  test('nothing for a toolkit that has an index', () => {
    expect(noTorchIndexEnrich({ cudaVersion: '11.8' }, null, makeModel(), factsFor({}, null, makeModel()))).toEqual({});
  });
});

describe('cu102 builds before the cu102 index', () => {
  test('the find-links builds and the PyPI releases built for CUDA 10.2', () => {
    const note = preIndexBuilds('cu102')!;
    expect(note).toContain('torch 1.8.1 through 1.10.1 as +cu102 builds');
    expect(note).toContain('https://download.pytorch.org/whl/cu102/torch_stable.html for 1.10.1');
    expect(note).toContain('https://download.pytorch.org/whl/torch_stable.html for 1.10.0, 1.9.1, 1.9.0, 1.8.1');
    expect(note).toContain('torch 1.5.0 through 1.8.0 as the plain PyPI release, which was built for CUDA 10.2');
  });

  test('nothing for an index-era tag', () => {
    expect(preIndexBuilds('cu121')).toBeNull();
  });
});
