// The issue-comment endpoints through @actions/github's octokit, which talks to GITHUB_API_URL
// (GitHub Enterprise Server included) through the runner's proxy settings. Every call has a timeout
// (a hung API must not hang the job), is retried when the failure passes, and fails as a
// GitHubApiError whatever went wrong.
import { getOctokit } from '@actions/github';
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

function asComment(data: unknown): IssueComment {
  const d = data as { id?: unknown; body?: unknown; user?: { login?: unknown; type?: unknown } | null };
  return {
    id: typeof d?.id === 'number' ? d.id : 0,
    body: typeof d?.body === 'string' ? d.body : null,
    user: d?.user && typeof d.user.login === 'string' ? { login: d.user.login, type: typeof d.user.type === 'string' ? d.user.type : undefined } : null,
  };
}

export function octokitComments(options: OctokitCommentsOptions): IssueCommentsApi {
  // No retries of octokit's own: ours know about secondary rate limits and are bounded.
  const octokit = getOctokit(options.token);
  const { owner, repo, number: issue_number } = options.pullRequest;
  const retry = options.retry ?? DEFAULT_RETRY;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const call = async <T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> =>
    withRetry(async () => {
      try {
        return await run(AbortSignal.timeout(timeoutMs));
      } catch (error) {
        throw toApiError(error);
      }
    }, retry);

  return {
    async list(page, perPage) {
      const response = await call((signal) =>
        octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number, page, per_page: perPage, request: { signal } }),
      );
      return Array.isArray(response.data) ? response.data.map(asComment) : [];
    },
    async create(body) {
      const response = await call((signal) =>
        octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number, body, request: { signal } }),
      );
      return asComment(response.data);
    },
    async update(commentId, body) {
      const response = await call((signal) =>
        octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner, repo, comment_id: commentId, body, request: { signal } }),
      );
      return asComment(response.data);
    },
    async viewer() {
      try {
        const response = await call((signal) => octokit.request('GET /user', { request: { signal } }));
        const login = (response.data as { login?: unknown }).login;
        return typeof login === 'string' ? login : null;
      } catch {
        // The workflow token and app tokens cannot read /user (403): the comment is a bot's then.
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
  const octokit = getOctokit(token);
  const response = await withRetry(async () => {
    try {
      return await octokit.request('GET /repos/{owner}/{repo}/pulls', { owner: lookup.owner, repo: lookup.repo, head: lookup.head, state: 'open', per_page: 100, request: { signal: AbortSignal.timeout(DEFAULT_TIMEOUT_MS) } });
    } catch (error) {
      throw toApiError(error);
    }
  }, retry);
  const pulls = (Array.isArray(response.data) ? response.data : []) as { number?: unknown; head?: { sha?: unknown } }[];
  const match = pulls.find((p) => lookup.sha !== null && p.head?.sha === lookup.sha) ?? pulls[0];
  return typeof match?.number === 'number' ? { owner: lookup.owner, repo: lookup.repo, number: match.number, fromFork: true } : null;
}
