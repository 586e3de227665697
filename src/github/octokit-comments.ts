// The issue-comment endpoints through @actions/github's octokit, which talks to GITHUB_API_URL
// (GitHub Enterprise Server included) through the runner's proxy settings. Every call has a timeout
// (a hung API must not hang the job), is retried when the failure passes, and fails as a
// GitHubApiError whatever went wrong.
import type { getOctokit } from '@actions/github';
import type { PullRequestLookup, PullRequestRef } from './event.js';
import { DEFAULT_RETRY, GitHubApiError, withRetry, type RetryOptions } from './retry.js';
import type { IssueComment, IssueCommentsApi } from './sticky-comment.js';

export interface OctokitCommentsOptions {
  token: string;
  pullRequest: PullRequestRef;
  retry?: RetryOptions;
  /** Per request. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

type Octokit = ReturnType<typeof getOctokit>;

/**
 * Octokit, loaded at the first request: @actions/github and the HTTP stack under it are the larger
 * part of the action's code, and a run that comments nothing never needs them.
 */
function lazyOctokit(token: string): () => Promise<Octokit> {
  let client: Promise<Octokit> | null = null;
  return () => (client ??= import('@actions/github').then(({ getOctokit }) => getOctokit(token)));
}

function lowerCaseHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers && typeof headers === 'object') {
    for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
      if (value !== undefined && value !== null) out[name.toLowerCase()] = String(value);
    }
  }
  return out;
}

/** Octokit's RequestError (or anything thrown) → GitHubApiError. */
export function toApiError(error: unknown): GitHubApiError {
  if (error instanceof GitHubApiError) return error;
  const e = error as { status?: unknown; message?: unknown; response?: { headers?: unknown } };
  const status = typeof e?.status === 'number' && e.status >= 400 ? e.status : null;
  const message = typeof e?.message === 'string' ? e.message.split('\n')[0] ?? '' : String(error);
  // Octokit reports a request that got no response (refused, reset, timed out) as status 500 with
  // no response: that is a network failure, not the server's answer.
  const noResponse = e?.response === undefined;
  return new GitHubApiError(message, noResponse && status === 500 ? null : status, lowerCaseHeaders(e?.response?.headers));
}

/**
 * A response that is not what the endpoint returns (a proxy's login page, an HTML error with status
 * 200): said as what happened, never taken for a comment or for an empty list.
 */
function unexpectedBody(what: string, response: { status: number; data: unknown; headers?: unknown }): GitHubApiError {
  const type = lowerCaseHeaders(response.headers)['content-type'] ?? 'no content-type';
  const sample = typeof response.data === 'string' ? `: ${JSON.stringify(response.data.slice(0, 80))}` : '';
  return new GitHubApiError(`the GitHub API answered HTTP ${response.status} to ${what} with a body that is not ${what === 'list comments' ? 'a JSON list' : 'a JSON comment'} (${type})${sample}`, response.status);
}

function asComment(response: { status: number; data: unknown; headers?: unknown }, what: string): IssueComment {
  const d = response.data as { id?: unknown; body?: unknown; user?: { login?: unknown; type?: unknown } | null } | null;
  if (d === null || typeof d !== 'object' || typeof d.id !== 'number') throw unexpectedBody(what, response);
  return {
    id: d.id,
    body: typeof d.body === 'string' ? d.body : null,
    user: d.user && typeof d.user.login === 'string' ? { login: d.user.login, type: typeof d.user.type === 'string' ? d.user.type : undefined } : null,
  };
}

export function octokitComments(options: OctokitCommentsOptions): IssueCommentsApi {
  // No retries of octokit's own: ours know about secondary rate limits and are bounded.
  const client = lazyOctokit(options.token);
  const { owner, repo, number: issue_number } = options.pullRequest;
  const retry = options.retry ?? DEFAULT_RETRY;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const once = async <T>(run: (octokit: Octokit, signal: AbortSignal) => Promise<T>): Promise<T> => {
    try {
      return await run(await client(), AbortSignal.timeout(timeoutMs));
    } catch (error) {
      throw toApiError(error);
    }
  };
  const call = async <T>(run: (octokit: Octokit, signal: AbortSignal) => Promise<T>): Promise<T> => withRetry(() => once(run), retry);

  return {
    async list(page, perPage) {
      const response = await call((octokit, signal) =>
        octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number, page, per_page: perPage, request: { signal } }),
      );
      const data: unknown = response.data;
      if (!Array.isArray(data)) throw unexpectedBody('list comments', response);
      return data.map((item: unknown) => asComment({ ...response, data: item }, 'list comments'));
    },
    async create(body) {
      // One attempt: sticky-comment.ts lists again before retrying, so a stored comment is not posted twice.
      const response = await once((octokit, signal) =>
        octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number, body, request: { signal } }),
      );
      return asComment(response, 'create comment');
    },
    async update(commentId, body) {
      const response = await call((octokit, signal) =>
        octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner, repo, comment_id: commentId, body, request: { signal } }),
      );
      return asComment(response, 'update comment');
    },
    async delete(commentId) {
      await call((octokit, signal) => octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner, repo, comment_id: commentId, request: { signal } }));
    },
    async viewer() {
      // A personal token: GET /user. An installation token (an app's, the workflow token) cannot
      // read /user (403) but GraphQL `viewer` answers with its `<app>[bot]` login.
      try {
        const response = await call((octokit, signal) => octokit.request('GET /user', { request: { signal } }));
        const login = (response.data as { login?: unknown } | null)?.login;
        if (typeof login === 'string') return login;
      } catch {
        // fall through to GraphQL
      }
      try {
        const data = await once((octokit, signal) => octokit.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }', { request: { signal } }));
        const login = data?.viewer?.login;
        return typeof login === 'string' ? login : null;
      } catch {
        return null;
      }
    },
  };
}

/**
 * The open pull request of a `workflow_run`'s head (`owner:branch`), preferring the one at the
 * run's commit; null when there is none.
 */
export async function findPullRequest(token: string, lookup: PullRequestLookup, retry: RetryOptions = DEFAULT_RETRY): Promise<PullRequestRef | null> {
  if (lookup.number !== null) return { owner: lookup.owner, repo: lookup.repo, number: lookup.number, fromFork: false };
  const client = lazyOctokit(token);
  const response = await withRetry(async () => {
    try {
      const octokit = await client();
      return await octokit.request('GET /repos/{owner}/{repo}/pulls', { owner: lookup.owner, repo: lookup.repo, head: lookup.head, state: 'open', per_page: 100, request: { signal: AbortSignal.timeout(DEFAULT_TIMEOUT_MS) } });
    } catch (error) {
      throw toApiError(error);
    }
  }, retry);
  const pulls = (Array.isArray(response.data) ? response.data : []) as { number?: unknown; head?: { sha?: unknown } }[];
  const match = pulls.find((p) => lookup.sha !== null && p.head?.sha === lookup.sha) ?? pulls[0];
  return typeof match?.number === 'number' ? { owner: lookup.owner, repo: lookup.repo, number: match.number, fromFork: true } : null;
}
