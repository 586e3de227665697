// The host driver an image's CUDA needs (NVIDIA's minor version compatibility table, knowledge/cuda-driver.ts).
import { describe, expect, test } from 'vitest';
import { factsFor } from '../../src/facts/fact-view.js';
import type { BuildFacts } from '../../src/facts/types.js';
import { cudaDriverEnrich, driverCuda, hostTorch, minimumDriver, understatedGate } from '../../src/knowledge/cuda-driver.js';
import { makeModel } from '../support/builders.js';

const model = makeModel({ steps: [] });

describe('minimumDriver', () => {
  test.each([
    ['13.0', '580'],
    ['12.1.1', '525'],
    ['11.8', '450.80.02'],
  ])('CUDA %s runs on a driver ≥ %s', (cuda, driver) => {
    expect(minimumDriver(cuda)).toBe(driver);
  });
  test('before CUDA 11 there is no family minimum', () => {
    expect(minimumDriver('10.2')).toBeNull();
    expect(minimumDriver('9.2')).toBeNull();
  });
});

describe('driverCuda', () => {
  test('cudaDriverGetVersion numbers', () => {
    expect(driverCuda('11040')).toBe('11.4');
    expect(driverCuda('12020')).toBe('12.2');
    expect(driverCuda('12')).toBeNull();
  });
});

describe('hostTorch', () => {
  const none = factsFor({}, null, model);
  test("a driver of CUDA 11.6 gets the cu116 index and that index's newest release, in the page's own form", () => {
    expect(hostTorch('11.6', none)).toMatchObject({
      hostTorchTag: 'cu116',
      hostTorchRange: 'torch 1.12.0 … 1.13.1',
      hostTorchCmd: 'pip install --extra-index-url https://download.pytorch.org/whl/cu116 torch==1.13.1+cu116 torchvision==0.14.1+cu116 torchaudio==0.13.1',
    });
  });
  test('a CUDA 12.0 driver falls back to the newest CUDA 11 index', () => {
    expect(hostTorch('12.0', none).hostTorchCmd).toBe(
      'pip install --index-url https://download.pytorch.org/whl/cu118 torch==2.7.1 torchvision==0.22.1 torchaudio==2.7.1',
    );
  });
  test('a driver older than every index gets no command', () => {
    expect(hostTorch('10.1', none)).toEqual({});
  });
  test("the log's torch release is kept when it was published for a CUDA the driver runs: only the index moves", () => {
    // unslothai/unsloth#2499: `PyTorch version: 2.6.0+cu124` and `found version 11080`
    const out = hostTorch('11.8', none, '2.6.0+cu124');
    expect(out.hostTorchCmd).toBe('pip install --index-url https://download.pytorch.org/whl/cu118 torch==2.6.0 torchvision==0.21.0 torchaudio==2.6.0');
    expect(out.hostTorchChoice).toContain('keep that release');
    // the newest index not above the driver is still reported as such (pip/build-isolation reads it)
    expect(out.hostTorchTag).toBe('cu118');
  });
  test('a release with no build the driver runs moves torch, and says so', () => {
    // torch 2.8.0 was published for cu126 / cu128 / cu129 only
    const out = hostTorch('11.8', none, '2.8.0+cu126');
    expect(out.hostTorchCmd).toBe('pip install --index-url https://download.pytorch.org/whl/cu118 torch==2.7.1 torchvision==0.22.1 torchaudio==2.7.1');
    expect(out.hostTorchChoice).toContain('this moves torch from 2.8.0 to 2.7.1');
  });
  test('a release the table does not list is named with where to find its indexes, and the move is explicit', () => {
    const out = hostTorch('11.8', none, '2.4.1+cu121');
    expect(out.hostTorchChoice).toContain('a release the table here does not list');
    expect(out.hostTorchChoice).toContain('this moves torch from 2.4.1 to 2.7.1');
  });
  test('without a torch in the log, the newest release of the index is offered with a word on pinned stacks', () => {
    expect(hostTorch('11.8', none).hostTorchChoice).toContain('a stack pinned to another torch release');
  });
});

describe('cudaDriverEnrich', () => {
  test('the image CUDA from the log names the driver it needs', () => {
    // `CUDA Version 12.1.1`: the banner of NVIDIA's images (abetlen/llama-cpp-python#234)
    const facts: BuildFacts = { cuda: [{ value: '12.1', source: 'banner', evidence: 'CUDA Version 12.1.1', line: 1, stage: null, step: null }] };
    const out = cudaDriverEnrich({}, null, model, factsFor(facts, null, model));
    expect(out.driverNeed).toContain('host driver ≥ 525');
    expect(out.cudaVersion).toBe('12.1');
  });
  test('a CUDA 9 release in the release notes\' table gets its own first driver', () => {
    const facts: BuildFacts = { cuda: [{ value: '9.2', source: 'nvcc', evidence: 'release 9.2', line: 1, stage: null, step: null }] };
    expect(cudaDriverEnrich({}, null, model, factsFor(facts, null, model)).driverNeed).toContain('the driver it shipped with, ≥ 396.26 on Linux');
  });
  test('a CUDA older than the table points at the release notes instead of a number', () => {
    const facts: BuildFacts = { cuda: [{ value: '7.5', source: 'nvcc', evidence: 'release 7.5', line: 1, stage: null, step: null }] };
    expect(cudaDriverEnrich({}, null, model, factsFor(facts, null, model)).driverNeed).toContain('cuda-toolkit-release-notes');
    expect(cudaDriverEnrich({}, null, model, factsFor(facts, null, model)).driverNeed).not.toContain('≥');
  });
  test('a CUDA 10 release in the release notes\' table gets its own first driver', () => {
    const facts: BuildFacts = { cuda: [{ value: '10.2', source: 'nvcc', evidence: 'release 10.2', line: 1, stage: null, step: null }] };
    expect(cudaDriverEnrich({}, null, model, factsFor(facts, null, model)).driverNeed).toContain('the driver it shipped with, ≥ 440.33 on Linux');
  });
  test("torch's `driver … too old` is about torch's CUDA, not the image's toolkit", () => {
    const fact = (value: string, source: string, evidence: string) => [{ value, source, evidence, line: 1, stage: null, step: null }];
    // a CUDA 12.4 devel image with a cu118 torch: the driver torch needs is CUDA 11's
    const facts: BuildFacts = { cuda: fact('12.4', 'nvcc', 'release 12.4'), torchCuda: fact('cu118', 'wheel', 'torch-2.1.0+cu118') };
    const out = cudaDriverEnrich({ 'context.tooOld.found': '11040' }, null, model, factsFor(facts, null, model));
    expect(out.hostCuda).toBe('11.4');
    expect(out.driverNeed).toContain("CUDA 11.8 (torch's) runs on a host driver ≥ 450.80.02");
    expect(out.driverNeed).not.toContain('PTX');
    // torch's CUDA unknown: the image's toolkit is not named in its place
    const imageOnly = cudaDriverEnrich({ 'context.tooOld.found': '11040' }, null, model, factsFor({ cuda: fact('12.4', 'nvcc', 'release 12.4') }, null, model));
    expect(imageOnly.driverNeed).toBeUndefined();
  });
  test('a CUDA newer than the table is not called old', () => {
    const facts: BuildFacts = { cuda: [{ value: '14.0', source: 'nvcc', evidence: 'release 14.0', line: 1, stage: null, step: null }] };
    expect(cudaDriverEnrich({}, null, model, factsFor(facts, null, model)).driverNeed).toBeUndefined();
  });
  test('nothing known, nothing said', () => {
    expect(cudaDriverEnrich({}, null, model, factsFor({}, null, model))).toEqual({});
  });
});

describe('a CUDA the log names that the host driver already runs', () => {
  const probe = { cuda: [{ value: '9.0', source: 'image-mention', evidence: 'nvidia/cuda:9.0-base', line: 1, stage: null, step: null }] } as BuildFacts;
  test('is no cause: no minimum is given, and the host driver says how far it reaches', () => {
    const out = cudaDriverEnrich({ 'context.hostDriver.driver': '396.54' }, null, model, factsFor(probe, null, model));
    expect(out.driverNeed).toBeUndefined();
    expect(out.cudaVersion).toBeUndefined();
    expect(out.cudaMet).toContain('this host\'s 396.54 runs it');
    expect(out.hostDriverRuns).toContain('runs CUDA up to 9.2');
  });
  test('a CUDA newer than the host driver keeps its minimum', () => {
    const newer = { cuda: [{ ...probe.cuda![0]!, value: '10.1' }] } as BuildFacts;
    const out = cudaDriverEnrich({ 'context.hostDriver.driver': '396.54' }, null, model, factsFor(newer, null, model));
    expect(out.driverNeed).toContain('≥ 418.39');
    expect(out.cudaMet).toBeUndefined();
  });
});

// artokun/comfyui-mcp#118: the image's gate says cuda>=12.8, its torch is a cu130 build (driver ≥ 580).
describe('understatedGate', () => {
  const facts = factsFor({}, null, model);
  test('a torch build newer than the gate: the gate\'s index, the torch release kept when the log shows it', () => {
    const out = understatedGate({ 'context.requireCuda.need': '12.8', 'context.imageTorchCuda.tag': '130' }, facts, '2.9.1+cu130');
    expect(out.gateCudaBelow).toBe('13.0');
    expect(out.gateDriverNeed).toBe('≥ 580');
    expect(out.gateTorchTag).toBe('cu128');
    expect(out.gateTorchCmd).toContain('torch==2.9.1');
    expect(out.gateTorchCmd).toContain('https://download.pytorch.org/whl/cu128');
  });
  test('a CUDA named in the report (`(CUDA 13)`), no torch release: no command, the index and its releases', () => {
    const out = understatedGate({ 'context.requireCuda.need': '12.8', 'context.imageCudaText.cuda': '13' }, facts);
    expect(out.gateCudaBelow).toBe('13.0');
    expect(out.gateTorchTag).toBe('cu128');
    expect(out.gateTorchCmd).toBeUndefined();
  });
  test('a CUDA no newer than the gate says nothing (the host\'s, or the gate\'s own)', () => {
    expect(understatedGate({ 'context.requireCuda.need': '12.8', 'context.imageCudaText.cuda': '12.4' }, facts)).toEqual({});
    expect(understatedGate({ 'context.requireCuda.need': '12.8', 'context.imageTorchCuda.tag': '128' }, facts)).toEqual({});
    expect(understatedGate({ 'context.imageTorchCuda.tag': '130' }, facts)).toEqual({});
  });
});
