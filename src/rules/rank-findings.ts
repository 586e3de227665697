// From candidate findings to the list the report shows: the same finding from several places is
// one, a generic explanation of a failure gives way to a specific one, and the first finding is
// the one the build died of.
import { IMPLICIT_STEP_ID } from '../grammar/implicit-step.js';
import type { BuildModel } from '../model/types.js';
import type { Finding } from './finding.js';
import { outcomeUnknown } from './render-finding.js';
import { mergeEvidence } from './scope-state.js';

export interface Candidate {
  finding: Finding;
  specificity: number;
  /** Catalog order of the rule (tie-break). */
  order: number;
  /** Raw line of the first evidence, for a stable order. */
  firstLine: number;
  maxFindings: number;
  /** True for the step-failed fallback on the solve error itself (no step): it goes when anything else explains the failure. */
  solveFallback?: boolean;
}

function failedSteps(model: BuildModel): Set<number> {
  const ids = new Set<number>();
  if (model.failedStep !== null) ids.add(model.failedStep);
  for (const s of model.steps) if (s.status === 'error') ids.add(s.id);
  return ids;
}

const severityRank = { error: 0, warning: 2, notice: 3 } as const;

/**
 * Errors a step can print and still finish: apt's `E: Unable to locate package X` and pip's
 * `ERROR: No matching distribution found for X` abort that one install before it installs anything,
 * so in a step that went on and finished the command was guarded (`|| true`, an install script that
 * carries on). Their findings there explain why X is missing, a notice (advice); when the
 * instruction shows the guard, shell/install-failure-swallowed is the warning that the image lacks
 * X (DESIGN: a warning is a passing build whose image is broken). Seen in
 * fixtures/real-world/clean/xcq-voce-unable-to-locate-but-ok (vocechat's install.sh) and
 * fixtures/real/<engine>/install-failure-swallowed.
 */
const survivableInFinishedStep = new Set(['apt/unable-to-locate-package', 'pip/no-matching-distribution']);

/**
 * Failed steps that run the same instruction of the same stage on different platforms are one
 * failure: the first of them to fail (its earliest error finding) keeps its findings; a later
 * sibling loses its error findings of a rule the first one has, and its fallback when the first one
 * has any finding.
 */
function dropSiblingPlatformRepeats(candidates: Candidate[], model: BuildModel, failed: Set<number>): Candidate[] {
  const steps = new Map(model.steps.map((s) => [s.id, s]));
  const firstError = new Map<number, number>();
  for (const c of candidates) {
    const id = c.finding.step;
    if (c.finding.severity !== 'error' || id === null || !failed.has(id)) continue;
    firstError.set(id, Math.min(firstError.get(id) ?? Number.POSITIVE_INFINITY, c.firstLine));
  }
  const siblingsKey = (id: number): string | null => {
    const s = steps.get(id);
    return s && s.platform !== null && !s.internal ? `${s.stage ?? ''}\u0000${s.instruction}` : null;
  };
  const leader = new Map<string, number>();
  for (const [id, line] of firstError) {
    const key = siblingsKey(id);
    if (key === null) continue;
    const current = leader.get(key);
    if (current === undefined || line < firstError.get(current)!) leader.set(key, id);
  }
  const rulesOf = new Map<number, Set<string>>();
  for (const c of candidates) {
    const id = c.finding.step;
    if (id === null || c.finding.severity !== 'error') continue;
    if (!rulesOf.has(id)) rulesOf.set(id, new Set());
    rulesOf.get(id)!.add(c.finding.ruleId);
  }
  return candidates.filter((c) => {
    const id = c.finding.step;
    if (id === null || c.finding.severity !== 'error') return true;
    const key = siblingsKey(id);
    const first = key === null ? undefined : leader.get(key);
    if (first === undefined || first === id) return true;
    const firstRules = rulesOf.get(first) ?? new Set<string>();
    if (c.specificity <= 1) return firstRules.size === 0;
    return !firstRules.has(c.finding.ruleId);
  });
}

/**
 * A pasted log whose failed step the grammar knows only from its error line (`Error: building at
 * STEP "RUN …"`, `ERROR: process "/bin/sh -c …"` with no header above) holds that step's output as
 * unframed lines, the implicit step's: a finding there is about the failed step when the failed
 * step printed nothing of its own.
 */
function failedOwnStep(model: BuildModel): (step: number | null) => number | null {
  const failed = model.failedStep === null ? undefined : model.steps.find((s) => s.id === model.failedStep);
  const takesImplicit = failed !== undefined && failed.id !== IMPLICIT_STEP_ID && failed.outputLines === 0;
  return (step) => (takesImplicit && step === IMPLICIT_STEP_ID ? failed!.id : step);
}

/** BuildKit's and gRPC's wrappers of an error another vertex printed: `ERROR: `, `failed to solve: `, `rpc error: code = Unknown desc = `. */
const errorWrappers = [/^(?:ERROR|error):\s*/, /^failed to solve:\s*/, /^rpc error: code = \w{1,40} desc = /];

/** The line less its error wrappers, any of them, in any order. */
function unwrapped(line: string): string {
  let text = line.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const wrapper of errorWrappers) {
      const m = wrapper.exec(text);
      if (m === null) continue;
      text = text.slice(m[0].length);
      changed = true;
    }
  }
  return text;
}

/**
 * Whether a fallback's evidence line, less BuildKit's and gRPC's wrappers, is a piece (at least 20 characters, a cut line
 * included) of a line a specific finding quotes.
 */
function quotedPiece(line: string, specific: readonly string[]): boolean {
  const core = unwrapped(line).replace(/…$/, '').trim();
  return core.length >= 20 && specific.some((s) => s.includes(core));
}

/**
 * An error of a run-time rule (`runtime/…`: a container, GPU or library failure) in the output outside any build step, after
 * the last build step's last line: what ran once the build was over (`docker compose up` starting the service it built, a
 * `docker run` pasted below the build) failed, and the build's passing does not make it a warning
 * (AbdBarho/stable-diffusion-webui-docker#423: compose built the image, then `Error response from daemon: could not select
 * device driver "nvidia"`). The reports then name what failed (src/report/recognised.ts, subjectOf: a container or a command).
 */
function failedAfterBuild(model: BuildModel): (c: Candidate) => boolean {
  let end = -1;
  for (const s of model.steps) if (s.id !== IMPLICIT_STEP_ID && s.lastLine > end) end = s.lastLine;
  // Unframed lines of a framed log carry no step (null); a plain-text log's are the implicit step's.
  return (c) => (c.finding.step === null || c.finding.step === IMPLICIT_STEP_ID) && c.finding.ruleId.startsWith('runtime/') && end >= 0 && c.firstLine > end;
}

export function rankFindings(candidates: Candidate[], model: BuildModel): Finding[] {
  const failed = failedSteps(model);
  const buildFailed = failed.size > 0 || model.solveError !== null;
  // An error explains why a build failed: in a build that passed, the same finding is a warning (unless what failed ran after it).
  if (!buildFailed && !outcomeUnknown(model)) {
    const ranAfter = failedAfterBuild(model);
    for (const c of candidates) if (c.finding.severity === 'error' && !ranAfter(c)) c.finding.severity = 'warning';
    const finished = new Set(model.steps.filter((s) => s.status === 'done').map((s) => s.id));
    for (const c of candidates) {
      const step = c.finding.step;
      if (survivableInFinishedStep.has(c.finding.ruleId) && step !== null && finished.has(step)) c.finding.severity = 'notice';
    }
  }
  const ownStep = failedOwnStep(model);
  for (const c of candidates) c.finding.step = ownStep(c.finding.step);
  // A log cut before BuildKit's closing `ERROR: failed to solve` names no failed step, yet may show the one step that
  // failed (its `ERROR [4/4]` line). Lines outside any step (the implicit step: a pasted title, the text around the
  // error box) are about the failure of the build: that step's, when it is the only one that failed, and only while
  // that step has no cause of its own beyond the step-failed fallback. A CI log also holds the job's earlier commands
  // outside any step (an `nvidia-smi` check, a host `pip install`): their errors must not outrank, or drop, the cause
  // the failed step printed.
  const soleFailed = failed.size === 1 ? [...failed][0]! : null;
  const namedFailure = model.failedStep ?? (soleFailed !== null && soleFailed !== IMPLICIT_STEP_ID ? soleFailed : null);
  const hasOwnCause = candidates.some(
    (c) => c.finding.step === namedFailure && c.finding.severity === 'error' && c.specificity > 1,
  );
  const buildFailure = namedFailure !== null && !hasOwnCause ? namedFailure : null;
  /** The step a finding is about, for grouping: a finding outside any step is about the step the build died of. */
  // With no step known to have failed, the lines outside any step and the build's own error are one failure: a paste of
  // QEMU's signal above `ERROR: process "/dev/.buildkit_qemu_emulator …"` is one story, its most specific finding first.
  const stepOf = (c: Candidate): number | null =>
    buildFailed && (c.finding.step === null || c.finding.step === IMPLICIT_STEP_ID)
      ? (buildFailure ?? (namedFailure === null ? null : c.finding.step))
      : c.finding.step;
  /** The failure a finding is about: its step, or (no step) the failure of the build. */
  const failureOf = (c: Candidate): string => {
    const step = stepOf(c) ?? (buildFailed ? 'build' : 'none');
    return String(step);
  };

  // 1. In each failure, error findings below the most specific one are dropped.
  const best = new Map<string, number>();
  for (const c of candidates) {
    if (c.finding.severity !== 'error') continue;
    const key = failureOf(c);
    best.set(key, Math.max(best.get(key) ?? 0, c.specificity));
  }
  const anyOtherError = candidates.some((c) => c.finding.severity === 'error' && !c.solveFallback);
  let kept = candidates.filter((c) => {
    if (c.finding.severity !== 'error') return true;
    // The step-failed fallback of a failure outside any step yields to any other error; a specific rule on the same
    // trigger (apt's exit 100, uv's installer path) is a story of its own and stays.
    if (c.solveFallback && c.specificity <= 1 && anyOtherError) return false;
    return c.specificity >= (best.get(failureOf(c)) ?? 0);
  });

  // 1a. A step-failed fallback whose error a specific finding of another step already quotes is the same failure told
  // twice: a log that lost a step's header shows its error once in the step and once in the box of the vertex
  // (kubeflow/trainer#2053: `#7 ERROR: error writing layer blob: …` under a lost header, then the box
  // ` > exporting to GitHub Actions Cache:`).
  // The fallback also goes when each of its lines is only a piece of a line a specific finding quotes: BuildKit's error of
  // one vertex wraps the error another vertex printed whole, and a log cut mid-line ends that wrapper early
  // (GaloisInc/crucible#1175: `#55 ERROR: write /usr/local/…/librustc_macros-….so: no space left on device` read by
  // resources/disk-full, then `#54 ERROR: rpc error: code = Unknown desc = write /usr/local/…/lib`, cut). A fallback line
  // with anything a specific finding does not quote (an exit code, a command, another error) keeps it.
  const specificEvidence = kept.filter((c) => c.finding.severity === 'error' && c.specificity > 1).flatMap((c) => c.finding.evidence);
  const quotesSpecific = (evidence: readonly string[]): boolean => evidence.some((e) => specificEvidence.some((s) => s.length >= 20 && e.includes(s)));
  const piecesOfSpecific = (evidence: readonly string[]): boolean => evidence.length > 0 && evidence.every((e) => quotedPiece(e, specificEvidence));
  kept = kept.filter(
    (c) => c.finding.severity !== 'error' || c.specificity > 1 || !(quotesSpecific(c.finding.evidence) || piecesOfSpecific(c.finding.evidence)),
  );

  // 1b. Multi-platform builds: the same instruction failing on a sibling platform after the first one
  // (it stopped because of it, or failed the same way) is not a second root cause. Its findings of a
  // rule the first platform's step already has, and its fallback, go.
  kept = dropSiblingPlatformRepeats(kept, model, failed);

  // A passing cause (a DNS failure, a registry timeout: retryable) printed before the other errors
  // of its step leads: the install that found "no installation candidate" failed because of it.
  const earliestError = new Map<string, number>();
  for (const c of kept) {
    if (c.finding.severity !== 'error') continue;
    const key = failureOf(c);
    earliestError.set(key, Math.min(earliestError.get(key) ?? Number.POSITIVE_INFINITY, c.firstLine));
  }
  const causal = (c: Candidate): number =>
    c.finding.severity === 'error' && c.finding.retryable && c.firstLine <= (earliestError.get(failureOf(c)) ?? Number.POSITIVE_INFINITY) ? 0 : 1;

  // 2. Rank: errors of the failed step, then other errors, warnings, notices; specific first.
  const groupOf = (c: Candidate): number => {
    const base = severityRank[c.finding.severity];
    if (base !== 0) return base;
    const step = stepOf(c);
    return (step !== null && failed.has(step)) || (step === null && buildFailed) ? 0 : 1;
  };
  kept = kept
    .map((c) => ({ c, group: groupOf(c) }))
    .sort(
      (a, b) =>
        a.group - b.group ||
        causal(a.c) - causal(b.c) ||
        b.c.specificity - a.c.specificity ||
        a.c.order - b.c.order ||
        a.c.firstLine - b.c.firstLine,
    )
    .map((x) => x.c);

  // 3. One finding for the same story told in several places (steps of parallel platforms, …).
  const byStory = new Map<string, Finding>();
  const perRule = new Map<string, number>();
  const out: Finding[] = [];
  for (const c of kept) {
    const f = c.finding;
    const story = `${f.ruleId}\u0000${f.title}\u0000${f.message}\u0000${f.fix}`;
    const earlier = byStory.get(story);
    if (earlier) {
      earlier.evidence = mergeEvidence(earlier.evidence, f.evidence);
      continue;
    }
    const n = perRule.get(f.ruleId) ?? 0;
    if (n >= c.maxFindings) continue;
    perRule.set(f.ruleId, n + 1);
    const copy = { ...f, evidence: [...f.evidence] };
    byStory.set(story, copy);
    out.push(copy);
  }
  return out;
}
