// A dated torch nightly and Intel's XPU torch build: what the pin is, and the release or index that serves it now.
import { describe, expect, test } from 'vitest';
import { nightlyPin, torchPrereleasePinEnrich } from '../../src/knowledge/torch-prerelease-pin.js';
import { factsFor } from '../../src/facts/fact-view.js';
import { makeModel } from '../support/builders.js';

const noFacts = factsFor({}, null, makeModel());
const enrich = (captures: Record<string, string>) => torchPrereleasePinEnrich(captures, null, makeModel(), noFacts);

describe('nightlyPin', () => {
  test('a dated nightly with its CUDA tag', () => {
    expect(nightlyPin('torch==1.13.0.dev20220921+cu116')).toEqual({ pkg: 'torch', base: '1.13.0', date: '2022-09-21', tag: 'cu116' });
  });

  test('a release, an NGC source build or a dev release without a date: no nightly', () => {
    expect(nightlyPin('torch==1.13.0+cu116')).toBeNull();
    expect(nightlyPin('torch==2.1.0a0+32f93b1')).toBeNull();
    expect(nightlyPin('numpy==2.0.0.dev0')).toBeNull();
  });
});

describe('torchPrereleasePinEnrich', () => {
  test('the nightly of a release the table holds for its tag: that release from its index', () => {
    expect(enrich({ requirement: 'torch==1.13.0.dev20220921+cu116' }).nightlyReleaseCmd).toBe(
      'pip install --extra-index-url https://download.pytorch.org/whl/cu116 torch==1.13.0+cu116 torchvision==0.14.0+cu116 torchaudio==0.13.0',
    );
  });

  test('an a0 pin read from an Intel page: the XPU indexes; without the page (an NGC-style a0 pin) nothing', () => {
    expect(enrich({ requirement: 'torch==2.0.1a0', 'context.intelLinks': 'Looking in links: https://developer.intel.com/ipex-whl-stable-xpu' })).toMatchObject({
      xpuIntelIndex: 'https://pytorch-extension.intel.com/release-whl/stable/xpu/us/',
      xpuPytorchIndex: 'https://download.pytorch.org/whl/xpu',
    });
    expect(enrich({ requirement: 'torch==2.0.1a0' })).toEqual({});
  });
});
