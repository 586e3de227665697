// The `xformers-build` enricher: the pip lines for xFormers' `built for: PyTorch X (you have Y)`.
import { describe, expect, test } from 'vitest';
import { xformersBuildEnrich } from '../../src/knowledge/xformers-build-enricher.js';
import { makeModel } from '../support/builders.js';
import { factsFor } from '../../src/facts/fact-view.js';

const model = makeModel();
const noFacts = factsFor({}, null, model);
const run = (c: Record<string, string>) => xformersBuildEnrich(c, null, model, noFacts);

describe('xformers-build', () => {
  test('another torch release: the xformers of the installed torch, or the torch xformers was built for with its pairs', () => {
    // unslothai/unsloth#1026: `PyTorch 2.3.0+cu121 with CUDA 1201 (you have 2.4.0+cu121)`
    const out = run({ builtTorch: '2.3.0', builtTag: 'cu121', builtCuda: '1201', haveTorch: '2.4.0', haveTag: 'cu121' });
    expect(out['xfMatchFix']).toBe('pip install -U "torch==2.4.0" xformers --index-url https://download.pytorch.org/whl/cu121');
    expect(out['xfRollbackFix']).toBe(
      'pip install "torch==2.3.0" "torchvision==0.18.0" "torchaudio==2.3.0" --index-url https://download.pytorch.org/whl/cu121',
    );
    expect(out['xfCpuFix']).toBeUndefined();
  });

  test('a CPU-only torch: the CUDA build of the torch xformers was built for', () => {
    // open-mmlab/PIA#30: `PyTorch 2.1.2+cu121 with CUDA 1201 (you have 2.1.2+cpu)`
    const out = run({ builtTorch: '2.1.2', builtTag: 'cu121', builtCuda: '1201', haveTorch: '2.1.2', haveTag: 'cpu' });
    expect(out).toEqual({ xfCpuFix: 'pip install --force-reinstall "torch==2.1.2" --index-url https://download.pytorch.org/whl/cu121' });
  });

  test('no CUDA tag on either side (a build without the local suffix): nothing computed', () => {
    // Vchitect/SEINE#21: `PyTorch 2.0.1 with CUDA 1106 (you have 2.0.1)`
    expect(run({ builtTorch: '2.0.1', builtCuda: '1106', haveTorch: '2.0.1' })).toEqual({});
  });

  test('not an xFormers report: nothing', () => {
    expect(run({ symbol: '_ZN3c10', lib: 'x.so' })).toEqual({});
  });
});
