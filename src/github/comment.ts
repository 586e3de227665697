// The sticky pull-request comment's body. Pure: src/github/sticky-comment.ts finds, creates or
// edits the comment; src/main.ts decides whether to.
//
// The body starts with a hidden marker naming the `comment-key` (two builds in one workflow keep
// two comments), then a digest of what the comment says: a later run that finds the same things
// leaves the comment alone instead of editing it (no notification, no "edited" churn). The link to
// the run is outside the digest, so a new run with the same findings is "unchanged".
import { createHash } from 'node:crypto';
import type { NamedAnalysis } from '../report/multi-log.js';
import { DEFAULT_LIMITS, type MarkdownLimits } from '../report/markdown.js';
import { plural } from '../report/markdown-words.js';
import { composeReport, type Composed } from './compose.js';
import { characters } from './fit.js';

/** GitHub rejects a comment body over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;

export const COMMENT_LIMITS: MarkdownLimits = { ...DEFAULT_LIMITS, tableRows: 20, evidenceLines: 10, evidenceLineLength: 300, textLength: 4000 };

/** Findings given a folded block in the comment; the job summary has all of them. */
export const COMMENT_DETAILS = 10;

const MARKER_PREFIX = '<!-- buildkit-doctor:comment key=';
const DIGEST_PREFIX = '<!-- buildkit-doctor:digest=';

/**
 * The comment key in a form that cannot end the HTML comment or carry markup: every character
 * outside [A-Za-z0-9_.] is percent-encoded (so `-->` and `--` cannot appear).
 */
export function encodeKey(key: string): string {
  const trimmed = key.trim() || 'default';
  return Array.from(new TextEncoder().encode(trimmed), (b) => {
    const c = String.fromCharCode(b);
    return /[A-Za-z0-9_.]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  })
    .join('')
    .slice(0, 200);
}

/** The first line of every comment this action writes for `key`. */
export function commentMarker(key: string): string {
  return `${MARKER_PREFIX}${encodeKey(key)} -->`;
}

/** True when `body` is this action's comment for the marker (the marker is its first line). */
export function hasMarker(body: string | null | undefined, marker: string): boolean {
  return typeof body === 'string' && (body === marker || body.startsWith(`${marker}\n`));
}

export function digestOf(content: string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}

/** The digest a comment body carries, null when it has none. */
export function digestIn(body: string): string | null {
  const start = body.indexOf(DIGEST_PREFIX);
  if (start < 0) return null;
  const value = body.slice(start + DIGEST_PREFIX.length, start + DIGEST_PREFIX.length + 16);
  return /^[0-9a-f]{16}$/.test(value) ? value : null;
}

export interface RunLink {
  /** `https://github.com/owner/repo/actions/runs/123/attempts/1`, null when unknown. */
  url: string | null;
}

export interface CommentBody {
  body: string;
  digest: string;
  /** Whether the runs found anything (for `comment: on-findings`). */
  hasFindings: boolean;
  composed: Composed;
}

/** A run link from the runner's environment (GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID…). */
export function runLinkFromEnv(env: NodeJS.ProcessEnv): RunLink {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const { GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: attempt } = env;
  if (!repo || !runId || !/^[\w.-]+\/[\w.-]+$/.test(repo) || !/^\d+$/.test(runId) || !/^https?:\/\/[^\s()<>]+$/.test(server)) return { url: null };
  return { url: `${server}/${repo}/actions/runs/${runId}${attempt && /^\d+$/.test(attempt) ? `/attempts/${attempt}` : ''}` };
}

export function renderComment(logs: readonly NamedAnalysis[], key: string, link: RunLink): CommentBody {
  const marker = commentMarker(key);
  const summary = link.url ? `[the job summary](${link.url})` : 'the job summary';
  // Room for the marker, digest and footer lines, counted generously.
  const frame = marker.length + 200 + (link.url?.length ?? 0) * 2;
  const composed = composeReport(logs, {
    surface: 'comment',
    limits: COMMENT_LIMITS,
    maxDetails: COMMENT_DETAILS,
    limit: COMMENT_LIMIT - frame,
    measure: characters,
    moreNote: (n, unit) => `+${plural(n, `more ${unit}`)}, see ${summary}.`,
  });
  const hasFindings = composed.findings > 0;
  const content = composed.text.trimEnd();
  const digest = digestOf(content);
  const footer = `<sub>buildkit-doctor${link.url ? ` · [run](${link.url})` : ''}</sub>`;
  const body = `${marker}\n${DIGEST_PREFIX}${digest} -->\n\n${content}\n\n${footer}\n`;
  return { body, digest, hasFindings, composed };
}
