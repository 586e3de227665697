// The action's inputs (action.yml) → a typed configuration. Pure: `get` is core.getInput in the
// action and a table in tests. A value outside the allowed ones is an InputError naming the input.
import { InputError } from '../core/errors.js';
import { FAIL_ON, type FailOn } from '../report/severity.js';
import { parseDockerfileSpec } from '../core/dockerfile-set.js';
import { parseBuildRef, type BuildRefInput } from './build-ref.js';

export const COMMENT_MODES = ['always', 'on-findings', 'never'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];
export const IF_NO_LOG = ['error', 'warn', 'ignore'] as const;
export type IfNoLog = (typeof IF_NO_LOG)[number];

export interface ActionInputs {
  /** Paths or globs, one per line. */
  logFiles: string[];
  /** A command to run and analyse, null when not given. */
  run: string | null;
  /** The plain PATH line of `dockerfile`, null when none. */
  dockerfile: string | null;
  /** The `TARGET=PATH` lines of `dockerfile`: bake / compose targets' own Dockerfiles. */
  targetDockerfiles: ReadonlyMap<string, string>;
  rules: string | null;
  failOn: FailOn;
  annotations: boolean;
  summary: boolean;
  comment: CommentMode;
  commentKey: string;
  ifNoLog: IfNoLog;
  githubToken: string;
  /**
   * `build-ref`: read BuildKit's build records instead of a log file. Null when not set; then
   * `auto` applies only when neither `log-file` nor `run` is given.
   */
  buildRef: BuildRefInput | null;
}

/** Reads one input, trimmed; '' when not set. */
export type InputGetter = (name: string) => string;

function oneOf<T extends string>(get: InputGetter, name: string, allowed: readonly T[], fallback: T): T {
  const value = get(name).trim();
  if (value === '') return fallback;
  const match = allowed.find((a) => a === value.toLowerCase());
  if (match) return match;
  throw new InputError(`input ${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** YAML 1.2 core schema booleans, as core.getBooleanInput reads them. */
function flag(get: InputGetter, name: string, fallback: boolean): boolean {
  const value = get(name).trim();
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(`input ${name} must be true or false (got "${value}")`);
}

function optional(get: InputGetter, name: string): string | null {
  const value = get(name).trim();
  return value === '' ? null : value;
}

/** The non-empty lines of a multi-line input, trimmed. */
function lines(get: InputGetter, name: string): string[] {
  return get(name)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function parseInputs(get: InputGetter): ActionInputs {
  const dockerfiles = parseDockerfileSpec(lines(get, 'dockerfile'), 'input dockerfile');
  return {
    logFiles: lines(get, 'log-file'),
    run: optional(get, 'run'),
    dockerfile: dockerfiles.path,
    targetDockerfiles: dockerfiles.targets,
    rules: optional(get, 'rules'),
    failOn: oneOf(get, 'fail-on', FAIL_ON, 'error'),
    annotations: flag(get, 'annotations', true),
    summary: flag(get, 'summary', true),
    comment: oneOf(get, 'comment', COMMENT_MODES, 'on-findings'),
    commentKey: optional(get, 'comment-key') ?? 'default',
    ifNoLog: oneOf(get, 'if-no-log', IF_NO_LOG, 'warn'),
    githubToken: get('github-token').trim(),
    buildRef: parseBuildRef(get('build-ref')),
  };
}
