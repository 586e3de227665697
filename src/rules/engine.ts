// Rule stage: events (with the step they belong to) → findings.
// Every line a rule may see goes through one prefilter scan; only the matchers whose literal is in
// the line run their regular expression. What matched is kept per rule and scope (bounded) and
// turned into findings once the build model is complete.
import type { BuildEvent } from '../grammar/events.js';
import type { BuildModel, Step } from '../model/types.js';
import type { Finding } from './finding.js';
import type { BuildFacts } from '../facts/types.js';
import { compileRules, type CompiledRuleSet } from './compile.js';
import { SharedScan, type LiteralScanner } from '../match/shared-scan.js';
import { rankFindings, type Candidate } from './rank-findings.js';
import { onlyHolds, renderFinding, requiredContextsHold, type FindingInput } from './render-finding.js';
import type { Rule } from './schema.js';
import { capEvidence, maxEvidenceLength, ScopeState } from './scope-state.js';
import { triggerCandidates } from './triggers.js';

/** Scope key of lines outside any step, for step-scoped rules. */
const noStep = -1;

/**
 * Lines longer than this (progress bars, minified junk, hostile input) are matched on a window
 * around the literal the prefilter found, so the cost of a regex stays bounded per line.
 */
const longLine = 4096;
const windowReach = 2048;

function windowAround(text: string, literalEnd: number): string {
  return text.slice(Math.max(0, literalEnd - windowReach), literalEnd + windowReach);
}

/**
 * Lines wrapped mid-word (a terminal's width in a pasted log, a tool writing one message in two
 * writes, apt's stderr cutting into its stdout): a literal may start at the end of one line of a
 * step and end at the start of its next. The prefilter's automaton goes on from the end of the
 * step's previous line into this many characters of the next.
 */
const seamReach = 48;
/** Steps whose last line is kept for the seam check (parallel steps interleave). */
const seamSteps = 64;
/** Steps ended between two renewals of the per-step maps (see RuleEngine.stepEnded). */
const renewAfter = 256;

/**
 * A step-scoped rule's first context line in a step, as the engine saw it, not yet made into a
 * state: most context lines (every `Collecting …` of a pip step, for half a dozen rules) die
 * unread with their step, and a state with its map of contexts is most of what a line of a small
 * step allocates. The state is made, from this, when the rule has a second line in the step.
 */
class PendingContext {
  constructor(
    readonly index: number,
    readonly text: string,
    readonly groups: Record<string, string | undefined> | undefined,
    readonly deferred: RegExp | null,
  ) {}
}

/** The step-scoped states of a step that has not ended: `states[i]` is rule `rules[i]`'s. */
interface OpenStep {
  rules: number[];
  states: (ScopeState | PendingContext)[];
}

/** A hit of an `atEnd` matcher, waiting for the end of the log. */
interface TailHit {
  rule: number;
  text: string;
  line: number;
  step: number | null;
  groups: Record<string, string | undefined> | undefined;
}

/** A step's previous line, and where the prefilter's automaton stood at its end. */
interface PreviousLine {
  text: string;
  line: number;
  state: number;
}

export class RuleEngine {
  private readonly set: CompiledRuleSet;
  private readonly prefilter: LiteralScanner;
  /**
   * Per rule: scope key (step id, or 0 for build-scoped rules) → what was seen there. A step-scoped
   * rule's state is kept here once its step ended with a hit; until then it is in `open`.
   */
  private readonly states: Map<number, ScopeState>[];
  /** Per rule: the line (call) that last counted a hit, so two matchers of a rule count a line once. */
  private readonly lastHit: Int32Array;
  private call = 0;
  /** The step of the latest `#N ERROR`: the final error lines that follow are about it. */
  private lastFailedStep: number | null = null;
  /** The last hit of an `atEnd` matcher, held until the log ends (or the grammar marks it clipped) with nothing after it. */
  private tail: TailHit | null = null;
  /** Per step (or outside any), its previous line: the other side of a seam. */
  private previous = new Map<number, PreviousLine>();
  /** Per rule: the log line of its latest hit. */
  private readonly lastHitLine: Int32Array;
  /**
   * Per step still running: the step-scoped rules that keep a state for it, and those states. One
   * entry per step, not one per rule and step: a rule's own map would go from one entry to none at
   * every step's end, and a map that small reallocates its table each time it grows or shrinks.
   */
  private open = new Map<number, OpenStep>();
  /** Steps ended since `open` and `previous` were last made anew (see `stepEnded`). */
  private endedSinceRenewal = 0;

  /** `scan`: the line scan shared with the other stages (one of its own when omitted). */
  constructor(rules: Rule[], scan: SharedScan = new SharedScan()) {
    const enabled = rules.filter((r) => r.enabled);
    this.set = compileRules(enabled);
    this.prefilter = scan.group(this.set.literals);
    this.states = enabled.map(() => new Map());
    this.lastHit = new Int32Array(enabled.length);
    this.lastHitLine = new Int32Array(enabled.length);
  }

  observe(event: BuildEvent): void {
    if (this.tail !== null) this.passTail(event);
    switch (event.type) {
      case 'step-output':
        if (!event.echo) this.lineAndSeam(event.text, event.line, event.id);
        break;
      case 'step-error':
        this.lastFailedStep = event.id;
        this.line(event.message, event.line, event.id);
        break;
      case 'solve-error':
        this.line(event.error.message, event.line, event.error.step ?? this.lastFailedStep);
        break;
      case 'text':
        this.lineAndSeam(event.text, event.line, this.lastFailedStep);
        break;
      case 'log-clipped':
        this.line(event.text, event.line, event.id ?? this.lastFailedStep);
        break;
      case 'step-done':
      case 'step-cached':
      case 'step-canceled':
        this.stepEnded(event.id);
        break;
      default:
        break;
    }
  }

  /**
   * An `atEnd` hit held back: a line of text after it (not blank) drops it; the grammar's mark that the log was clipped
   * there makes it count at once.
   */
  private passTail(event: BuildEvent): void {
    const tail = this.tail!;
    if (event.type === 'log-clipped') {
      this.tail = null;
      this.commitTail(tail);
      return;
    }
    let text: string;
    if (event.type === 'step-output' || event.type === 'text') text = event.text;
    else if (event.type === 'step-error') text = event.message;
    else if (event.type === 'solve-error') text = event.error.message;
    else return;
    if (event.line > tail.line && text.trim() !== '') this.tail = null;
  }

  private commitTail(tail: TailHit): void {
    const cr = this.set.rules[tail.rule]!;
    let state: ScopeState;
    if (cr.rule.scope === 'build') {
      const states = this.states[tail.rule]!;
      state = states.get(0) ?? new ScopeState();
      states.set(0, state);
    } else {
      state = this.stepState(tail.step ?? noStep, tail.rule);
    }
    this.lastHitLine[tail.rule] = tail.line;
    state.addHit(tail.text, tail.line, tail.step, tail.groups, cr.rule.evidence === 'last');
  }

  /**
   * A step that ended without a hit of a rule gives that rule no finding: what the rule kept about
   * it (context lines, an `unless`) is let go, so memory follows the steps that matched, not all
   * steps of a build of thousands.
   */
  private stepEnded(id: number): void {
    // The two maps gain and lose an entry at every step. A Map that does reallocates its table,
    // in the old generation once the Map has grown old: garbage that only a full collection
    // frees, tens of MB between two in a build of many small steps. Made anew (young) now and
    // then, their tables come and go in the young generation, which frees them at no cost.
    if (++this.endedSinceRenewal >= renewAfter) {
      this.endedSinceRenewal = 0;
      this.previous = new Map(this.previous);
      this.open = new Map(this.open);
    }
    this.previous.delete(id);
    const open = this.open.get(id);
    if (open === undefined) return;
    this.open.delete(id);
    // A pending context line has no hit: like a state without one, it goes with its step.
    open.states.forEach((state, i) => {
      if (state instanceof ScopeState && state.count > 0) this.states[open.rules[i]!]!.set(id, state);
    });
  }

  /** A step-scoped rule's state in step `key`: the open one, the one kept when the step ended, or a new one. */
  private stepState(key: number, rule: number): ScopeState {
    return this.existingState(key, rule) ?? this.opened(key, rule, new ScopeState());
  }

  /**
   * A step-scoped rule's context line in step `key`: its state there, or null when the rule has
   * nothing in the step yet; then the line is kept as it is, pending.
   */
  private contextState(key: number, rule: number, index: number, text: string, groups: Record<string, string | undefined> | undefined, deferred: RegExp | null): ScopeState | null {
    const state = this.existingState(key, rule);
    // Cut as the state would cut it (a cut line is kept as it is), so that what a step keeps stays bounded.
    if (state === null) this.opened(key, rule, new PendingContext(index, text.length > maxEvidenceLength ? capEvidence(text.trim()) : text, groups, deferred));
    return state;
  }

  /** The open state (made from a pending line if need be) or the kept one, else null. */
  private existingState(key: number, rule: number): ScopeState | null {
    const open = this.open.get(key);
    const i = open === undefined ? -1 : open.rules.indexOf(rule);
    if (i >= 0) {
      const found = open!.states[i]!;
      if (found instanceof ScopeState) return found;
      const state = this.settle(rule, found);
      open!.states[i] = state;
      return state;
    }
    return this.states[rule]!.get(key) ?? null;
  }

  private opened<T extends ScopeState | PendingContext>(key: number, rule: number, state: T): T {
    const open = this.open.get(key);
    if (open === undefined) this.open.set(key, { rules: [rule], states: [state] });
    else {
      open.rules.push(rule);
      open.states.push(state);
    }
    return state;
  }

  /** The state a pending context line stands for: a new state that saw that line. */
  private settle(rule: number, pending: PendingContext): ScopeState {
    const state = new ScopeState();
    this.addContext(state, rule, pending.index, pending.text, pending.groups, pending.deferred);
    return state;
  }

  private addContext(state: ScopeState, rule: number, index: number, text: string, groups: Record<string, string | undefined> | undefined, deferred: RegExp | null): void {
    const context = this.set.rules[rule]!.context[index]!;
    state.addContext(context.name, text, groups, context.keepLast, deferred);
    if (context.locks !== null) state.lockContext(context.locks, text, groups, deferred);
    if (context.tally) state.addTally(context.name, groups);
  }

  private lineAndSeam(text: string, lineNumber: number, step: number | null): void {
    this.line(text, lineNumber, step);
    const state = this.prefilter.endState;
    const key = step ?? noStep;
    const before = this.previous.get(key);
    if (before !== undefined && before.state !== 0 && text.length > 0) this.seam(before, text, lineNumber, step);
    if (before !== undefined) {
      before.text = text;
      before.line = lineNumber;
      before.state = state;
      return;
    }
    if (this.previous.size >= seamSteps) this.previous.delete(this.previous.keys().next().value!);
    this.previous.set(key, { text, line: lineNumber, state });
  }

  /**
   * Literals cut by the line break after `before`: the automaton goes on from where `before` left
   * it into the start of `text`. Their rules see the two lines joined.
   */
  private seam(before: PreviousLine, text: string, lineNumber: number, step: number | null): void {
    const prefilter = this.prefilter;
    const count = prefilter.findCut(before.state, text, seamReach);
    if (count === 0) return;
    const targets = prefilter.cutTargets;
    const joined = before.text + text;
    const cut: number[] = [];
    for (let t = 0; t < count; t++) {
      if (!prefilter.cutConfirmed(t, joined, before.text.length)) continue;
      // A rule that already saw either line has its hit: the joined text would count it twice.
      const rule = this.set.slots[targets[t]!]!.rule;
      if (this.lastHitLine[rule] === lineNumber || this.lastHitLine[rule] === before.line) continue;
      cut.push(targets[t]!);
    }
    if (cut.length > 0) this.match(joined, lineNumber, step, cut, cut.length, before.text.length + seamReach);
  }

  private line(text: string, lineNumber: number, step: number | null): void {
    const count = this.prefilter.find(text);
    if (count === 0) return;
    this.match(text, lineNumber, step, this.prefilter.targets, count, null);
  }

  /**
   * Runs the matchers of the first `count` `targets` on `text`. On a long line the regex sees a
   * window around the literal: where the prefilter found it, or at `seamAt` for literals cut by a
   * line break.
   */
  private match(text: string, lineNumber: number, step: number | null, targets: readonly number[], count: number, seamAt: number | null): void {
    this.call = (this.call + 1) | 0;
    // The last expression run on this line and its result: matchers of several rules share one (compile.ts),
    // and the prefilter reports them next to each other.
    let lastRegex: RegExp | null = null;
    let lastInput = '';
    let lastMatched = false;
    // null after a mere test
    let lastResult: RegExpExecArray | null = null;
    for (let t = 0; t < count; t++) {
      const slot = this.set.slots[targets[t]!]!;
      const regex = slot.regex;
      let groups: Record<string, string | undefined> | undefined;
      let deferred: RegExp | null = null;
      if (regex !== null) {
        const input = text.length > longLine ? windowAround(text, seamAt ?? this.prefilter.endOf(t)) : text;
        // An `unless` needs no captures, nor does a context line short enough to be kept whole: it
        // keeps the expression, run again if a finding reads them (most context lines die unread
        // with their step). A test builds no match object; most lines that reach here make one.
        const wanted = slot.kind === 'match' || (slot.kind === 'context' && (slot.tally || input.length > maxEvidenceLength));
        if (regex !== lastRegex || input !== lastInput) {
          lastRegex = regex;
          lastInput = input;
          lastResult = wanted ? regex.exec(input) : null;
          lastMatched = wanted ? lastResult !== null : regex.test(input);
        } else if (wanted && lastMatched && lastResult === null) {
          lastResult = regex.exec(input);
        }
        if (!lastMatched) continue;
        if (wanted) groups = lastResult!.groups;
        else deferred = regex;
      }
      if (slot.atEnd) {
        this.tail = { rule: slot.rule, text, line: lineNumber, step, groups };
        continue;
      }
      let state: ScopeState;
      if (slot.buildScoped) {
        const states = this.states[slot.rule]!;
        const built = states.get(0);
        state = built ?? new ScopeState();
        if (built === undefined) states.set(0, state);
      } else if (slot.kind === 'context') {
        const found = this.contextState(step ?? noStep, slot.rule, slot.index, text, groups, deferred);
        if (found === null) continue;
        state = found;
      } else {
        state = this.stepState(step ?? noStep, slot.rule);
      }
      if (slot.kind === 'unless') {
        state.cancelled = true;
      } else if (slot.kind === 'context') {
        this.addContext(state, slot.rule, slot.index, text, groups, deferred);
      } else if (this.lastHit[slot.rule] !== this.call) {
        this.lastHit[slot.rule] = this.call;
        this.lastHitLine[slot.rule] = lineNumber;
        state.addHit(text, lineNumber, step, groups, slot.evidenceLast);
      } else {
        state.addCaptures(groups);
      }
    }
  }

  finish(model: BuildModel, facts: BuildFacts = {}): Finding[] {
    if (this.tail !== null) {
      this.commitTail(this.tail);
      this.tail = null;
    }
    const steps = new Map<number, Step>(model.steps.map((s) => [s.id, s]));
    const candidates: Candidate[] = [];
    // Steps that never ended (a log cut short, lines outside any step): their states count too.
    for (const [id, open] of this.open) {
      open.states.forEach((state, i) => {
        const rule = open.rules[i]!;
        this.states[rule]!.set(id, state instanceof ScopeState ? state : this.settle(rule, state));
      });
    }
    this.open.clear();
    this.set.rules.forEach((cr, i) => {
      candidates.push(...triggerCandidates(cr, model, facts));
      for (const [key, state] of this.states[i]!) {
        if (state.cancelled || state.count < cr.rule.minCount) continue;
        const stepId = cr.rule.scope === 'build' ? state.firstStep : key === noStep ? null : key;
        const step = stepId === null ? null : (steps.get(stepId) ?? null);
        if (!onlyHolds(cr.rule.only, step, model)) continue;
        const input: FindingInput = { stepId, step, count: state.count, evidence: state.evidence, captures: state.captures, contexts: state.contexts };
        if (!requiredContextsHold(cr, input, facts)) continue;
        const finding = renderFinding(cr, input, model, facts);
        if (finding === null) continue;
        candidates.push({
          finding,
          specificity: cr.rule.specificity,
          order: cr.order,
          firstLine: state.firstLine,
          maxFindings: cr.rule.maxFindings,
        });
      }
    });
    return rankFindings(candidates, model);
  }
}
