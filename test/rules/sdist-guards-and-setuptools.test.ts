// An sdist's own Python-version guard (pip/python-version-refused) and pkg_resources missing outside and inside a
// package build (pip/pkg-resources-missing, pip/wheel-build-failed). Real logs only (provenance in the fixtures' README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const fixture = (rel: string): string => readFileSync(path.join(fixturesRoot, rel), 'utf8');

describe('pip/python-version-refused', () => {
  test('numba 0.56.4 on Python 3.11.1, in an excerpt of one step: the first release for 3.11, or Python 3.10', async () => {
    const findings = await analyzeLog(fixture('pip/python-version-refused/match-numba-0564-py311-excerpt.log'));
    expect(findings[0]!.ruleId).toBe('pip/python-version-refused');
    expect(findings[0]!.message).toContain('numba 0.56.4');
    expect(findings[0]!.fix).toContain('numba>=0.57');
    expect(findings[0]!.fix).toContain('FROM python:3.10-slim');
  });

  test("the guard's source line is not the guard's message", async () => {
    // numba's setup.py, `_guard_py_ver()` (stored public-code index file id 1957479249): the format string, not a refusal
    const line = "        msg = ('Cannot install on Python version {}; only versions >={},<{} '";
    const findings = await analyzeLog(line + '\n');
    expect(findings.map((f) => f.ruleId)).not.toContain('pip/python-version-refused');
  });
});

describe('pkg_resources', () => {
  test('imported by an installed command on python:3.12: setuptools below 82 in the image', async () => {
    const findings = await analyzeLog(fixture('pip/pkg-resources-missing/match-steelscript-namespace-py312.log'));
    expect(findings[0]!.ruleId).toBe('pip/pkg-resources-missing');
    expect(findings[0]!.fix).toContain('RUN pip install --no-cache-dir "setuptools<82"');
  });

  test("inside pip's isolated build environment: a build constraint, not setuptools in the image", async () => {
    const findings = await analyzeLog(fixture('pip/wheel-build-failed/match-pip25-pkg-resources-ibm-sdk.log'));
    const ids = findings.map((f) => f.ruleId);
    expect(ids).not.toContain('pip/pkg-resources-missing');
    const f = findings.find((x) => x.ruleId === 'pip/wheel-build-failed')!;
    expect(f.fix).toContain('PIP_BUILD_CONSTRAINT');
  });

  test("pip's progress lines only: the build-environment reading without a package name", async () => {
    const findings = await analyzeLog(fixture('pip/wheel-build-failed/match-progress-lines-pkg-resources-whisper-webui.log'));
    expect(findings[0]!.ruleId).toBe('pip/wheel-build-failed');
    expect(findings[0]!.fix).toContain('--no-build-isolation');
    expect(findings.map((f) => f.ruleId)).not.toContain('pip/pkg-resources-missing');
  });
});
