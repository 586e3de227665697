// The torch generation a CUDA tag dates, against the first release on another CUDA's index.
import { describe, expect, test } from 'vitest';
import { generationGapPin } from '../../src/knowledge/torch-index-pin.js';

describe('generationGapPin', () => {
  test('a cu113 torch (1.x) has no build on the cu121 index (2.1.0 on): pin 2.1.2', () => {
    const gap = generationGapPin('11.3', 'cu121');
    expect(gap?.pick.torch).toBe('2.1.2');
    expect(gap?.builtFor).toBe('torch 1.11.0 through 1.12.1');
  });

  test('ranges that overlap give no pin: a cu118 torch (2.0 … 2.7) can have a cu121 build of its release', () => {
    expect(generationGapPin('11.8', 'cu121')).toBeNull();
    expect(generationGapPin('12.1', 'cu121')).toBeNull();
  });

  test('a CUDA the tables know no torch build for gives no pin', () => {
    expect(generationGapPin('11.5', 'cu121')).toBeNull();
    expect(generationGapPin('banana', 'cu121')).toBeNull();
  });
});
