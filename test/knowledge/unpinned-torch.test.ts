import { describe, expect, test } from 'vitest';
import { unpinnedTorchEnrich } from '../../src/knowledge/unpinned-torch-enricher.js';
import { factsFor } from '../../src/facts/fact-view.js';
import { makeModel, makeStep } from '../support/builders.js';

// The failed step's frame and the earlier install as mistralai/mistral-inference#76 prints them.
const FRAME = '  File "/usr/local/lib/python3.10/dist-packages/torch/utils/cpp_extension.py", line 525, in build_extensions';

function build(earlier: string, failedTail: string[] = [FRAME]) {
  const install = makeStep({ id: 1, instruction: earlier });
  const failed = makeStep({ id: 2, instruction: 'RUN git clone https://github.com/NVIDIA/apex && cd apex && pip install -v --no-build-isolation .', tail: failedTail });
  const model = makeModel({ steps: [install, failed] });
  return { model, failed, facts: factsFor({}, null, model) };
}

describe('unpinned-torch enricher', () => {
  test('an earlier torch install with a range and no index, then a cpp_extension frame', () => {
    const { model, failed, facts } = build('RUN pip3 install "torch>=2.0.0"');
    expect(unpinnedTorchEnrich({}, failed, model, facts)).toEqual({ unpinnedTorch: 'torch>=2.0.0', unpinnedTorchStep: 'RUN pip3 install "torch>=2.0.0"' });
  });

  test('a bare torch counts too', () => {
    const { model, failed, facts } = build('RUN pip install torch torchvision');
    expect(unpinnedTorchEnrich({}, failed, model, facts).unpinnedTorch).toBe('torch');
  });

  test('an exact pin, a PyTorch index, another package, or no cpp_extension frame: nothing', () => {
    for (const earlier of [
      'RUN pip install torch==2.0.1',
      'RUN pip install torch --index-url https://download.pytorch.org/whl/cu118',
      'RUN pip install torchvision-extra',
    ]) {
      const { model, failed, facts } = build(earlier);
      expect(unpinnedTorchEnrich({}, failed, model, facts)).toEqual({});
    }
    const { model, failed, facts } = build('RUN pip3 install "torch>=2.0.0"', ['error: command gcc failed']);
    expect(unpinnedTorchEnrich({}, failed, model, facts)).toEqual({});
  });
});
