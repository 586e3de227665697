// buildkit/push-denied on ghcr.io: the run of a pull request from a fork (or one Dependabot started) gets a read-only
// GITHUB_TOKEN that `permissions: packages: write` does not raise. Real logs of the fixtures (provenance in
// fixtures/rules/buildkit/push-denied/README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

async function pushDenied(rel: string) {
  const text = readFileSync(path.join(fixturesRoot, 'buildkit/push-denied', rel), 'utf8');
  return (await analyzeLog(text)).find((f) => f.ruleId === 'buildkit/push-denied');
}

describe('buildkit/push-denied: a pull request run on ghcr.io', () => {
  test('a log that does not show the event: permissions first, the fork / Dependabot case on its condition', async () => {
    for (const rel of ['match-ghcr-create-org-package-pr-run.log', 'match-ghcr-write-org-package-fork-pr.log']) {
      const f = await pushDenied(rel);
      expect(f!.severity).toBe('error');
      expect(f!.message).not.toContain("pull request's run");
      expect(f!.fix!.indexOf('packages: write')).toBeLessThan(f!.fix!.indexOf('If this run was for a pull request from a fork'));
      expect(f!.fix).toContain("push: ${{ github.event_name != 'pull_request' }}");
    }
  });

  test("a pull request's tag (pr-N): the run is named, both branches given with how to tell them apart", async () => {
    const f = await pushDenied('match-ghcr-blob-upload-403-pr-tag.log');
    expect(f!.message).toContain("from a pull request's run");
    expect(f!.fix).toContain('(`pr-328`)');
    expect(f!.fix).toContain("push: ${{ github.event_name != 'pull_request' }}");
    expect(f!.fix).toContain('packages: write');
  });

  test('a tag that is no pull request (a version and a commit) reads as no pull request run', async () => {
    // eth-act/ere#128: `ghcr.io/eth-act/ere/ere-base:0.0.12-caa8937`
    const f = await pushDenied('match-ghcr-write-org-package-fork-pr.log');
    expect(f!.fix).not.toContain("This push came from a pull request's run");
  });
});
