// pip/bdist-wheel-missing beside wheel 0.46: wheel 0.46.2 restored `bdist_wheel` for setuptools < 70.1, but running it
// with such a setuptools still failed (`ImportError: cannot import name '_setuptools_logging' from 'wheel'`) until 0.46.3
// (pypa/wheel#676; wheel's changelog, 0.46.3): the fix names 0.46.3, never 0.46.2. Real log: docker-library/python#1021
// (provenance in fixtures/rules/pip/bdist-wheel-missing/README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const fixture = (rel: string): string => readFileSync(path.join(fixturesRoot, rel), 'utf8');

describe('pip/bdist-wheel-missing, wheel 0.46', () => {
  test('the wheel to take beside an old setuptools is 0.46.3 or later', async () => {
    const findings = await analyzeLog(fixture('pip/bdist-wheel-missing/match-docker-python-alpine-wheel-046.log'));
    const f = findings.find((x) => x.ruleId === 'pip/bdist-wheel-missing')!;
    expect(f.fix).toContain('wheel 0.46.3 or later');
    expect(f.fix).not.toContain('0.46.2');
    expect(f.message).not.toContain('0.46.2');
  });
});
