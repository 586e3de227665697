// The `cupti` and `extension-build` enrichers, and the devel tag table they and the CUDA rules use.
import { describe, expect, test } from 'vitest';
import { cuptiEnrich } from '../../src/knowledge/cupti-enricher.js';
import { extensionBuildEnrich, installTargetOf } from '../../src/knowledge/extension-build-enricher.js';
import { cudnnTagPart, develTagFor, osTagPart } from '../../src/knowledge/cuda-image-tags.js';
import { makeModel, makeStep } from '../support/builders.js';
import { factsFor } from '../../src/facts/fact-view.js';
import type { FactValue } from '../../src/facts/types.js';

function fact(value: string, source: string): FactValue {
  return { value, source, evidence: value, line: 1, stage: null, step: null };
}
const noFacts = factsFor({}, null, makeModel());

describe('cupti', () => {
  test('packages and a loader check from the CUDA version', () => {
    const out = cuptiEnrich({}, null, makeModel(), factsFor({ cuda: [fact('12.4', 'image-tag')] }, null, makeModel()));
    expect(out).toMatchObject({ cuptiApt: 'cuda-cupti-12-4', cuptiSoname: 'libcupti.so.12', cuptiPip: 'nvidia-cuda-cupti-cu12' });
    expect(out.cuptiLoadCheck).toBe(`python3 -c "import ctypes; ctypes.CDLL('libcupti.so.12')"`);
  });

  test('nothing without a CUDA version, and no soname where none was verified', () => {
    expect(cuptiEnrich({}, null, makeModel(), noFacts)).toEqual({});
    expect(cuptiEnrich({ cudaVersion: '11.5' }, null, makeModel(), noFacts).cuptiSoname).toBeUndefined();
  });
});

describe('extension-build', () => {
  test('the package pip was building, rebuilt with the installer in use', () => {
    const uv = factsFor({ installer: [fact('uv', 'instruction')] }, null, makeModel());
    const out = extensionBuildEnrich({ 'context.building.package': 'flash-attn' }, null, makeModel(), uv);
    expect(out.rebuild).toBe('uv pip install --no-build-isolation flash-attn');
    expect(out.knobs).toContain('FLASH_ATTN_CUDA_ARCHS');
  });

  test('else the instruction’s install target; nothing when there is none', () => {
    expect(installTargetOf('RUN pip install --no-cache-dir -r requirements.txt')).toEqual({ spec: '-r requirements.txt', name: null });
    expect(installTargetOf('RUN pip install --index-url https://x/y flash-attn==2.6.3 --no-build-isolation')).toEqual({ spec: 'flash-attn==2.6.3', name: 'flash-attn' });
    const out = extensionBuildEnrich({}, makeStep({ instruction: 'RUN pip install -e .' }), makeModel(), noFacts);
    expect(out.rebuild).toBe('pip install --no-build-isolation -e .');
    expect(extensionBuildEnrich({}, makeStep({ instruction: 'RUN make' }), makeModel(), noFacts)).toEqual({});
  });

  test('a from-source rebuild leaves torch alone', () => {
    const out = extensionBuildEnrich({ 'context.extModule.package': 'pytorch3d' }, null, makeModel(), noFacts);
    expect(out.rebuildFromSource).toBe('pip install --no-build-isolation --no-cache-dir --force-reinstall --no-deps --no-binary pytorch3d pytorch3d');
  });
});

describe('nvidia/cuda devel tags', () => {
  test('a published tag for the CUDA and Ubuntu release, none for a guess', () => {
    expect(develTagFor('11.8', 'Ubuntu 20.04')).toBe('nvidia/cuda:11.8.0-devel-ubuntu20.04');
    expect(develTagFor('12.4', 'Ubuntu 24.04')).toBeNull();
    expect(develTagFor('12.4', null)).toBeNull();
    expect(develTagFor('13.0', 'Ubuntu 24.04')).toBeNull();
    expect(osTagPart('Rocky Linux 8')).toBe('rockylinux8');
    expect(cudnnTagPart('12.2')).toBe('cudnn8');
    expect(cudnnTagPart('12.4')).toBe('cudnn');
  });
});
