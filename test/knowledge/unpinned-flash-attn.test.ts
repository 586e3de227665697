import { describe, expect, test } from 'vitest';
import { unpinnedFlashAttnEnrich } from '../../src/knowledge/unpinned-flash-attn-enricher.js';
import { factsFor } from '../../src/facts/fact-view.js';
import { makeModel, makeStep } from '../support/builders.js';

const noFacts = factsFor({}, null, makeModel());

/** The solve error as BuildKit prints it (hpcaitech/Open-Sora#780), with the install command swapped for each case. */
function solve(command: string) {
  const message = `process "/bin/bash --login -c ${command}" did not complete successfully: exit code: 1`;
  return makeModel({ solveError: { dockerfile: null, line: null, message } as never });
}

describe('unpinned-flash-attn enricher', () => {
  test('an install of flash-attn with no version, in the solve error', () => {
    expect(unpinnedFlashAttnEnrich({}, null, solve('pip install flash-attn --no-build-isolation'), noFacts)).toEqual({ unpinnedFlashAttn: 'flash-attn' });
  });

  test('the same in a step instruction, last word, underscore spelling and uv', () => {
    const step = makeStep({ instruction: 'RUN uv pip install --no-build-isolation flash_attn' });
    expect(unpinnedFlashAttnEnrich({}, step, makeModel(), noFacts)).toEqual({ unpinnedFlashAttn: 'flash_attn' });
  });

  test('a pinned or bounded flash-attn, a wheel URL and another package are not unpinned installs', () => {
    for (const command of [
      'pip install flash-attn==2.5.5 --no-build-isolation',
      'pip install flash-attn>=2.5 --no-build-isolation',
      'pip install flash-attn-fused',
      'pip install https://github.com/Dao-AILab/flash-attention/releases/download/v2.5.5/flash_attn-2.5.5+cu122torch2.1cxx11abiFALSE-cp310-cp310-linux_x86_64.whl',
      'pip install xformers',
    ]) {
      expect(unpinnedFlashAttnEnrich({}, null, solve(command), noFacts)).toEqual({});
    }
  });
});
