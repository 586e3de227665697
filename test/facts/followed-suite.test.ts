// A suite-less official python tag follows the image's default Debian release (a moving target): what it names
// today and since when, never a fact of the build. Each image is the FROM of a real Dockerfile line in the fixtures.
import { describe, expect, test } from 'vitest';
import { followedDebianSuite, imageFacts } from '../../src/facts/image-facts.js';

describe('followedDebianSuite', () => {
  test.each([
    // fixtures/rules/apt/unable-to-locate-package/match-dropped-python3-distutils-slim-tag-pgsrip-139.Dockerfile
    'python:3.13-slim',
    // fixtures/logs/actions-crlf-ansi.log
    'docker.io/library/python:3.11-slim',
    // fixtures/rules/pip/wheel-build-failed/README.md
    'python:3.9-slim',
    // fixtures/dockerfiles/unpinned-base-image/match.expected.md
    'python:latest',
  ])('%s follows Debian 13 since docker-library/python#1042', (image) => {
    expect(followedDebianSuite(image)).toEqual({
      release: 'Debian 13 (trixie)',
      debianMajor: 13,
      since: '11 August 2025',
      source: 'docker-library/python#1042',
    });
  });

  test.each([
    // a tag that names its suite: fixtures/dockerfiles/pip-no-cache-defeats-cache-mount/no-match-uv.Dockerfile
    'python:3.12-slim-bookworm',
    // releases gone before trixie, whose tags stayed on older Debian: fixtures/rules/pip/poetry-python-mismatch/README.md,
    // fixtures/rules/apt/unable-to-locate-package/match-obsolete-python-software-properties-classic.log
    'python:3.8.0',
    'python:3.5',
    // a patch tag, frozen once the next patch came out (3.12.0's images were built on bookworm):
    // fixtures/rules/pip/pg-config-missing/README.md (docker/python-docker-dev#13)
    'python:3.12.0-slim',
  ])('%s is not mapped', (image) => {
    expect(followedDebianSuite(image)).toBeNull();
  });

  test('the image facts keep a suite-less tag without an OS: the release it follows is no fact of the build', () => {
    expect(imageFacts('python:3.13-slim')).toEqual([['python', '3.13']]);
  });
});
