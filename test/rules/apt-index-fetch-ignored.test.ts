// apt/index-fetch-ignored: apt's transient-failure warning in a step that passed. The same warnings in a step that then failed
// are apt/fetch-failed's. Both logs are real: NVIDIA/gpu-driver-container#142, and the DNS logs produced on this project's
// machine (fixtures/rules/apt/fetch-failed/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const read = (p: string): string => readFileSync(new URL(`../../fixtures/rules/${p}`, import.meta.url), 'utf8');
const RULE = 'apt/index-fetch-ignored';

describe(RULE, () => {
  test('NVIDIA/gpu-driver-container#142: the mirror timed out, the script found nothing, the step passed', async () => {
    const f = (await analyzeLog(read('apt/index-fetch-ignored/match-gpu-driver-container-142-archive-timeout.log'))).find((x) => x.ruleId === RULE);
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('us.archive.ubuntu.com');
    expect(f?.message).toContain('yet the step passed');
    expect(f?.fix).toContain('Acquire::Retries=5');
  });

  test('a step that failed after the same warnings is not this rule (apt/fetch-failed explains it)', async () => {
    const findings = await analyzeLog(read('apt/index-fetch-ignored/nomatch-failed-step-dns.log'));
    expect(findings.find((x) => x.ruleId === RULE)).toBeUndefined();
    expect(findings[0]?.ruleId).toBe('apt/fetch-failed');
  });

  test('a passed step on old lists after a DNS failure: the warning, without the "found nothing" sentence', async () => {
    const f = (await analyzeLog(read('apt/fetch-failed/nomatch-transient-warning-build-passes.log'))).find((x) => x.ruleId === RULE);
    expect(f?.message).toContain('deb.debian.org');
    expect(f?.message).not.toContain('found nothing');
  });
});
