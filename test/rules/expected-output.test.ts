// Every match fixture's finding as a user reads it — title, message, fix, reproduce, build facts —
// is kept beside the fixture (`match-foo.log` → `match-foo.expected.md`), so a change of wording is
// a diff in review. After an intended change, re-record them all with
//   npx vitest run test/rules/expected-output.test.ts -u
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkMatchFixtures, findingsOf, logMatchFixtures } from './support/fixture-findings.js';
import { renderExpectedOutput } from './support/render-expected.js';

const fixtures = [...logMatchFixtures(), ...checkMatchFixtures()];

describe('expected output beside every match fixture', () => {
  test('covers the log rules and the Dockerfile checks', () => {
    expect(fixtures.filter((f) => f.kind === 'log').length).toBeGreaterThan(20);
    expect(fixtures.filter((f) => f.kind === 'dockerfile').length).toBeGreaterThan(5);
  });

  test.each(fixtures.map((f) => [f.ruleId, f.name, f] as const))('%s: %s', async (ruleId, _name, f) => {
    const { findings, factsLine } = await findingsOf(f);
    expect(findings.length, `${ruleId} reports nothing on ${f.name}`).toBeGreaterThan(0);
    const text = renderExpectedOutput({ ruleId, fixture: path.basename(f.file), findings, ...(factsLine ? { factsLine } : {}) });
    await expect(text).toMatchFileSnapshot(f.expectedFile);
  });
});

describe('the expected-output renderer', () => {
  const finding = {
    ruleId: 'a/b',
    severity: 'error' as const,
    title: 'T',
    message: 'M',
    fix: 'F',
    step: null,
    location: null,
    evidence: ['has ``` inside'],
  };

  test('says what is missing instead of leaving a field empty', () => {
    const text = renderExpectedOutput({ ruleId: 'a/b', fixture: 'match-x.log', findings: [finding] });
    expect(text).toContain('Where: no Dockerfile line · step none · retryable: unknown');
    expect(text).toContain('## Reproduce\n\nnone\n');
    expect(text).not.toContain('Build:');
    expect(text).toContain('````text\nhas ``` inside\n````'); // a fence the evidence cannot close
  });

  test('names the location, step, retryability, build facts and reproduce command when there are', () => {
    const located = { ...finding, step: 7, location: { file: 'Dockerfile', line: 3, endLine: 4 }, retryable: true, reproduce: 'docker build .' };
    const text = renderExpectedOutput({ ruleId: 'a/b', fixture: 'match-x.log', findings: [located, { ...located, retryable: false }], factsLine: 'CUDA 12.4 (nvcc)' });
    expect(text.startsWith('<!-- expected output of a/b on match-x.log; re-record: npx vitest run test/rules/expected-output.test.ts -u -->\n')).toBe(true);
    expect(text).toContain('# error · T\n\nBuild: CUDA 12.4 (nvcc)\n\nWhere: Dockerfile:3 · step 7 · retryable: yes');
    expect(text).toContain('retryable: no');
    expect(text).toContain('```sh\ndocker build .\n```');
  });
});
