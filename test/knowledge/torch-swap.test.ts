import { describe, expect, test } from 'vitest';
import { torchSwapEnrich } from '../../src/knowledge/torch-swap-enricher.js';

// The captures pip/cuda-torch-swapped's contexts give: the first CUDA torch from PyTorch's index, the last torch collected.
const cudaFirst = {
  'context.cudaTorch.version': '2.7.0.dev20250215',
  'context.cudaTorch.tag': 'cu128',
  'context.cudaTorch.index': 'https://download.pytorch.org/whl/nightly/cu128',
};

describe('torch-swap enricher', () => {
  test('a PyPI torch collected last after a CUDA build is a swap, with the CUDA indexes of its release', () => {
    const out = torchSwapEnrich({ ...cudaFirst, 'context.lastTorch.version': '2.6.0' });
    expect(out.swapped).toBe('2.6.0');
    expect(out.cudaTorch).toBe('2.7.0.dev20250215+cu128');
    expect(out.swappedTags).toContain('torch 2.6.0 was published for cu118, cu124, cu126, not cu128');
  });

  test('a CUDA build collected last is no swap, whatever came before it', () => {
    expect(torchSwapEnrich({ ...cudaFirst, 'context.lastTorch.version': '2.7.0.dev20250215', 'context.lastTorch.local': 'cu128' })).toEqual({});
  });

  test('no torch from PyTorch\'s index: nothing to compare', () => {
    expect(torchSwapEnrich({ 'context.lastTorch.version': '2.6.0' })).toEqual({});
  });

  test('a release the wheel table does not know names no indexes', () => {
    const out = torchSwapEnrich({ ...cudaFirst, 'context.lastTorch.version': '2.4.1' });
    expect(out.swapped).toBe('2.4.1');
    expect(out.swappedTags).toBeUndefined();
  });
});
