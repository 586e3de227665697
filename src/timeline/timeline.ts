// Where the time went: the build model's steps placed on one clock, the critical path through
// them, and the time lost to causes we can name. Pure data; the renderers draw it.
import { nativePlatform, platformArch } from '../rules/native-platform.js';
import type { BuildModel, Step } from '../model/types.js';
import type { Finding } from '../rules/finding.js';
import { IMPLICIT_STEP_ID } from '../grammar/implicit-step.js';
import { stepDependencies, type Dependencies, type StageGraph, type StageSources } from './dependencies.js';

export type { StageSources };

export interface TimelineStep {
  id: number;
  stage: string;
  label: string;
  platform: string | null;
  start: number;
  end: number;
  seconds: number;
  cached: boolean;
  status: Step['status'];
  critical: boolean;
}

export interface TimeLoss {
  cause: 'pip-backtracking' | 'emulation' | 'cache-invalidated' | 'toolkit-copy' | 'reinstall' | 'download-again';
  step: number;
  seconds: number;
  /** One sentence for people: what ate the time. */
  detail: string;
}

export interface Timeline {
  steps: TimelineStep[];
  /** Step ids of the critical path, first to last. */
  criticalPath: number[];
  total: number;
  losses: TimeLoss[];
  /** False when the log carries no times at all: no bars, no critical path, no time lost. */
  timed: boolean;
}

/** QEMU user-mode emulation runs compiled code about ten times slower than native. */
const EMULATION_SLOWDOWN = 10;

function stageOf(step: Step): string {
  const stage = step.stage ?? (step.internal ? 'internal' : 'build');
  // bake / compose: two targets' `builder` stages are two stages (`[web 2/3]`: the target's only one)
  if (step.target === null) return stage;
  return step.stage === null && !step.internal ? step.target : `${step.target} ${stage}`;
}

/** Seconds a step took on the build's clock: a cache hit takes none. */
function duration(s: Step): number {
  if (s.cached) return 0;
  return Math.max(0, s.seconds ?? (s.start !== null && s.end !== null ? s.end - s.start : 0));
}

function timelineStep(s: Step, start: number, end: number): TimelineStep {
  return { id: s.id, stage: stageOf(s), label: s.instruction, platform: s.platform, start, end, seconds: end - start, cached: s.cached, status: s.status, critical: false };
}

/**
 * Places steps on the clock the log gives (rawjson's exact times, a CI's line stamps); a step with
 * neither start nor end is put after the latest end seen so far, which is what print order means.
 */
function placeByClock(steps: readonly Step[]): TimelineStep[] {
  const placed: TimelineStep[] = [];
  let latest = 0;
  for (const s of steps) {
    const seconds = duration(s);
    const start = s.start ?? (s.end !== null ? Math.max(0, s.end - seconds) : latest);
    const end = s.end ?? start + seconds;
    latest = Math.max(latest, end);
    placed.push(timelineStep(s, start, end));
  }
  return placed;
}

/**
 * Places steps as BuildKit schedules them: each starts as soon as every step it waited for has
 * ended. Plain progress prints durations but no start times, and the start its print order
 * suggests is late whenever another stage's output came first: parallel stages then look
 * sequential. Iterative (no recursion on a hostile log's long chains); a cycle, which no real
 * build has, is cut where it closes.
 */
function placeByDependencies(steps: readonly Step[], { deps, floating }: StageGraph): TimelineStep[] {
  const byId = new Map(steps.map((s) => [s.id, s] as const));
  const end = new Map<number, number>();
  const start = new Map<number, number>();
  const visiting = new Set<number>();
  for (const root of steps) {
    const stack = [root.id];
    while (stack.length > 0) {
      const id = stack[stack.length - 1]!;
      if (end.has(id)) {
        stack.pop();
        continue;
      }
      visiting.add(id);
      const waiting = (deps.get(id) ?? []).filter((d) => byId.has(d) && !end.has(d) && !visiting.has(d));
      if (waiting.length > 0) {
        stack.push(...waiting);
        continue;
      }
      const floor = floating.has(id) ? (byId.get(id)!.start ?? 0) : 0;
      const begin = Math.max(floor, ...(deps.get(id) ?? []).map((d) => end.get(d) ?? 0));
      start.set(id, begin);
      end.set(id, begin + duration(byId.get(id)!));
      visiting.delete(id);
      stack.pop();
    }
  }
  return steps.map((s) => timelineStep(s, start.get(s.id) ?? 0, end.get(s.id) ?? 0));
}

/**
 * The chain of steps that decided the total time: from the step that ended last, step back to the
 * step it waited for that ended last, until it waited for nothing. Steps that took no time (cache
 * hits) are links of the chain but not shown in it.
 */
export function criticalPath(steps: readonly TimelineStep[], deps: Dependencies = new Map()): number[] {
  if (steps.length === 0) return [];
  const byId = new Map(steps.map((s) => [s.id, s] as const));
  let current = steps.reduce((a, b) => (b.end > a.end || (b.end === a.end && b.seconds > a.seconds) ? b : a));
  const path = [current];
  const seen = new Set([current.id]);
  for (;;) {
    const from: TimelineStep = current;
    const before = (deps.get(from.id) ?? []).map((d) => byId.get(d)).filter((s): s is TimelineStep => s !== undefined && !seen.has(s.id));
    const best = before.reduce<TimelineStep | null>((a, b) => (a === null || b.end > a.end || (b.end === a.end && b.stage === from.stage) ? b : a), null);
    if (best === null) break;
    path.push(best);
    seen.add(best.id);
    current = best;
  }
  return path.reverse().filter((s) => s.seconds > 0).map((s) => s.id);
}

/** `COPY . .`, `ADD . /src`, `COPY --chown=1000 ./ /app`: a source that is the context's root. */
function copiesWholeContext(instruction: string): boolean {
  const words = instruction.split(/\s+/);
  if (words[0] !== 'COPY' && words[0] !== 'ADD') return false;
  const sources = words.slice(1, -1).filter((w) => !w.startsWith('--'));
  return sources.some((w) => w === '.' || w === './');
}

/**
 * Waste findings whose whole step was time the image did not need: the step's time is the loss.
 * (A cache mount pip ignores costs the next build its downloads, not this one: not counted.)
 */
const WASTED_STEPS: Readonly<Record<string, { cause: TimeLoss['cause']; what: string }>> = {
  'cuda/devel-toolkit-copied': { cause: 'toolkit-copy', what: 'copying the devel toolkit into the runtime image' },
  'pip/force-reinstall': { cause: 'reinstall', what: 'reinstalling packages already installed (--force-reinstall)' },
};

/** Every download of a wheel after its first in the build, timed by the log (src/model/downloads.ts). */
function downloadsAgain(model: BuildModel): TimeLoss[] {
  const seen = new Set<string>();
  const out: TimeLoss[] = [];
  for (const d of model.downloads ?? []) {
    if (!seen.has(d.file)) {
      seen.add(d.file);
      continue;
    }
    if (d.seconds === null || d.seconds <= 0) continue;
    out.push({ cause: 'download-again', step: d.step, seconds: d.seconds, detail: `downloading ${d.file} (${d.size}) again in step ${d.step}` });
  }
  return out;
}

function losses(model: BuildModel, findings: readonly Finding[]): TimeLoss[] {
  const out: TimeLoss[] = [];
  const byId = new Map(model.steps.map((s) => [s.id, s] as const));

  for (const f of findings) {
    const wasted = WASTED_STEPS[f.ruleId];
    const step = f.step === null ? undefined : byId.get(f.step);
    if (wasted === undefined || step === undefined || step.cached || !step.seconds) continue;
    out.push({ cause: wasted.cause, step: step.id, seconds: step.seconds, detail: `${wasted.what} in step ${step.id}` });
  }
  if (findings.some((f) => f.ruleId === 'pip/wheel-downloaded-twice')) out.push(...downloadsAgain(model));

  for (const f of findings) {
    if (f.ruleId !== 'pip/resolver-backtracking' || f.step === null) continue;
    const step = byId.get(f.step);
    if (step?.seconds) out.push({ cause: 'pip-backtracking', step: step.id, seconds: step.seconds, detail: `pip backtracking ${step.id === IMPLICIT_STEP_ID ? 'in the output outside any build step' : `in step ${step.id}`}` });
  }

  // The same answer as the rules' (buildx/emulated-slow-step): the platform whose copies of the same
  // steps ran fastest, else the standard hosted runners' linux/amd64.
  const native = nativePlatform(model.steps);
  for (const s of model.steps) {
    if (!s.platform || platformArch(s.platform) === native || s.cached || !s.seconds || s.internal) continue;
    if (!/^RUN\b/.test(s.instruction)) continue;
    const lost = s.seconds * (1 - 1 / EMULATION_SLOWDOWN);
    out.push({ cause: 'emulation', step: s.id, seconds: lost, detail: `step ${s.id} running on ${s.platform} under emulation (about ${EMULATION_SLOWDOWN}× slower than native)` });
  }

  // Within a stage, a cached prefix then an uncached COPY/ADD of the whole build context: every RUN
  // after it re-ran because any change to any file invalidates that layer (`COPY . .` before an
  // expensive build step). Copying one file (`COPY requirements.txt .`) is not counted: when that
  // file changed, re-running what depends on it is the point.
  const stages = new Map<string, Step[]>();
  for (const s of model.steps) if (!s.internal && s.index !== null) stages.set(stageOf(s), [...(stages.get(stageOf(s)) ?? []), s]);
  for (const steps of stages.values()) {
    const ordered = [...steps].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    const firstMiss = ordered.findIndex((s) => !s.cached && !/^FROM\b/.test(s.instruction));
    if (firstMiss <= 0 || !ordered.slice(0, firstMiss).some((s) => s.cached)) continue;
    const trigger = ordered[firstMiss]!;
    if (!copiesWholeContext(trigger.instruction)) continue;
    for (const s of ordered.slice(firstMiss + 1)) {
      if (!s.cached && s.seconds && /^RUN\b/.test(s.instruction)) {
        out.push({ cause: 'cache-invalidated', step: s.id, seconds: s.seconds, detail: `step ${s.id} re-running after ${trigger.instruction} (step ${trigger.id}) saw a changed build context` });
      }
    }
  }
  return out.sort((a, b) => b.seconds - a.seconds);
}

/**
 * The time lost to named causes in all: each step counted once, at its largest loss (a step can be
 * both emulated and re-run after a changed context).
 */
export function timeLostInAll(losses: readonly TimeLoss[]): number {
  const perStep = new Map<number, number>();
  for (const loss of losses) perStep.set(loss.step, Math.max(perStep.get(loss.step) ?? 0, loss.seconds));
  let sum = 0;
  for (const seconds of perStep.values()) sum += seconds;
  return sum;
}

/** Formats whose times are estimated from print order, not read from a clock. */
const ESTIMATED: ReadonlySet<BuildModel['format']> = new Set(['buildkit-plain', 'buildkit-tty']);

/** Whether the log carries any time at all: the classic builder and podman print none. */
export function hasTimes(model: Pick<BuildModel, 'seconds' | 'steps'>): boolean {
  return model.seconds !== null || model.steps.some((s) => s.seconds !== null && !s.internal);
}

export function buildTimeline(model: BuildModel, findings: readonly Finding[] = [], sources: StageSources = {}): Timeline {
  if (!hasTimes(model)) return { steps: [], criticalPath: [], total: 0, losses: [], timed: false };
  const graph = stepDependencies(model.steps, sources);
  const all = ESTIMATED.has(model.format) ? placeByDependencies(model.steps, graph) : placeByClock(model.steps);
  const byId = new Map(model.steps.map((s) => [s.id, s] as const));
  const path = criticalPath(all, graph.deps);
  const steps = all.filter((t) => {
    const s = byId.get(t.id)!;
    return !s.internal || (s.seconds ?? 0) >= 1;
  });
  const shown = new Set(steps.map((s) => s.id));
  const onPath = new Set(path);
  for (const s of steps) s.critical = onPath.has(s.id);
  const total = model.seconds ?? steps.reduce((m, s) => Math.max(m, s.end), 0);
  return { steps, criticalPath: path.filter((id) => shown.has(id)), total, losses: losses(model, findings), timed: true };
}
