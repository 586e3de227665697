import { describe, expect, test } from 'vitest';
import { apkAddWords, apkPinsEnrich } from '../../src/knowledge/apk-pins-enricher.js';
import type { BuildModel, Step } from '../../src/model/types.js';
import type { FactView } from '../../src/facts/fact-view.js';

const model = { format: 'buildkit', steps: [] } as unknown as BuildModel;
const facts: FactView = { get: () => null, value: () => null, conflicts: () => [], place: null, githubHosted: false };
const stepOf = (instruction: string): Step => ({ instruction } as unknown as Step);

describe('the apk-pins enricher', () => {
  test('exact-build pins of the failing apk add, eased two ways (LiskArchive/lisk-service#1580)', () => {
    const step = stepOf('RUN apk add --no-cache alpine-sdk=~1.0-r1 python3=~3.10.10-r0 cmake=~3.24.4-r0 &&     adduser -D builder');
    expect(apkPinsEnrich({}, step, model, facts)).toEqual({
      apkRevisionPins: 'alpine-sdk=~1.0-r1, python3=~3.10.10-r0, cmake=~3.24.4-r0',
      apkPinnedNames: 'alpine-sdk python3 cmake',
      apkAnyBuild: 'alpine-sdk=~1.0 python3=~3.10.10 cmake=~3.24.4',
      apkMinorPins: 'alpine-sdk=~1.0 python3=~3.10 cmake=~3.24',
    });
  });

  test('a --virtual group: its name is not a package; unpinned packages are left out of the pins', () => {
    expect(apkAddWords('apk add --no-cache --virtual build-dependencies build-base=0.5-r2 gcc; echo done')).toEqual(['build-base=0.5-r2', 'gcc']);
    const out = apkPinsEnrich({}, stepOf('RUN apk add --virtual build-dependencies build-base=0.5-r2 gcc'), model, facts);
    expect(out.apkRevisionPins).toBe('build-base=0.5-r2');
    expect(out.apkAnyBuild).toBe('build-base=~0.5');
  });

  test('nothing for a pin without a build number, a variable, no apk add, or no step (lisk-service#1662: curl=~8.0)', () => {
    expect(apkPinsEnrich({}, stepOf('RUN apk add --no-cache curl=~8.0 &&     adduser -D lisk'), model, facts)).toEqual({});
    expect(apkPinsEnrich({}, stepOf('RUN apk add --no-cache python3=${PY_VERSION}-r0'), model, facts)).toEqual({});
    expect(apkPinsEnrich({}, stepOf('RUN apt-get install -y curl=7.88.1-10+deb12u7'), model, facts)).toEqual({});
    expect(apkPinsEnrich({}, null, model, facts)).toEqual({});
  });
});
