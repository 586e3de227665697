// Rules → what the engine runs: regular expressions compiled once, every literal of every matcher
// registered in one prefilter, and the checks that make a rule runnable (valid and linear-time
// patterns, templates that only name placeholders the rule can fill, known enrichers).
import { checkRegexSafety } from '../security/regex-safety.js';
import { enrichers } from './enrichers.js';
import type { PrefilterLiteral } from '../match/prefilter.js';
import { factNames } from '../facts/types.js';
import { enricherNames } from './enrichers.js';
import type { Matcher, Rule } from './schema.js';
import { triggerCaptures } from './trigger-captures.js';
import { captureNamesOf, placeholdersOf } from './template.js';

export interface CompiledMatcher {
  /** null: the literal alone is enough. */
  regex: RegExp | null;
}

export interface CompiledContext extends CompiledMatcher {
  name: string;
  source: 'line' | 'instruction' | 'service';
  literals: string[];
  ignoreCase: boolean;
  tally: boolean;
  keepLast: boolean;
  /** A hit also sets this context and keeps it from being replaced (see the schema). */
  locks: string | null;
  /** The rule yields nothing in a scope where this context was not seen. */
  required: boolean;
}

export interface CompiledLineMatcher extends CompiledMatcher {
  /** The hit waits for the end of the log (see the schema's `atEnd`). */
  atEnd: boolean;
}

export interface CompiledRule {
  rule: Rule;
  /** Position in the rule list: the tie-break of ranking. */
  order: number;
  match: CompiledLineMatcher[];
  /** Line contexts (instruction contexts are checked when the rule is evaluated). */
  context: CompiledContext[];
  unless: CompiledMatcher[];
}

/**
 * What a prefilter hit points at, with what the engine reads of its matcher and rule on every hit.
 * Rules come in as many shapes as they have optional fields: read from them on every line, each
 * read is a lookup that has seen too many shapes; slots all have one.
 */
export interface Slot {
  rule: number;
  kind: 'match' | 'context' | 'unless';
  index: number;
  /** The matcher's expression (null: the literal alone is enough). */
  regex: RegExp | null;
  /** A context whose captures are tallied: it needs them on every line. */
  tally: boolean;
  /** A rule's own matcher whose hit waits for the end of the log (the schema's `atEnd`). */
  atEnd: boolean;
  /** The rule's scope is the whole build, not a step. */
  buildScoped: boolean;
  /** The rule's evidence is its last hit alone. */
  evidenceLast: boolean;
}

export interface CompiledRuleSet {
  rules: CompiledRule[];
  slots: Slot[];
  /** Every matcher's literals, the target being its slot: for the one prefilter scan per line. */
  literals: PrefilterLiteral[];
}

/** Placeholders every rule can use, whatever its patterns. */
export const fixedPlaceholders = [
  'count',
  'stage',
  'instruction',
  'step',
  'seconds',
  'duration',
  'exitCode',
  'platform',
  'error',
] as const;

export function regexFlags(matcher: Pick<Matcher, 'ignoreCase'>): string {
  return matcher.ignoreCase ? 'i' : '';
}

export function compileRules(rules: Rule[]): CompiledRuleSet {
  // Rules that read the same line the same way (several share `arch=compute_…` or `Collecting …`) share one
  // expression: the engine runs it once per line for all of them.
  const expressions = new Map<string, RegExp>();
  const compileMatcher = (m: Matcher): CompiledMatcher => {
    if (m.pattern === undefined) return { regex: null };
    const flags = regexFlags(m);
    const key = `${flags}/${m.pattern}`;
    let regex = expressions.get(key);
    if (regex === undefined) {
      regex = new RegExp(m.pattern, flags);
      expressions.set(key, regex);
    }
    return { regex };
  };
  const compiled: CompiledRule[] = [];
  const slots: Slot[] = [];
  const literals: PrefilterLiteral[] = [];
  const register = (m: Matcher, rule: Rule, order: number, kind: Slot['kind'], index: number, compiled: CompiledMatcher, flags: { tally?: boolean; atEnd?: boolean } = {}): void => {
    const target = slots.length;
    slots.push({
      rule: order,
      kind,
      index,
      regex: compiled.regex,
      tally: flags.tally === true,
      atEnd: flags.atEnd === true,
      buildScoped: rule.scope === 'build',
      evidenceLast: rule.evidence === 'last',
    });
    for (const text of m.literals) literals.push({ text, ignoreCase: m.ignoreCase === true, target });
  };

  rules.forEach((rule, order) => {
    const match = (rule.match ?? []).map((m) => ({ ...compileMatcher(m), atEnd: m.atEnd === true }));
    const context: CompiledContext[] = (rule.context ?? []).map((c) => ({
      ...compileMatcher(c),
      name: c.name,
      source: c.source ?? 'line',
      literals: c.literals,
      ignoreCase: c.ignoreCase === true,
      tally: c.tally === true,
      keepLast: c.keep === 'last',
      locks: c.locks ?? null,
      required: c.required === true,
    }));
    const unless = (rule.unless ?? []).map(compileMatcher);
    compiled.push({ rule, order, match, context, unless });

    (rule.match ?? []).forEach((m, index) => register(m, rule, order, 'match', index, match[index]!, { atEnd: match[index]!.atEnd }));
    (rule.context ?? []).forEach((c, index) => {
      if ((c.source ?? 'line') === 'line') register(c, rule, order, 'context', index, context[index]!, { tally: context[index]!.tally });
    });
    (rule.unless ?? []).forEach((m, index) => register(m, rule, order, 'unless', index, unless[index]!));
  });

  return { rules: compiled, slots, literals };
}

export interface RuleProblem {
  /** Path inside the rule (`match.0.pattern`). */
  path: (string | number)[];
  message: string;
}

/** What stops a (schema-valid) rule from running safely; empty when it is fine. */
export function ruleProblems(rule: Rule): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const checkPattern = (m: Matcher, path: (string | number)[]): void => {
    if (m.pattern === undefined) return;
    try {
      new RegExp(m.pattern, regexFlags(m));
    } catch (err) {
      problems.push({ path: [...path, 'pattern'], message: `invalid regular expression: ${(err as Error).message}` });
      return;
    }
    const unsafe = checkRegexSafety(m.pattern, regexFlags(m));
    if (unsafe !== null) problems.push({ path: [...path, 'pattern'], message: `regular expression may run in super-linear time: ${unsafe}` });
  };
  (rule.match ?? []).forEach((m, i) => checkPattern(m, ['match', i]));
  (rule.context ?? []).forEach((m, i) => checkPattern(m, ['context', i]));
  (rule.unless ?? []).forEach((m, i) => checkPattern(m, ['unless', i]));

  const contextNames = new Set((rule.context ?? []).map((c) => c.name));
  const checkWhen = (when: string, path: (string | number)[]): void => {
    for (const condition of when.split('&')) {
      const name = condition.replace(/^!/, '');
      if (name.startsWith('fact.')) {
        const fact = /^[a-zA-Z]+/.exec(name.slice(5))![0];
        if (!(factNames as readonly string[]).includes(fact)) problems.push({ path, message: `no fact is named "${fact}"` });
      } else if (name.startsWith('enrich.')) {
        if (rule.enrich === undefined) problems.push({ path, message: `"${name}" needs an enricher (the rule names none)` });
      } else if (!contextNames.has(name)) {
        problems.push({ path, message: `no context matcher is named "${name}"` });
      }
    }
  };
  if (rule.when !== undefined) checkWhen(rule.when, ['when']);
  for (const [i, v] of (rule.variants ?? []).entries()) checkWhen(v.when, ['variants', i, 'when']);
  if (rule.repeated !== undefined && !knownPlaceholders(rule).captures.has(rule.repeated)) {
    problems.push({ path: ['repeated'], message: `no pattern of the rule has a named group "${rule.repeated}"` });
  }
  for (const name of enricherNames(rule)) {
    if (!Object.hasOwn(enrichers, name)) {
      problems.push({ path: ['enrich'], message: `unknown enricher "${name}" (known: ${Object.keys(enrichers).join(', ') || 'none'})` });
    }
  }

  const known = knownPlaceholders(rule);
  const checkTemplate = (template: string | undefined, path: (string | number)[]): void => {
    if (template === undefined) return;
    for (const p of placeholdersOf(template)) {
      const problem = placeholderProblem(p.name, p.modifier, known, rule.enrich !== undefined);
      if (problem) problems.push({ path, message: problem });
    }
  };
  checkTemplate(rule.message, ['message']);
  checkTemplate(rule.fix, ['fix']);
  for (const [i, v] of (rule.variants ?? []).entries()) {
    checkTemplate(v.message, ['variants', i, 'message']);
    checkTemplate(v.fix, ['variants', i, 'fix']);
  }
  return problems;
}

interface KnownPlaceholders {
  captures: Set<string>;
  contexts: Map<string, Set<string>>;
  /** Contexts whose groups are counted (`tally`): their groups take modifiers. */
  tallied: Set<string>;
}

function knownPlaceholders(rule: Rule): KnownPlaceholders {
  const captures = new Set<string>();
  for (const m of rule.match ?? []) if (m.pattern) for (const n of captureNamesOf(m.pattern)) captures.add(n);
  for (const n of rule.trigger ? triggerCaptures[rule.trigger.kind] : []) captures.add(n);
  const contexts = new Map<string, Set<string>>();
  const tallied = new Set<string>();
  for (const c of rule.context ?? []) {
    contexts.set(c.name, new Set(c.pattern ? captureNamesOf(c.pattern) : []));
    if (c.tally === true) tallied.add(c.name);
  }
  return { captures, contexts, tallied };
}

function placeholderProblem(name: string, given: string | null, known: KnownPlaceholders, hasEnricher: boolean): string | null {
  // `sh` (one shell word) applies to any value; the other modifiers choose among a capture's values
  const modifier = given === 'sh' ? null : given;
  const [head, second, third, ...rest] = name.split('.');
  if (head === 'context' && second !== undefined && rest.length === 0) {
    const groups = known.contexts.get(second);
    if (!groups) return `{${name}}: no context matcher is named "${second}"`;
    if (third !== undefined && !groups.has(third)) return `{${name}}: context "${second}" has no named group "${third}"`;
    if (modifier && third !== undefined && known.tallied.has(second)) return null;
    return modifier ? `{${name}:${modifier}}: modifiers apply to captures and to the groups of a tallied context only` : null;
  }
  if (head === 'fact' && second !== undefined && third === undefined) {
    if (!(factNames as readonly string[]).includes(second)) return `{${name}}: no fact is named "${second}"`;
    return modifier ? `{${name}:${modifier}}: modifiers apply to captures only` : null;
  }
  if (head === 'enrich' && second !== undefined && third === undefined) {
    if (!hasEnricher) return `{${name}}: the rule names no enricher`;
    return modifier ? `{${name}:${modifier}}: modifiers apply to captures only` : null;
  }
  if (name.includes('.')) return `{${name}}: unknown placeholder`;
  if (known.captures.has(name)) return null;
  if ((fixedPlaceholders as readonly string[]).includes(name)) {
    return modifier ? `{${name}:${modifier}}: modifiers apply to captures only` : null;
  }
  return `{${name}}: unknown placeholder (not a named group of the rule's patterns)`;
}
