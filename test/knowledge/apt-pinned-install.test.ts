import { describe, expect, test } from 'vitest';
import { aptPinnedInstallEnrich } from '../../src/knowledge/apt-pinned-install-enricher.js';
import type { BuildModel, Step } from '../../src/model/types.js';
import type { FactView } from '../../src/facts/fact-view.js';

const model = { format: 'legacy', steps: [] } as unknown as BuildModel;
const facts: FactView = { get: () => null, value: () => null, conflicts: () => [], place: null, githubHosted: false };
const stepOf = (instruction: string): Step => ({ instruction } as unknown as Step);

describe('the apt-pinned-install enricher', () => {
  test('the install as written, options and pins kept (mozilla/DeepSpeech#2288, Step 4/70)', () => {
    const step = stepOf('RUN apt-get install -qq -y --allow-downgrades --allow-change-held-packages libnccl2=2.3.7-1+cuda10.0 libnccl-dev=2.3.7-1+cuda10.0');
    expect(aptPinnedInstallEnrich({}, step, model, facts)).toEqual({
      aptInstallArgs: '-qq -y --allow-downgrades --allow-change-held-packages libnccl2=2.3.7-1+cuda10.0 libnccl-dev=2.3.7-1+cuda10.0',
    });
  });

  test('stops at the next shell operator and drops line continuations', () => {
    const step = stepOf('RUN apt-get install -y \\ curl=7.88.1-10+deb12u7 && rm -rf /var/lib/apt/lists/*');
    expect(aptPinnedInstallEnrich({}, step, model, facts)).toEqual({ aptInstallArgs: '-y curl=7.88.1-10+deb12u7' });
  });

  test('nothing for an install without a pin, a variable or a quote, or no step', () => {
    expect(aptPinnedInstallEnrich({}, stepOf('RUN apt-get install -y curl'), model, facts)).toEqual({});
    expect(aptPinnedInstallEnrich({}, stepOf('RUN apt-get install -y libnccl2=${NCCL_VERSION}'), model, facts)).toEqual({});
    expect(aptPinnedInstallEnrich({}, stepOf('RUN apt-get install -y "libnccl2=2.3.7-1+cuda10.0"'), model, facts)).toEqual({});
    expect(aptPinnedInstallEnrich({}, null, model, facts)).toEqual({});
  });
});
