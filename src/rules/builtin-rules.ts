// The built-in catalog with the schema's defaults applied, shared by every analysis of the process.
// Built-ins are reviewed code: the catalog tests validate each with the schema (and check that
// these defaults are the schema's own), so a run does not load the validator to parse them again.
import { builtinRules } from './catalog/index.js';
import type { Rule, RuleInput, Trigger } from './schema.js';

let builtins: Rule[] | null = null;

/** `input` as the schema would give it back: every field with a default filled in. */
export function withDefaults(input: RuleInput): Rule {
  const trigger = input.trigger?.kind === 'slow-step' ? { ...input.trigger, platform: input.trigger.platform ?? 'any' } : input.trigger;
  return {
    ...input,
    ...(trigger === undefined ? {} : { trigger: trigger as Trigger }),
    scope: input.scope ?? 'step',
    minCount: input.minCount ?? 1,
    only: input.only ?? 'any',
    specificity: input.specificity ?? 3,
    retryable: input.retryable ?? false,
    maxFindings: input.maxFindings ?? 20,
    enabled: input.enabled ?? true,
  } as Rule;
}

/** The built-in catalog with its defaults applied. */
export function builtinRuleSet(): Rule[] {
  builtins ??= builtinRules.map(withDefaults);
  return builtins;
}

/** The built-in rules that are on by default: what an analysis runs when it is given no rule set. */
export function enabledBuiltinRules(): Rule[] {
  return builtinRuleSet().filter((rule) => rule.enabled);
}
