// Whether a log showed a build at all. Text with no BuildKit or classic-builder framing (a pasted
// pip or CMake log, or anything else) says nothing about a build's outcome: "passed" would be a guess.
import { IMPLICIT_STEP_ID } from '../grammar/implicit-step.js';
import type { BuildModel } from '../model/types.js';
import type { Finding } from '../rules/finding.js';
import type { BuildFacts } from '../facts/types.js';
import { factsFor, signalledPlace } from '../facts/fact-view.js';
import { canceledByJob, cutAfterStep, howItStopped, unfinishedStep, type Stop } from '../model/unfinished.js';

/**
 * No step of a build in the log: empty or binary input, or text outside any build step. BuildKit's
 * framing without a step of its own counts too: old buildx printed the failed step's lines inside its
 * error box as `#0 7.666 Collecting …`, and a paste of only those lines holds no step that passed.
 */
export function noBuildSteps(model: Pick<BuildModel, 'format' | 'steps'>): boolean {
  if (model.format === 'unknown') return true;
  return model.steps.every((s) => s.id === IMPLICIT_STEP_ID);
}

/** Nothing this tool knows: no build steps and no finding in the text. */
export function unrecognisedInput(model: Pick<BuildModel, 'format' | 'steps'>, findings: readonly Finding[]): boolean {
  return findings.length === 0 && noBuildSteps(model);
}

/**
 * What a log says about its build, the same for every report:
 * - `failed`: a step failed, the solve failed, or an error-level finding;
 * - `unfinished`: the log ends while a step still runs, with no failure in it (a job time limit,
 *   a cancel, a paste cut short before the error), or the CI says it canceled the job (even when
 *   BuildKit then reports the cancel as an error); a running step with an error-level finding of
 *   its own is a paste cut inside the failure: `failed`;
 * - `passed`: build steps, all finished without an error;
 * - `tool-output`: no build steps but findings in the text (a pasted pip or CMake log);
 * - `unrecognised`: nothing this tool knows.
 */
export type VerdictKind = 'failed' | 'unfinished' | 'passed' | 'tool-output' | 'unrecognised';

/** Findings that say why a running step was stopped (a job's time limit, a cancel, a lost runner), not that it failed. */
const STOPPED_FROM_OUTSIDE: ReadonlySet<string> = new Set(['resources/job-timeout', 'buildkit/build-canceled', 'ci/runner-lost']);

export function verdictKind({ model, findings }: { model: Pick<BuildModel, 'format' | 'steps' | 'failedStep' | 'solveError' | 'jobCanceled'>; findings: readonly Finding[] }): VerdictKind {
  if (canceledByJob(model)) return 'unfinished';
  if (model.failedStep !== null || model.solveError !== null) return 'failed';
  // A paste cut inside the failing step (the error lines, not the step's end) shows the failure
  // itself: an error-level finding of the step that still runs makes it a failed build. So does one
  // in the output outside any step: the container or command that failed after a build pasted in part.
  const running = unfinishedStep(model);
  if (running !== null) return findings.some((f) => f.severity === 'error' && (f.step === running.id || f.step === IMPLICIT_STEP_ID) && !STOPPED_FROM_OUTSIDE.has(f.ruleId)) ? 'failed' : 'unfinished';
  if (findings.some((f) => f.severity === 'error')) return 'failed';
  if (cutAfterStep(model) !== null) return 'unfinished';
  if (model.format === 'unknown' || unrecognisedInput(model, findings)) return 'unrecognised';
  if (noBuildSteps(model)) return 'tool-output';
  return 'passed';
}

/**
 * What a log is the output of: a `build`, unless it holds no build steps. Then its facts place it in
 * a container start (`docker run`, compose `up`: `container`) or in a shell on a machine (`command`),
 * or nowhere (`output`: a bare traceback, a Python prompt, a notebook cell, a pasted pip log), and
 * nothing in it says that anything was built. The reports name it in their heading
 * (`Container failed: …`, `Failed: …`); the verdict kind does not change.
 */
export type Subject = 'build' | 'container' | 'command' | 'output';

export function subjectOf({ model, facts, findings = [] }: { model: BuildModel; facts: BuildFacts; findings?: readonly Finding[] }): Subject {
  if (model.failedStep !== null || model.solveError !== null) return 'build';
  // Build steps that did not fail, and an error outside them: what failed is what ran after the build.
  // (Outside any step: the implicit step's lines, or a framed log's unframed lines, which carry no step.)
  const outside = findings[0]?.severity === 'error' && (findings[0].step === IMPLICIT_STEP_ID || findings[0].step === null);
  if (!noBuildSteps(model) && !outside) return 'build';
  const place = outside ? signalledPlace(facts) : factsFor(facts, null, model).place;
  if (place === 'image-build') return 'build';
  return place === 'docker-run' ? 'container' : place === 'host-shell' ? 'command' : 'output';
}

/** The heading of a failed log: `Build failed`, `Container failed`, `Command failed`, or `Failed` when nothing says what ran. */
export function failedWords(analysis: { model: BuildModel; facts: BuildFacts; findings?: readonly Finding[] }): string {
  return { build: 'Build failed', container: 'Container failed', command: 'Command failed', output: 'Failed' }[subjectOf(analysis)];
}

/**
 * What the verdict of a build that did not finish says, with `{step}` where the step goes (each
 * report writes it its own way). A log that holds no step's header at all starts inside the build
 * as well as ending inside it: an excerpt, pasted or cut, says nothing of whether the build finished.
 */
export function stopWords(stop: Stop | null, excerpt = false): { text: string; step: Stop['step'] } {
  if (stop === null) return { text: 'Build did not finish: the log ends while a step was still running', step: null };
  if (stop.how === 'cut' && excerpt) return { text: 'Log excerpt: it starts and ends inside {step}, so how the build ended is not in it', step: stop.step };
  if (stop.how === 'cut' && !stop.running) return { text: "Build did not finish: the log ends after {step}, before the build's last step", step: stop.step };
  if (stop.how === 'cut') return { text: 'Build did not finish: the log ends while {step} was still running', step: stop.step };
  const job = 'Build did not finish: the CI job was canceled or hit its time limit';
  if (stop.step === null) return { text: `${job} before any build step`, step: null };
  return { text: `${job} ${stop.running ? 'while {step} was running' : 'after {step}'}`, step: stop.step };
}

export function stopOf(model: Parameters<typeof howItStopped>[0]): { text: string; step: Stop['step'] } {
  // No header of any step in the log: placeholders only (src/model/build-model.ts), BuildKit's own bookkeeping aside.
  const excerpt = model.steps.every((s) => s.id === IMPLICIT_STEP_ID || s.instruction === '');
  return stopWords(howItStopped(model), excerpt);
}
