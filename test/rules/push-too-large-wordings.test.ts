// buildkit/push-too-large reads containerd's own upload line as a push: BuildKit's `failed to copy: unexpected status: 413`
// with no step around it (docker/build-push-action) and containerd's `unexpected status from PUT request to …: 413`
// (nerdctl). Its near misses: a pull refused by the registry (`failed to copy: httpReadSeeker: …`) and a push refused
// for another reason. Every log is a fixture (provenance in its README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

function fixture(rel: string): string {
  return readFileSync(path.join(fixturesRoot, rel), 'utf8');
}

describe('buildkit/push-too-large: containerd\'s upload line is a push by itself', () => {
  test.each(['match-buildx-action-no-step.log', 'match-containerd-put-request.log'])('%s: the headline, with the proxy and layer advice', async (name) => {
    const findings = await analyzeLog(fixture(`buildkit/push-too-large/${name}`));
    expect(findings[0]?.ruleId).toBe('buildkit/push-too-large');
    expect(findings[0]?.fix).toContain('client_max_body_size 0;');
    expect(findings[0]?.fix).toContain('make the layer smaller or push to another registry');
  });

  test.each([
    'buildkit/registry-rate-limit/nomatch-base-manifest-get-429-bpa-1539.log',
    'buildkit/registry-rate-limit/match-ghcr-cache-blob-429.log',
    'buildkit/push-too-large/nomatch-push-403.log',
  ])('%s: a pull refused, or a push refused for another reason, is not too large', async (rel) => {
    const findings = await analyzeLog(fixture(rel));
    expect(findings.find((f) => f.ruleId === 'buildkit/push-too-large')).toBeUndefined();
  });
});
