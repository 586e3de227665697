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
    ['9.2', '396.26', '397.44'],
    ['9.1', '390.46', '391.29'],
    ['9.0', '384.81', '385.54'],
    ['8.0', '367.48', '369.30'],
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
    expect(firstDriversFor('7.5')).toBeNull();
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
  test('a driver the log names (iot-salzburg/gpu-jupyter#24, nvidia-390.138): the comparison, not nvidia-smi', () => {
    const out = cudaRequireEnrich({ 'context.requireCuda.need': '10.1', 'context.hostDriver.driver': '390.138' }, null, model, none);
    expect(out.hostDriverOlder).toBe(
      "The log names the host's driver: 390.138. That is older than 418.39, the first Linux driver of CUDA 10.1 (418.96 on Windows), which the image needs.",
    );
    expect(out.olderImage).toContain('CUDA 9.0 or older (driver 390.138 reaches');
  });
  test('a named driver inside the table: the newest CUDA whose first drivers it reaches on Linux and Windows alike', () => {
    // 535.104.05 ≥ 535.54.03 (12.2 on Linux) but < 536.25 (12.2 on Windows): the log does not say which host, so 12.1
    const out = cudaRequireEnrich({ 'context.requireCuda.need': '12.8', 'context.hostDriver.driver': '535.104.05' }, null, model, none);
    expect(out.olderImage).toContain('CUDA 12.1 or older');
  });
  test('a named driver new enough, or a bare branch equal to the first driver\'s: no comparison', () => {
    expect(cudaRequireEnrich({ 'context.requireCuda.need': '10.1', 'context.hostDriver.driver': '450.80.02' }, null, model, none).hostDriverOlder).toBeUndefined();
    expect(cudaRequireEnrich({ 'context.requireCuda.need': '10.1', 'context.hostDriver.driver': '418' }, null, model, none).hostDriverOlder).toBeUndefined();
    expect(cudaRequireEnrich({ 'context.requireCuda.need': '10.1', 'context.hostDriver.driver': '390' }, null, model, none).hostDriverOlder).toContain('older than 418.39');
  });
  test('a bare branch from a package name (NVIDIA/nvidia-docker#745, nvidia-390 against cuda>=9.2)', () => {
    const out = cudaRequireEnrich({ 'context.requireCuda.need': '9.2', 'context.hostDriver.driver': '390' }, null, model, none);
    expect(out.hostDriverOlder).toContain('older than 396.26, the first Linux driver of CUDA 9.2');
    expect(out.driverBranch).toBe('396');
    // branch 390 holds drivers older than 390.46 (CUDA 9.1's first): only 9.0 is sure to run
    expect(out.olderImage).toContain('CUDA 9.0 or older');
  });
  test('below the table a bare branch reaches nothing', () => {
    const out = cudaRequireEnrich({ 'context.requireCuda.need': '9.0', 'context.hostDriver.driver': '352' }, null, model, none);
    expect(out.olderImage).toContain('older than 8.0 (driver 352 is older than 367.48');
  });
  test('no requirement, no values', () => {
    expect(cudaRequireEnrich({}, null, model, none)).toEqual({});
  });
});
