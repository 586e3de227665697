// Findings grouped per bake / compose target: groups in the order of their best finding, rank
// order inside one, a finding without a step given the target whose Dockerfile it is on.
import { describe, expect, it } from 'vitest';
import { failedTarget, groupByTarget } from '../../src/report/target-groups.js';
import { renderText } from '../../src/report/text.js';
import { makeAnalysis, makeFinding, makeModel, makeStep } from '../support/builders.js';

const model = makeModel({
  steps: [
    makeStep({ id: 1, target: 'web', stage: 'builder', index: 2, total: 3, instruction: 'RUN npm ci' }),
    makeStep({ id: 2, target: 'trainer', stage: 'builder', index: 4, total: 4, instruction: 'RUN pip install torch', status: 'error' }),
    makeStep({ id: 3, target: 'web', stage: 'builder', index: 3, total: 3, instruction: 'RUN npm run build' }),
  ],
  failedStep: 2,
});

const at = (file: string, line: number) => ({ file, line, endLine: line });

describe('groupByTarget', () => {
  it('groups ordered by their best finding; rank order kept inside a group', () => {
    const findings = [
      makeFinding({ ruleId: 'a/first', step: 2, severity: 'error' }),
      makeFinding({ ruleId: 'b/second', step: 3, severity: 'warning' }),
      makeFinding({ ruleId: 'c/third', step: 2, severity: 'warning' }),
      makeFinding({ ruleId: 'd/fourth', step: 1, severity: 'notice' }),
    ];
    expect(groupByTarget(findings, model)?.map((g) => [g.target, g.findings.map((f) => f.ruleId)])).toEqual([
      ['trainer', ['a/first', 'c/third']],
      ['web', ['b/second', 'd/fourth']],
    ]);
  });

  it('a static finding goes with the one target whose findings are on its Dockerfile; else with no target', () => {
    const findings = [
      makeFinding({ ruleId: 'log/web', step: 1, location: at('web.Dockerfile', 3) }),
      makeFinding({ ruleId: 'dockerfile/pipefail-missing', step: null, location: at('web.Dockerfile', 5) }),
      makeFinding({ ruleId: 'dockerfile/unpinned-base-image', step: null, location: at('shared.Dockerfile', 1) }),
      makeFinding({ ruleId: 'security/secret-in-log', step: null, location: null }),
    ];
    expect(groupByTarget(findings, model)?.map((g) => [g.target, g.findings.map((f) => f.ruleId)])).toEqual([
      ['web', ['log/web', 'dockerfile/pipefail-missing']],
      [null, ['dockerfile/unpinned-base-image', 'security/secret-in-log']],
    ]);
  });

  it('one target or none: no grouping', () => {
    const single = makeModel({ steps: [makeStep({ id: 1, target: 'web' }), makeStep({ id: 2 })] });
    expect(groupByTarget([makeFinding({ step: 1 })], single)).toBeNull();
    expect(groupByTarget([makeFinding({ step: 1 })], makeModel({ steps: [makeStep({ id: 1 })] }))).toBeNull();
  });

  it('the failed target', () => {
    expect(failedTarget(model)).toBe('trainer');
    expect(failedTarget(makeModel({ steps: [makeStep({ id: 1 })], failedStep: null }))).toBeNull();
  });
});

describe('text report of findings outside any target', () => {
  it('under "other findings", after the targets that rank before them', () => {
    const text = renderText(
      makeAnalysis(
        [makeFinding({ ruleId: 'a/trainer', title: 'pip failed', step: 2, severity: 'error' }), makeFinding({ ruleId: 'b/none', title: 'a secret', step: null, location: null, severity: 'warning' })],
        model,
      ),
      { color: false },
    );
    const headings = text.split('\n').filter((l) => l === 'other findings' || l.startsWith('target '));
    expect(headings).toEqual(['target trainer', 'other findings']);
  });
});
