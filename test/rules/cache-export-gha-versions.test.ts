// buildx/cache-export-failed on GitHub's legacy cache API: the advice follows the versions the log shows. The lines are
// real: omnigres/omnigres#859's error (fixtures/rules/buildx/cache-export-failed/match-gha-legacy-commit.log), a
// `docker buildx version` line of Debian's buildx 0.13.1 as this project recorded it (fixtures/real/buildkit-0.25-dockerd-28.5/history/buildx-responses.json),
// and setup-buildx-action's "Buildx version" line of buildx 0.32.1 (fixtures/rules/buildx/cache-export-docker-driver/).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const ERROR = readFileSync('fixtures/rules/buildx/cache-export-failed/match-gha-legacy-commit.log', 'utf8').trim();
const OLD_BUILDX = 'github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3';
const NEW_BUILDX = 'github.com/docker/buildx v0.32.1 d3bfb3f4e48a67dda56e957a6636f4fab6c5fcb2';

async function cacheFinding(lines: string[]) {
  const findings = await analyzeLog(lines.join('\n') + '\n');
  return findings.find((f) => f.ruleId === 'buildx/cache-export-failed');
}

describe('buildx/cache-export-failed: the legacy GitHub cache API', () => {
  test('no version in the log: how to find the versions, and both outcomes', async () => {
    const f = await cacheFinding([ERROR]);
    expect(f?.title).toBe('Build cache export to the GitHub Actions cache failed (legacy cache API)');
    expect(f?.fix).toContain('docker buildx version');
    expect(f?.fix).toContain('0.21.0');
  });

  test('a buildx older than 0.21.0 in the log: upgrade it', async () => {
    const f = await cacheFinding([OLD_BUILDX, ERROR]);
    expect(f?.title).toBe('GitHub Actions cache export failed: buildx too old for the cache service');
    expect(f?.message).toContain('buildx 0.13.1');
    expect(f?.fix).toContain('version: latest');
  });

  test('a current buildx in the log is not called old', async () => {
    const f = await cacheFinding([NEW_BUILDX, ERROR]);
    expect(f?.title).toBe('Build cache export to the GitHub Actions cache failed (legacy cache API)');
  });
});
