// buildx/cache-export-failed on the GitHub Actions cache's throttling and outages: the export's deadline (`maximum timeout
// reached`, the bare wording of the gha client), the service's 429 (`RequestBlocked`), GitHub's "temporarily unavailable";
// buildkit/daemon-connection-lost on a GitHub-hosted runner. Every log is a fixture (provenance in its README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

function fixture(rel: string): string {
  return readFileSync(path.join(fixturesRoot, rel), 'utf8');
}

describe('buildx/cache-export-failed: the gha export timed out', () => {
  test('buildkit#5650: a bare `ERROR: maximum timeout reached` in `exporting to GitHub Actions Cache`', async () => {
    const findings = await analyzeLog(fixture('buildx/cache-export-failed/match-gha-timeout-throttled-buildkit-5650.log'));
    const f = findings[0];
    expect(f?.ruleId).toBe('buildx/cache-export-failed');
    expect(f?.title).toBe('Build cache export to the GitHub Actions cache timed out');
    expect(f?.message).toContain('throttles');
    expect(f?.fix).toContain('ignore-error=true');
    expect(f?.fix).toContain('mode=min');
  });

  test('the same words with no cache export in the log are not read as one', async () => {
    // Produced here: `node --input-type=module -e "import * as core from '@actions/core'; core.setFailed('Maximum timeout reached')"`
    // (an action failing on its own timeout, as in a JavaScript action's `core.setFailed("Maximum timeout reached")`).
    const findings = await analyzeLog('::error::Maximum timeout reached\n');
    expect(findings.map((f) => f.ruleId)).not.toContain('buildx/cache-export-failed');
  });
});

describe('buildx/cache-export-failed: GitHub Actions is temporarily unavailable', () => {
  test.each([
    ['bpa#515: the 503 wrapped by the cache client, the step error alone', 'match-gha-unavailable-503-bpa-515.log'],
    ['bpa#632: the JSON answer in `exporting cache`', 'match-gha-unavailable-json-bpa-632.log'],
  ])('%s', async (_name, file) => {
    const findings = await analyzeLog(fixture(`buildx/cache-export-failed/${file}`));
    const f = findings[0];
    expect(f?.ruleId).toBe('buildx/cache-export-failed');
    expect(f?.title).toBe('GitHub Actions cache service unavailable: the cache export failed');
    expect(f?.fix).toContain('githubstatus.com');
    expect(f?.fix).toContain('ignore-error=true');
  });

  test('bpa#632: the same answer on the cache import alone (it only warns) is no cache export', async () => {
    const findings = await analyzeLog(fixture('buildx/cache-export-failed/nomatch-gha-unavailable-import-bpa-632.log'));
    expect(findings.map((f) => f.ruleId)).not.toContain('buildx/cache-export-failed');
  });
});

describe('buildkit/daemon-connection-lost: `graceful_stop` where the log does not show the place', () => {
  test('epguides-api#306: the GitHub-hosted reading (re-run, ignore-error on a gha cache export) and the host reading, each named', async () => {
    const findings = await analyzeLog(fixture('buildkit/daemon-connection-lost/match-graceful-stop-gha-cache-epguides-306.log'));
    const f = findings[0];
    expect(f?.ruleId).toBe('buildkit/daemon-connection-lost');
    expect(f?.message).not.toContain('No image was made');
    expect(f?.fix).toContain('A GitHub-hosted runner');
    expect(f?.fix).toContain('ignore-error=true');
    expect(f?.fix).toContain('A self-hosted runner or your own machine');
    expect(f?.fix).toContain('journalctl -u docker');
  });
});

describe('buildx/cache-export-failed: the GitHub Actions cache rate limit (429)', () => {
  test('buildkit#2276: `RequestBlockedException` is a rate limit: fewer requests (mode=min), ignore-error', async () => {
    const findings = await analyzeLog(fixture('buildx/cache-export-failed/match-gha-rate-limit-429-buildkit-2276.log'));
    const f = findings[0];
    expect(f?.ruleId).toBe('buildx/cache-export-failed');
    expect(f?.title).toBe('GitHub Actions cache rate limit: the cache export failed');
    expect(f?.message).not.toContain('dropped');
    expect(f?.fix).toContain('mode=min');
    expect(f?.fix).toContain('ignore-error=true');
  });

  test("a registry's 429 on a cache blob (NVIDIA/cuda-quantum#3979) is the registry's rate limit, not the gha cache's", async () => {
    const findings = await analyzeLog(fixture('buildkit/registry-rate-limit/match-ghcr-cache-blob-429.log'));
    expect(findings[0]?.ruleId).toBe('buildkit/registry-rate-limit');
    expect(findings.map((f) => f.title)).not.toContain('GitHub Actions cache rate limit: the cache export failed');
  });
});
