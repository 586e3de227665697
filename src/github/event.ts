// Which pull request a run belongs to, from the event that started it. `pull_request` and
// `pull_request_target` carry one; `push`, `workflow_dispatch`, `schedule`, … do not, and then the
// action writes no comment (and says nothing alarming about it).
import { promises as fs } from 'node:fs';

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
  /** The head branch lives in another repository: the workflow token is read-only on `pull_request`. */
  fromFork: boolean;
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The PR of an event payload, null when the event has none. Never throws on a malformed payload. */
export function pullRequestOf(eventName: string | undefined, payload: unknown, repository: string | undefined): PullRequestRef | null {
  if (!eventName || !PR_EVENTS.has(eventName)) return null;
  const p = payload as { pull_request?: { number?: unknown; head?: { repo?: { full_name?: unknown } | null }; base?: { repo?: { full_name?: unknown } } }; repository?: { owner?: { login?: unknown }; name?: unknown } } | null;
  const pr = p?.pull_request;
  const number = pr?.number;
  if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0) return null;
  let owner = text(p?.repository?.owner?.login);
  let repo = text(p?.repository?.name);
  if ((!owner || !repo) && repository) [owner, repo] = [repository.split('/')[0] ?? null, repository.split('/')[1] ?? null];
  if (!owner || !repo) return null;
  const head = text(pr?.head?.repo?.full_name);
  const base = text(pr?.base?.repo?.full_name) ?? `${owner}/${repo}`;
  return { owner, repo, number, fromFork: head !== null && head !== base };
}

/** Reads GITHUB_EVENT_PATH; a missing or unreadable file is "no event". */
export async function readEventPayload(path: string | undefined): Promise<unknown> {
  if (!path) return null;
  try {
    return JSON.parse(await fs.readFile(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/**
 * A `workflow_run` that followed a pull request's workflow (the fork recipe: the first workflow
 * builds with a read-only token and uploads the log, this one comments). Its payload names the
 * head branch and commit; `workflow_run.pull_requests` is empty when the head is in a fork, so
 * the PR is looked up by its head (`owner:branch`) and commit.
 */
export interface PullRequestLookup {
  owner: string;
  repo: string;
  /** `fork-owner:branch`, as the pulls API's `head` filter takes it. */
  head: string;
  sha: string | null;
  /** The PR number when the payload has it (a head in the same repository). */
  number: number | null;
}

export function workflowRunLookup(eventName: string | undefined, payload: unknown, repository: string | undefined): PullRequestLookup | null {
  if (eventName !== 'workflow_run') return null;
  const run = (payload as { workflow_run?: { event?: unknown; head_branch?: unknown; head_sha?: unknown; head_repository?: { owner?: { login?: unknown } }; pull_requests?: { number?: unknown }[] } } | null)?.workflow_run;
  if (!run || (run.event !== 'pull_request' && run.event !== 'pull_request_target')) return null;
  const [owner, repo] = (repository ?? '').split('/');
  const branch = text(run.head_branch);
  const headOwner = text(run.head_repository?.owner?.login);
  if (!owner || !repo || !branch || !headOwner) return null;
  const first = Array.isArray(run.pull_requests) ? run.pull_requests[0]?.number : undefined;
  return { owner, repo, head: `${headOwner}:${branch}`, sha: text(run.head_sha), number: typeof first === 'number' && Number.isInteger(first) && first > 0 ? first : null };
}
