// Puts every finding on its Dockerfile line and gives it a reproduce command.
// - The step the build died of: the error block's `Dockerfile:N` range (authoritative). BuildKit
//   0.8 prints no excerpt, but its parse error names the line (`dockerfile parse error line 3`):
//   that line is marked on the loaded Dockerfile.
// - Any other step: its stage, `k/n` and printed text matched against the parsed Dockerfile; when
//   two lines fit equally, the finding stays unplaced and its message says so.
// - A log with no build steps at all (a pasted pip or nvcc error) and a Dockerfile with one RUN: only
//   a RUN executes commands, so a tool's error came from that one, unless the log shows the command
//   ran in a container or a shell instead. The message says how the line was chosen.
// - Several Dockerfiles in one log (bake / compose targets): the target's own Dockerfile when
//   known, else the given one (then the text itself has to match: no `k/n`-only guesses).
import type { BuildModel, Step } from '../model/types.js';
import type { Finding, Location } from '../rules/finding.js';
import type { SolveError } from '../grammar/events.js';
import type { Dockerfile, DockerfileInstruction } from './dockerfile.js';
import { IMPLICIT_STEP_ID } from '../grammar/implicit-step.js';
import { matchStep, type StepMatch } from './match-step.js';
import { reproduceCommand, stageReproduceCommand } from './reproduce.js';

export interface LocateOptions {
  /** Dockerfiles of bake / compose targets, by target name (`StepHeader.target`). */
  targets?: ReadonlyMap<string, Dockerfile>;
  /** The user named the Dockerfile (`--dockerfile`, the action's input); it was not found by name. */
  named?: boolean;
  /** Where the log shows its commands ran when it frames no build step (facts' signalled place). */
  unframedPlace?: 'image-build' | 'docker-run' | 'host-shell' | null;
}

function baseName(path: string): string {
  return path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1);
}

/**
 * The error block's range, on the loaded Dockerfile's path when it is the same file: the same name,
 * or `knownSame` (the failed target's own: the user said which file that target builds, and bake
 * prints the name relative to the target's context; or a file whose text at that line is the step's).
 */
function solveErrorLocation(error: SolveError, dockerfile: Dockerfile | null, knownSame = false): Location | null {
  if (error.line === null) return null;
  const named = error.dockerfile;
  // A line from the message alone (no excerpt names the file): only the loaded Dockerfile is known to have it.
  if (named === null && dockerfile === null) return null;
  const file =
    dockerfile !== null && (knownSame || named === null || baseName(named) === baseName(dockerfile.path)) ? dockerfile.path : (named ?? 'Dockerfile');
  return { file, line: error.line, endLine: Math.max(error.endLine ?? error.line, error.line) };
}

function describeAmbiguity(match: Extract<StepMatch, { kind: 'ambiguous' }>, dockerfile: Dockerfile): string {
  const lines = match.candidates.map((c) => c.instruction.line);
  const shown = lines.slice(0, 5).join(', ') + (lines.length > 5 ? ', …' : '');
  return ` The step could be any of ${lines.length} lines of ${dockerfile.path} (${shown}), so no line is marked.`;
}

class Locator {
  private readonly matches = new Map<number, { dockerfile: Dockerfile; match: StepMatch } | null>();
  private readonly steps = new Map<number, Step>();
  private readonly solveError: SolveError | null;
  private readonly failedStep: number | null;
  /** The loaded Dockerfile is not the one the error block names: do not match steps against it. */
  private readonly otherFile: boolean;
  /** The loaded Dockerfile is the one the error block names, under another name. */
  private readonly sameUnderOtherName: boolean;
  private readonly multiTarget: boolean;
  /** The Dockerfile's only RUN, when the log frames no build step and its commands may have run there. */
  private readonly onlyRun: DockerfileInstruction | null;
  private readonly unframedPlace: LocateOptions['unframedPlace'];

  constructor(
    private readonly model: BuildModel,
    private readonly dockerfile: Dockerfile | null,
    private readonly targets: ReadonlyMap<string, Dockerfile>,
    userNamed: boolean,
    unframedPlace: LocateOptions['unframedPlace'] = null,
  ) {
    for (const step of model.steps) this.steps.set(step.id, step);
    this.solveError = model.solveError;
    this.failedStep = model.failedStep ?? model.solveError?.step ?? null;
    const named = model.solveError?.dockerfile ?? null;
    this.multiTarget = new Set(model.steps.map((s) => s.target).filter((t) => t !== null)).size > 1;
    const renamed = dockerfile !== null && named !== null && !this.multiTarget && baseName(named) !== baseName(dockerfile.path);
    this.sameUnderOtherName = renamed && userNamed && this.holdsFailedStep(dockerfile);
    this.otherFile = renamed && !this.sameUnderOtherName;
    this.unframedPlace = unframedPlace;
    this.onlyRun = this.unframedRun();
  }

  private unframedRun(): DockerfileInstruction | null {
    if (this.dockerfile === null || this.model.solveError !== null) return null;
    if (this.unframedPlace === 'docker-run' || this.unframedPlace === 'host-shell') return null;
    if (this.model.steps.some((s) => s.id !== IMPLICIT_STEP_ID)) return null;
    const runs = this.dockerfile.stages.flatMap((stage) => stage.instructions.filter((i) => i.keyword === 'RUN'));
    return runs.length === 1 ? runs[0]! : null;
  }

  /**
   * A finding in a log without build steps, put on the Dockerfile's only RUN. A run-time rule's
   * finding (an import, a driver call) may as well come from `docker run`: only when the log itself
   * says it was a build.
   */
  private onOnlyRun(finding: Finding): Location | null {
    if (this.onlyRun === null || finding.step !== IMPLICIT_STEP_ID) return null;
    if (finding.ruleId.startsWith('runtime/') && this.unframedPlace !== 'image-build') return null;
    return { file: this.dockerfile!.path, line: this.onlyRun.line, endLine: this.onlyRun.endLine };
  }

  /**
   * A Dockerfile the user named, under another name than the one the error block prints (kept as
   * `gpu.Dockerfile`, built as `Dockerfile` from another checkout), is the same file when the
   * instruction at the block's line is the failed step's, found by its text. A file found by name
   * (./Dockerfile when the block names another) is never taken for it.
   */
  private holdsFailedStep(dockerfile: Dockerfile): boolean {
    const line = this.solveError?.line ?? null;
    const failed = this.failedStep === null ? undefined : this.steps.get(this.failedStep);
    if (line === null || failed === undefined) return false;
    const match = matchStep(failed, dockerfile);
    return match.kind === 'found' && match.by === 'text' && match.instruction.line === line;
  }

  private dockerfileFor(step: Step): Dockerfile | null {
    if (step.target !== null) {
      const own = this.targets.get(step.target);
      if (own !== undefined) return own;
    }
    return this.otherFile ? null : this.dockerfile;
  }

  private matchFor(step: Step): { dockerfile: Dockerfile; match: StepMatch } | null {
    if (!this.matches.has(step.id)) {
      const dockerfile = this.dockerfileFor(step);
      let result: { dockerfile: Dockerfile; match: StepMatch } | null = null;
      if (dockerfile !== null) {
        let match = matchStep(step, dockerfile);
        // A shared Dockerfile for several targets: only a text match is evidence enough.
        if (match.kind === 'found' && match.by === 'index' && this.multiTarget && !this.targets.has(step.target ?? '')) match = { kind: 'none' };
        result = { dockerfile, match };
      }
      this.matches.set(step.id, result);
    }
    return this.matches.get(step.id)!;
  }

  /**
   * The reproduce command of a step. In a log of several targets, a step of a target with no
   * Dockerfile of its own is reproduced with the shared one only when its text was found there,
   * or, for the failed target, with the file its error block names: never with another target's.
   */
  private reproduceFor(step: Step): string | null {
    const dockerfile = this.dockerfileFor(step);
    // The match that placed the finding places its reproduce command too (one reading, not two).
    const match = this.matchFor(step)?.match;
    if (!this.multiTarget || step.target === null || this.targets.has(step.target)) return reproduceCommand(step, dockerfile, this.model, match);
    if (dockerfile !== null && match?.kind === 'found') return reproduceCommand(step, dockerfile, this.model, match);
    const failed = this.failedStep === null ? undefined : this.steps.get(this.failedStep);
    if (failed !== undefined && failed.target === step.target && this.solveError?.dockerfile != null) return reproduceCommand(step, null, this.model);
    return null;
  }

  locate(finding: Finding): Finding {
    const step = finding.step === null ? undefined : this.steps.get(finding.step);
    let { location, message, reproduce } = finding;

    if (location === null && this.solveError !== null) {
      const isFailed = step !== undefined ? step.id === this.failedStep : finding.severity === 'error';
      if (isFailed) {
        const own = (step?.target != null && this.targets.has(step.target)) || this.sameUnderOtherName;
        location = solveErrorLocation(this.solveError, step === undefined ? this.dockerfile : this.dockerfileFor(step), own);
      }
    }
    const onlyRun = location === null ? this.onOnlyRun(finding) : null;
    if (onlyRun !== null) {
      location = onlyRun;
      message += ` The log shows no build steps; ${onlyRun.file}:${onlyRun.line} is the Dockerfile's only RUN.`;
    } else if (location === null && step !== undefined) {
      const result = this.matchFor(step);
      if (result?.match.kind === 'found') {
        const { instruction } = result.match;
        location = { file: result.dockerfile.path, line: instruction.line, endLine: instruction.endLine };
      } else if (result?.match.kind === 'ambiguous') {
        message += describeAmbiguity(result.match, result.dockerfile);
      }
    }
    if (reproduce === undefined) {
      if (step !== undefined) {
        reproduce = this.reproduceFor(step) ?? undefined;
      } else if (location !== null && this.dockerfile !== null && location.file === this.dockerfile.path) {
        const stage = this.dockerfile.stages.find((s) => s.line <= location!.line && location!.line <= s.endLine);
        if (stage !== undefined) reproduce = stageReproduceCommand(stage, this.dockerfile);
      }
    }
    const located: Finding = { ...finding, location, message };
    if (reproduce !== undefined) located.reproduce = reproduce;
    return located;
  }
}

export function locateFindings(findings: Finding[], model: BuildModel, dockerfile: Dockerfile | null, options: LocateOptions = {}): Finding[] {
  const locator = new Locator(model, dockerfile, options.targets ?? new Map(), options.named === true, options.unframedPlace ?? null);
  return findings.map((finding) => locator.locate(finding));
}
