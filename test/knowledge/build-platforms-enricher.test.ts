import { describe, expect, it } from 'vitest';
import { buildPlatformsEnrich } from '../../src/knowledge/build-platforms-enricher.js';
import { makeModel, makeStep } from '../support/builders.js';

describe('build-platforms enricher', () => {
  it('names the platforms of a multi-platform build, each once, in order of first appearance', () => {
    const steps = [
      makeStep({ id: 9, platform: 'linux/amd64' }),
      makeStep({ id: 18, platform: 'linux/amd64' }),
      makeStep({ id: 17, platform: 'linux/arm64' }),
    ];
    expect(buildPlatformsEnrich({}, null, makeModel({ steps }))).toEqual({ platforms: 'linux/amd64, linux/arm64' });
  });

  it('gives nothing for a build of one platform, or one whose headers name none', () => {
    expect(buildPlatformsEnrich({}, null, makeModel({ steps: [makeStep({ platform: 'linux/arm64' })] }))).toEqual({});
    expect(buildPlatformsEnrich({}, null, makeModel({ steps: [makeStep(), makeStep({ id: 2 })] }))).toEqual({});
  });
});
