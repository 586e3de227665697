// pip/externally-managed: pip's own note and hint lines (ExternallyManagedEnvironment in pip's src/pip/_internal/exceptions.py)
// name PEP 668 when a paste starts below `error: externally-managed-environment`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const fixture = (rel: string): string => readFileSync(path.join(fixturesRoot, rel), 'utf8');

describe('pip/externally-managed from the note and hint only', () => {
  test('a Dev Container Feature whose error line was cut off: the Feature variant, its newest major looked up', async () => {
    const findings = await analyzeLog(fixture('pip/externally-managed/match-devcontainer-dind-feature-note-hint-only.log'));
    expect(findings[0]!.ruleId).toBe('pip/externally-managed');
    expect(findings[0]!.message).toContain('ghcr.io/devcontainers/features/docker-in-docker');
    expect(findings[0]!.fix).toContain('"ghcr.io/devcontainers/features/docker-in-docker:N"');
    expect(findings[0]!.fix).not.toContain('docker-in-docker:1"');
  });

  test('--break-system-packages in a RUN line is no refusal', async () => {
    // fixtures/rules/pip/resolver-backtracking/match-pip-resolution-too-deep-diagnostic.log
    const findings = await analyzeLog('  18 | >>> RUN pip install --no-cache-dir -e ".[all]" --break-system-packages && \\\n');
    expect(findings.map((x) => x.ruleId)).not.toContain('pip/externally-managed');
  });
});
