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
});
