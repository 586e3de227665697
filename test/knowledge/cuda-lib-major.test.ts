import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { cudaLibMajorEnrich, cudaRuntimeWheel, toolkitMajorOfSoname } from '../../src/knowledge/cuda-lib-major.js';
import type { BuildModel } from '../../src/model/types.js';
import type { FactName } from '../../src/facts/types.js';
import type { FactView } from '../../src/facts/fact-view.js';
import { fixturesRoot } from '../rules/support/fixtures.js';
import { analyzeLog } from '../rules/support/analyze-log.js';

const model = { format: 'plain-text', steps: [] } as unknown as BuildModel;
function factsOf(values: Partial<Record<FactName, string>>): FactView {
  return {
    get: (name) => (values[name] === undefined ? null : { value: values[name]!, source: 'wheel', evidence: '', line: 1, stage: null, step: null }),
    value: (name) => values[name] ?? null,
    conflicts: () => [],
    place: null,
    githubHosted: false,
  };
}

describe('the cuda-lib-major enricher', () => {
  test('sonames that follow the toolkit major; the others have versions of their own', () => {
    expect(toolkitMajorOfSoname('libcudart.so.12')).toBe(12);
    expect(toolkitMajorOfSoname('libcublasLt.so.13')).toBe(13);
    expect(toolkitMajorOfSoname('libcudart.so.11.0')).toBe(11);
    expect(toolkitMajorOfSoname('libcufft.so.11')).toBeNull();
    expect(toolkitMajorOfSoname('libcurand.so.10')).toBeNull();
  });

  test('a CUDA 12 runtime missing under a cu130 torch: both majors and the proof', () => {
    const out = cudaLibMajorEnrich({ library: 'libcudart.so.12' }, null, model, factsOf({ torch: '2.9.0+cu130', torchCuda: 'cu130' }));
    expect(out).toEqual({ libMajor: '12', imageMajor: '13', imageCudaProof: 'torch 2.9.0+cu130', libRuntimeWheel: 'nvidia-cuda-runtime-cu12' });
  });

  test('an image tag with a cu part (vLLM `latest-cu130`) when no other fact tells', () => {
    const out = cudaLibMajorEnrich(
      { library: 'libcudart.so.12', 'context.cuImageTag.cu': 'cu130', 'context.cuImageTag.image': 'vllm/vllm-openai:latest-cu130' },
      null,
      model,
      factsOf({}),
    );
    expect(out.imageMajor).toBe('13');
    expect(out.imageCudaProof).toBe('the image `vllm/vllm-openai:latest-cu130`');
  });

  test('a runtime of another major listed by path (llm-d/llm-d#1402) when nothing else tells; the same major says nothing', () => {
    const listed = { 'context.cudartPresent.major': '13', 'context.cudartPresent.path': '/opt/vllm/lib/python3.12/site-packages/nvidia/cu13/lib/libcudart.so.13' };
    const out = cudaLibMajorEnrich({ library: 'libcudart.so.12', ...listed }, null, model, factsOf({}));
    expect(out.imageMajor).toBe('13');
    expect(out.imageCudaProof).toBe('`/opt/vllm/lib/python3.12/site-packages/nvidia/cu13/lib/libcudart.so.13` in the log');
    expect(cudaLibMajorEnrich({ library: 'libcudart.so.13', ...listed }, null, model, factsOf({}))).toEqual({});
    // torch's own CUDA comes first when the log has both
    expect(cudaLibMajorEnrich({ library: 'libcudart.so.12', ...listed }, null, model, factsOf({ torchCuda: 'cu121', torch: '2.4.0+cu121' }))).toEqual({});
  });

  test('nothing when the majors agree, or the library\'s number is not the toolkit\'s', () => {
    expect(cudaLibMajorEnrich({ library: 'libcudart.so.13' }, null, model, factsOf({ cuda: '13.0' }))).toEqual({});
    expect(cudaLibMajorEnrich({ library: 'libcufft.so.11' }, null, model, factsOf({ cuda: '12.4' }))).toEqual({});
  });

  test('the environment\'s CUDA unknown (a torch CPU build says nothing of it): the soname\'s major and the other', () => {
    expect(cudaLibMajorEnrich({ library: 'libcudart.so.12' }, null, model, factsOf({}))).toEqual({ soleMajor: '12', otherMajor: '13' });
    expect(cudaLibMajorEnrich({ library: 'libcudart.so.13' }, null, model, factsOf({ torchCuda: 'cpu' }))).toEqual({ soleMajor: '13', otherMajor: '12' });
  });

  test('the CUDA runtime wheel by major: `-cu13` was renamed to `nvidia-cuda-runtime` (NVIDIA/TensorRT#4615)', () => {
    expect(cudaRuntimeWheel(12)).toBe('nvidia-cuda-runtime-cu12');
    expect(cudaRuntimeWheel(13)).toBe('nvidia-cuda-runtime==13.*');
  });
});

describe('runtime/shared-library-missing and the CUDA major', () => {
  const read = (rel: string) => readFileSync(path.join(fixturesRoot, rel), 'utf8');

  test('the error line alone (vllm#37801): the plain advice, with the other-major build as the second way', async () => {
    const f = (await analyzeLog(read('runtime/shared-library-missing/match-libcudart12-cu12-wheel-in-cu130-vllm-37801.log'))).find(
      (x) => x.ruleId === 'runtime/shared-library-missing',
    )!;
    expect(f.title).toBe('CUDA runtime library not found');
    expect(f.fix).toContain('`nixl-cu13`, `cupy-cuda13x`');
    expect(f.fix).toContain('install the CUDA 12 libraries');
  });

  test('a CUDA 13 build missing libcudart.so.13 (same major): not read as a package of another CUDA', async () => {
    const f = (await analyzeLog(read('runtime/shared-library-missing/match-cudart-not-in-image.log'))).find(
      (x) => x.ruleId === 'runtime/shared-library-missing',
    )!;
    expect(f.title).not.toContain('another CUDA');
  });
});
