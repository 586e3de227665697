// What the action says about the pull-request comment, as data (src/main.ts logs it): one line
// for what was done, and for a failure the level and the words that say what actually happened.
// A 403 is a read-only token (a fork's pull request); a 404 is no such pull request or no access
// to it (a wrong number, a token of another repository): different causes, different fixes.
import { GitHubApiError, isRateLimited } from './retry.js';
import type { StickyResult } from './sticky-comment.js';

export function commentOutcome(result: StickyResult, pullRequest: number): string {
  const what = { created: 'comment created', updated: 'comment updated', unchanged: 'comment unchanged', 'not-created': 'nothing found: no comment' }[result.action];
  const id = result.commentId ? ` (id ${result.commentId})` : '';
  const adopted = result.adopted ? '; the create had failed but GitHub had stored it, so it was kept, not posted again' : '';
  const deleted = result.deleted?.length ? `; deleted ${result.deleted.length} duplicate${result.deleted.length === 1 ? '' : 's'} of it (id ${result.deleted.join(', ')})` : '';
  return `pull request #${pullRequest}: ${what}${id}${adopted}${deleted}`;
}

export interface CommentFailure {
  level: 'notice' | 'warning';
  text: string;
}

export function commentFailure(error: unknown, pullRequest: number): CommentFailure {
  const e = error instanceof GitHubApiError ? error : null;
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  const rest = 'The annotations and the job summary have the report';
  if (e?.status === 403 && !isRateLimited(e)) {
    return {
      level: 'notice',
      text:
        `buildkit-doctor: cannot comment on pull request #${pullRequest} (HTTP 403: ${message}): the token is read-only, as it is for pull requests from forks. ` +
        `${rest}; the README shows how to comment on fork pull requests with a workflow_run workflow.`,
    };
  }
  if (e?.status === 404) {
    return {
      level: 'notice',
      text:
        `buildkit-doctor: cannot comment on pull request #${pullRequest} (HTTP 404: ${message}): no such pull request, or the token has no access to it ` +
        `(a token of another repository, or without the pull-requests or issues permission). ${rest}.`,
    };
  }
  if (e?.status !== undefined && e.status !== null && e.status < 300) {
    // A 200 with a body that is not the API's JSON: a proxy or a login page answered.
    return { level: 'warning', text: `buildkit-doctor: could not write the pull request comment: ${message}. A proxy or a misconfigured GITHUB_API_URL may have answered instead of GitHub; if the comment was created, the next run finds and edits it.` };
  }
  return { level: 'warning', text: `buildkit-doctor: could not write the pull request comment: ${e ? `HTTP ${e.status ?? 'no response'}: ` : ''}${message}` };
}
