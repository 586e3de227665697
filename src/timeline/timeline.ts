// Where the time went: the build model's steps placed on one clock, the critical path through
// them, and the time lost to causes we can name. Pure data; the renderers draw it.
import { nativePlatform, platformArch } from '../rules/native-platform.js';
import type { BuildModel, Finding, Step } from '../model/types.js';

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
  cause: 'pip-backtracking' | 'emulation' | 'cache-invalidated';
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
}

/** QEMU user-mode emulation runs compiled code about ten times slower than native. */
const EMULATION_SLOWDOWN = 10;

function stageOf(step: Step): string {
  const stage = step.stage ?? (step.internal ? 'internal' : 'build');
  // bake / compose: two targets' `builder` stages are two stages (`[web 2/3]`: the target's only one)
  if (step.target === null) return stage;
  return step.stage === null && !step.internal ? step.target : `${step.target} ${stage}`;
}

/**
 * Places steps on one clock. The model gives start/end where the log allows (exact for rawjson,
 * estimated for plain progress); a step with neither is put after the latest end seen so far,
 * which is what print order means for a log without wall-clock times.
 */
function place(steps: Step[]): TimelineStep[] {
  const placed: TimelineStep[] = [];
  let latest = 0;
  for (const s of steps) {
    const seconds = Math.max(0, s.seconds ?? (s.start !== null && s.end !== null ? s.end - s.start : 0));
    const start = s.start ?? (s.end !== null ? Math.max(0, s.end - seconds) : latest);
    const end = s.end ?? start + seconds;
    latest = Math.max(latest, end);
    placed.push({
      id: s.id,
      stage: stageOf(s),
      label: s.instruction,
      platform: s.platform,
      start,
      end,
      seconds: end - start,
      cached: s.cached,
      status: s.status,
      critical: false,
    });
  }
  return placed;
}

/**
 * The chain of steps that decided the total time. Plain logs carry no dependency graph, so the
 * chain is rebuilt from timing: from the step that ended last, step back to the step that ended
 * latest no later than the current one started (a step of the same stage wins a tie, since steps
 * of one stage run in order), until nothing ran before.
 */
export function criticalPath(steps: readonly TimelineStep[]): number[] {
  const timed = steps.filter((s) => s.end > s.start || !s.cached);
  if (timed.length === 0) return [];
  const tolerance = 0.05;
  let current = timed.reduce((a, b) => (b.end > a.end || (b.end === a.end && b.seconds > a.seconds) ? b : a));
  const path = [current];
  const seen = new Set([current.id]);
  for (;;) {
    const from: TimelineStep = current;
    let best: TimelineStep | null = null;
    for (const s of timed) {
      if (seen.has(s.id) || s.end > from.start + tolerance || s.seconds <= 0) continue;
      if (
        best === null ||
        s.end > best.end + tolerance ||
        (Math.abs(s.end - best.end) <= tolerance && s.stage === from.stage && best.stage !== from.stage)
      ) {
        best = s;
      }
    }
    if (best === null) break;
    path.push(best);
    seen.add(best.id);
    current = best;
  }
  return path.reverse().map((s) => s.id);
}

/** The platform most steps ran on: emulation is anything else. */
/** `COPY . .`, `ADD . /src`, `COPY --chown=1000 ./ /app`: a source that is the context's root. */
function copiesWholeContext(instruction: string): boolean {
  const words = instruction.split(/\s+/);
  if (words[0] !== 'COPY' && words[0] !== 'ADD') return false;
  const sources = words.slice(1, -1).filter((w) => !w.startsWith('--'));
  return sources.some((w) => w === '.' || w === './');
}

function losses(model: BuildModel, findings: readonly Finding[]): TimeLoss[] {
  const out: TimeLoss[] = [];
  const byId = new Map(model.steps.map((s) => [s.id, s] as const));

  for (const f of findings) {
    if (f.ruleId !== 'pip/resolver-backtracking' || f.step === null) continue;
    const step = byId.get(f.step);
    if (step?.seconds) out.push({ cause: 'pip-backtracking', step: step.id, seconds: step.seconds, detail: `pip backtracking in step ${step.id}` });
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

export function buildTimeline(model: BuildModel, findings: readonly Finding[] = []): Timeline {
  const steps = place(model.steps.filter((s) => !s.internal || (s.seconds ?? 0) >= 1));
  const path = criticalPath(steps);
  const onPath = new Set(path);
  for (const s of steps) s.critical = onPath.has(s.id);
  const total = model.seconds ?? steps.reduce((m, s) => Math.max(m, s.end), 0);
  return { steps, criticalPath: path, total, losses: losses(model, findings) };
}
