// `docker buildx build --progress=rawjson`: one JSON object per line, BuildKit's SolveStatus as Go's
// encoding/json writes it (moby/buildkit client/graph.go):
//   {"vertexes":[{"digest","inputs","name","started","completed","cached","error","progressGroup"}],
//    "statuses":[{"id","vertex","name","total","current","timestamp","started","completed"}],
//    "logs":[{"vertex","stream","data","timestamp"}],          data: base64 bytes; stream 1 stdout, 2 stderr
//    "warnings":[{"vertex","level","short","detail","url","sourceInfo","range"}]}   short/detail: base64
// Every field is omitted when empty, times are RFC 3339 with nanoseconds.
//
// Turned into the same events as plain progress, following what BuildKit's own plain printer does
// with the same records (util/progress/progressui), so that a build's rawjson log and its plain log
// give the same findings:
// - vertex digests become `#N` numbers in the order they start (see printOrder);
// - a vertex is announced when it starts (never-started vertexes are never printed), and ends as
//   DONE (seconds to one decimal), CACHED, CANCELED (an error ending in "context canceled") or ERROR;
// - log bytes are split into lines, a partial line waiting for the rest of it (per vertex, bounded);
//   a line's seconds are counted from the vertex's start, rounded as the printer does;
// - finished sub-statuses (`transferring context: 2.05kB`) become output lines of their vertex;
// - warnings become lint-warning events (`JSONArgsRecommended: … (line 12)`).
// The exact wall-clock start and end of every step go on the events (`startedAt`, `endedAt`).
//
// Text decoded from base64 never went through the redactor with the raw line, so those events are
// marked `decoded`: the analyzer redacts them before any other stage sees them.
// The closing `ERROR: failed to solve: …` and the Dockerfile excerpt are plain lines on stderr after
// the JSON: they are not ours (push returns false) and the plain grammar reads them.
import { StringDecoder } from 'node:string_decoder';
import type { BuildEvent, StepHeader } from './events.js';
import type { LogLine } from '../lines/types.js';
import { lastRedraw, stripAnsi } from '../lines/clean-line.js';
import { parseVertexName, withKnownTarget } from './vertex-name.js';

/**
 * True when a line is a whole one-line rawjson record (cheap check, for format detection). An
 * indented record starts with a bare `{` line: the grammar tells those apart itself, so the parser
 * offers it every line starting with `{`, and every line once rawjson was seen.
 */
export function looksLikeRawJson(text: string): boolean {
  return text.startsWith('{"') && (text.includes('"vertexes"') || text.includes('"statuses"') || text.includes('"logs"') || text.includes('"warnings"'));
}

/** A partial line longer than this is emitted as a line of its own rather than held longer. */
const MAX_PARTIAL = 64 * 1024;
/** An indented record longer than this (characters or lines) is skipped, not held. */
const MAX_RECORD = 16 * 1024 * 1024;
const MAX_RECORD_LINES = 200_000;
/** The second line of an indented record names one of SolveStatus's four lists. */
const INDENTED_FIRST_KEY = /^ {2}"(?:vertexes|statuses|logs|warnings)": \[$/;
/** Distinct vertexes tracked; a hostile log with more is not allowed to grow memory without end. */
const MAX_VERTEXES = 100_000;

interface VertexState {
  id: number;
  name: string;
  /** Epoch ms of the most recent start, null until started. */
  started: number | null;
  announced: boolean;
  /** The end last reported (start, end, cached, error), so that an unchanged one is not repeated. */
  ended: string | null;
  decoder: StringDecoder;
  /** The unfinished last line of the vertex's output, and when and on which stream it began. */
  partial: string;
  partialAt: number | null;
  partialStream: 'stdout' | 'stderr' | null;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function time(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

function records(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function decodeBase64(value: unknown): Buffer | null {
  if (typeof value !== 'string') return null;
  return Buffer.from(value, 'base64');
}

/** Seconds as BuildKit's plain printer writes a log line's time: 3 decimals under 10 s, 2 under 100, then 1. */
export function printedSeconds(ms: number): number {
  const seconds = Math.max(0, ms) / 1000;
  const decimals = seconds < 10 ? 3 : seconds < 100 ? 2 : 1;
  return Number(seconds.toFixed(decimals));
}

/** `%.1f` of a duration, as in `#12 DONE 1.2s`. */
function durationSeconds(from: number | null, to: number | null): number | null {
  if (from === null || to === null) return null;
  return Number((Math.max(0, to - from) / 1000).toFixed(1));
}

/** BuildKit's byte counts as its printer writes them (tonistiigi/units, binary multiples). */
export function formatBytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value}B` : `${value.toFixed(2)}${units[unit]}`;
}

/**
 * Output text as the line stage leaves a framed plain-progress line: ANSI sequences gone, a line
 * redrawn with carriage returns keeps its last state (CI prefixes cannot come before BuildKit's frame).
 */
function cleanOutput(text: string): string {
  return stripAnsi(lastRedraw(text));
}

/**
 * The order the plain printer shows the vertexes of one update in, which is the order it numbers
 * them in: those that completed first (by completion time), then the others as listed. (Among
 * several running ones the printer's choice depends on timing, so ids of parallel steps can differ
 * from a plain log of the same build; their stage and instruction do not.)
 */
function printOrder(vertexes: Json[]): Json[] {
  const done = vertexes.filter((v) => time(v.completed) !== null);
  if (done.length === 0 || done.length === vertexes.length) return vertexes;
  done.sort((a, b) => (time(a.completed) ?? 0) - (time(b.completed) ?? 0));
  return [...done, ...vertexes.filter((v) => time(v.completed) === null)];
}

/**
 * One update can list a vertex twice (it ran, then was found in the cache); the printer shows the
 * state after the whole update, so only the last entry of each vertex counts, in the place of its first.
 */
function lastOfEach(vertexes: Json[]): Json[] {
  // Map.set on a known key keeps the key's place and takes the new value.
  const latest = new Map<unknown, Json>();
  for (const v of vertexes) latest.set(isObject(v.progressGroup) ? v : v.digest, v);
  return latest.size === vertexes.length ? vertexes : [...latest.values()];
}

const LINE_SUFFIX = / \(line (\d+)\)$/;

export class RawJsonGrammar {
  private readonly byDigest = new Map<string, VertexState>();
  private readonly order: VertexState[] = [];
  private nextId = 1;
  private announcedFormat = false;
  private lastLine = 0;
  /** Lines of an indented record being read, from its `{` on; null between records. */
  private pending: string[] | null = null;
  private pendingChars = 0;
  private pendingLine = 0;
  private pendingTruncated = false;
  /** Inside an over-long indented record: lines are ours until its closing `}`. */
  private skipping = false;

  /** bake / compose targets seen in vertex names (bounded), see withKnownTarget. */
  private readonly targets = new Set<string>();

  constructor(
    private readonly emit: (event: BuildEvent) => void,
    /** Where a lone `{` goes when the next line shows it was not a record's start. */
    private readonly fallback: (line: LogLine) => void = () => {},
  ) {}

  /** A record was read: the log is rawjson, and every line is offered here first. */
  get engaged(): boolean {
    return this.announcedFormat;
  }

  /** A lone `{` is held until the next line tells whether a record starts. */
  get holding(): boolean {
    return this.pending !== null || this.skipping;
  }

  /**
   * Consumes one line; returns false when the line is not rawjson (the caller parses it otherwise).
   * Offer it every line: buildx 0.13 indents each record over many lines (`{`, `  "vertexes": [`,
   * …, `}`), later versions write one record a line.
   */
  push(line: LogLine): boolean {
    const text = line.text;
    if (this.skipping) {
      if (text === '}') this.skipping = false;
      return true;
    }
    if (this.pending !== null) return this.continueRecord(line);
    if (text === '{') {
      // Perhaps the first line of an indented record: the next line tells.
      this.pending = [text];
      this.pendingChars = 1;
      this.pendingLine = line.line;
      return true;
    }
    if (!looksLikeRawJson(text)) return false;
    return this.parse(text, line, line.truncated === true);
  }

  private continueRecord(line: LogLine): boolean {
    const pending = this.pending!;
    if (pending.length === 1 && !INDENTED_FIRST_KEY.test(line.text)) {
      // A lone `{` that was not a record after all (a tool printing JSON): it goes back, then
      // this line, which is not ours either.
      this.pending = null;
      this.fallback({ text: '{', line: this.pendingLine });
      return false;
    }
    pending.push(line.text);
    this.pendingChars += line.text.length + 1;
    if (line.truncated) this.pendingTruncated = true;
    if (line.text === '}') {
      this.pending = null;
      this.parse(pending.join('\n'), { text: '', line: this.pendingLine }, this.pendingTruncated);
      this.pendingTruncated = false;
      return true;
    }
    if (this.pendingChars > MAX_RECORD || pending.length > MAX_RECORD_LINES) {
      // A record this long is not one BuildKit writes; keep memory flat, skip to its end.
      this.pending = null;
      this.skipping = true;
      this.emit({ type: 'log-clipped', line: line.line, id: null, text: 'a rawjson record longer than the record limit was skipped' });
    }
    return true;
  }

  /** Parses one whole record; false when it is not a JSON object after all. */
  private parse(json: string, at: LogLine, truncated: boolean): boolean {
    let record: unknown;
    try {
      record = JSON.parse(json);
    } catch {
      if (!truncated) return false;
      // A record longer than the line cap: its end is gone and it cannot be read. Say so.
      this.emit({ type: 'log-clipped', line: at.line, id: null, text: 'a rawjson record longer than the line limit was skipped' });
      return true;
    }
    if (!isObject(record)) return false;
    this.lastLine = at.line;
    if (!this.announcedFormat) {
      this.announcedFormat = true;
      this.emit({ type: 'format', format: 'buildkit-rawjson' });
    }
    for (const vertex of printOrder(lastOfEach(records(record.vertexes)))) this.vertex(vertex, at.line);
    for (const status of records(record.statuses)) this.status(status, at.line);
    for (const log of records(record.logs)) this.log(log, at.line);
    for (const warning of records(record.warnings)) this.warning(warning, at.line);
    return true;
  }

  /** End of input: what is left of partial lines is output too (the printer ends them with a newline). */
  end(): void {
    for (const v of this.order) this.flushPartial(v, this.lastLine);
  }

  private state(digest: string, name: string): VertexState | undefined {
    let v = this.byDigest.get(digest);
    if (!v) {
      if (this.byDigest.size >= MAX_VERTEXES) return undefined;
      v = {
        id: 0, // numbered when it starts, as the printer numbers what it prints
        name,
        started: null,
        announced: false,
        ended: null,
        decoder: new StringDecoder('utf8'),
        partial: '',
        partialAt: null,
        partialStream: null,
      };
      this.byDigest.set(digest, v);
      this.order.push(v);
    }
    return v;
  }

  private header(v: VertexState): StepHeader {
    const header = parseVertexName(v.id, v.name);
    // bake / compose targets seen so far tell `[worker 1/4]` (a target) from `[builder 1/4]` (a stage)
    if (header.target !== null && this.targets.size < 256) this.targets.add(header.target);
    return withKnownTarget(header, this.targets);
  }

  private vertex(record: Json, line: number): void {
    // Vertexes in a progress group are shown as the group (one `#N` for all of them).
    const group = isObject(record.progressGroup) ? record.progressGroup : null;
    const digest = str(group?.id) ?? str(record.digest);
    if (digest === null) return;
    const v = this.state(digest, str(group?.name) ?? str(record.name) ?? '');
    if (!v) return;
    const name = group ? str(group.name) : str(record.name);
    if (name && !v.announced) v.name = name;

    const started = time(record.started);
    const completed = time(record.completed);
    if (started === null) return; // queued: the printer shows a vertex only once it has started
    // A vertex started again (a resumed one) counts its new output from its new start.
    v.started = started;
    if (!v.announced) {
      v.announced = true;
      v.id = this.nextId++;
      this.emit({ type: 'step-started', line, header: this.header(v), startedAt: started });
    }
    if (completed === null) return;
    const error = str(record.error);
    const ended = `${started}|${completed}|${record.cached === true}|${error ?? ''}`;
    if (ended === v.ended) return;
    v.ended = ended;
    this.flushPartial(v, line);
    const seconds = durationSeconds(started, completed);
    if (error) {
      if (error.endsWith('context canceled')) this.emit({ type: 'step-canceled', line, id: v.id, seconds, endedAt: completed });
      else this.emit({ type: 'step-error', line, id: v.id, seconds, message: error, endedAt: completed });
    } else if (record.cached === true) {
      this.emit({ type: 'step-cached', line, id: v.id, endedAt: completed });
    } else {
      this.emit({ type: 'step-done', line, id: v.id, seconds, endedAt: completed });
    }
  }

  private status(record: Json, line: number): void {
    const digest = str(record.vertex);
    const id = str(record.id);
    const v = digest !== null ? this.byDigest.get(digest) : undefined;
    if (!v?.announced || id === null) return;
    const completed = time(record.completed);
    // Progress updates of an unfinished status are noise; its finished form is what stays in a log.
    if (completed === null) return;
    const current = typeof record.current === 'number' ? record.current : 0;
    const total = typeof record.total === 'number' ? record.total : 0;
    const bytes = total !== 0 ? ` ${formatBytes(current)} / ${formatBytes(total)}` : current !== 0 ? ` ${formatBytes(current)}` : '';
    const started = time(record.started);
    const took = started !== null && completed - started > 10 ? ` ${((completed - started) / 1000).toFixed(1)}s` : '';
    this.emit({ type: 'step-output', line, id: v.id, seconds: null, text: `${id}${bytes}${took} done` });
  }

  private log(record: Json, line: number): void {
    const digest = str(record.vertex);
    const v = digest !== null ? this.byDigest.get(digest) : undefined;
    const data = decodeBase64(record.data);
    if (!v?.announced || data === null || data.length === 0) return;
    const at = time(record.timestamp);
    const stream = record.stream === 2 ? 'stderr' : record.stream === 1 ? 'stdout' : null;
    const text = v.decoder.write(data);
    const pieces = text.split('\n');
    const rest = pieces.pop() ?? '';
    for (const piece of pieces) {
      if (v.partialAt === null) {
        v.partialAt = at;
        v.partialStream = stream;
      }
      this.output(v, line, v.partial + piece);
      v.partial = '';
      v.partialAt = null;
    }
    if (rest !== '') {
      if (v.partial === '') {
        v.partialAt = at;
        v.partialStream = stream;
      }
      v.partial += rest;
      if (v.partial.length > MAX_PARTIAL) this.flushPartial(v, line);
    }
  }

  private output(v: VertexState, line: number, text: string): void {
    const seconds = v.partialAt !== null && v.started !== null ? printedSeconds(v.partialAt - v.started) : null;
    this.emit({
      type: 'step-output',
      line,
      id: v.id,
      seconds,
      text: cleanOutput(text),
      stream: v.partialStream,
      decoded: true,
    });
  }

  private flushPartial(v: VertexState, line: number): void {
    const tail = v.partial + v.decoder.end();
    v.decoder = new StringDecoder('utf8');
    if (tail !== '') this.output(v, line, tail);
    v.partial = '';
    v.partialAt = null;
    v.partialStream = null;
  }

  private warning(record: Json, line: number): void {
    const short = decodeBase64(record.short)?.toString('utf8');
    if (!short) return;
    // `Rule: message (line N)`: the rule's name, the message, and the Dockerfile line.
    const colon = short.indexOf(': ');
    const rule = colon > 0 && !short.slice(0, colon).includes(' ') ? short.slice(0, colon) : '';
    let message = rule ? short.slice(colon + 2) : short;
    const suffix = LINE_SUFFIX.exec(message);
    if (suffix) message = message.slice(0, suffix.index);
    const ranges = records(record.range);
    const start = ranges[0] && isObject(ranges[0].start) ? ranges[0].start.line : undefined;
    const dockerfileLine = typeof start === 'number' && start > 0 ? start : suffix ? Number(suffix[1]) : null;
    this.emit({ type: 'lint-warning', line, rule, message, dockerfileLine, decoded: true });
  }
}
