// Turns what a rule saw in one scope into a finding: checks `only`, picks the variant, fills the
// templates. Every value taken from the log goes through safeValue before it reaches Markdown.
import type { BuildModel, Step } from '../model/types.js';
import type { Finding, Severity } from './finding.js';
import type { CompiledRule } from './compile.js';
import type { Rule } from './schema.js';
import { cutAfterStep, unfinishedStep } from '../model/unfinished.js';
import { exitCodeShown } from '../model/exit-code.js';
import { enricherNames, enrichers, type CaptureValues } from './enrichers.js';
import type { BuildFacts, FactName } from '../facts/types.js';
import { factsFor, type FactView } from '../facts/fact-view.js';
import type { ContextHit } from './scope-state.js';
import { formatSpan } from '../text/format-duration.js';
import { renderTemplate, safeValue, type Placeholder } from './template.js';
import { quoteWord } from '../text/shell-words.js';
import { compareVersions } from '../text/compare-versions.js';

/** What a finding is made from, whatever produced it (lines of a scope, or a step trigger). */
export interface FindingInput {
  /** The step id the lines belong to (the step may be unknown to the model). */
  stepId: number | null;
  step: Step | null;
  count: number;
  evidence: string[];
  captures: Map<string, Map<string, number>>;
  contexts: Map<string, ContextHit>;
}


/** Whether the build's outcome is unknown (an unframed paste, a log cut mid-build): then `only` conditions hold. */
export function outcomeUnknown(model: BuildModel): boolean {
  return model.steps.length === 0 || model.format === 'plain-text' || model.format === 'unknown' || unfinishedStep(model) !== null || cutAfterStep(model) !== null;
}

export function buildFailed(model: BuildModel): boolean {
  return model.failedStep !== null || model.solveError !== null || model.steps.some((s) => s.status === 'error');
}

export function onlyHolds(only: Rule['only'], step: Step | null, model: BuildModel): boolean {
  // a step the log shows ending DONE is known to have passed, whatever the rest of the log says
  if (only === 'passed-step') return step !== null && step.status === 'done';
  if (only === 'any' || outcomeUnknown(model)) return true;
  if (only === 'failed-build' || step === null) return buildFailed(model);
  return step.status === 'error' || step.id === model.failedStep;
}

/** A context matched on one text outside the scope's lines (an instruction, a compose service): seen or not, with its hit kept. */
function matchOutside(c: CompiledRule['context'][number], text: string, input: FindingInput): boolean {
  const haystack = c.ignoreCase ? text.toLowerCase() : text;
  const hasLiteral = c.literals.some((l) => haystack.includes(c.ignoreCase ? l.toLowerCase() : l));
  const m = hasLiteral ? (c.regex ? c.regex.exec(text) : null) : null;
  const seen = hasLiteral && (c.regex === null || m !== null);
  if (seen && !input.contexts.has(c.name)) {
    const groups: Record<string, string> = {};
    for (const [k, v] of Object.entries(m?.groups ?? {})) if (v !== undefined) groups[k] = v;
    input.contexts.set(c.name, { text, groups });
  }
  return seen;
}

/**
 * Context name → seen (true), not seen (false), or unknown (undefined: an instruction context with no step). A service
 * context is seen when one of the compose services the log shows matches (none shown: not seen).
 */
function contextStates(cr: CompiledRule, input: FindingInput, facts: BuildFacts): Map<string, boolean | undefined> {
  const states = new Map<string, boolean | undefined>();
  for (const c of cr.context) {
    if (c.source === 'line') {
      states.set(c.name, input.contexts.has(c.name));
      continue;
    }
    if (c.source === 'service') {
      states.set(c.name, (facts.composeService ?? []).some((v) => matchOutside(c, v.value, input)));
      continue;
    }
    const instruction = input.step && !input.step.internal ? input.step.instruction : null;
    if (instruction === null || instruction === '') {
      states.set(c.name, undefined);
      continue;
    }
    states.set(c.name, matchOutside(c, instruction, input));
  }
  return states;
}

/** Whether every context the rule requires was seen (an unknown instruction context was not). */
export function requiredContextsHold(cr: CompiledRule, input: FindingInput, facts: BuildFacts = {}): boolean {
  if (!cr.context.some((c) => c.required)) return true;
  const states = contextStates(cr, input, facts);
  return cr.context.every((c) => !c.required || states.get(c.name) === true);
}

/** A capture's values as a placeholder's modifier asks: the first, all, words, or with counts. */
function modified(values: Map<string, number>, modifier: Placeholder['modifier']): string {
  if (modifier === 'all') return [...values.keys()].map((v) => safeValue(v)).join(', ');
  if (modifier === 'words') return [...values.keys()].map((v) => safeValue(v)).join(' ');
  if (modifier === 'counts') return [...values].map(([v, n]) => `${safeValue(v)} (${n})`).join(', ');
  if (modifier === 'repeats') {
    return [...values]
      .filter(([, n]) => n > 1)
      .sort((a, b) => b[1] - a[1])
      .map(([v, n]) => `${safeValue(v)} (${n})`)
      .join(', ');
  }
  return safeValue(values.keys().next().value ?? '');
}

/** Characters kept of an enricher's value. */
const maxEnrichedLength = 1000;

/** A fact's value for a condition or a placeholder: the place is the view's own reading. */
function factValue(facts: FactView, name: string): string | null {
  return name === 'place' ? facts.place : facts.value(name as FactName);
}

/** `Ubuntu 20.04` → [`Ubuntu`, `20.04`], `12.4` → [``, `12.4`]: a release's family and its dotted number. */
function familyAndRelease(value: string): [string, string] | null {
  const m = /^(?:(.*\S)\s+)?(\d+(?:\.\d+)*)$/.exec(value.trim());
  return m === null ? null : [(m[1] ?? '').toLowerCase(), m[2]!];
}

/**
 * Whether a fact's value stands in `op` to `expected` (`Ubuntu 18.04` <= `Ubuntu 20.04`): releases of one family,
 * compared by number. Unknown (holds neither way) without the fact, or when the two name different families
 * (`Debian 12` against `Ubuntu 20.04`) or either has no release number.
 */
function factOrder(value: string | null, expected: string, op: string): boolean | undefined {
  if (value === null) return undefined;
  const a = familyAndRelease(value);
  const b = familyAndRelease(expected);
  if (a === null || b === null || a[0] !== b[0]) return undefined;
  const d = compareVersions(a[1], b[1]);
  return op === '<=' ? d <= 0 : op === '<' ? d < 0 : op === '>=' ? d >= 0 : d > 0;
}

/**
 * Whether one condition of a variant's `when` holds: a context seen (`x`), a fact known
 * (`fact.cuda`), equal to a value (`fact.place=image-build`) or in an order to one (`fact.os<=Ubuntu 20.04`), an enricher's key with a value
 * (`enrich.mismatch`); `!` negates. An instruction context that is unknown holds neither way.
 */
function conditionHolds(
  condition: string,
  states: Map<string, boolean | undefined>,
  facts: FactView,
  enriched: Readonly<Record<string, string>>,
): boolean {
  const negated = condition.startsWith('!');
  const name = negated ? condition.slice(1) : condition;
  let state: boolean | undefined;
  if (name.startsWith('enrich.')) {
    state = (enriched[name.slice(7)] ?? '') !== '';
  } else if (name.startsWith('fact.')) {
    const [, fact, op, expected] = /^([a-zA-Z]+)(?:(<=|>=|<|>|=)(.*))?$/.exec(name.slice(5))!;
    const value = factValue(facts, fact!);
    if (op === undefined) state = value !== null;
    else if (op === '=') state = value === expected;
    else state = factOrder(value, expected!, op);
  } else {
    state = states.get(name);
  }
  return state === undefined ? false : state !== negated;
}

/** Whether the scope saw one value of the rule's `repeated` capture at least twice (true when the rule names none). */
function repeatHolds(rule: CompiledRule['rule'], input: FindingInput): boolean {
  if (rule.repeated === undefined) return true;
  return [...(input.captures.get(rule.repeated)?.values() ?? [])].some((n) => n > 1);
}

/** The finding, or null when the rule's own `when` or `repeated` does not hold for what was seen. */
export function renderFinding(cr: CompiledRule, input: FindingInput, model: BuildModel, buildFacts: BuildFacts = {}): Finding | null {
  const rule = cr.rule;
  if (!repeatHolds(rule, input)) return null;
  const states = contextStates(cr, input, buildFacts);
  const facts = factsFor(buildFacts, input.step, model);

  const first: Record<string, string> = {};
  for (const [name, values] of input.captures) {
    const v = values.keys().next();
    if (!v.done) first[name] = v.value;
  }
  const step = input.step;
  const enriched: Record<string, string> = {};
  const names = enricherNames(rule);
  if (names.length > 0) {
    const captureValues: Record<string, string> = { ...first };
    for (const [name, hit] of input.contexts) {
      captureValues[`context.${name}`] = hit.text;
      for (const [g, v] of Object.entries(hit.groups)) captureValues[`context.${name}.${g}`] = v;
    }
    for (const name of names) {
      try {
        Object.assign(enriched, enrichers[name]!(captureValues as CaptureValues, step, model, facts));
      } catch {
        // an enricher's bug costs its extra values, never the finding
      }
    }
  }
  // After the enrichers: a condition can ask for one of their values.
  const holds = (when: string): boolean => when.split('&').every((c) => conditionHolds(c, states, facts, enriched));
  if (rule.when !== undefined && !holds(rule.when)) return null;
  const variant = rule.variants?.find((v) => holds(v.when));

  const fixed: Record<string, string | undefined> = {
    count: String(input.count),
    stage: step?.stage ?? undefined,
    instruction: step?.instruction,
    step: input.stepId === null ? undefined : String(input.stepId),
    seconds: step?.seconds != null ? step.seconds.toFixed(1) : undefined,
    duration: step?.seconds != null ? formatSpan(step.seconds) : undefined,
    exitCode: exitCodeShown(step, model)?.toString(),
    platform: step?.platform ?? undefined,
    error: step?.error ?? (step === null || step.id === model.failedStep ? model.solveError?.message : undefined),
  };

  const resolve = (p: Placeholder): string | undefined => {
    if (p.modifier !== 'sh') return resolvePlain(p);
    // a value written into a shell command: one word, whatever characters the log gave it
    const v = resolvePlain({ ...p, modifier: null });
    return v === undefined || v === '' ? undefined : quoteWord(v);
  };
  const resolvePlain = (p: Placeholder): string | undefined => {
    const [head, second, third] = p.name.split('.');
    const tallied = head === 'context' && p.modifier !== null ? input.captures.get(p.name) : undefined;
    if (tallied) return modified(tallied, p.modifier);
    if (head === 'context' && second !== undefined) {
      const hit = input.contexts.get(second);
      const v = third === undefined ? hit?.text : hit?.groups[third];
      return v === undefined ? undefined : safeValue(v);
    }
    if (head === 'fact' && second !== undefined) {
      const v = factValue(facts, second);
      return v === null ? undefined : safeValue(v);
    }
    if (head === 'enrich' && second !== undefined) {
      // An enricher writes whole sentences (a CUDA version's arch list): bounded, but not cut at a
      // log value's length.
      const v = enriched[second];
      return v === undefined ? undefined : safeValue(v, maxEnrichedLength);
    }
    const values = input.captures.get(p.name);
    if (values) return modified(values, p.modifier);
    const v = fixed[p.name];
    return v === undefined ? undefined : safeValue(v);
  };

  const severity: Severity = variant?.severity ?? rule.severity;
  const finding: Finding = {
    ruleId: rule.id,
    severity,
    title: variant?.title ?? rule.title,
    message: renderTemplate(variant?.message ?? rule.message, resolve).trim(),
    fix: renderTemplate(variant?.fix ?? rule.fix, resolve).trim(),
    step: input.stepId,
    location: null,
    evidence: input.evidence,
    retryable: variant?.retryable ?? rule.retryable,
  };
  if (rule.docs !== undefined) finding.docs = rule.docs;
  return finding;
}
