// Rules written for the build the log shows: `{fact.x}` placeholders, variants that hold when a
// fact is known or has a value (`fact.cuda`, `fact.place=image-build`, `a&b`) or an order to one
// (`fact.os<=Ubuntu 20.04`), retryable per variant.
import { describe, expect, test } from 'vitest';
import { ruleProblems } from '../../src/rules/compile.js';
import { ruleSchema, type RuleInput } from '../../src/rules/schema.js';
import type { BuildFacts, FactValue } from '../../src/facts/types.js';
import { makeModel, makeStep } from '../support/builders.js';
import { out, runEngine } from './support/events.js';

function fact(value: string, source: string, step: number | null = null): FactValue {
  return { value, source, evidence: value, line: 1, stage: null, step };
}

const rule: RuleInput = {
  id: 'test/needs-toolkit',
  title: 'toolkit missing',
  severity: 'error',
  match: [{ literals: ['nvcc: not found'] }],
  message: 'No nvcc in this stage.',
  fix: 'Install a toolkit.',
  variants: [
    { when: 'fact.place=image-build&fact.cuda', fix: 'FROM nvidia/cuda:{fact.cuda}-devel ({fact.os|OS not shown})', retryable: false },
    { when: 'fact.place=docker-run', fix: 'Run the -devel image instead.' },
    { when: '!fact.cuda', fix: 'Run `nvcc --version` where it works to read the CUDA version.', retryable: true },
  ],
};

const step = makeStep({ id: 3, instruction: 'RUN nvcc -c x.cu', status: 'error' });
const model = makeModel({ format: 'buildkit-plain', steps: [step], failedStep: 3 });
const events = [out(3, '/bin/sh: 1: nvcc: not found')];

describe('facts in rules', () => {
  test('a variant on two facts: the place and the CUDA version, with a placeholder and its fallback', () => {
    const facts: BuildFacts = { cuda: [fact('12.4', 'image-tag')] };
    const [f] = runEngine([rule], events, model, facts);
    expect(f!.fix).toBe('FROM nvidia/cuda:12.4-devel (OS not shown)');
    expect(f!.retryable).toBe(false);
  });

  test('an unknown fact picks the variant that says how to find it out, and its retryable', () => {
    const [f] = runEngine([rule], events, model, {});
    expect(f!.fix).toBe('Run `nvcc --version` where it works to read the CUDA version.');
    expect(f!.retryable).toBe(true);
  });

  test('a docker run paste (no build steps) takes the docker-run variant', () => {
    const facts: BuildFacts = { cuda: [fact('12.4', 'image-banner')], place: [fact('docker-run', 'docker-run')] };
    const [f] = runEngine([rule], [{ type: 'text', line: 1, text: 'sh: nvcc: not found' }], makeModel({ format: 'plain-text', steps: [], failedStep: null }), facts);
    expect(f!.fix).toBe('Run the -devel image instead.');
  });

  test('the step’s own value is trusted over another step’s', () => {
    const facts: BuildFacts = { cuda: [fact('11.8', 'nvcc', 9), fact('12.4', 'image-tag', 3)] };
    const [f] = runEngine([rule], events, model, facts);
    expect(f!.fix).toContain('nvidia/cuda:12.4-devel');
  });

  test('a rule naming a fact that does not exist is refused, in a condition and in a placeholder', () => {
    const bad = ruleSchema.parse({ ...rule, variants: [{ when: 'fact.cudaa', fix: '{fact.distro}' }] });
    expect(ruleProblems(bad).map((p) => p.message)).toEqual(['no fact is named "cudaa"', '{fact.distro}: no fact is named "distro"']);
  });

  test('an order on a release: the same family compared by number; unknown or another family holds neither way', () => {
    const ordered: RuleInput = {
      ...rule,
      variants: [
        { when: 'fact.os<=Ubuntu 20.04', fix: 'old' },
        { when: 'fact.os>Ubuntu 20.04', fix: 'new' },
        { when: '!fact.os', fix: 'unknown' },
      ],
    };
    const fixFor = (os: string | null): string => {
      const facts: BuildFacts = os === null ? {} : { os: [fact(os, 'image-tag')] };
      return runEngine([ordered], events, model, facts)[0]!.fix;
    };
    expect(fixFor('Ubuntu 20.04')).toBe('old');
    expect(fixFor('Ubuntu 18.04')).toBe('old');
    expect(fixFor('Ubuntu 22.04')).toBe('new');
    expect(fixFor('Ubuntu 24.04')).toBe('new');
    expect(fixFor(null)).toBe('unknown');
    // another family is in no order to Ubuntu's: neither variant holds, the rule's own fix stands
    expect(fixFor('Debian 12')).toBe('Install a toolkit.');
    expect(ruleProblems(ruleSchema.parse(ordered))).toEqual([]);
  });

  test('an order without a family: a bare number (`fact.cuda>=12.0`)', () => {
    const byCuda: RuleInput = { ...rule, variants: [{ when: 'fact.cuda>=12.0', fix: 'twelve' }, { when: 'fact.cuda<12', fix: 'eleven' }] };
    expect(runEngine([byCuda], events, model, { cuda: [fact('12.4', 'image-tag')] })[0]!.fix).toBe('twelve');
    expect(runEngine([byCuda], events, model, { cuda: [fact('11.8', 'image-tag')] })[0]!.fix).toBe('eleven');
  });

  test('a malformed condition is refused by the schema', () => {
    expect(ruleSchema.safeParse({ ...rule, variants: [{ when: 'fact.os<=Ubuntu  20.04', fix: 'x' }] }).success).toBe(false);
    expect(ruleSchema.safeParse({ ...rule, variants: [{ when: 'fact.os=<Ubuntu', fix: 'x' }] }).success).toBe(false);
    expect(ruleSchema.safeParse({ ...rule, variants: [{ when: 'fact.place==x', fix: 'x' }] }).success).toBe(false);
    expect(ruleSchema.safeParse({ ...rule, variants: [{ when: 'a&', fix: 'x' }] }).success).toBe(false);
  });
});
