// Image reference parsing and the nvidia/cuda tag policy.
import { describe, expect, test } from 'vitest';
import { CUDA_TAG_POLICY, parseImageRef, withFlavour, type CudaImage } from '../../src/knowledge/nvidia-images.js';

describe('nvidia/cuda tags', () => {
  test.each([
    ['nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04', { cuda: '12.4', cudnn: 'yes', flavour: 'devel', os: 'ubuntu', osRelease: '22.04' }],
    ['docker.io/nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu20.04', { cuda: '11.8', cudnn: 8, flavour: 'runtime', os: 'ubuntu', osRelease: '20.04' }],
    ['nvidia/cuda:12.2.2-base-ubi9', { cuda: '12.2', cudnn: null, flavour: 'base', os: 'ubi', osRelease: '9' }],
    ['nvidia/cuda:13.0.0-devel-ubuntu24.04@sha256:abcd', { cuda: '13.0', cudaFull: '13.0.0', cudnn: null, flavour: 'devel' }],
    ['nvidia/cuda:12.4.1-runtime-rockylinux9', { os: 'rockylinux', osRelease: '9' }],
  ] as const)('%s', (ref, expected) => {
    expect(parseImageRef(ref)).toMatchObject({ kind: 'nvidia-cuda', ...expected });
  });

  test('non-matching tags and other images are null', () => {
    expect(parseImageRef('nvidia/cuda:latest')).toBeNull();
    expect(parseImageRef('nvidia/cuda:12.4.1-devel')).toBeNull();
    expect(parseImageRef('ubuntu:22.04')).toBeNull();
    expect(parseImageRef('nvidia/cuda')).toBeNull();
  });

  test('switching flavour keeps cuDNN and OS', () => {
    const img = parseImageRef('nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04') as CudaImage;
    expect(withFlavour(img, 'devel')).toBe('nvidia/cuda:11.8.0-cudnn8-devel-ubuntu22.04');
    const plain = parseImageRef('nvidia/cuda:12.4.1-runtime-ubuntu22.04') as CudaImage;
    expect(withFlavour(plain, 'devel')).toBe('nvidia/cuda:12.4.1-devel-ubuntu22.04');
  });
});

describe('NGC and pytorch/pytorch tags', () => {
  test('NGC YY.MM', () => {
    expect(parseImageRef('nvcr.io/nvidia/pytorch:23.09-py3')).toEqual({ kind: 'ngc', framework: 'pytorch', year: 2023, month: 9, variant: 'py3' });
    expect(parseImageRef('nvcr.io/nvidia/pytorch:23.13-py3')).toBeNull();
  });

  test('pytorch/pytorch', () => {
    expect(parseImageRef('pytorch/pytorch:2.3.0-cuda12.1-cudnn8-devel')).toEqual({ kind: 'pytorch', torch: '2.3.0', cuda: '12.1', cudnn: 8, flavour: 'devel' });
    expect(parseImageRef('pytorch/pytorch:latest')).toBeNull();
  });
});

test('the tag policy quotes NVIDIA and names where', () => {
  expect(CUDA_TAG_POLICY.url).toContain('support-policy.md');
  expect(CUDA_TAG_POLICY.quote).toContain('WILL BE DELETED');
  expect(CUDA_TAG_POLICY.source).toMatch(/pytorch\/builder/);
});
