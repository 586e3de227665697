// CUPTI / cuDNN / NCCL package and soname table.
import { describe, expect, test } from 'vitest';
import { aptSuffix, cudnnFor, cudnnTagNotes, cuptiFor, debianToolkit, flavourShips, flavourSource, ncclFor } from '../../src/knowledge/cuda-packages.js';

describe('CUPTI', () => {
  test.each([
    ['12.4', '12-4'],
    ['12.4.1', '12-4'],
    ['cu118', '11-8'],
    ['banana', ''],
  ])('aptSuffix(%s) = %s', (v, s) => {
    expect(aptSuffix(v)).toBe(s);
  });

  test('CUDA 12 uses one soname for the major, the cu12 wheel and /usr/local/cuda/lib64', () => {
    const c = cuptiFor('12.4.1');
    expect(c).toMatchObject({ aptLib: 'cuda-cupti-12-4', aptDev: 'cuda-cupti-dev-12-4', soname: 'libcupti.so.12', libDir: '/usr/local/cuda/lib64', pip: 'nvidia-cuda-cupti-cu12' });
    expect(c?.runfileLibDir).toBe('/usr/local/cuda/extras/CUPTI/lib64');
  });

  test('CUDA 11 names the minor in the soname, and only verified minors get one', () => {
    expect(cuptiFor('11.8')?.soname).toBe('libcupti.so.11.8');
    expect(cuptiFor('11.7')?.soname).toBe('libcupti.so.11.7');
    expect(cuptiFor('11.4')?.soname).toBeNull();
    expect(cuptiFor('11.4')?.aptLib).toBe('cuda-cupti-11-4');
    expect(cuptiFor('11.8')?.pip).toBe('nvidia-cuda-cupti-cu11');
  });

  test('CUDA 13: libcupti.so.13 and the unsuffixed nvidia-cuda-cupti wheel', () => {
    expect(cuptiFor('13.0')).toMatchObject({ aptLib: 'cuda-cupti-13-0', soname: 'libcupti.so.13', pip: 'nvidia-cuda-cupti' });
  });

  test('outside 11–13 or not a version: null', () => {
    expect(cuptiFor('10.2')).toBeNull();
    expect(cuptiFor('14.0')).toBeNull();
    expect(cuptiFor('x')).toBeNull();
  });
});

describe('cuDNN and NCCL', () => {
  test('cuDNN 8 carries the CUDA release in the version, cuDNN 9 in the name', () => {
    expect(cudnnFor(8, 11)).toMatchObject({ aptLib: 'libcudnn8', aptDev: 'libcudnn8-dev', soname: 'libcudnn.so.8', versionForm: '8.9.6.50-1+cuda11.8' });
    expect(cudnnFor(9, 12)).toMatchObject({ aptLib: 'libcudnn9-cuda-12', aptDev: 'libcudnn9-dev-cuda-12', soname: 'libcudnn.so.9', pip: 'nvidia-cudnn-cu12' });
    expect(cudnnFor(9, 13)?.aptLib).toBe('libcudnn9-cuda-13');
    expect(cudnnFor(9, 11)).toBeNull();
    expect(cudnnFor(7, 10)).toBeNull();
  });

  test('NCCL keeps its names; the wheel follows the CUDA major', () => {
    expect(ncclFor(12)).toMatchObject({ aptLib: 'libnccl2', aptDev: 'libnccl-dev', soname: 'libnccl.so.2', versionForm: '2.21.5-1+cuda12.4', pip: 'nvidia-nccl-cu12' });
    expect(ncclFor(13)?.pip).toBe('nvidia-nccl-cu13');
    expect(ncclFor(13)?.versionForm).toBeNull();
    expect(ncclFor(10)).toBeNull();
  });
});

describe('image flavours', () => {
  test('runtime has NCCL but no CUPTI; base has neither (12.4 Dockerfiles)', () => {
    expect(flavourShips('runtime', 'cupti-lib', '12.4.1')).toBe(false);
    expect(flavourShips('runtime', 'nccl', '12.4')).toBe(true);
    expect(flavourShips('base', 'nccl', '12.4')).toBe(false);
    expect(flavourShips('devel', 'cudnn', '12.4')).toBe(false);
  });

  test('devel has CUPTI where an issue showed it; unchecked answers are null', () => {
    expect(flavourShips('devel', 'cupti-lib', '11.6')).toBe(true);
    expect(flavourShips('devel', 'cupti-lib', '12.4')).toBeNull();
    expect(flavourShips('devel', 'cupti-headers', '12.4')).toBeNull();
    expect(flavourShips('runtime', 'cupti-lib', '12.8')).toBeNull();
    expect(flavourSource('12.8')).toBeNull();
    expect(flavourSource('11.6')).toContain('deepdetect');
  });

  test('every note and Debian row names its source', () => {
    for (const n of cudnnTagNotes) expect(n.source.length).toBeGreaterThan(10);
    for (const r of debianToolkit) expect(r.source).toMatch(/apt-cache|dpkg/);
    expect(debianToolkit.find((r) => r.pkg === 'libcupti11.8')?.note).toContain('libcupti.so.11.8');
  });

  test('every lookup that answers carries a source', () => {
    for (const v of ['11.0', '11.8', '12.1', '12.9', '13.0']) expect(cuptiFor(v)?.source).toMatch(/\w/);
    for (const [a, b] of [[8, 11], [8, 12], [9, 12], [9, 13]] as const) expect(cudnnFor(a, b)?.source).toMatch(/\w/);
  });
});
