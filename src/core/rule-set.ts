// The rule set of a run. Without a rules file it is the built-in catalog, ready as it is; the
// loader of a user's file (YAML, and the schema's validator) is loaded only when one is named, so
// that a plain run does not pay for either at start-up.
import { enabledBuiltinRules } from '../rules/builtin-rules.js';
import type { RuleSet } from './load-rules.js';
import { readOptionalFile } from './open-input.js';

/** The rule set of a run: the catalog, merged with the rules file the options name. */
export async function rulesFor(options: { rules: string | null }): Promise<RuleSet> {
  if (options.rules === null) return { rules: enabledBuiltinRules(), reportSecrets: true };
  const text = await readOptionalFile(options.rules);
  const { loadRuleSet } = await import('./load-rules.js');
  return loadRuleSet(text, options.rules);
}
