// Which value of each fact a fix trusts, for one step: the step's own lines first, then its
// stage, then the whole log; within those, the most direct proof (nvcc over a package name over
// an image tag). The values that disagree are kept, so a fix can say "nvcc says 11.8, the image
// tag says 12.1".
import type { BuildModel, Step } from '../model/types.js';
import type { LogFormat } from '../grammar/events.js';
import type { BuildFacts, FactName, FactValue, ReportedFact } from './types.js';
import { factNames } from './types.js';

/** Lower is more direct. Sources not listed rank after these, in order of appearance. */
const sourceRank: Readonly<Record<string, number>> = {
  nvcc: 0,
  cmake: 1,
  'torch-extension': 2,
  environment: 3,
  path: 4,
  'apt-package': 5,
  'step-header': 0,
  instruction: 0,
  'image-banner': 6,
  'image-tag': 9,
  // The Dockerfile's FROM with ARG defaults: a build arg may have replaced the default.
  dockerfile: 10,
};

/** Facts where the last value seen is the one in force (pip upgrades itself mid-build). */
const lastWins: ReadonlySet<FactName> = new Set(['pip']);

/** The formats of an image builder's own output (BuildKit, the classic builder, buildah): a step there is an image build's. */
export const buildFormats: ReadonlySet<LogFormat> = new Set(['buildkit-plain', 'buildkit-tty', 'buildkit-rawjson', 'classic', 'buildah']);

export type Place = 'image-build' | 'docker-run' | 'host-shell';

export interface FactView {
  /** The value a fix trusts, or null when the log does not show the fact. */
  get(name: FactName): FactValue | null;
  /** The trusted value's text, or null. */
  value(name: FactName): string | null;
  /** Values of the fact that speak for the step (its own, its stage's, stage-less ones) and disagree with the trusted one. */
  conflicts(name: FactName): FactValue[];
  /** Where the failing command ran, or null when the log does not tell. */
  place: Place | null;
  /** True when the log is a GitHub Actions job log of a GitHub-hosted runner. */
  githubHosted: boolean;
}

function rank(v: FactValue): number {
  return sourceRank[v.source] ?? 5.5;
}

function best(name: FactName, values: readonly FactValue[]): FactValue | null {
  if (values.length === 0) return null;
  if (lastWins.has(name)) return values.reduce((a, b) => (b.line >= a.line ? b : a));
  return values.reduce((a, b) => (rank(b) < rank(a) ? b : a));
}

/** The values that speak for `step`: its own, else its stage's (and stage-less ones), else all. */
function scopeOf(values: readonly FactValue[], step: Step | null): readonly FactValue[] {
  if (step === null) return values;
  const own = values.filter((v) => v.step === step.id);
  if (own.length > 0) return own;
  if (step.stage !== null) {
    const stage = values.filter((v) => sameStage(v, step));
    if (stage.length > 0) return stage;
    const stageless = values.filter((v) => v.stage === null && (v.target ?? null) === step.target);
    if (stageless.length > 0) return stageless;
    const anyStageless = values.filter((v) => v.stage === null);
    if (anyStageless.length > 0) return anyStageless;
  }
  return values;
}

/** The value was read in the step's stage: the same stage name of the same bake / compose target. */
function sameStage(v: FactValue, step: Step): boolean {
  return v.stage === step.stage && (v.target ?? null) === step.target;
}

/** Where the log's own lines say a command ran (a `docker run`, a shell prompt, a pasted `RUN`), whatever its steps. */
export function signalledPlace(facts: BuildFacts): Place | null {
  const signals = new Set((facts.place ?? []).map((v) => v.value));
  if (signals.has('docker-run')) return 'docker-run';
  if (signals.has('host-shell')) return 'host-shell';
  // A pasted Dockerfile `RUN` line with its output: a build, though the log has no build framing.
  if (signals.has('image-build')) return 'image-build';
  return null;
}

function placeOf(facts: BuildFacts, step: Step | null, model: BuildModel): Place | null {
  if (step !== null && !step.internal && buildFormats.has(model.format)) return 'image-build';
  const signalled = signalledPlace(facts);
  if (signalled !== null) return signalled;
  if (buildFormats.has(model.format) && model.steps.length > 0) return 'image-build';
  return null;
}

/**
 * A multi-platform build prints each step's platform in its header (`[linux/amd64 builder 5/5]`): the
 * step's own platform, whatever other steps of its stage ran on.
 */
function ownPlatform(step: Step): FactValue {
  return { value: step.platform!, source: 'step-header', evidence: step.instruction, line: step.firstLine, stage: step.stage, target: step.target, step: step.id };
}

export function factsFor(facts: BuildFacts, step: Step | null, model: BuildModel): FactView {
  const chosen = new Map<FactName, { value: FactValue | null }>();
  const resolve = (name: FactName): { value: FactValue | null } => {
    let r = chosen.get(name);
    if (r === undefined) {
      r = { value: name === 'platform' && step?.platform ? ownPlatform(step) : best(name, scopeOf(facts[name] ?? [], step)) };
      chosen.set(name, r);
    }
    return r;
  };
  return {
    get: (name) => resolve(name).value,
    value: (name) => resolve(name).value?.value ?? null,
    conflicts: (name) => {
      const { value } = resolve(name);
      if (value === null) return [];
      const near = (v: FactValue): boolean => step === null || v.step === step.id || v.stage === null || sameStage(v, step);
      return (facts[name] ?? []).filter((v) => v.value !== value.value && near(v));
    },
    place: placeOf(facts, step, model),
    githubHosted: (facts.runner ?? []).some((v) => v.value === 'github-hosted'),
  };
}

/** The step a report's build-level facts speak for: the failed one, else none. */
export function reportStep(model: BuildModel): Step | null {
  return model.failedStep === null ? null : (model.steps.find((s) => s.id === model.failedStep) ?? null);
}

/** `build.facts` of the JSON report: per fact, the trusted value and the others the log showed. */
export function reportedFacts(facts: BuildFacts, model: BuildModel): Partial<Record<FactName, ReportedFact>> {
  const view = factsFor(facts, reportStep(model), model);
  const out: Partial<Record<FactName, ReportedFact>> = {};
  for (const name of factNames) {
    const all = facts[name] ?? [];
    const trusted = name === 'place' ? placeValue(view.place, all) : view.get(name);
    if (trusted === null) continue;
    const seen = new Set([trusted.value]);
    const others = all
      .filter((v) => !seen.has(v.value) && seen.add(v.value))
      .map(({ value, source, evidence, line, stage }) => ({ value, source, evidence, line, stage }));
    const { value, source, evidence, line, stage } = trusted;
    out[name] = others.length > 0 ? { value, source, evidence, line, stage, others } : { value, source, evidence, line, stage };
  }
  return out;
}

function placeValue(place: Place | null, values: readonly FactValue[]): FactValue | null {
  return place === null ? null : (values.find((v) => v.value === place) ?? null);
}
