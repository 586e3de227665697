// The blocks BuildKit's client prints when a build ends, after the progress:
//
//   ------                                         the error box: one per failed vertex, with
//    > [builder 5/6] RUN nvcc …:                   the vertex's name and its last lines, as
//   0.215 nvcc fatal   : Unsupported gpu …         `#5 0.215 …` (older) or `0.215 …` (newer)
//   ------
//    2 warnings found (use docker --debug to expand):        the lint summary (BuildKit ≥ 0.15)
//    - JSONArgsRecommended: JSON arguments … (line 12)
//   Dockerfile:60                                  the source excerpt: the file and the first
//   --------------------                           line of the failing instruction, the lines
//     59 |     WORKDIR /src                        around it, `>>>` on the instruction's own
//     60 | >>> RUN nvcc … \                        lines
//     61 | >>>     -gencode arch=compute_35,code=sm_35
//   --------------------
//   ERROR: failed to solve: process "/bin/sh -c …" did not complete successfully: exit code: 1
//
// The box and the excerpt open on a line that could be anything (`------`, `name:12`), so the
// opening line is held until the next one confirms it, and handed back as plain text otherwise.
// The solve error goes out with the final line, or at the end of the log when that was cut off.
import type { LogLine } from '../lines/types.js';
import type { SolveError } from './events.js';
import type { ParseContext } from './context.js';
import { exitCodeOf, parseErrorLineOf, parseFinalError } from './final-error.js';
import { readTimestamp } from './buildkit-plain.js';
import { isClipNotice, parseLintWarning } from './lint-and-clip.js';
import { parseVertexName } from './vertex-name.js';

const BOX_RULE = '------';
const EXCERPT_RULE = '--------------------';
/** Excerpt lines kept (a `RUN` of a few hundred continued lines is already extreme). */
const MAX_EXCERPT_LINES = 200;
const MAX_EXCERPT_CHARS = 1000;

/**
 * `[4/6] RUN …:`, `[builder 3/7] COPY …:`: a box header without its leading ` > `, padding allowed after the colon. The
 * instructions are the ones a box names; podman's `[1/2] STEP 3/5: RUN …` starts with `STEP`, never one of them.
 */
const BARE_BOX_HEADER = /^\[(?<vertex>[^\]\n]{3,200})\] (?:RUN|COPY|ADD|FROM|WORKDIR) /;
/** The end of the bracket: the step's number and the stage's count (`[builder 3/7]`, `[ 8/14]`). */
const STEP_COUNT = /(?:^| )\d{1,5}\/\d{1,5}$/;

function isBareBoxHeader(text: string): boolean {
  if (!text.trimEnd().endsWith(':')) return false;
  const vertex = BARE_BOX_HEADER.exec(text)?.groups?.vertex;
  return vertex !== undefined && STEP_COUNT.test(vertex);
}

type State = 'idle' | 'box-opening' | 'box' | 'excerpt-opening' | 'excerpt' | 'warnings';

/** `Dockerfile:60`, `docker/cuda.Dockerfile:3`: a name and a line number, nothing else. */
function readSourceRef(text: string): { file: string; line: number } | null {
  const lastChar = text.charCodeAt(text.length - 1);
  if (lastChar < 48 || lastChar > 57 || text.length > 512 || text.includes(' ')) return null;
  const colon = text.lastIndexOf(':');
  if (colon <= 0 || colon === text.length - 1 || text.length - colon > 10) return null;
  for (let i = colon + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return { file: text.slice(0, colon), line: Number(text.slice(colon + 1)) };
}

/** `  60 | >>> RUN …` → 60, true, `RUN …`; `  59 |     WORKDIR` → 59, false; null otherwise. */
function readExcerptLine(text: string): { line: number; marked: boolean; source: string } | null {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  const digitsStart = i;
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (i === digitsStart || i - digitsStart > 9 || !text.startsWith(' |', i)) return null;
  const line = Number(text.slice(digitsStart, i));
  const body = text.slice(i + 2);
  if (body.startsWith(' >>> ') || body === ' >>>') return { line, marked: true, source: body.slice(5) };
  return { line, marked: false, source: body.startsWith('     ') ? body.slice(5) : body.trimStart() };
}

function isWarningsHeader(text: string): boolean {
  const t = text.trimStart();
  const c = t.charCodeAt(0);
  return c >= 48 && c <= 57 && t.endsWith(' found (use docker --debug to expand):') && t.includes(' warning');
}

export class ClosingBlockGrammar {
  private state: State = 'idle';
  private held: LogLine | null = null;
  private boxStep: number | null = null;
  private boxEcho = false;
  /** The first failed vertex named by a box: the step the build died of. */
  private failedStep: number | null = null;
  /** The box of `failedStep` is a cache import's, which the build survives: a later box is the step it died of. */
  private failedIsCacheImport = false;
  /** Every vertex named by a box before the error, to match against the Dockerfile excerpt. */
  private boxSteps: number[] = [];
  private source: { file: string; line: number; endLine: number | null; excerpt: string[] } | null = null;
  private pending = false;
  /**
   * A box or an excerpt just closed: the next line of text is the build's error even without a
   * `failed to solve` prefix (docker 20.10 prints `failed to compute cache key: …` bare).
   */
  private awaitingFinal = false;

  constructor(
    private readonly ctx: ParseContext,
    /** Where a held line goes when it turns out not to open a block. */
    private readonly fallback: (line: LogLine) => void,
  ) {}

  /** Inside a block every line comes here first. */
  get active(): boolean {
    return this.state !== 'idle';
  }

  push(line: LogLine): boolean {
    switch (this.state) {
      case 'idle':
        return this.idle(line);
      case 'box-opening':
        return this.boxOpening(line);
      case 'box':
        return this.inBox(line);
      case 'excerpt-opening':
        return this.excerptOpening(line);
      case 'excerpt':
        return this.inExcerpt(line);
      case 'warnings':
        return this.inWarnings(line);
    }
  }

  end(): void {
    this.release();
    this.state = 'idle';
    if (this.pending) this.emitSolveError(this.ctx.lastLine, '');
  }

  private idle(line: LogLine): boolean {
    const text = line.text;
    const awaitingFinal = this.awaitingFinal;
    this.awaitingFinal = false;
    if (text === BOX_RULE) return this.hold(line, 'box-opening');
    const first = text.charCodeAt(0);
    // The box's header copied from a terminal without its ` > ` (`[4/6] RUN bash -c "pip install …":`, the selection
    // started at the bracket): a step's bracket, a Dockerfile instruction, the colon that ends a box header.
    if (first === 91 /* [ */ && isBareBoxHeader(text)) return this.boxOpening({ ...line, text: ' > ' + text.trimEnd() });
    // Final lines start with a letter; the warnings header with a space or a digit.
    if (first === 32 || (first >= 48 && first <= 57)) {
      // ` > [backend 10/10] RUN pip3 install …:` with no `------` above it: a box pasted from its
      // header on. Nothing else in a log starts that way outside a box.
      // A terminal copy keeps the padding after the colon (` > [ 8/14] RUN python3 -m ensurepip:      `).
      if (text.startsWith(' > [') && text.trimEnd().endsWith(':') && text.includes('] ')) return this.boxOpening(line);
      if (isWarningsHeader(text)) {
        this.state = 'warnings';
        this.ctx.seeFormat('buildkit-plain');
        return true;
      }
      return false;
    }
    const message = parseFinalError(text);
    if (message !== null) {
      this.ctx.seeFormat('buildkit-plain');
      this.emitSolveError(line.line, message, text);
      return true;
    }
    if (readSourceRef(text) !== null) return this.hold(line, 'excerpt-opening');
    // buildx prints its own warnings between the box and the error (`WARNING: No output specified with docker-container
    // driver. …`, kubeflow/trainer#2053): a warning is not the build's error, which still follows.
    if (awaitingFinal && this.pending && text.startsWith('WARNING: ')) {
      this.awaitingFinal = true;
      return false;
    }
    if (awaitingFinal && this.pending && ((first >= 97 && first <= 122) || (first >= 65 && first <= 90))) {
      this.emitSolveError(line.line, text, text);
      return true;
    }
    return false;
  }

  private hold(line: LogLine, state: State): boolean {
    this.held = line;
    this.state = state;
    return true;
  }

  /** The held line was not a block's start after all: it is plain text. */
  private release(): void {
    const held = this.held;
    this.held = null;
    if (held !== null) this.fallback(held);
  }

  private reject(line: LogLine): boolean {
    this.state = 'idle';
    this.release();
    return this.idle(line);
  }

  private boxOpening(line: LogLine): boolean {
    const text = line.text.trimEnd();
    if (!text.startsWith(' > ') || !text.endsWith(':')) return this.reject(line);
    this.held = null;
    this.state = 'box';
    this.ctx.seeFormat('buildkit-plain');
    const name = text.slice(3, -1);
    let id = this.ctx.findByName(name);
    if (id === undefined) {
      // The log lost the step's header but kept its output and its `#N ERROR:`: the box names that step.
      // A name without `[stage k/n]` is BuildKit's own vertex (a push, a cache export), not a Dockerfile instruction.
      const echoed = this.ctx.failedUnnamedStep(parseVertexName(0, name).instruction, !name.startsWith('['));
      if (echoed !== undefined) {
        this.ctx.nameStep(line.line, parseVertexName(echoed, name), name);
        id = echoed;
      }
    }
    if (id === undefined) {
      // Only the box was pasted: the step is known from it alone.
      id = this.ctx.startUnnumberedStep(line.line, (fresh) => parseVertexName(fresh, name), 'buildkit-plain', name);
    }
    const known = id === undefined ? undefined : this.ctx.step(id);
    if (id !== undefined && known !== undefined && known.name !== name && name.startsWith(known.name)) {
      // The tty display cut the name to its width; the box prints it whole.
      this.ctx.nameStep(line.line, parseVertexName(id, name), name);
    }
    this.boxStep = id ?? null;
    this.boxEcho = id !== undefined && (this.ctx.step(id)?.streamed ?? false);
    // BuildKit runs each `--cache-from` import as a vertex of its own (`importing cache manifest from <ref>`) and survives its
    // failure: the error is logged at debug level and the build goes on without that cache (moby/buildkit
    // solver/llbsolver/bridge.go, loadResult: `error while importing cache manifest from cmId=…`, then the lazy cache
    // manager answers no cache). Its box is printed with the others, before the step that failed (overhangio/tutor#1118:
    // the import's box, then `exporting cache to registry`, whose 400 failed the build).
    const cacheImport = name.startsWith('importing cache manifest from ');
    if (this.failedStep === null || (this.failedIsCacheImport && !cacheImport && this.boxStep !== null)) {
      this.failedStep = this.boxStep;
      this.failedIsCacheImport = cacheImport;
    }
    if (id !== undefined) this.boxSteps.push(id);
    this.pending = true;
    this.ctx.current = null;
    return true;
  }

  private inBox(line: LogLine): boolean {
    const text = line.text;
    if (text === BOX_RULE) {
      this.state = 'idle';
      this.awaitingFinal = true;
      return true;
    }
    if (parseFinalError(text) !== null) {
      // A box that never closed (a log cut and pasted together): the final line still counts.
      this.state = 'idle';
      return this.idle(line);
    }
    if (this.boxStep === null) return true;
    let seconds: number | null = null;
    let body = text;
    // `#5 0.215 text` (older clients) or `0.215 text` (newer ones).
    let from = 0;
    if (text.charCodeAt(0) === 35) {
      const space = text.indexOf(' ');
      if (space > 1) from = space + 1;
    }
    const stamp = readTimestamp(text, from);
    if (stamp !== null) {
      seconds = stamp.seconds;
      body = text.slice(stamp.next);
    } else if (from > 0) {
      body = text.slice(from);
    }
    if (isClipNotice(body)) {
      this.ctx.emit({ type: 'log-clipped', line: line.line, id: this.boxStep, text: body });
      return true;
    }
    this.ctx.emit({
      type: 'step-output',
      line: line.line,
      id: this.boxStep,
      seconds,
      text: body,
      ...(this.boxEcho ? { echo: true } : {}),
    });
    return true;
  }

  private excerptOpening(line: LogLine): boolean {
    if (line.text !== EXCERPT_RULE || this.held === null) return this.reject(line);
    const ref = readSourceRef(this.held.text);
    this.held = null;
    this.state = 'excerpt';
    this.ctx.seeFormat('buildkit-plain');
    // Several excerpts may follow one another: the first names the failing instruction.
    if (ref !== null && this.source === null) this.source = { file: ref.file, line: ref.line, endLine: null, excerpt: [] };
    this.pending = true;
    return true;
  }

  private inExcerpt(line: LogLine): boolean {
    if (line.text === EXCERPT_RULE) {
      this.state = 'idle';
      this.awaitingFinal = true;
      return true;
    }
    const row = readExcerptLine(line.text);
    if (row === null) return this.reject(line);
    const source = this.source;
    if (row.marked && source !== null && source.excerpt.length < MAX_EXCERPT_LINES && (source.endLine === null || row.line > source.endLine)) {
      source.excerpt.push(row.source.length > MAX_EXCERPT_CHARS ? row.source.slice(0, MAX_EXCERPT_CHARS) : row.source);
      source.endLine = row.line;
    }
    return true;
  }

  private inWarnings(line: LogLine): boolean {
    if (!line.text.startsWith(' - ')) return this.reject(line);
    this.ctx.emit({ type: 'lint-warning', line: line.line, ...parseLintWarning(line.text.slice(3)) });
    return true;
  }

  /** `text`: the line the error was read from, none when the log ended before one. */
  private emitSolveError(line: number, message: string, text?: string): void {
    const source = this.source;
    const step = this.excerptStep() ?? this.failedStep ?? this.ctx.stepForFinalMessage(message);
    // Without an excerpt (BuildKit 0.8) a parse error still names its line in the message.
    const namedLine = source === null ? parseErrorLineOf(message) : null;
    const error: SolveError = {
      dockerfile: source?.file ?? null,
      line: source?.line ?? namedLine,
      endLine: source === null ? namedLine : (source.endLine ?? source.line),
      excerpt: source?.excerpt ?? [],
      message,
      exitCode: exitCodeOf(message),
      step,
    };
    this.ctx.emit(text === undefined ? { type: 'solve-error', line, error } : { type: 'solve-error', line, error, text });
    this.source = null;
    this.failedStep = null;
    this.failedIsCacheImport = false;
    this.boxSteps = [];
    this.pending = false;
  }

  /**
   * With several boxes (steps canceled beside the one that failed), the box whose instruction is the
   * Dockerfile excerpt's: BuildKit prints the excerpt of the failing instruction, not of the first box.
   */
  private excerptStep(): number | null {
    const excerpt = this.source?.excerpt ?? [];
    if (this.boxSteps.length < 2 || excerpt.length === 0) return null;
    const wanted = flatInstruction(excerpt.map((l) => l.replace(/\\\s*$/, '')).join(' '));
    const matching = this.boxSteps.filter((id) => {
      const name = this.ctx.step(id)?.name ?? '';
      return flatInstruction(name.replace(/^\[[^\]]*\]\s*/, '')) === wanted;
    });
    return matching.length === 1 ? matching[0]! : null;
  }
}

/** An instruction with its white space folded, to compare a box's name with an excerpt. */
function flatInstruction(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
