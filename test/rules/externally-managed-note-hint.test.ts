// pip/externally-managed: pip's own note and hint lines (ExternallyManagedEnvironment in pip's src/pip/_internal/exceptions.py)
// name PEP 668 when a paste starts below `error: externally-managed-environment`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const fixture = (rel: string): string => readFileSync(path.join(fixturesRoot, rel), 'utf8');

describe('pip/externally-managed from the note and hint only', () => {
  test('the docker-in-docker Feature whose error line was cut off: its own variant, the fixed release and the option', async () => {
    const findings = await analyzeLog(fixture('pip/externally-managed/match-devcontainer-dind-feature-note-hint-only.log'));
    expect(findings[0]!.ruleId).toBe('pip/externally-managed');
    expect(findings[0]!.title).toBe('pip refused (PEP 668) inside the docker-in-docker Feature');
    expect(findings[0]!.message).toContain('`Dockerfile.extended`');
    expect(findings[0]!.fix).toContain('"ghcr.io/devcontainers/features/docker-in-docker:N"');
    expect(findings[0]!.fix).toContain('devcontainers/features#833');
    expect(findings[0]!.fix).toContain('`"dockerDashComposeVersion": "none"`');
    expect(findings[0]!.fix).not.toContain('docker-in-docker:1"');
    // 2.8.1 (PR #833) skipped the pip branch on bookworm only; other releases ran it until 2.10.0 (PR #873)
    expect(findings[0]!.message).toContain('such as Ubuntu 24.04, its releases before 2.10.0');
  });

  test('another Feature keeps the general Feature advice, without the docker-in-docker option', async () => {
    const findings = await analyzeLog(fixture('pip/externally-managed/match-devcontainer-python-feature.log'));
    const f = findings.find((x) => x.ruleId === 'pip/externally-managed')!;
    expect(f.title).toBe('pip refused (PEP 668) inside a Dev Container Feature');
    expect(f.fix).not.toContain('dockerDashComposeVersion');
  });

  test('--break-system-packages in a RUN line is no refusal', async () => {
    // fixtures/rules/pip/resolver-backtracking/match-pip-resolution-too-deep-diagnostic.log
    const findings = await analyzeLog('  18 | >>> RUN pip install --no-cache-dir -e ".[all]" --break-system-packages && \\\n');
    expect(findings.map((x) => x.ruleId)).not.toContain('pip/externally-managed');
  });
});
