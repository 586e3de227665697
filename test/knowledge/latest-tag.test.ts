// Images asked for as `latest` that have no such tag (knowledge/latest-tag-enricher.ts).
import { describe, expect, test } from 'vitest';
import { factsFor } from '../../src/facts/fact-view.js';
import { dockerHubRepository, latestTagEnrich } from '../../src/knowledge/latest-tag-enricher.js';
import { makeModel } from '../support/builders.js';

const model = makeModel({ steps: [] });
const none = factsFor({}, null, model);

describe('dockerHubRepository', () => {
  test.each([
    ['nvidia/cuda:latest', 'nvidia/cuda'],
    ['docker.io/kaixhin/cuda-torch:latest', 'kaixhin/cuda-torch'],
    ['ubuntu:latest', 'library/ubuntu'],
  ])('%s → %s', (image, repo) => {
    expect(dockerHubRepository(image)).toBe(repo);
  });
  test('another registry or another tag: none', () => {
    expect(dockerHubRepository('ghcr.io/org/app:latest')).toBeNull();
    expect(dockerHubRepository('localhost:5000/app:latest')).toBeNull();
    expect(dockerHubRepository('nvidia/cuda:12.4.1-base-ubuntu22.04')).toBeNull();
  });
});

describe('latestTagEnrich', () => {
  test('nvidia/cuda: a command that prints the newest base tag', () => {
    const out = latestTagEnrich({ image: 'nvidia/cuda:latest' }, null, model, none);
    expect(out.newestCudaBase).toBe(
      "curl -fsS 'https://hub.docker.com/v2/repositories/nvidia/cuda/tags?page_size=100&name=base-ubuntu24.04' | grep -oE '[0-9]+\\.[0-9]+\\.[0-9]+-base-ubuntu24\\.04' | sort -uV | tail -n 1",
    );
    expect(out.listRepoTags).toBeUndefined();
  });
  test('another Docker Hub repository: its tag list', () => {
    const out = latestTagEnrich({ image: 'kaixhin/cuda-torch:latest' }, null, model, none);
    expect(out.latestRepo).toBe('kaixhin/cuda-torch');
    expect(out.listRepoTags).toContain('/v2/repositories/kaixhin/cuda-torch/tags?page_size=100');
  });
  test('an official image is listed under library/ and named without it', () => {
    const out = latestTagEnrich({ image: 'ubuntu:latest' }, null, model, none);
    expect(out.latestRepo).toBe('ubuntu');
    expect(out.listRepoTags).toContain('/v2/repositories/library/ubuntu/tags');
  });
});
