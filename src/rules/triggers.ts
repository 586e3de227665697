// Step-level triggers: rules that look at the steps of the finished build rather than at lines
// (the step-failed fallback, slow emulated steps, a toolkit copied whole, a CI build with a cold cache).
import { stepHeader } from '../model/step-header.js';
import type { BuildModel, Step } from '../model/types.js';
import type { CompiledRule } from './compile.js';
import type { Candidate } from './rank-findings.js';
import { buildFailed, renderFinding } from './render-finding.js';
import type { BuildFacts } from '../facts/types.js';
import { nativePlatform, platformArch } from './native-platform.js';
import { capEvidence, maxEvidenceLines } from './scope-state.js';
import { factsFor } from '../facts/fact-view.js';
import { exportStep, toolkitCopyOf } from '../knowledge/toolkit-copy.js';
import { missingLibraries } from '../knowledge/runtime-library.js';
import { formatSpan } from '../text/format-duration.js';
import { failedCommandOf } from '../knowledge/failed-command.js';


// Lines that look like the cause: compilers, linkers, pip and make all say one of these words.
const errorLike = /\b(?:error|fatal|failed|cannot|denied)\b/i;

/**
 * Lines that state a cause, by the tool that prints them (what issue 17 calls "the cause, not the
 * last lines"). Each kind keeps its first few lines: the first compiler error is the one the others
 * follow from; a Python traceback's exception line comes with its last frame (see pythonException).
 */
const causeKinds: { pattern: RegExp; keep: number; follow?: RegExp }[] = [
  // gcc / clang / nvcc / rustc / setuptools: `x.cu(88): error: …`, `fatal error: cuda.h: No such file`, `error: command 'gcc' failed`
  { pattern: /(?:^|[\s:)])(?:fatal )?error(?:\[[\w-]{1,20}\])?: \S/i, keep: 3 },
  // apt: `E: Unable to locate package foo`
  { pattern: /^E: \S/, keep: 3 },
  // uv and pip's diagnostics: `× Failed to build …`, `× No solution found when resolving dependencies:`
  { pattern: /^\s{0,8}× \S/, keep: 2 },
  // npm 6–9 `npm ERR! code E404`, npm 10 `npm error code E404`
  { pattern: /^npm (?:ERR!|error) \S/, keep: 3 },
  // CMake: the `CMake Error at …:` line, then its indented message line(s)
  { pattern: /^CMake Error\b/, keep: 2, follow: /^\s{2,}\S/ },
  // make / ninja: the first `make[2]: *** […] Error 2` (the deepest), ninja's `FAILED: target`
  { pattern: /^(?:g?make(?:\[\d{1,4}\])?: \*\*\* |FAILED: \S)/, keep: 1 },
];

/** A Python exception line: `IndexError: list index out of range`, `pip._vendor…ResolutionTooDeep: 2000000`, `KeyboardInterrupt`. */
const exceptionLine = /^[A-Za-z_][\w.]{0,300}(?:Error|Exception|Exit|Interrupt|Warning|TooDeep|Impossible|NotFound)(?::\s.*)?$/;
const frameLine = /^\s{1,8}File "[^"]{1,500}", line \d{1,7}/;

/**
 * The last Python exception of the tail with the frame it was raised in (`File "…", line N, in f`
 * and its code line), when the tail shows a traceback frame before it.
 */
function pythonException(tail: string[]): number[] {
  for (let i = tail.length - 1; i > 0; i--) {
    if (!exceptionLine.test(tail[i]!)) continue;
    let frame = -1;
    for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
      if (frameLine.test(tail[k]!)) {
        frame = k;
        break;
      }
    }
    if (frame < 0) continue;
    const picked = [frame];
    for (let k = frame + 1; k < i; k++) picked.push(k);
    picked.push(i);
    return picked;
  }
  return [];
}

/** Indices of the tail's cause lines, in log order (empty when no tool stated one). */
function causeLines(tail: string[]): number[] {
  const picked = new Set<number>(pythonException(tail));
  for (const kind of causeKinds) {
    let kept = 0;
    for (let i = 0; i < tail.length && kept < kind.keep; i++) {
      if (!kind.pattern.test(tail[i]!)) continue;
      picked.add(i);
      kept++;
      if (kind.follow) {
        for (let k = i + 1; k < tail.length && k <= i + 2 && kind.follow.test(tail[k]!); k++) picked.add(k);
      }
    }
  }
  return [...picked].sort((a, b) => a - b);
}

/**
 * The evidence of a failed step no rule explained: the lines that state the cause (causeLines) and
 * the step's error. Only when no tool stated one: the step's last lines, with up to three
 * error-looking lines printed before them first (parallel jobs keep printing after the cause).
 */
function failureEvidence(step: Pick<Step, 'tail' | 'error'>): string[] {
  const tail = step.tail.filter((l) => l.trim() !== '');
  const room = maxEvidenceLines - 1;
  const causes = causeLines(tail);
  let lines: string[];
  if (causes.length > 0) {
    // The step's own error line is printed again by the error box; it is added once below.
    lines = causes.filter((i) => !(step.error && tail[i]!.includes(step.error))).map((i) => tail[i]!);
    // Too many: the first lines of the chain, and the exception at its end.
    if (lines.length > room) lines = [...lines.slice(0, room - 1), lines[lines.length - 1]!];
  } else {
    const lastStart = Math.max(0, tail.length - room);
    const earlier = tail
      .slice(0, lastStart)
      .map((line, i) => ({ line, i }))
      .filter((x) => errorLike.test(x.line))
      .slice(-3);
    const keep = new Set([...earlier.map((x) => x.i), ...tail.slice(lastStart + earlier.length).map((_, k) => lastStart + earlier.length + k)]);
    lines = tail.filter((_, i) => keep.has(i));
  }
  // BuildKit prints its error after `#N ERROR: `; the classic builder's and podman's are whole lines already.
  if (step.error && !lines.some((l) => l.includes(step.error!))) lines.push(/^(?:The command '|Error: )/.test(step.error) ? step.error : `ERROR: ${step.error}`);
  return lines.map(capEvidence);
}

/**
 * A failure no step holds: the cause lines printed outside any step (model.outsideLines) and
 * BuildKit's error when printed, with the line that names the cause for the message (one naming the
 * failed command when there is one, else the first cause). Null when no tool stated a cause there:
 * lines outside any step are also a CI's preamble, which is no evidence of the failure.
 */
function outsideFailure(model: BuildModel): { evidence: string[]; cause: string } | null {
  const lines = (model.outsideLines ?? []).filter((l) => l.trim() !== '');
  const causes = causeLines(lines).map((i) => lines[i]!);
  if (causes.length === 0) return null;
  const cause = causes.find((l) => failedCommandOf(l) !== null) ?? causes[0]!;
  return { evidence: failureEvidence({ tail: lines, error: model.solveError?.message || null }), cause };
}

export function triggerCandidates(cr: CompiledRule, model: BuildModel, facts: BuildFacts): Candidate[] {
  const trigger = cr.rule.trigger;
  if (!trigger) return [];
  const base = { specificity: cr.rule.specificity, order: cr.order, maxFindings: cr.rule.maxFindings };
  const make = (step: Step | null, stepId: number | null, evidence: string[], firstLine: number, values: Record<string, string> = {}): Candidate | null => {
    const captures = new Map(Object.entries(values).map(([name, value]) => [name, new Map([[value, 1]])] as const));
    const finding = renderFinding(cr, { stepId, step, count: 1, evidence, captures, contexts: new Map() }, model, facts);
    return finding === null ? null : { ...base, firstLine, finding };
  };
  const made = (candidates: (Candidate | null)[]): Candidate[] => candidates.filter((c): c is Candidate => c !== null);

  if (trigger.kind === 'failure') {
    const failed = model.steps.filter((s) => s.status === 'error' || s.id === model.failedStep);
    // A step the log keeps nothing of but its header (BuildKit's tty `=> ERROR [7/8] RUN …` line alone): the
    // instruction is the evidence, the one line that shows what failed.
    const evidenceOf = (s: Step): string[] => {
      const lines = failureEvidence(s);
      return lines.length > 0 || s.instruction === '' ? lines : [capEvidence(s.instruction)];
    };
    if (failed.length > 0) return made(failed.map((s) => make(s, s.id, evidenceOf(s), s.firstLine)));
    if (model.solveError === null) return [];
    const outside = outsideFailure(model);
    const at = model.solveErrorAt ?? Number.POSITIVE_INFINITY;
    const c = outside === null
      ? make(null, null, [capEvidence(model.solveError.message)], at)
      : make(null, null, outside.evidence, at, { outsideCause: outside.cause });
    return c === null ? [] : [{ ...c, solveFallback: true }];
  }
  if (trigger.kind === 'toolkit-copy') return made(toolkitCopies(model, facts).map(({ step, copy, evidence }) => make(step, step.id, evidence, step.firstLine, { ...copy })));
  if (trigger.kind === 'runtime-library') {
    return made(missingLibraries(model, facts).map(({ copy, link, values }) => make(copy, copy.id, [link.evidence, stepHeader(copy)], copy.firstLine, values)));
  }
  if (trigger.kind === 'cold-cache') {
    const cold = coldCache(model, facts, trigger.minSeconds);
    return cold === null ? [] : made([make(null, null, cold.evidence, cold.firstLine, { ran: String(cold.ran), ranFor: formatSpan(cold.seconds) })]);
  }

  const native = nativePlatform(model.steps);
  return made(
    model.steps
      .filter(
        (s) =>
          !s.cached &&
          !s.internal &&
          s.seconds !== null &&
          s.seconds >= trigger.minSeconds &&
          (trigger.platform === 'any' || (s.platform !== null && platformArch(s.platform) !== native)),
      )
      .map((s) => make(s, s.id, [stepHeader(s), `DONE ${s.seconds!.toFixed(1)}s`], s.firstLine)),
  );
}

/** The finished COPY steps that copied a builder's whole toolkit tree, with their evidence. */
function toolkitCopies(model: BuildModel, facts: BuildFacts): { step: Step; copy: Record<string, string>; evidence: string[] }[] {
  const exported = exportStep(model);
  const out = [];
  for (const step of model.steps) {
    if (step.internal || step.cached || step.status !== 'done') continue;
    const copy = toolkitCopyOf(step, model, facts);
    if (copy === null) continue;
    const evidence = [stepHeader(step)];
    if (step.seconds !== null) evidence.push(`DONE ${step.seconds.toFixed(1)}s`);
    if (exported?.seconds != null) evidence.push(`${exported.instruction}: DONE ${exported.seconds.toFixed(1)}s`);
    const values: Record<string, string> = { from: copy.from, path: copy.path, proof: copy.proof };
    if (copy.runtimeImage !== null) values.runtimeImage = `${copy.runtimeImage}, the builder's image with devel replaced by runtime`;
    out.push({ step, copy: values, evidence });
  }
  return out;
}

/** `importing cache manifest from gha:…` / `from ghcr.io/…:buildcache`: BuildKit importing a cache (`cache-from`). */
const CACHE_IMPORT = /^importing cache manifest from /;

/**
 * A passing build on a GitHub-hosted runner that took no step from a cache, imported none, and ran
 * at least `minSeconds` of steps: every build of the workflow starts from nothing. (A failed build's
 * findings are about its failure.)
 */
function coldCache(model: BuildModel, facts: BuildFacts, minSeconds: number): { ran: number; seconds: number; evidence: string[]; firstLine: number } | null {
  if (buildFailed(model) || !factsFor(facts, null, model).githubHosted || model.cacheHitRatio !== 0) return null;
  if (model.steps.some((s) => CACHE_IMPORT.test(s.instruction))) return null;
  const ran = model.steps.filter((s) => !s.internal && !s.cached && !/^FROM\b/.test(s.instruction));
  const seconds = ran.reduce((sum, s) => sum + (s.seconds ?? 0), 0);
  if (ran.length < 2 || seconds < minSeconds) return null;
  const slowest = [...ran].sort((a, b) => (b.seconds ?? 0) - (a.seconds ?? 0)).slice(0, 3);
  return {
    ran: ran.length,
    seconds,
    evidence: slowest.map((s) => `${stepHeader(s)}${s.seconds !== null ? ` (DONE ${s.seconds.toFixed(1)}s)` : ''}`),
    firstLine: ran[0]!.firstLine,
  };
}
