// A requirement's floor above every version pip listed: the release is not on the index (yet); who asked for it.
import { describe, expect, test } from 'vitest';
import { unreleasedFloorEnrich } from '../../src/knowledge/unreleased-floor-enricher.js';
import type { FactView } from '../../src/facts/fact-view.js';
import { makeModel } from '../support/builders.js';

const facts: FactView = { get: () => null, value: () => null, conflicts: () => [], place: null, githubHosted: false };
const run = (captures: Record<string, string>): Record<string, string> => unreleasedFloorEnrich(captures, null, makeModel({ steps: [] }), facts);

describe('unreleasedFloorEnrich', () => {
  test('a dependency floor above the newest listed version, asked by another package', () => {
    // unslothai/unsloth#1989: `… requirement unsloth_zoo>=2025.3.9; extra == "huggingface" (from unsloth[huggingface]) (from versions: …, 2025.3.7, 2025.3.8)`
    expect(run({ requirement: 'unsloth_zoo>=2025.3.9', requiredBy: 'unsloth[huggingface]', versions: '2024.12.7, 2025.1.1, 2025.3.7, 2025.3.8' })).toEqual({
      floorVersion: '2025.3.9',
      floorNewest: '2025.3.8',
      floorName: 'unsloth_zoo',
      floorParent: 'unsloth[huggingface]',
      floorParentName: 'unsloth',
    });
    // sgl-project/sglang#3715: `sgl-kernel>=0.0.3.post6; extra == "srt" (from sglang[srt]) (from versions: 0.0.1)`: PEP 440 order
    expect(run({ requirement: 'sgl-kernel>=0.0.3.post6', requiredBy: 'sglang[srt]', versions: '0.0.1' }).floorNewest).toBe('0.0.1');
  });

  test('a requirements file is no package', () => {
    // NVIDIA/waveglow#36: `torch==1.0.0a0 (from -r requirements.txt (line 1)) (from versions: 0.1.2, …, 0.4.1)`
    const out = run({ requirement: 'torch==1.0.0a0', requiredBy: '-r requirements.txt ', versions: '0.1.2, 0.1.2.post1, 0.3.1, 0.4.0, 0.4.1' });
    expect(out.floorNewest).toBe('0.4.1');
    expect(out.floorParent).toBeUndefined();
  });

  test('a pin below the listed versions, or no list, is not a floor above them', () => {
    // YassineYousfi/comma10k-baseline#13: `torch==1.8.1 (from versions: 1.13.0, …, 2.8.0)`
    expect(run({ requirement: 'torch==1.8.1', versions: '1.13.0, 1.13.1, 2.0.0, 2.8.0' })).toEqual({});
    // Layout-Parser/annotation-service#4: `torch==1.4.0+cpu (from versions: 1.8.0, …, 1.11.0)`
    expect(run({ requirement: 'torch==1.4.0+cpu', versions: '1.8.0, 1.8.1, 1.9.0, 1.10.0, 1.10.1, 1.10.2, 1.11.0' })).toEqual({});
    expect(run({ requirement: 'unsloth_zoo>=2025.3.9', versions: 'none' })).toEqual({});
  });
});
