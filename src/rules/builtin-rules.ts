// The built-in catalog, validated once and shared by every analysis of the process.
import { builtinRules } from './catalog/index.js';
import { ruleSchema, type Rule } from './schema.js';

let builtins: Rule[] | null = null;

/**
 * The built-in catalog with its defaults applied. Built-ins are reviewed code: the catalog test runs
 * every check users' rules get (linear-time patterns, known placeholders), so none is repeated here.
 */
export function builtinRuleSet(): Rule[] {
  builtins ??= builtinRules.map((input) => ruleSchema.parse(input));
  return builtins;
}

/** The built-in rules that are on by default: what an analysis runs when it is given no rule set. */
export function enabledBuiltinRules(): Rule[] {
  return builtinRuleSet().filter((rule) => rule.enabled);
}
