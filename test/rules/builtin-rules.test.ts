// The built-in catalog is not parsed by the schema at run time (builtin-rules.ts fills in its
// defaults itself): here every built-in rule is parsed, and the two must agree exactly.
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../src/rules/catalog/index.js';
import { builtinRuleSet, withDefaults } from '../../src/rules/builtin-rules.js';
import { ruleSchema, type RuleInput } from '../../src/rules/schema.js';

describe('the built-in rules without the validator', () => {
  it.each(builtinRules.map((rule) => [rule.id, rule] as const))('%s: the defaults are the schema\'s', (_id, rule) => {
    expect(withDefaults(rule)).toEqual(ruleSchema.parse(rule));
  });

  it('fills every default the schema has, for a rule that sets none (a slow-step trigger included)', () => {
    const bare: RuleInput = { id: 'x/y', title: 'A slow step', severity: 'notice', trigger: { kind: 'slow-step', minSeconds: 60 }, message: 'm', fix: 'f' };
    expect(withDefaults(bare)).toEqual(ruleSchema.parse(bare));
    expect(withDefaults(bare)).toMatchObject({ scope: 'step', minCount: 1, only: 'any', specificity: 3, retryable: false, maxFindings: 20, enabled: true, trigger: { platform: 'any' } });
  });

  it('keeps what a rule sets', () => {
    const set: RuleInput = { ...builtinRules[0]!, scope: 'build', specificity: 1, enabled: false };
    expect(withDefaults(set)).toMatchObject({ scope: 'build', specificity: 1, enabled: false });
  });

  it('builds the catalog once', () => {
    expect(builtinRuleSet()).toBe(builtinRuleSet());
  });
});
