import { describe, expect, test } from 'vitest';
import { cudaMajorDeleted, cudaTagOnUbuntu, newestCudaForUbuntu } from '../../src/knowledge/cuda-image-tags.js';

describe('nvidia/cuda majors with no tag left', () => {
  test('CUDA 10 and older are gone, CUDA 11 and newer are not', () => {
    expect(cudaMajorDeleted('10.2')).toBe(true);
    expect(cudaMajorDeleted('9.2')).toBe(true);
    expect(cudaMajorDeleted('11.8')).toBe(false);
    expect(cudaMajorDeleted('12.4')).toBe(false);
  });

  test('the newest published release per Ubuntu release', () => {
    expect(newestCudaForUbuntu('22.04')).toBe('12.9.1');
    expect(newestCudaForUbuntu('18.04')).toBe('12.0.1');
    expect(newestCudaForUbuntu('16.04')).toBe('11.3.1');
    expect(newestCudaForUbuntu('14.04')).toBeNull();
  });

  test('the CUDA tagged for an Ubuntu release nearest a minor: its own, else the first newer one', () => {
    expect(cudaTagOnUbuntu('12.4', '22.04')).toEqual({ full: '12.4.1', same: true });
    expect(cudaTagOnUbuntu('11.4', '22.04')).toEqual({ full: '11.7.1', same: false });
    expect(cudaTagOnUbuntu('11.8', '24.04')).toEqual({ full: '12.6.3', same: false });
    expect(cudaTagOnUbuntu('12.9', '18.04')).toBeNull();
  });
});
