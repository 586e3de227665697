// Small builders of steps, models and event streams, to test the rule engine without a grammar.
import type { BuildEvent, BuildModel, Finding, Step } from '../../../src/model/types.js';
import { RuleEngine } from '../../../src/rules/engine.js';
import { ruleSchema, type Rule, type RuleInput } from '../../../src/rules/schema.js';

export function makeStep(partial: Partial<Step> & { id: number }): Step {
  return {
    stage: null,
    index: null,
    total: null,
    instruction: 'RUN true',
    platform: null,
    target: null,
    internal: false,
    status: 'done',
    seconds: 1,
    start: null,
    end: null,
    cached: false,
    error: null,
    exitCode: null,
    firstLine: partial.id * 10,
    lastLine: partial.id * 10 + 5,
    tail: [],
    outputLines: 0,
    clipped: false,
    ...partial,
  };
}

export function makeModel(partial: Partial<BuildModel> = {}): BuildModel {
  const steps = partial.steps ?? [];
  return {
    format: 'buildkit-plain',
    steps,
    solveError: null,
    failedStep: steps.find((s) => s.status === 'error')?.id ?? null,
    seconds: null,
    cacheHitRatio: null,
    lintWarnings: [],
    lines: 100,
    ...partial,
  };
}

export function rule(input: RuleInput): Rule {
  return ruleSchema.parse(input);
}

let line = 0;
export const out = (id: number, text: string, echo = false): BuildEvent => ({ type: 'step-output', line: ++line, id, seconds: 0.5, text, echo });
export const text = (t: string): BuildEvent => ({ type: 'text', line: ++line, text: t });
export const stepError = (id: number, message: string): BuildEvent => ({ type: 'step-error', line: ++line, id, seconds: 1, message });

/** Runs rules over events and returns the findings for the given final model. */
export function runEngine(rules: (Rule | RuleInput)[], events: BuildEvent[], model: BuildModel): Finding[] {
  const engine = new RuleEngine(rules.map((r) => ruleSchema.parse(r)));
  for (const e of events) engine.observe(e);
  return engine.finish(model);
}
