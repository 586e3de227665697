// One comment per pull request and comment key, edited in place on every run: find it by paging
// through the PR's comments (the marker as first line, written by the account our token writes
// as), then edit it, or create it, or leave it alone when it already says the same thing.
//
// - Ours means written by our token's own account: `GET /user` for a personal token, GraphQL
//   `viewer` for an app's installation token (`<app>[bot]`), and `github-actions[bot]` (the
//   workflow token's account) when neither answers. A marker comment by any other account, bot or
//   not, is left alone: GitHub would refuse our edit of it, and our report would never be posted.
// - A create that fails with a 5xx or a timeout may have been stored all the same: before trying
//   again, the comments are listed again and ours, if it is there now, is adopted.
// - Two of ours (a blind retry of an older version, two runs racing): the oldest is kept and
//   edited, the others are deleted, so that no stale copy stays in the thread.
import { digestIn, hasMarker } from './comment.js';
import { DEFAULT_RETRY, asApiError, isTransient, retryDelay, type RetryOptions } from './retry.js';

export interface IssueComment {
  id: number;
  body?: string | null;
  user?: { login: string; type?: string } | null;
}

/** The issue-comment endpoints of one pull request (a test double, or the real API). */
export interface IssueCommentsApi {
  /** One page of the PR's comments, oldest first. */
  list(page: number, perPage: number): Promise<IssueComment[]>;
  /** One attempt, never retried inside: a retry of a create is decided here, after listing again. */
  create(body: string): Promise<IssueComment>;
  update(commentId: number, body: string): Promise<IssueComment>;
  delete(commentId: number): Promise<void>;
  /** The login the token writes as, null when the API does not say. */
  viewer(): Promise<string | null>;
}

export type StickyAction = 'created' | 'updated' | 'unchanged' | 'not-created';

export interface StickyResult {
  action: StickyAction;
  commentId: number | null;
  /** Copies of ours deleted (a duplicate left by an earlier run). */
  deleted?: number[];
  /** A create that failed but had been stored: found by listing again and kept. */
  adopted?: boolean;
}

export interface StickyRequest {
  marker: string;
  body: string;
  digest: string;
  /** Create the comment when there is none (false: `on-findings` with nothing found). */
  create: boolean;
}

export interface StickyOptions {
  /** How a failed create is retried (after listing again). */
  retry?: RetryOptions;
  /** A duplicate that could not be deleted: said, never fatal. */
  onDeleteFailed?: (commentId: number, error: unknown) => void;
}

export const PER_PAGE = 100;
/** 100 pages of 100: a PR with more comments than that is not one we can page through in a CI step. */
export const MAX_PAGES = 100;

/** The workflow token's account: what `GITHUB_TOKEN` writes as. */
export const WORKFLOW_BOT = 'github-actions[bot]';

/** Comments with our marker, oldest first. */
async function markerComments(api: IssueCommentsApi, marker: string): Promise<IssueComment[]> {
  const found: IssueComment[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const comments = await api.list(page, PER_PAGE);
    for (const c of comments) if (hasMarker(c.body, marker)) found.push(c);
    if (comments.length < PER_PAGE) break;
  }
  return found;
}

class Sticky {
  private identity: string | undefined;

  constructor(
    private readonly api: IssueCommentsApi,
    private readonly request: StickyRequest,
    private readonly options: StickyOptions,
  ) {}

  /** The account our token writes as, asked once and only when a marker comment exists. */
  private async self(): Promise<string> {
    this.identity ??= (await this.api.viewer()) ?? WORKFLOW_BOT;
    return this.identity;
  }

  /** Our comments (marker and author), oldest first. */
  private async ours(): Promise<IssueComment[]> {
    const candidates = await markerComments(this.api, this.request.marker);
    if (candidates.length === 0) return [];
    const self = await this.self();
    return candidates.filter((c) => c.user?.login === self);
  }

  /** Keeps the oldest of ours, deletes the rest; returns the kept one and the deleted ids. */
  private async keepOne(ours: IssueComment[]): Promise<{ kept: IssueComment; deleted: number[] }> {
    const [kept, ...extra] = ours;
    const deleted: number[] = [];
    for (const c of extra) {
      try {
        await this.api.delete(c.id);
        deleted.push(c.id);
      } catch (error) {
        this.options.onDeleteFailed?.(c.id, error);
      }
    }
    return { kept: kept!, deleted };
  }

  private async bringUpToDate(existing: IssueComment, deleted: number[]): Promise<StickyResult> {
    const extra = deleted.length > 0 ? { deleted } : {};
    const { body, digest } = this.request;
    if (existing.body === body || (existing.body && digestIn(existing.body) === digest)) return { action: 'unchanged', commentId: existing.id, ...extra };
    const updated = await this.api.update(existing.id, body);
    return { action: 'updated', commentId: updated.id || existing.id, ...extra };
  }

  /** Creates the comment; a failure that passes is retried only when listing again does not find it. */
  private async create(): Promise<StickyResult> {
    const retry = this.options.retry ?? DEFAULT_RETRY;
    for (let attempt = 1; ; attempt++) {
      try {
        const created = await this.api.create(this.request.body);
        return { action: 'created', commentId: created.id };
      } catch (raw) {
        const error = asApiError(raw);
        if (!isTransient(error) || attempt >= retry.attempts) throw error;
        const delay = retryDelay(error, attempt, retry);
        if (delay > retry.maxDelayMs) throw error;
        retry.onRetry?.(error, attempt, delay);
        await retry.sleep(delay);
        // GitHub may have stored it before the failure reached us: adopt it rather than post twice.
        const ours = await this.ours();
        if (ours.length > 0) {
          const { kept, deleted } = await this.keepOne(ours);
          const result = await this.bringUpToDate(kept, deleted);
          return { ...result, action: 'created', adopted: true };
        }
      }
    }
  }

  async sync(): Promise<StickyResult> {
    const ours = await this.ours();
    if (ours.length > 0) {
      const { kept, deleted } = await this.keepOne(ours);
      return this.bringUpToDate(kept, deleted);
    }
    if (!this.request.create) return { action: 'not-created', commentId: null };
    return this.create();
  }
}

export async function syncStickyComment(api: IssueCommentsApi, request: StickyRequest, options: StickyOptions = {}): Promise<StickyResult> {
  return new Sticky(api, request, options).sync();
}
