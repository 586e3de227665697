// BuildKit's build records as input: what `docker buildx history` reads back of a build that
// already ran, so that a build step left unchanged (docker/build-push-action, a plain
// `docker buildx build`) can still be explained without a log file.
//
// Per record: `history inspect REF --format json` (the error message, the Dockerfile excerpt with
// `>>>`, the Dockerfile and context, status, duration, step and cache counts) and `history logs
// REF --progress plain` (the steps' output, as `--progress=plain` printed it). The plain log of a
// record stops before the closing error block (the `Dockerfile:N` excerpt and `ERROR: failed to
// solve: …`), so that block is put back from the inspect facts, as BuildKit prints it at the end of
// a failed build: the log then reads like the one the build printed, and finds the same lines.
//
// Which buildx does what (docker/buildx's own sources and release notes): `history` with `ls`,
// `logs --progress plain|rawjson|tty`, `inspect` came with 0.20.0; `inspect --format json` with
// 0.21.0 (docker/buildx#2964); `ls --filter` and `--local` with 0.23.0. BuildKit keeps records since
// 0.11 (Docker Engine 23); an older daemon answers "unknown method ListenBuildHistory".
//
// docker runs through execFile (no shell), each call bounded in time and in output; every failure
// is one InputError line that says which thing is missing and what to do.
import { createRequire } from 'node:module';
import { InputError } from './errors.js';

// Loaded on first use: most runs never need it, and Node compiles each built-in module it loads.
const nodeRequire = createRequire(import.meta.url);

/** What one `docker …` call gave. `failure`: it could not run, or ran over a bound. */
export interface ExecResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  failure?: 'not-found' | 'too-large' | 'timeout' | 'other';
  /** The system's message, when `failure` is 'other'. */
  message?: string;
}

export interface ExecLimits {
  maxBytes: number;
  timeoutMs: number;
}

/** Runs `docker ARGS…`; tests pass a fake one that answers with recorded outputs. */
export type DockerExec = (args: string[], limits: ExecLimits) => Promise<ExecResult>;

/** Small answers: version, ls, inspect (an inspect with every attachment is a few hundred KiB). */
const SMALL: ExecLimits = { maxBytes: 16 * 1024 * 1024, timeoutMs: 60_000 };
/** A record's log: held in memory once, so bounded; a larger one is better saved to a file. */
export const MAX_LOG_BYTES = 256 * 1024 * 1024;
const LOG: ExecLimits = { maxBytes: MAX_LOG_BYTES, timeoutMs: 300_000 };

/** The docker CLI by its name on PATH (or the path given), without a shell. */
export function execDocker(docker = 'docker', env: NodeJS.ProcessEnv = process.env): DockerExec {
  return (args, limits) =>
    new Promise((resolve) => {
      const { execFile } = nodeRequire('node:child_process') as typeof import('node:child_process');
      execFile(docker, args, { env, maxBuffer: limits.maxBytes, timeout: limits.timeoutMs, encoding: 'utf8', windowsHide: true }, (error, stdout, stderr) => {
        if (error === null) return resolve({ exitCode: 0, stdout, stderr });
        const e = error as NodeJS.ErrnoException & { code?: string | number; killed?: boolean; signal?: string };
        if (e.code === 'ENOENT') return resolve({ exitCode: null, stdout: '', stderr: '', failure: 'not-found' });
        if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return resolve({ exitCode: null, stdout, stderr, failure: 'too-large' });
        if (e.killed && e.signal === 'SIGTERM') return resolve({ exitCode: null, stdout, stderr, failure: 'timeout' });
        if (typeof e.code === 'number') return resolve({ exitCode: e.code, stdout, stderr });
        resolve({ exitCode: null, stdout, stderr, failure: 'other', message: e.message.split('\n')[0] });
      });
    });
}

export interface BuildxVersion {
  major: number;
  minor: number;
  patch: number;
  /** As buildx printed it (`0.29.1+ds1`, `v0.29.1`). */
  text: string;
}

/** `github.com/docker/buildx v0.29.1 abc123` (Docker's builds), `… 0.29.1+ds1 0.29.1+ds1-4` (Debian's). */
export function parseBuildxVersion(stdout: string): BuildxVersion | null {
  const m = /buildx\s+v?(\d+)\.(\d+)\.(\d+)(\S*)/.exec(stdout);
  if (m === null) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), text: `${m[1]}.${m[2]}.${m[3]}${m[4]}` };
}

function atLeast(v: BuildxVersion, minor: number): boolean {
  return v.major > 0 || v.minor >= minor;
}

/** One line of `history ls --format json`. */
export interface ListedRecord {
  /** The record's id: the last part of `builder/node/id`, what `logs` and `inspect` take. */
  id: string;
  name: string | null;
  status: string | null;
  createdAt: Date | null;
}

/** `history ls --format json`: one JSON object per line, newest first (running builds before them). */
export function parseHistoryList(stdout: string): ListedRecord[] {
  const records: ListedRecord[] = [];
  for (const line of stdout.split('\n')) {
    if (line.trim() === '') continue;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof row !== 'object' || row === null) continue;
    const r = row as Record<string, unknown>;
    if (typeof r.ref !== 'string' || r.ref === '') continue;
    const created = typeof r.created_at === 'string' ? new Date(r.created_at) : null;
    records.push({
      id: r.ref.slice(r.ref.lastIndexOf('/') + 1),
      name: typeof r.name === 'string' ? r.name : null,
      status: typeof r.status === 'string' ? r.status : null,
      createdAt: created !== null && !Number.isNaN(created.getTime()) ? created : null,
    });
  }
  return records;
}

/** What `history inspect --format json` says about a record. */
export interface RecordFacts {
  ref: string;
  name: string | null;
  /** `completed`, `failed`, `canceled`, `running`. */
  status: string | null;
  startedAt: string | null;
  seconds: number | null;
  /** As buildx names them: relative to where it ran, or to the repository's root. */
  context: string | null;
  dockerfile: string | null;
  steps: { completed: number; total: number; cached: number } | null;
  /** The failure: BuildKit's message and the Dockerfile excerpt (`Dockerfile:4`, `>>>` lines). */
  error: { message: string; excerpt: string[] } | null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The base64 excerpt of `Error.Sources`, as lines, without the blank lines that end it. */
function decodeExcerpt(sources: unknown): string[] {
  if (typeof sources !== 'string' || sources === '') return [];
  const lines = Buffer.from(sources, 'base64').toString('utf8').split('\n');
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines;
}

export function parseInspect(stdout: string, ref: string): RecordFacts {
  let doc: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(stdout);
    if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object');
    doc = parsed as Record<string, unknown>;
  } catch {
    throw new InputError(`docker buildx history inspect ${ref} printed no JSON: ${stdout.trim().split('\n')[0]?.slice(0, 200) ?? ''}`);
  }
  const error = typeof doc.Error === 'object' && doc.Error !== null ? (doc.Error as Record<string, unknown>) : null;
  const completed = num(doc.NumCompletedSteps);
  const total = num(doc.NumTotalSteps);
  const duration = num(doc.Duration);
  return {
    ref: str(doc.Ref) ?? ref,
    name: str(doc.Name),
    status: str(doc.Status),
    startedAt: str(doc.StartedAt),
    // Go's time.Duration: nanoseconds
    seconds: duration === null ? null : duration / 1e9,
    context: str(doc.Context),
    dockerfile: str(doc.Dockerfile),
    steps: completed === null || total === null ? null : { completed, total, cached: num(doc.NumCachedSteps) ?? 0 },
    error: error === null ? null : { message: str(error.Message) ?? '', excerpt: decodeExcerpt(error.Sources) },
  };
}

/**
 * The closing block BuildKit prints after a failed build and a record's log leaves out: the
 * Dockerfile excerpt, then `ERROR: failed to solve: <message>`. Empty for a build that passed.
 */
export function closingBlock(facts: RecordFacts): string {
  if (facts.error === null) return '';
  const lines = [...facts.error.excerpt];
  if (facts.error.message !== '') lines.push(`ERROR: failed to solve: ${facts.error.message.replace(/\r?\n/g, ' ')}`);
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/** One line about a record for people: what it built, how it ended, how long, steps and cache. */
export function describeRecord(facts: RecordFacts): string {
  const parts: string[] = [];
  if (facts.status !== null) parts.push(facts.status);
  if (facts.seconds !== null) parts.push(`${facts.seconds < 10 ? facts.seconds.toFixed(1) : Math.round(facts.seconds)}s`);
  if (facts.steps !== null) {
    const { completed, total, cached } = facts.steps;
    parts.push(`${completed}/${total} steps, ${total > 0 ? Math.round((cached / total) * 100) : 0}% cached`);
  }
  return `build record ${facts.ref}${facts.name !== null ? ` (${facts.name})` : ''}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

export interface RecordQuery {
  /** Record ids or `^N` offsets, as buildx takes them; none: the latest record, or those `since` selects. */
  refs: readonly string[];
  /** `--builder NAME`; null: the current builder. */
  builder: string | null;
  /** Every finished record created at most this long ago (milliseconds); null: no such selection. */
  sinceMs: number | null;
  /** Every finished record created at or after this time (the action: when its job started). */
  after?: Date | null;
  now?: Date;
}

export interface BuildRecord {
  facts: RecordFacts;
  /** The record's plain-progress log, followed by its closing error block. */
  log: string;
}

export interface RecordsRead {
  records: BuildRecord[];
  /** Lines to show the user that do not stop the analysis. */
  warnings: string[];
}

const SAVE_LOG_HINT = 'or analyse a log file (docker buildx build --progress=plain . 2>&1 | tee build.log)';

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? ''
  );
}

/** buildx's `ERROR: …` line, without the prefix. */
function buildxMessage(result: ExecResult): string {
  return firstLine(result.stderr || result.stdout).replace(/^ERROR:\s*/, '');
}

function builderLabel(query: RecordQuery): string {
  return query.builder === null ? 'the current builder' : `builder "${query.builder}"`;
}

/** A failed docker call → the one line that says which thing is missing and what to do. */
export function describeDockerFailure(result: ExecResult, what: string, query: RecordQuery): InputError {
  if (result.failure === 'not-found') {
    return new InputError(`no docker command on PATH: build records are read with "docker buildx history" (install Docker with buildx, ${SAVE_LOG_HINT})`);
  }
  if (result.failure === 'timeout') return new InputError(`${what} did not answer in time: is the Docker daemon up? (${SAVE_LOG_HINT})`);
  if (result.failure === 'too-large') {
    return new InputError(`${what} printed more than ${MAX_LOG_BYTES / 1024 / 1024} MiB: save the log (docker buildx history logs REF 2> build.log) and analyse the file`);
  }
  if (result.failure === 'other') return new InputError(`cannot run docker: ${result.message ?? 'unknown error'}`);
  const message = buildxMessage(result);
  if (/unknown command:? "?(docker )?buildx/.test(message) || /is not a docker command/.test(message)) {
    return new InputError(`docker has no buildx plugin ("docker buildx" is an unknown command): install buildx 0.21 or later (docker/setup-buildx-action does), ${SAVE_LOG_HINT}`);
  }
  if (/unknown method ListenBuildHistory/.test(message)) {
    return new InputError(
      `${builderLabel(query)} keeps no build records: its BuildKit is older than 0.11 (Docker Engine before 23). Use Docker 23 or later or a docker-container builder (docker/setup-buildx-action), ${SAVE_LOG_HINT}`,
    );
  }
  const gone = /^no record found for ref "([^"]*)"/.exec(message);
  if (gone) return new InputError(`build record "${gone[1]}" is gone from ${builderLabel(query)} (BuildKit prunes old records): "docker buildx history ls" lists the ones it keeps`);
  const offset = /^no completed build found with offset (\d+)/.exec(message);
  if (offset) return new InputError(`${builderLabel(query)} has no finished build that far back (${message}): "docker buildx history ls" lists the records it keeps`);
  if (/^no records found/.test(message)) return noRecords(query);
  const builder = /^no builder "([^"]*)" found/.exec(message);
  if (builder) return new InputError(`no builder "${builder[1]}": "docker buildx ls" lists the builders`);
  if (/Cannot connect to the Docker daemon/.test(message)) return new InputError(`${message} (build records are kept by the daemon that built)`);
  return new InputError(`${what} failed${result.exitCode !== null ? ` (exit ${result.exitCode})` : ''}: ${message || 'no message'}`);
}

function noRecords(query: RecordQuery): InputError {
  return new InputError(`${builderLabel(query)} has no build records yet: build with it first, name the builder that built with --builder, ${SAVE_LOG_HINT}`);
}

/** Output of a buildx that does not know the command or flag it was given (too old, or none). */
const UNKNOWN = /unknown (?:flag|shorthand flag|command)|is not a docker command/;

/**
 * Runs one docker call. A buildx that does not know the call (none at all, or one older than
 * `history`) is asked its version only then, so that the usual path costs no extra process: the
 * answer turns into the precise line (no buildx, buildx 0.13 …).
 */
async function run(exec: DockerExec, args: string[], limits: ExecLimits, query: RecordQuery): Promise<ExecResult> {
  const result = await exec(args, limits);
  if (result.failure === undefined && result.exitCode === 0) return result;
  if (result.failure === undefined && UNKNOWN.test(result.stderr + result.stdout)) await checkBuildx(exec, query);
  throw describeDockerFailure(result, `docker ${args.join(' ')}`, query);
}

/** The buildx that answers; an InputError when there is none or it has no `history`. */
async function checkBuildx(exec: DockerExec, query: RecordQuery): Promise<BuildxVersion | null> {
  const result = await exec(['buildx', 'version'], SMALL);
  if (result.failure !== undefined || result.exitCode !== 0) throw describeDockerFailure(result, 'docker buildx version', query);
  const version = parseBuildxVersion(result.stdout);
  if (version !== null && !atLeast(version, 20)) {
    throw new InputError(
      `buildx ${version.text} has no "history" command (it came with buildx 0.20; JSON from "history inspect" with 0.21): update buildx (docker/setup-buildx-action installs a current one), ${SAVE_LOG_HINT}`,
    );
  }
  return version;
}

/**
 * The refs to read: those given, then (with a time bound) the finished records the list selects.
 * Null stands for "the latest record": `inspect` with no ref names it, one process fewer than a list.
 */
async function selectRefs(exec: DockerExec, query: RecordQuery, builderArgs: string[]): Promise<(string | null)[]> {
  const bound = query.after ?? (query.sinceMs !== null ? new Date((query.now ?? new Date()).getTime() - query.sinceMs) : null);
  if (bound === null) return query.refs.length > 0 ? [...query.refs] : [null];
  const refs: (string | null)[] = [...query.refs];
  const listed = parseHistoryList((await run(exec, ['buildx', ...builderArgs, 'history', 'ls', '--format', 'json'], SMALL, query)).stdout);
  // a running build has no complete log yet
  const finished = listed.filter((r) => r.status === null || r.status.toLowerCase() !== 'running');
  if (finished.length === 0 && query.refs.length === 0) throw noRecords(query);
  const recent = finished.filter((r) => r.createdAt !== null && r.createdAt.getTime() >= bound.getTime());
  if (recent.length === 0 && query.refs.length === 0) {
    const latest = finished[0]!.createdAt;
    throw new InputError(
      `${builderLabel(query)} has no build record since ${bound.toISOString()}${latest !== null ? ` (its latest is from ${latest.toISOString()})` : ''}: widen --since, or name a record (docker buildx history ls lists them)`,
    );
  }
  // oldest first: the order the builds ran in
  for (const r of recent.reverse()) if (!refs.includes(r.id)) refs.push(r.id);
  return refs;
}

/** `inspect REF --format json`; null from buildx 0.20, which has `history` but no `--format` there. */
async function inspect(exec: DockerExec, ref: string | null, builderArgs: string[], query: RecordQuery): Promise<RecordFacts | null> {
  const args = ['buildx', ...builderArgs, 'history', 'inspect', ...(ref === null ? [] : [ref]), '--format', 'json'];
  const result = await exec(args, SMALL);
  if (result.failure === undefined && result.exitCode === 0) return parseInspect(result.stdout, ref ?? 'latest');
  if (result.failure === undefined && UNKNOWN.test(result.stderr + result.stdout)) {
    const version = await checkBuildx(exec, query);
    if (version !== null && !atLeast(version, 21)) return null;
  }
  throw describeDockerFailure(result, `docker ${args.join(' ')}`, query);
}

/** Reads the records a query selects: for each, its inspect facts and its log. */
export async function readBuildRecords(query: RecordQuery, exec: DockerExec = execDocker()): Promise<RecordsRead> {
  const warnings: string[] = [];
  const builderArgs = query.builder === null ? [] : ['--builder', query.builder];
  const records: BuildRecord[] = [];
  for (const ref of await selectRefs(exec, query, builderArgs)) {
    // inspect first: it names the record (`^N`, or none for the latest), so the log is of the same build
    const inspected = await inspect(exec, ref, builderArgs, query);
    const id = inspected?.ref ?? ref ?? '^0';
    if (inspected === null && warnings.length === 0) warnings.push('this buildx cannot print a record as JSON (0.21 can): the Dockerfile line comes from the log alone');
    if (inspected?.status === 'running') warnings.push(`build record ${id} is a build still running: its log is what it printed so far`);
    const facts: RecordFacts = inspected ?? { ref: id, name: null, status: null, startedAt: null, seconds: null, context: null, dockerfile: null, steps: null, error: null };
    // buildx writes the replayed progress to stderr, as a build does
    const logs = await run(exec, ['buildx', ...builderArgs, 'history', 'logs', id, '--progress', 'plain'], LOG, query);
    records.push({ facts, log: logs.stderr + logs.stdout + closingBlock(facts) });
  }
  return { records, warnings };
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `10m`, `1h30m`, `2d` → milliseconds; an InputError for anything else. */
export function parseDuration(text: string, option = '--since'): number {
  // Bounded numbers: the text is the user's, but no regex here scans without a bound.
  const parts = [...text.matchAll(/(\d{1,9}(?:\.\d{1,9})?)(ms|s|m|h|d)/g)];
  if (text === '' || parts.map((p) => p[0]).join('') !== text) {
    throw new InputError(`${option} takes a duration such as 30m, 2h or 1h30m (got "${text}")`);
  }
  return parts.reduce((total, p) => total + Number(p[1]) * UNITS[p[2]!]!, 0);
}
