// Wordings tied to the evidence that justifies them, each tested on real text (provenance in the fixtures' README.md):
// a bare `not_found` is GitHub Actions cache eviction only with the gha backend in the log; Docker Hub's abuse limit only
// when the refused line is Docker Hub's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';
import { registryRateLimit } from '../../src/rules/catalog/buildkit/registry-rate-limit.js';

function fixture(rel: string): string {
  return readFileSync(path.join(fixturesRoot, rel), 'utf8');
}

describe('buildx/cache-export-failed: not_found', () => {
  const log = fixture('buildx/cache-export-failed/match-gha-not-found-eviction-real-time-sources-1549.log');

  test('with the GitHub Actions cache export in the log: eviction', async () => {
    const f = (await analyzeLog(log)).find((x) => x.ruleId === 'buildx/cache-export-failed');
    expect(f!.title).toBe('Build cache export to the GitHub Actions cache failed (not_found)');
  });

  test('the same error cut from its export step: no cache export is shown, so no finding of this rule', async () => {
    const cut = log.split('\n').filter((l) => /not_found$/.test(l)).join('\n');
    expect(cut).toContain('ERROR: failed to build: failed to solve: not_found');
    const f = (await analyzeLog(cut)).find((x) => x.ruleId === 'buildx/cache-export-failed');
    expect(f).toBeUndefined();
  });
});

describe('buildkit/registry-rate-limit: Docker Hub named by the refused line', () => {
  const dockerHub = registryRateLimit.context!.find((c) => c.name === 'dockerHub')!;
  const re = new RegExp(dockerHub.pattern!);

  test.each([
    // rapidsai/ci-imgs#162: Docker Hub's HAProxy
    ['#26 ERROR: toomanyrequests: Too Many Requests (HAP429).', true],
    // ScribeMD/docker-cache#829: a Docker Hub manifest refused with its pull limit
    [
      'ERROR: failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/rust/manifests/sha256:de6e081a4e9c10e70731071cec6f629892da1bbaa24b478a96bdc59060674117: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit',
      true,
    ],
    // NVIDIA/cuda-quantum#3979: GHCR's 429
    [fixture('buildkit/registry-rate-limit/match-ghcr-cache-blob-429.log').split('\n')[1]!, false],
    // a docker.io name on a line that refused nothing
    ['#2 [internal] load metadata for docker.io/local/tools:bookworm', false],
  ])('%s', (line, expected) => {
    expect(re.test(line)).toBe(expected);
  });

  test('GHCR\'s 429 keeps its own wording', async () => {
    const f = (await analyzeLog(fixture('buildkit/registry-rate-limit/match-ghcr-cache-blob-429.log'))).find((x) => x.ruleId === 'buildkit/registry-rate-limit');
    expect(f!.message).toContain('GitHub Container Registry');
  });
});
