// Event streams and a rule engine run over them, to test the rules without a grammar.
import type { BuildEvent } from '../../../src/grammar/events.js';
import type { BuildModel } from '../../../src/model/types.js';
import type { Finding } from '../../../src/rules/finding.js';
import { RuleEngine } from '../../../src/rules/engine.js';
import { ruleSchema, type Rule, type RuleInput } from '../../../src/rules/schema.js';
import type { BuildFacts } from '../../../src/facts/types.js';

let line = 0;
export const out = (id: number, text: string, echo = false): BuildEvent => ({ type: 'step-output', line: ++line, id, seconds: 0.5, text, echo });
export const text = (t: string): BuildEvent => ({ type: 'text', line: ++line, text: t });
export const stepError = (id: number, message: string): BuildEvent => ({ type: 'step-error', line: ++line, id, seconds: 1, message });

/** Runs rules over events and returns the findings for the given final model. */
export function runEngine(rules: (Rule | RuleInput)[], events: BuildEvent[], model: BuildModel, facts: BuildFacts = {}): Finding[] {
  const engine = new RuleEngine(rules.map((r) => ruleSchema.parse(r)));
  for (const e of events) engine.observe(e);
  return engine.finish(model, facts);
}
