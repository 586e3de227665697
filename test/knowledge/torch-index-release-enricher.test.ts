// A PyTorch release pinned on a per-CUDA index it was never built for (knowledge/torch-index-release-enricher.ts).
import { describe, expect, test } from 'vitest';
import { factsFor } from '../../src/facts/fact-view.js';
import { torchIndexReleaseEnrich } from '../../src/knowledge/torch-index-release-enricher.js';
import { makeModel } from '../support/builders.js';

const model = makeModel({ steps: [] });
const facts = factsFor({}, null, model);

describe('torchIndexReleaseEnrich', () => {
  test('torch 1.12.0 on cu115, which lists only 1.11.0+cu115: the nearest index of 1.12.0 and the newest cu115 release', () => {
    const out = torchIndexReleaseEnrich(
      { requirement: 'torch==1.12.0', versions: '1.11.0+cu115', 'context.torchCudaIndex.tag': 'cu115' },
      null,
      model,
      facts,
    );
    expect(out.idxTags).toBe('cu102, cu113 and cu116');
    expect(out.idxOtherTag).toBe('cu116');
    expect(out.idxMoveCmd).toBe('pip install --extra-index-url https://download.pytorch.org/whl/cu116 torch==1.12.0+cu116');
    expect(out.idxStayCmd).toBe('pip install --extra-index-url https://download.pytorch.org/whl/cu115 torch==1.11.0+cu115');
  });
  test('nothing when the index has the release, or pip listed no build of this index', () => {
    expect(torchIndexReleaseEnrich({ requirement: 'torch==1.12.0', versions: '1.12.0+cu116', 'context.torchCudaIndex.tag': 'cu116' }, null, model, facts)).toEqual({});
    expect(torchIndexReleaseEnrich({ requirement: 'torch==1.12.0', versions: '1.8.0, 1.9.0', 'context.torchCudaIndex.tag': 'cu115' }, null, model, facts)).toEqual({});
  });
  // deepbeepmeep/Wan2GP#441: `pip install torch==2.7.0 torchvision torchaudio --index-url https://download.pytorch.org/whl/test/cu124`
  test('torch 2.7.0 on the release-candidate copy of cu124: the release indexes, the quoted packages, cu128 for sm_120', () => {
    const out = torchIndexReleaseEnrich(
      {
        requirement: 'torch==2.7.0',
        versions: '2.4.0+cu124, 2.4.1+cu124, 2.5.0+cu124, 2.5.1+cu124, 2.6.0+cu124',
        'context.torchCudaIndex.tag': 'cu124',
        'context.torchCudaIndex.channel': 'test/',
        'context.torchCommand.cmd': 'pip install torch==2.7.0 torchvision torchaudio --index-url https://download.pytorch.org/whl/test/cu124',
      },
      null,
      model,
      facts,
    );
    expect(out.idxIndex).toBe('test/cu124');
    expect(out.idxChannelNote).toContain('release candidates');
    expect(out.idxTags).toBe('cu118, cu126 and cu128');
    expect(out.idxMoveCmd).toBe('pip install --index-url https://download.pytorch.org/whl/cu126 torch==2.7.0 torchvision==0.22.0 torchaudio==2.7.0');
    expect(out.idxBlackwellTag).toBe('cu128');
    expect(out.idxBlackwellCmd).toBe('pip install --index-url https://download.pytorch.org/whl/cu128 torch==2.7.0 torchvision==0.22.0 torchaudio==2.7.0');
    expect(out.idxStayCmd).toBe('pip install --index-url https://download.pytorch.org/whl/cu124 torch==2.6.0 torchvision==0.21.0 torchaudio==2.6.0');
  });
  test('no Blackwell index for a release built before CUDA 12.8, and none named when the nearest index already builds sm_120', () => {
    const old = torchIndexReleaseEnrich({ requirement: 'torch==1.12.0', versions: '1.11.0+cu115', 'context.torchCudaIndex.tag': 'cu115' }, null, model, facts);
    expect(old.idxBlackwellCmd).toBeUndefined();
    expect(old.idxIndex).toBe('cu115');
    expect(old.idxChannelNote).toBeUndefined();
    // torch 2.9.0 (cu126 / cu128 / cu130) asked of cu129: the nearest index (cu130, the newer of two as near) builds sm_120 already
    const near = torchIndexReleaseEnrich({ requirement: 'torch==2.9.0', versions: '2.8.0+cu129', 'context.torchCudaIndex.tag': 'cu129' }, null, model, facts);
    expect(near.idxOtherTag).toBe('cu130');
    expect(near.idxBlackwellCmd).toBeUndefined();
  });
});
