// The first drivers of a CUDA release (NVIDIA's release notes, Table 3) and the advice for the container toolkit's
// `cuda>=X.Y` requirement (knowledge/cuda-release-drivers.ts, knowledge/cuda-require-enricher.ts).
import { describe, expect, test } from 'vitest';
import { factsFor } from '../../src/facts/fact-view.js';
import { firstDriversFor } from '../../src/knowledge/cuda-release-drivers.js';
import { cudaRequireEnrich } from '../../src/knowledge/cuda-require-enricher.js';
import { makeModel } from '../support/builders.js';

const model = makeModel({ steps: [] });
const none = factsFor({}, null, model);

describe('firstDriversFor', () => {
  test.each([
    ['12.8', '570.26', '570.65'],
    ['11.5', '495.29.05', '496.04'],
    ['12.4', '550.54.14', '551.61'],
    ['10.0', '410.48', '411.31'],
  ])('CUDA %s: Linux ≥ %s, Windows ≥ %s', (cuda, linux, windows) => {
    expect(firstDriversFor(cuda)).toEqual({ cuda, linux, windows });
  });
  test('a release that was never published takes the next one', () => {
    expect(firstDriversFor('12.7')?.cuda).toBe('12.8');
  });
  test('CUDA 13 has no Windows number in the table', () => {
    expect(firstDriversFor('13.0')).toEqual({ cuda: '13.0', linux: '580.65.06', windows: null });
  });
  test('outside the table: nothing', () => {
    expect(firstDriversFor('9.2')).toBeNull();
    expect(firstDriversFor('14.0')).toBeNull();
    expect(firstDriversFor('twelve')).toBeNull();
  });
});

describe('cudaRequireEnrich', () => {
  test('the requirement and the nvidia-smi header of a Windows host (SyneRBI/PETRIC2#27)', () => {
    const out = cudaRequireEnrich({ 'context.requireCuda.need': '12.8', 'context.smiHeader.driver': '551.78', 'context.smiHeader.cuda': '12.4' }, null, model, none);
    expect(out.windowsDriver).toBe('a Windows NVIDIA driver ≥ 570.65 (the first of CUDA 12.8)');
    expect(out.anyDriver).toContain('≥ 570.26 on a Linux host');
    expect(out.hostNote).toContain('551.78, supports CUDA 12.4');
    expect(out.olderImage).toContain('CUDA 12.4 or older');
  });
  test('without the header the image advice says how to read the driver', () => {
    const out = cudaRequireEnrich({ 'context.requireCuda.need': '11.5' }, null, model, none);
    expect(out.hostNote).toBeUndefined();
    expect(out.olderImage).toContain('header of nvidia-smi');
  });
  test('a CUDA 13 requirement prints no Windows number and says how to check', () => {
    const out = cudaRequireEnrich({ 'context.requireCuda.need': '13.0' }, null, model, none);
    expect(out.anyDriver).not.toMatch(/≥ \d+[.\d]* on Windows/);
    expect(out.driverSource).toContain('CUDA Version 13.0 or higher');
  });
  test('no requirement, no values', () => {
    expect(cudaRequireEnrich({}, null, model, none)).toEqual({});
  });
});
