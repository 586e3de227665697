// The packages newer Debian / Ubuntu releases dropped, and the `apt-dropped` enricher.
import { describe, expect, test } from 'vitest';
import { bookwormTagOf, droppedPackage, releaseLacks } from '../../src/knowledge/apt-dropped-packages.js';
import { aptDroppedEnrich } from '../../src/knowledge/apt-dropped-enricher.js';
import { makeModel } from '../support/builders.js';
import { factsFor } from '../../src/facts/fact-view.js';
import type { FactValue } from '../../src/facts/types.js';

function fact(value: string, source: string): FactValue {
  return { value, source, evidence: value, line: 1, stage: null, step: null };
}
const libgl = droppedPackage('libgl1-mesa-glx')!;
const spc = droppedPackage('software-properties-common')!;

describe('the release a package left', () => {
  test.each([
    ['Debian 12', false],
    ['Debian 13', true],
    ['Ubuntu 22.04', false],
    ['Ubuntu 23.10', true],
    ['Ubuntu 24.04', true],
  ])('libgl1-mesa-glx on %s: gone = %s', (os, gone) => {
    expect(releaseLacks(libgl, os)).toBe(gone);
  });

  test('Ubuntu still ships software-properties-common; Debian 13 does not; an unknown release is unknown', () => {
    expect(releaseLacks(spc, 'Ubuntu 24.04')).toBe(false);
    expect(releaseLacks(spc, 'Debian 13')).toBe(true);
    expect(releaseLacks(spc, null)).toBeNull();
    expect(releaseLacks(spc, 'UBI 9')).toBeNull();
  });

  test('a package not in the table is not dropped', () => {
    expect(droppedPackage('libgl1')).toBeNull();
  });
});

describe('the base pinned to Debian 12', () => {
  test.each([
    ['python:3.11-slim', 'python:3.11-slim-bookworm'],
    ['python:3.10', 'python:3.10-bookworm'],
    ['docker.io/library/python:3.12-slim', 'docker.io/library/python:3.12-slim-bookworm'],
    ['python:latest', 'python:bookworm'],
  ])('%s → %s', (image, pinned) => {
    expect(bookwormTagOf(image)).toBe(pinned);
  });

  test.each(['python:3.11-slim-bookworm', 'python:3.11-slim-trixie', 'python:3.12-alpine', 'ubuntu:24.04', 'nvidia/cuda:12.4.1-devel-ubuntu22.04'])(
    '%s gets no pinned tag',
    (image) => {
      expect(bookwormTagOf(image)).toBeNull();
    },
  );
});

describe('the apt-dropped enricher', () => {
  const captures = { 'context.dropped.name': 'libgl1-mesa-glx' };

  test('Debian 13 from the log: the release is named, the replacement given, and the same python image on bookworm', () => {
    const facts = factsFor({ os: [fact('Debian 13', 'apt-source')], baseImage: [fact('python:3.11-slim', 'from')] }, null, makeModel());
    const out = aptDroppedEnrich(captures, null, makeModel(), facts);
    expect(out['droppedRelease']).toBe('Debian 13');
    expect(out['droppedReplacement']).toBe('libgl1 libglx-mesa0');
    expect(out['droppedPinnedImage']).toBe('python:3.11-slim-bookworm');
  });

  test('no release in the log: no release claimed, and the Debian 12 way back still offered', () => {
    const out = aptDroppedEnrich(captures, null, makeModel(), factsFor({}, null, makeModel()));
    expect(out['droppedRelease']).toBeUndefined();
    expect(out['droppedDebianPin']).toBe('yes');
    expect(out['droppedName']).toBe('libgl1-mesa-glx');
  });

  test('Ubuntu 24.04: the release is named, and no Debian tag is offered for an Ubuntu base', () => {
    const facts = factsFor({ os: [fact('Ubuntu 24.04', 'image-tag')] }, null, makeModel());
    const out = aptDroppedEnrich(captures, null, makeModel(), facts);
    expect(out['droppedRelease']).toBe('Ubuntu 24.04');
    expect(out['droppedDebianPin']).toBeUndefined();
  });

  test('a release that still has the package: this story does not apply', () => {
    const facts = factsFor({ os: [fact('Ubuntu 22.04', 'image-tag')] }, null, makeModel());
    expect(aptDroppedEnrich(captures, null, makeModel(), facts)).toEqual({});
    expect(aptDroppedEnrich({}, null, makeModel(), factsFor({}, null, makeModel()))).toEqual({});
  });
});
