import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { condaMissingSpecsEnrich, missingSpecs, pipSpecOf } from '../../src/knowledge/conda-missing-specs.js';
import { factsFor } from '../../src/facts/fact-view.js';
import { makeModel } from '../support/builders.js';

/** A fixture's lines without BuildKit's `#N 1.23 ` frame, as the step's output holds them. */
const fixtureLines = (name: string): string[] =>
  readFileSync(new URL(`../../fixtures/rules/conda/packages-not-found/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.replace(/^#\d+ [\d.]+ ?/, ''));

describe('missingSpecs', () => {
  test('every spec conda listed under ResolvePackageNotFound, not only the first (ageron/handson-ml3#25)', () => {
    expect(missingSpecs(fixtureLines('match-env-create-pypi-names.log'))).toEqual(['pyglet=1.5', 'box2d-py']);
  });

  test('the channel list after PackagesNotFoundError is not a spec (AbdBarho/stable-diffusion-webui-docker#84)', () => {
    expect(missingSpecs(fixtureLines('match-aarch64-python-pin.log'))).toEqual(['python=3.8.5']);
  });

  test('nothing without conda\'s not-found header', () => {
    expect(missingSpecs(['  - pyglet=1.5', '  - box2d-py'])).toEqual([]);
  });
});

describe('pipSpecOf', () => {
  test('conda\'s fuzzy `=` becomes pip\'s `==V.*`; exact and ranged pins and bare names keep their form', () => {
    expect(pipSpecOf('pyglet=1.5')).toBe('pyglet==1.5.*');
    expect(pipSpecOf('pyglet=1.5.*')).toBe('pyglet==1.5.*');
    expect(pipSpecOf('box2d-py')).toBe('box2d-py');
    expect(pipSpecOf('numpy==1.19.5')).toBe('numpy==1.19.5');
    expect(pipSpecOf('numpy>=1.19')).toBe('numpy>=1.19');
  });

  test('no PyPI reading: a channel, a build string, the interpreter or conda itself', () => {
    expect(pipSpecOf('bioconda::bowtie2=2.4.5')).toBeNull();
    expect(pipSpecOf('readline==6.2=2')).toBeNull();
    expect(pipSpecOf('jpeg=9c=h470a237_1')).toBeNull();
    expect(pipSpecOf('python=3.6')).toBeNull();
    expect(pipSpecOf('conda==23.5.2')).toBeNull();
  });
});

describe('channel-pinned specs (`channel::name`)', () => {
  const enrich = (name: string) => {
    const model = makeModel({ outsideLines: fixtureLines(name) });
    return condaMissingSpecsEnrich({}, null, model, factsFor({}, null, model));
  };

  test('specs that name their channel are searched there and, without the prefix, in the configured channels (conda-forge/docker-images#88)', () => {
    const out = enrich('match-channel-pinned-specs.log');
    expect(out.pinnedChannel).toBe('conda-forge');
    expect(out.pinnedFirst).toBe('conda-forge::binutils_impl_linux-64');
    expect(out.pinnedFirstBare).toBe('binutils_impl_linux-64');
    expect(out.pinnedSearch).toContain(`'conda-forge::libstdcxx-ng'; do conda search "$spec"; done`);
    expect(out.bareSearch).toContain(`'libstdcxx-ng'; do conda search "$spec"; done`);
    expect(out.otherSpecs).toBeUndefined();
  });

  test('one pinned spec: one search each way (conda/conda#11980)', () => {
    const out = enrich('match-env-create-channel-spec.log');
    expect(out.pinnedSearch).toBe(`conda search 'bioconda::bowtie2=2.4.5'`);
    expect(out.bareSearch).toBe(`conda search 'bowtie2=2.4.5'`);
  });

  test('no channel in any spec: no pinned-channel values (ageron/handson-ml3#25)', () => {
    const out = enrich('match-env-create-pypi-names.log');
    expect(out.pinnedSearch).toBeUndefined();
    expect(out.pipSpecs).toBe('"pyglet==1.5.*", "box2d-py"');
  });
});

describe('packages conda has for Windows only', () => {
  const enrich = (name: string) => {
    const model = makeModel({ outsideLines: fixtureLines(name) });
    return condaMissingSpecsEnrich({}, null, model, factsFor({}, null, model));
  };

  test('a list exported on Windows names them, in the order conda listed them (anaconda/docker-images#109)', () => {
    expect(enrich('match-windows-only-export-anaconda-docker-109.log').windowsOnly).toBe('vc, vs2015_runtime, pywin32');
  });

  test('a list exported on Linux has none (katerakelly/oyster#16)', () => {
    expect(enrich('match-exported-build-pins.log').windowsOnly).toBeUndefined();
  });
});
