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

describe("buildx/cache-export-failed: GitHub's legacy cache service refusing the request", () => {
  test('depot/build-push-action#35: a Depot build drops cache-from / cache-to', async () => {
    const f = await cacheFinding([readFileSync('fixtures/rules/buildx/cache-export-failed/match-gha-sunset-depot-bpa-35.log', 'utf8').trim()]);
    expect(f?.title).toContain('Depot build failed');
    expect(f?.fix).toContain('Delete the `cache-from:` and `cache-to:` lines');
    expect(f?.fix).toContain('depot/build-push-action#35');
    expect(f?.fix).not.toContain('setup-buildx-action');
  });

  test('near miss: docker/build-push-action (`buildx failed with:`) gets the buildx / BuildKit upgrade, not the Depot advice', async () => {
    // GIScience/openrouteservice#2032 (2025-04-16), the run log's last two lines as quoted there
    const f = await cacheFinding([
      'ERROR: failed to solve: This legacy service is shutting down, effective April 15, 2025. Migrate to the new service ASAP. For more information: https://gh.io/gha-cache-sunset',
      'Error: buildx failed with: ERROR: failed to solve: This legacy service is shutting down, effective April 15, 2025. Migrate to the new service ASAP. For more information: https://gh.io/gha-cache-sunset',
    ]);
    expect(f?.title).toBe("Build cache on GitHub's retired cache service: buildx or BuildKit too old");
    expect(f?.fix).toContain('buildx 0.21.0 or later with BuildKit 0.20.0 or later');
    expect(f?.fix).not.toContain('Depot');
  });
});
