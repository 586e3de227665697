// buildx/cache-export-failed on the GitHub Actions cache's throttling: the export's deadline (`maximum timeout reached`, the
// bare wording of the gha client) and the service's 429 (`RequestBlocked`); buildkit/daemon-connection-lost on a GitHub-hosted
// runner. Every log is a fixture (provenance in its README.md).
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
