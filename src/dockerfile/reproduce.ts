// The command that reproduces a finding locally: build the stage with `--target`, load it, and
// open a shell in it. `--target` stops at a stage boundary only, so for a RUN that failed the
// stage cannot be built as is: the command says to comment the failing instruction out (and what
// follows it in the stage), or to let buildx's debugger open a shell where the step failed.
//
// buildx debugger: `docker buildx debug [--on=error|always] [--invoke CMD] build …` (buildx
// 0.12.0 and later; experimental, so BUILDX_EXPERIMENTAL=1). buildx 0.11 had the same monitor as
// `docker buildx build --invoke on-error`. Source: docs/reference/buildx_debug.md and
// docs/guides/debugging.md in docker/buildx; the proposal is docker/buildx#1104.
//
// A podman / buildah log gets podman's commands: `podman build` takes `--target`, `--platform`, `-t`
// and `-f` like buildx and stores the image locally (no `--load`), `podman run --rm -it` opens the
// shell (docs.podman.io, podman-build(1), podman-run(1)). Podman has no debugger for a failed step.
//
// A legacy-builder log (`Step 3/9 : …`, `DOCKER_BUILDKIT=0`, docker-compose v1) gets `docker build`: the
// Docker that printed it may have no buildx, and its builder stores the image without `--load`. That
// builder keeps the image of every finished step (the ` ---> 9f8e7d6c5b4a` line under it), so a shell
// in the state before the failed step is `docker run` of the last such id, on the machine that built.
import type { BuildModel, Step } from '../model/types.js';
import { stageLabel, type Dockerfile, type DockerfileStage } from './dockerfile.js';
import { parseImageRef } from './image-ref.js';
import { matchStep, type StepMatch } from './match-step.js';
import { quoteWord } from '../text/shell-words.js';

/** The buildx release that introduced `docker buildx debug`. */
export const BUILDX_DEBUG_MIN_VERSION = '0.12.0';

const TAG_PREFIX = 'bkd-debug';

/** Base images without bash: open `sh` in them. */
const NO_BASH = new Set(['alpine', 'busybox']);

export interface StageTarget {
  /** The stage's name for `--target`, null for the only stage of a single-stage Dockerfile. */
  name: string | null;
  /** A stage without `AS name` cannot be a `--target`: the line to add the name on. */
  unnamedLine: number | null;
  /** The base image, to pick a shell. */
  from: string | null;
}

/** Dockerfile path for `-f`: the loaded file, the one the error block names, or `Dockerfile`. */
function dockerfilePath(dockerfile: Dockerfile | null, model: BuildModel): string {
  return dockerfile?.path ?? model.solveError?.dockerfile ?? 'Dockerfile';
}


// An official image's `-alpine` variant is "based on the popular Alpine Linux project" (the Docker Official Images'
// descriptions of `python:<version>-alpine`, `node:<version>-alpine` and the rest, docker-library/docs); Alpine's shell
// is BusyBox's `/bin/sh`, with no bash unless a step installs it.
function shellFor(from: string | null): string {
  const ref = from === null ? null : parseImageRef(from);
  if (ref === null) return 'bash';
  const name = ref.repository.slice(ref.repository.lastIndexOf('/') + 1);
  if (NO_BASH.has(name)) return 'sh';
  return ref.tag !== null && /(?:^|-)alpine(?:[\d.]*)?(?:$|-)/.test(ref.tag) ? 'sh' : 'bash';
}

/**
 * Without a Dockerfile, what the log shows of the stage's base: its own `[stage 1/N] FROM image` step, or else a step of
 * the stage that runs `apk`, Alpine's package manager (an Alpine-based stage: `sh`, not bash).
 */
function baseFromLog(step: Step, model: BuildModel): string | null {
  if (step.stage === null) return null;
  const own = model.steps.filter((s) => s.stage === step.stage);
  for (const s of own) {
    const base = /^FROM\s+(?:--\S+\s+)*(\S+)/i.exec(s.instruction.trim());
    if (base !== null) return base[1]!;
  }
  return own.some((s) => /^RUN\b.*(?:^|[\s;&|(])apk\s+(?:add|update|upgrade|--)/i.test(s.instruction.trim())) ? 'alpine' : null;
}

/** BuildKit's `stage-N` cannot be a `--target`; suggest the name `stageN`. */
function suggestedName(label: string): string {
  return label.replace('-', '');
}

function stageTarget(stage: DockerfileStage, dockerfile: Dockerfile): StageTarget {
  const single = dockerfile.stages.length === 1 && stage.name === null;
  return {
    name: stage.name ?? (single ? null : suggestedName(stageLabel(stage))),
    unnamedLine: stage.name === null && !single ? stage.line : null,
    from: stage.from,
  };
}

/**
 * Whether the log shows Dockerfile steps of `label`'s stage only. BuildKit calls an unnamed stage
 * `stage-N`, and no `--target` can name one; so a build whose steps are all of one unnamed stage
 * built that stage as its default target (the last stage): rebuilding it needs no `--target`.
 */
function onlyStageOfLog(label: string, model: BuildModel): boolean {
  return model.steps.every((s) => s.internal || s.stage === null || s.stage === label);
}

function targetOf(step: Step, dockerfile: Dockerfile | null, known: StepMatch | undefined, model: BuildModel): StageTarget {
  let stage: DockerfileStage | undefined;
  if (dockerfile !== null) {
    const match = known ?? matchStep(step, dockerfile);
    if (match.kind === 'found') stage = match.stage;
    else if (step.stage !== null) stage = dockerfile.stages.find((s) => stageLabel(s) === step.stage!.toLowerCase());
    else if (dockerfile.stages.length === 1) stage = dockerfile.stages[0];
  }
  if (stage !== undefined) return stageTarget(stage, dockerfile!);
  // No Dockerfile: a real stage name can be a target, BuildKit's `stage-N` cannot.
  const from = baseFromLog(step, model);
  if (step.stage === null) return { name: null, unnamedLine: null, from };
  const unnamed = /^stage-\d+$/.test(step.stage);
  if (unnamed && onlyStageOfLog(step.stage, model)) return { name: null, unnamedLine: null, from };
  return { name: unnamed ? suggestedName(step.stage) : step.stage, unnamedLine: unnamed ? 0 : null, from };
}

/**
 * Which builder reproduces the build: buildx (`--load` puts the image in the local store), the legacy
 * builder's `docker build`, or podman; the last two store the image themselves.
 */
export type Builder = 'buildx' | 'legacy' | 'podman';

const BUILD_COMMAND: Record<Builder, { build: string; load: string; run: string }> = {
  buildx: { build: 'docker buildx build', load: ' --load', run: 'docker run' },
  legacy: { build: 'docker build', load: '', run: 'docker run' },
  podman: { build: 'podman build', load: '', run: 'podman run' },
};

/** `docker buildx build --target … --load -f … . && docker run --rm -it … bash`, or the legacy builder's or podman's form. */
export function buildAndShellCommand(target: StageTarget, file: string, platform: string | null, builder: Builder = 'buildx'): string {
  const { build, load, run } = BUILD_COMMAND[builder];
  const tag = `${TAG_PREFIX}:${target.name ?? 'latest'}`;
  const parts = [build];
  if (target.name !== null) parts.push(`--target ${quoteWord(target.name)}`);
  if (platform !== null) parts.push(`--platform ${quoteWord(platform)}`);
  parts.push(`-t ${tag}${load} -f ${quoteWord(file)} .`);
  return `${parts.join(' ')} && ${run} --rm -it ${tag} ${shellFor(target.from)}`;
}

/**
 * A bake or compose target is rebuilt by bake itself, with the context, Dockerfile and args of its
 * definition (bake reads `docker-bake.hcl` and `compose.yaml` alike):
 * `docker buildx bake web --set web.target=builder --set web.tags=bkd-debug:builder --load`.
 */
export function bakeAndShellCommand(bakeTarget: string, target: StageTarget, platform: string | null): string {
  const tag = `${TAG_PREFIX}:${target.name ?? 'latest'}`;
  const t = quoteWord(bakeTarget);
  const parts = [`docker buildx bake ${t}`];
  if (target.name !== null) parts.push(`--set ${quoteWord(`${bakeTarget}.target=${target.name}`)}`);
  if (platform !== null) parts.push(`--set ${quoteWord(`${bakeTarget}.platform=${platform}`)}`);
  parts.push(`--set ${quoteWord(`${bakeTarget}.tags=${tag}`)} --load`);
  return `${parts.join(' ')} && docker run --rm -it ${tag} ${shellFor(target.from)}`;
}

function debuggerCommand(target: StageTarget, file: string, platform: string | null): string {
  const parts = [`BUILDX_EXPERIMENTAL=1 docker buildx debug --on=error --invoke ${shellFor(target.from)} build`];
  if (target.name !== null) parts.push(`--target ${quoteWord(target.name)}`);
  if (platform !== null) parts.push(`--platform ${quoteWord(platform)}`);
  parts.push(`-f ${quoteWord(file)} .`);
  return parts.join(' ');
}

function nameFirst(target: StageTarget): string[] {
  if (target.unnamedLine === null || target.name === null) return [];
  const where = target.unnamedLine > 0 ? ` on line ${target.unnamedLine}` : '';
  return [`# --target needs a stage name: add \`AS ${target.name}\` to the stage's FROM${where} first.`];
}

/** The failed instruction's line, when the error block or the Dockerfile tells it. */
function failedLine(step: Step, dockerfile: Dockerfile | null, model: BuildModel, known: StepMatch | undefined): number | null {
  if (model.solveError?.line != null && (model.solveError.step === null || model.solveError.step === step.id)) return model.solveError.line;
  if (dockerfile === null) return null;
  const match = known ?? matchStep(step, dockerfile);
  return match.kind === 'found' ? match.instruction.line : null;
}

/**
 * The image a failed base-image step resolves: `FROM [--platform=…] image [AS name]`, or BuildKit's
 * internal `load metadata for docker.io/nvidia/cuda:…`; null for any other step.
 */
export function baseImageOf(step: Step): string | null {
  const text = step.instruction.trim();
  const metadata = /^load metadata for (\S+)$/.exec(text);
  if (metadata) return metadata[1]!;
  const from = /^FROM\s+(?:--\S+\s+)*(\S+)/i.exec(text);
  return from ? from[1]! : null;
}

/**
 * A failure at `FROM` is about the image, not the Dockerfile: nothing before it can be built and no
 * instruction can be commented out. Resolve the image by hand instead (`imagetools inspect` asks the
 * registry for the manifest and lists its platforms; `docker pull` fetches it like the builder).
 */
function baseImageCommand(image: string, platform: string | null, podman: boolean): string {
  const ref = quoteWord(image);
  const pull = `pull ${platform === null ? '' : `--platform ${quoteWord(platform)} `}${ref}`;
  if (podman) return ['# The build stops at its base image: pull it by hand (the error, or the image):', `podman ${pull}`].join('\n');
  return [
    '# The build stops at its base image: ask the registry for it by hand (its platforms, or the error):',
    `docker buildx imagetools inspect ${ref}`,
    `docker ${pull}`,
  ].join('\n');
}

/**
 * The reproduce command for a finding in `step`, or null when the step is not a Dockerfile
 * instruction (`[internal] …`, except a failed base-image lookup). Pure: everything comes from the arguments.
 */
export function reproduceCommand(step: Step, dockerfile: Dockerfile | null, model: BuildModel, match?: StepMatch): string | null {
  const failedStep = step.status === 'error' || step.id === model.failedStep;
  const base = baseImageOf(step);
  const podman = model.format === 'buildah';
  const legacy = model.format === 'classic';
  if (base !== null && failedStep && !base.includes('$')) return baseImageCommand(base, step.platform, podman);
  if (step.internal) return null;
  const target = targetOf(step, dockerfile, match, model);
  const file = dockerfilePath(dockerfile, model);
  const platform = step.platform;
  const build =
    step.target !== null && !podman && !legacy
      ? bakeAndShellCommand(step.target, target, platform)
      : buildAndShellCommand(target, file, platform, podman ? 'podman' : legacy ? 'legacy' : 'buildx');
  const failed = step.status === 'error' || step.id === model.failedStep;
  if (!failed) return [...nameFirst(target), build].join('\n');

  const line = failedLine(step, dockerfile, model, match);
  const at = line === null ? 'the failing instruction' : `${file}:${line}`;
  const isRun = /^RUN\b/i.test(step.instruction.trim());
  return [
    ...nameFirst(target),
    ...namedContextsNote(model),
    ...(legacy ? [] : emulatorFirst(step, podman)),
    target.name === null ? `# The build fails at ${at}:` : `# --target stops at a stage boundary, and stage "${target.name}" fails at ${at}:`,
    `# comment that instruction out (with the rest of the ${target.name === null ? 'Dockerfile' : 'stage'} after it), then build and open a shell`,
    isRun ? `# in the state just before it, and run the failing command by hand:` : `# in the state just before it, and look for what the instruction expects:`,
    build,
    ...(podman
      ? []
      : legacy
        ? legacyImageShell(step, model, shellFor(target.from))
        : [`# Or let buildx ${BUILDX_DEBUG_MIN_VERSION}+ (experimental) open a shell where the step failed:`, debuggerCommand(target, file, platform)]),
  ].join('\n');
}

/**
 * The legacy builder keeps the image of every finished step, so the state just before a failed step
 * is the previous step's image: a shell in it needs no Dockerfile edit, on the machine that built.
 */
function legacyImageShell(step: Step, model: BuildModel, shell: string): string[] {
  const before = step.index === null ? undefined : model.steps.find((s) => s.id === step.id - 1 && s.index === step.index! - 1);
  if (before?.image !== undefined) {
    return [`# Or, on the machine that ran this build: the legacy builder kept step ${before.index}'s image, the state just before:`, `docker run --rm -it ${before.image} ${shell}`];
  }
  return [
    "# Or, on the machine that ran this build: the legacy builder kept each finished step's image, printed as",
    `# \` ---> \` and 12 hex digits under it; \`docker run --rm -it\` that id of the step above the failed one, with ${shell}, opens the state just before it.`,
  ];
}

/**
 * The failed step could not execute its programs (`exec format error`): the stage is for another architecture than the
 * build host and no QEMU emulator is registered, so rebuilding it here, and a shell in the loaded image, fail the same
 * way until one is (tonistiigi/binfmt's README: `--install all` registers the emulators; podman uses the distribution's
 * `qemu-user-static`). Docker's multi-platform docs: emulated programs run much slower than native ones. Not for the
 * legacy builder, which builds for its own host only: there the stage's base image is of another architecture, and an
 * emulator is no way to reproduce it.
 */
function emulatorFirst(step: Step, podman: boolean): string[] {
  if (!step.tail.some((l) => /exec format error/i.test(l)) && !/exec format error/i.test(step.error ?? '')) return [];
  const register = podman
    ? ["# register QEMU first (the distribution's qemu-user-static package), or they fail the same way."]
    : ['# register QEMU first, or they fail the same way:', 'docker run --privileged --rm tonistiigi/binfmt --install all'];
  if (step.platform !== null) return [`# This stage is for ${step.platform}, whose programs this host cannot execute (exec format error):`, ...register];
  return [
    "# This stage's programs are for another CPU architecture than this host (exec format error): add the build's",
    '# `--platform` to the commands below (without it they build for this host\'s own platform), and',
    ...register,
  ];
}

/**
 * The build was given named contexts (`[context cuda] …` vertexes): the commands below need them
 * again, and the log shows their names, never their paths.
 */
function namedContextsNote(model: BuildModel): string[] {
  const names = [...new Set(model.steps.flatMap((s) => (s.namedContext === undefined ? [] : [s.namedContext])))];
  if (names.length === 0) return [];
  const flags = names.map((n) => `--build-context ${n}=…`).join(' ');
  return [`# The build was given named contexts: add ${flags} to both commands, with the values the build used.`];
}

/** The reproduce command for a static finding on a line of `stage` (build the stage, open a shell). */
export function stageReproduceCommand(stage: DockerfileStage, dockerfile: Dockerfile): string {
  const target = stageTarget(stage, dockerfile);
  return [...nameFirst(target), buildAndShellCommand(target, dockerfile.path, stage.platform?.includes('$') ? null : stage.platform)].join('\n');
}
