// Which steps a step waited for: the stage graph of the build, rebuilt from what the log and the
// Dockerfile say. A plain log carries no dependency graph, and guessing one from timing chains
// steps of stages that never waited for each other (a runtime stage's `apt-get` "before" the
// builder's `WORKDIR`). What is known for certain:
// - steps of one stage run in their order (`[builder 3/7]` after `[builder 2/7]`);
// - `COPY --from=<stage>` and `RUN --mount=…,from=<stage>` wait for that stage's last step;
// - `FROM <stage>` waits for that stage: the Dockerfile says which stage (BuildKit prints no step
//   for it; the classic builder and podman print `FROM <stage>` itself);
// - a stage that starts from an image waits for its `load metadata for <image>` and for the build
//   definition; a `COPY` from the build context waits for `load build context`.
// Without a Dockerfile, a stage whose first step is not a FROM (`[builder 1/3] WORKDIR /src`) was
// built FROM another stage that the log does not name. No dependency is made up for it: it is
// "floating", placed no earlier than the log's print order puts it, and on no critical path
// through a stage it may not have waited for.
import type { Step } from '../model/types.js';
import { stageLabel, type Dockerfile } from '../dockerfile/dockerfile.js';

export interface StageSources {
  /** The build's Dockerfile, when known: which stage each stage is built FROM. */
  dockerfile?: Dockerfile | null;
  /** bake / compose targets' own Dockerfiles, by target name. */
  targets?: ReadonlyMap<string, Dockerfile>;
}

/** Step id → ids of the steps it waited for (no entry: it waited for nothing the log shows). */
export type Dependencies = ReadonlyMap<number, readonly number[]>;

export interface StageGraph {
  deps: Dependencies;
  /** First steps of stages built FROM a stage the log does not name: their start is the log's estimate. */
  floating: ReadonlySet<number>;
}

const FROM = /^FROM\s/i;
/** `--from=builder`, `--from="builder"`: COPY (and ADD in newer syntaxes) from a stage or image. */
const COPY_FROM = /(?:^|\s)--from="?([^\s"]{1,200})"?(?=\s|$)/;
/** `--mount=type=cache,from=deps,target=/x`: a RUN mount of another stage's files. */
const MOUNT = /(?:^|\s)--mount=(\S{1,500})/g;

function internalName(step: Step): string {
  return step.instruction.replace(/^\[internal\]\s+/, '');
}

function groupKey(target: string | null, platform: string | null, stage: string | null): string {
  return `${target ?? ''}\u0000${platform ?? ''}\u0000${(stage ?? '').toLowerCase()}`;
}

/** The image of `FROM [--platform=…] image [AS name]`. */
function fromImage(instruction: string): string | null {
  const words = instruction.split(/\s+/).slice(1).filter((w) => !w.startsWith('--'));
  return words[0] ?? null;
}

/** The stages a step reads files from: `COPY --from=X`, `RUN --mount=…,from=X`. */
function stagesRead(instruction: string): string[] {
  const out: string[] = [];
  if (/^(?:COPY|ADD)\s/i.test(instruction)) {
    const m = COPY_FROM.exec(instruction);
    if (m) out.push(m[1]!);
  }
  if (/^RUN\s/i.test(instruction)) {
    for (const m of instruction.matchAll(MOUNT)) {
      for (const option of m[1]!.replace(/"/g, '').split(',')) {
        if (option.toLowerCase().startsWith('from=')) out.push(option.slice(5));
      }
    }
  }
  return out;
}

export function stepDependencies(steps: readonly Step[], sources: StageSources = {}): StageGraph {
  const deps = new Map<number, number[]>();
  const floating = new Set<number>();
  const add = (id: number, on: number | undefined): void => {
    if (on === undefined || on === id) return;
    const list = deps.get(id) ?? [];
    if (!list.includes(on)) list.push(on);
    deps.set(id, list);
  };

  // Dockerfile steps by stage (a bake target's and a platform's stages are stages of their own).
  const groups = new Map<string, Step[]>();
  const internal: Step[] = [];
  for (const s of steps) {
    if (s.internal) {
      internal.push(s);
      continue;
    }
    const key = groupKey(s.target, s.platform, s.stage);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const list of groups.values()) list.sort((a, b) => (a.index ?? 0) - (b.index ?? 0) || a.id - b.id);

  /** The last step of a stage, looked up by name: same target and platform first, then any platform. */
  const lastOf = (target: string | null, platform: string | null, name: string): Step | undefined => {
    let list = groups.get(groupKey(target, platform, name));
    if (list === undefined) {
      for (const [key, candidate] of groups) {
        const [t, , stage] = key.split('\u0000');
        if (t === (target ?? '') && stage === name.toLowerCase()) list = candidate;
      }
    }
    return list?.[list.length - 1];
  };

  const internalOf = (target: string | null, test: (name: string) => boolean): Step[] => internal.filter((s) => s.target === target && test(internalName(s)));
  const definition = (target: string | null): Step[] => internalOf(target, (n) => n.startsWith('load build definition') || n === 'load .dockerignore');

  /** The stage name a `--from` value means: a stage index through the Dockerfile, else as written. */
  const stageName = (ref: string, dockerfile: Dockerfile | null): string => {
    if (/^\d{1,4}$/.test(ref)) {
      const stage = dockerfile?.stages[Number(ref)];
      return stage ? stageLabel(stage) : `stage-${ref}`;
    }
    return ref.toLowerCase();
  };

  for (const list of groups.values()) {
    const first = list[0]!;
    const dockerfile = (first.target !== null ? sources.targets?.get(first.target) : undefined) ?? sources.dockerfile ?? null;
    for (let i = 1; i < list.length; i++) add(list[i]!.id, list[i - 1]!.id);

    // What the stage's first step waited for.
    const base = baseOf(first, dockerfile);
    const parent = base.stage !== null ? lastOf(first.target, first.platform, base.stage) : undefined;
    if (parent !== undefined && parent.stage?.toLowerCase() !== first.stage?.toLowerCase()) {
      add(first.id, parent.id);
    } else if (base.image !== null || base.stage === null) {
      for (const s of definition(first.target)) add(first.id, s.id);
      const image = base.image;
      if (image !== null) {
        for (const s of internalOf(first.target, (n) => n.startsWith('load metadata for '))) {
          const name = internalName(s).slice('load metadata for '.length);
          if (image === name || image.startsWith(`${name}@`)) add(first.id, s.id);
        }
      }
      if (base.unknownStage) floating.add(first.id);
    }

    for (const s of list) {
      for (const ref of stagesRead(s.instruction)) add(s.id, lastOf(s.target, s.platform, stageName(ref, dockerfile))?.id);
      if (/^(?:COPY|ADD)\s/i.test(s.instruction) && stagesRead(s.instruction).length === 0) {
        for (const context of internalOf(s.target, (n) => n === 'load build context')) add(s.id, context.id);
      }
    }
  }
  return { deps, floating };
}

interface Base {
  /** The stage it is built FROM, when known. */
  stage: string | null;
  /** The image it is built FROM, when the log prints it. */
  image: string | null;
  /** Built FROM some stage, but which is unknown. */
  unknownStage: boolean;
}

/** What a stage, seen through its first step, is built FROM. */
function baseOf(first: Step, dockerfile: Dockerfile | null): Base {
  if (FROM.test(first.instruction)) {
    // The classic builder and podman print `FROM builder`; BuildKit prints only images.
    const image = fromImage(first.instruction);
    return { stage: image?.toLowerCase() ?? null, image, unknownStage: false };
  }
  const name = first.stage?.toLowerCase() ?? null;
  const stage = name === null ? undefined : dockerfile?.stages.find((s) => stageLabel(s).toLowerCase() === name);
  if (stage !== undefined) {
    const parent = stage.baseStage !== null ? dockerfile!.stages[stage.baseStage] : undefined;
    return { stage: parent ? stageLabel(parent) : null, image: parent ? null : stage.from, unknownStage: false };
  }
  // BuildKit numbers a stage's FROM of an image as step 1; a stage built FROM another stage starts
  // at its first instruction. A first step numbered above 1 had its FROM merged with another stage's.
  return { stage: null, image: null, unknownStage: first.index === 1 };
}
