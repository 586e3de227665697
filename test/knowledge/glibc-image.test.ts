// The Debian (glibc) counterpart of an Alpine (musl) Python image, and the `glibc-image` enricher.
import { describe, expect, test } from 'vitest';
import { glibcCounterpart, glibcImageEnrich } from '../../src/knowledge/glibc-image.js';
import { factsFor } from '../../src/facts/fact-view.js';
import type { FactValue } from '../../src/facts/types.js';
import { makeModel } from '../support/builders.js';

function fact(value: string, source: string): FactValue {
  return { value, source, evidence: value, line: 1, stage: null, step: null };
}

describe('glibcCounterpart', () => {
  test.each([
    ['ghcr.io/astral-sh/uv:python3.10-alpine', 'ghcr.io/astral-sh/uv:python3.10-bookworm-slim'],
    ['ghcr.io/astral-sh/uv:python3.13-alpine3.21', 'ghcr.io/astral-sh/uv:python3.13-bookworm-slim'],
    ['python:3.11-alpine', 'python:3.11-slim-bookworm'],
    ['docker.io/library/python:3.9.18-alpine3.19', 'python:3.9.18-slim-bookworm'],
  ])('%s → %s', (alpine, glibc) => {
    expect(glibcCounterpart(alpine)).toBe(glibc);
  });

  test.each(['alpine:3.20', 'ghcr.io/astral-sh/uv:alpine', 'python:3.11-slim', 'node:20-alpine'])('%s has no counterpart claimed', (image) => {
    expect(glibcCounterpart(image)).toBeNull();
  });
});

describe('glibcImageEnrich', () => {
  test('the Alpine image a `docker run` line names', () => {
    const out = glibcImageEnrich({ 'context.alpineImage.image': 'ghcr.io/astral-sh/uv:python3.10-alpine' }, null, makeModel(), factsFor({}, null, makeModel()));
    expect(out).toEqual({ alpineImage: 'ghcr.io/astral-sh/uv:python3.10-alpine', glibcImage: 'ghcr.io/astral-sh/uv:python3.10-bookworm-slim' });
  });

  test("the stage's Alpine base wins over a captured image", () => {
    const facts = factsFor({ baseImage: [fact('python:3.12-alpine', 'dockerfile')] }, null, makeModel());
    expect(glibcImageEnrich({ 'context.alpineImage.image': 'alpine:3.20' }, null, makeModel(), facts).glibcImage).toBe('python:3.12-slim-bookworm');
  });

  test("no image in the log: both Debian images of the log's Python", () => {
    const facts = factsFor({ python: [fact('3.10', 'uv')] }, null, makeModel());
    expect(glibcImageEnrich({}, null, makeModel(), facts)).toEqual({
      python: '3.10',
      uvGlibcImage: 'ghcr.io/astral-sh/uv:python3.10-bookworm-slim',
      pythonGlibcImage: 'python:3.10-slim-bookworm',
    });
  });

  test('a Python uv publishes no bookworm image of, and no image: nothing', () => {
    const facts = factsFor({ python: [fact('3.7', 'uv')] }, null, makeModel());
    expect(glibcImageEnrich({}, null, makeModel(), facts)).toEqual({});
  });
});
