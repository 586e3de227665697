// The build-facts stage: reads the same events as the build model, in the same pass, and keeps
// every distinct value of each fact with the line that proves it. One prefilter scan per output
// line; a pattern's regex runs only on lines that hold one of its literals.
import type { BuildEvent, LogFormat } from '../grammar/events.js';
import type { BuildModel } from '../model/types.js';
import { SharedScan, type LiteralScanner } from '../match/shared-scan.js';
import { factPatterns, installersIn, type FactPattern } from './fact-patterns.js';
import { imageFacts } from './image-facts.js';
import { MAX_STEPS } from '../grammar/framing.js';
import { buildPushActionLead } from '../grammar/final-error.js';
import { isCommandFailure } from '../grammar/classic.js';
import type { BuildFacts, DeclaredBase, FactName, FactValue } from './types.js';

/** Distinct values kept per fact: enough for every stage of a big multi-stage build. */
const maxValuesPerFact = 12;
/** Steps whose stage is remembered (for the evidence of their output): twice the model's step cap. */
const maxStagesKept = 2 * MAX_STEPS;
/** Characters of an evidence line kept. */
const maxEvidence = 300;

/** Formats whose steps are image build steps. */
const buildFormats: ReadonlySet<LogFormat> = new Set(['buildkit-plain', 'buildkit-tty', 'buildkit-rawjson', 'classic', 'buildah']);

function bounded(text: string): string {
  const t = text.trim();
  return t.length > maxEvidence ? `${t.slice(0, maxEvidence - 1)}…` : t;
}

/** Where a fact was read: its line, and the step, stage and bake / compose target it belongs to. */
type Where = Pick<FactValue, 'line' | 'stage' | 'step'> & { target: string | null };

/**
 * A `RUN`'s process in BuildKit's solve error: `process "/bin/sh -c …" did not complete successfully`, or the stage's own
 * `SHELL` in its place (mambaorg/micromamba's images set `SHELL ["/usr/local/bin/_dockerfile_shell.sh"]`, so the error reads
 * `process "/usr/local/bin/_dockerfile_shell.sh micromamba install …"`, KoboldAI/KoboldAI-Client#299).
 */
const runFailedPattern = /process "(?:\/bin\/(?:ba)?sh -c |\/[\w./-]{1,200}(?:sh|_shell\.sh) )[^\n]{0,4000}" did not complete successfully/;

export class FactCollector {
  private readonly outputPatterns = factPatterns.filter((p) => p.on !== 'instruction');
  private readonly instructionPatterns = factPatterns.filter((p) => p.on !== 'output');
  private readonly prefilter: LiteralScanner;
  /** Per prefilter target: the output pattern it belongs to. */
  private readonly targetPattern: number[] = [];
  private readonly stages = new Map<number, { stage: string | null; target: string | null }>();
  private readonly values = new Map<FactName, FactValue[]>();
  /** BuildKit's failure line for a `RUN`, when the log shows one (runFailedLine). */
  private runFailed: { text: string; line: number } | null = null;

  /** `scan`: the line scan shared with the other stages (one of its own when omitted). */
  constructor(scan: SharedScan = new SharedScan()) {
    const literals: { text: string; ignoreCase: boolean; target: number }[] = [];
    this.outputPatterns.forEach((p, index) => {
      for (const text of p.literals) {
        this.targetPattern.push(index);
        literals.push({ text, ignoreCase: false, target: this.targetPattern.length - 1 });
      }
    });
    this.prefilter = scan.group(literals);
  }

  observe(event: BuildEvent): void {
    switch (event.type) {
      case 'step-started': {
        const { header } = event;
        this.stages.set(header.id, { stage: header.stage, target: header.target });
        // Bounded for a build of thousands of steps: the oldest step's stage goes first.
        if (this.stages.size > maxStagesKept) this.stages.delete(this.stages.keys().next().value!);
        const where: Where = { line: event.line, stage: header.stage, target: header.target, step: header.id };
        if (header.platform !== null) this.add('platform', header.platform, 'step-header', header.instruction, where);
        for (const p of this.instructionPatterns) {
          if (p.literals.some((l) => header.instruction.includes(l))) this.apply(p, header.instruction, where);
        }
        if (/^RUN\b/.test(header.instruction)) {
          const installers = installersIn(header.instruction);
          const last = installers[installers.length - 1];
          if (last !== undefined) this.add('installer', last, 'instruction', header.instruction, where);
        }
        break;
      }
      case 'step-output':
        if (event.echo || event.status) break;
        this.output(event.text, event.line, event.id);
        if (event.stamped === true) this.stampedLine(event.text, event.line);
        // Unframed text (a pasted step of the job) is the implicit step's output.
        this.actionLine(event.text, event.line);
        break;
      case 'text':
        this.output(event.text, event.line, null);
        this.actionLine(event.text, event.line);
        break;
      case 'solve-error':
        // The grammar hands rules the message without the lead: the line as printed still has it.
        if (event.text !== undefined) {
          this.actionLine(event.text, event.line);
          this.runFailedLine(event.text, event.line);
          // The classic builder's failure line with no step open (grammar/classic.ts): its facts as when it was read as
          // output (that it ran in an image build, the CUDA release its `apt-get install` names).
          if (isCommandFailure(event.text)) this.output(event.text, event.line, event.error.step);
        }
        break;
      default:
        break;
    }
  }

  private output(text: string, line: number, step: number | null): void {
    const count = this.prefilter.find(text);
    if (count === 0) return;
    const targets = this.prefilter.targets;
    // Where the line is, looked up only for a line that proves a fact (most lines with a literal prove none).
    let where: Where | null = null;
    let last = -1;
    for (let i = 0; i < count; i++) {
      const index = this.targetPattern[targets[i]!]!;
      if (index === last) continue; // two literals of one pattern in one line
      last = index;
      const p = this.outputPatterns[index]!;
      const m = p.regex.exec(text);
      if (m === null) continue;
      const facts = p.read(m.groups ?? {});
      if (facts.length === 0) continue;
      if (where === null) {
        const known = step === null ? undefined : this.stages.get(step);
        where = { line, stage: known?.stage ?? null, target: known?.target ?? null, step };
      }
      for (const [name, value] of facts) this.add(name, value, p.source, text, where);
    }
  }

  /**
   * docker/build-push-action's failure line (`buildx failed with: …`, final-error.ts): the build ran in a GitHub Actions
   * job, on a runner of a kind the line does not name.
   */
  private actionLine(text: string, line: number): void {
    if (buildPushActionLead(text) === 0) return;
    this.add('runner', 'github-actions', 'build-push-action', text, { line, stage: null, target: null, step: null });
  }

  /**
   * A line docker compose prefixed with its service (`vllm_1   | RuntimeError: …`, vllm-project/vllm#1936): the prefix
   * is off the text the grammars and rules read, and the service is a fact. The evidence is the line as printed.
   */
  composeLine(compose: { printed: string; service: string }, text: string, line: number): void {
    const known = this.values.get('composeService');
    if (known !== undefined && known.some((v) => v.value === compose.service)) return; // the cheap test: every line of a service has it
    this.add('composeService', compose.service, 'compose-prefix', `${compose.printed} | ${text}`, { line, stage: null, target: null, step: null });
  }

  /** Unframed lines with BuildKit's elapsed seconds taken off: the first, and how many. */
  private stamped: { text: string; line: number; count: number } | null = null;

  private stampedLine(text: string, line: number): void {
    if (this.stamped === null) this.stamped = { text, line, count: 1 };
    else this.stamped.count++;
  }

  /**
   * BuildKit's failure line for a `RUN` (`ERROR: failed to solve: process "/bin/bash -c pip install …" did not
   * complete successfully: exit code: 1`, runpod-workers/worker-stable_diffusion_v1#17): the failing command ran in
   * an image build, even when the log was pasted without the step's `#N` lines (with them, the steps say so: the line is kept until the build ends).
   */
  private runFailedLine(text: string, line: number): void {
    if (this.runFailed === null && runFailedPattern.test(text)) this.runFailed = { text, line };
  }

  private apply(p: FactPattern, text: string, where: Where): void {
    const m = p.regex.exec(text);
    if (m === null) return;
    for (const [name, value] of p.read(m.groups ?? {})) this.add(name, value, p.source, text, where);
  }

  private add(name: FactName, value: string, source: string, evidence: string, where: Where): void {
    let list = this.values.get(name);
    if (list === undefined) this.values.set(name, (list = []));
    // One entry per value, stage and source: the first line that proves it is enough.
    if (list.some((v) => v.value === value && v.stage === where.stage && (v.target ?? null) === where.target && v.source === source)) return;
    if (list.length >= maxValuesPerFact) return;
    list.push({ value, source, evidence: bounded(evidence), line: where.line, stage: where.stage, target: where.target, step: where.step });
  }

  /**
   * The facts, with those the base images' tags say and where the build ran. `declared`: the
   * Dockerfile's base images, used when the log shows none (an excerpt of a failing step).
   */
  finish(model: BuildModel, declared: readonly DeclaredBase[] = []): BuildFacts {
    for (const base of [...(this.values.get('baseImage') ?? [])]) {
      for (const [name, value] of imageFacts(base.value)) {
        this.add(name, value, 'image-tag', base.evidence, { line: base.line, stage: base.stage, target: base.target ?? null, step: base.step });
      }
    }
    if (!this.values.has('baseImage')) {
      for (const base of declared) {
        // Line 0: the proof is a Dockerfile line, not a line of the log.
        const where: Where = { line: 0, stage: base.stage, target: null, step: null };
        this.add('baseImage', base.image, 'dockerfile', base.evidence, where);
        for (const [name, value] of imageFacts(base.image)) this.add(name, value, 'dockerfile', base.evidence, where);
      }
    }
    const firstStep = model.steps.find((s) => !s.internal) ?? model.steps[0];
    if (buildFormats.has(model.format) && firstStep !== undefined) {
      this.add('place', 'image-build', 'log-format', firstStep.instruction, { line: firstStep.firstLine, stage: firstStep.stage, target: firstStep.target, step: firstStep.id });
    } else if (this.runFailed !== null) {
      const { text, line } = this.runFailed;
      this.add('place', 'image-build', 'buildkit-error', text, { line, stage: null, target: null, step: null });
    } else if (this.stamped !== null && this.stamped.count >= 2) {
      // A piece of BuildKit's error box pasted without its header (`138.5 Killed` on several lines): a RUN's output.
      const { text, line } = this.stamped;
      this.add('place', 'image-build', 'buildkit-seconds', text, { line, stage: null, target: null, step: null });
    }
    const runner = this.values.get('runner');
    if (runner?.some((v) => v.value !== 'github-actions')) {
      // A line that names the runner's kind says all that build-push-action's line says, and more.
      this.values.set('runner', runner.filter((v) => v.value !== 'github-actions'));
    }
    const facts: Partial<Record<FactName, FactValue[]>> = {};
    for (const [name, list] of this.values) facts[name] = list;
    return facts;
  }
}
