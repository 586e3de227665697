// The distro-nvcc enricher: the other toolkit's release, only when it differs from the release the compiler identified as.
import { describe, expect, test } from 'vitest';
import { distroNvccEnrich } from '../../src/knowledge/distro-nvcc-enricher.js';

describe('distro-nvcc enricher', () => {
  test("the reporter's CUDA differs from CMake's compiler id (isl-org/Open3D#7307: NVIDIA 11.5.119, `with CUDA 12.6`)", () => {
    expect(distroNvccEnrich({ 'context.nvccId.v': '11.5', 'context.otherWords.v': '12.6' })).toEqual({ otherCuda: '12.6' });
  });
  test('a toolkit path with no compiler id (colmap/colmap#2472: /usr/local/cuda-12.3 on the /usr/bin/nvcc line)', () => {
    expect(distroNvccEnrich({ 'context.otherPath.v': '12.3', 'context.otherWords.v': '12.3' })).toEqual({ otherCuda: '12.3' });
  });
  test('the same release on both (CMake run here: `identification is NVIDIA 13.0.88`, `/usr/local/cuda-13.0/bin/nvcc`): one toolkit', () => {
    expect(distroNvccEnrich({ 'context.nvccId.v': '13.0', 'context.otherPath.v': '13.0' })).toEqual({});
  });
  test('no other toolkit named (abetlen/llama-cpp-python#454: /usr/bin/nvcc only)', () => {
    expect(distroNvccEnrich({})).toEqual({});
  });
});
