// One comment per pull request and comment key, edited in place on every run: find it by paging
// through the PR's comments (the marker as first line, written by the same account as ours), then
// edit it, or create it, or leave it alone when it already says the same thing.
import { digestIn, hasMarker } from './comment.js';

export interface IssueComment {
  id: number;
  body?: string | null;
  user?: { login: string; type?: string } | null;
}

/** The issue-comment endpoints of one pull request (a test double, or the real API). */
export interface IssueCommentsApi {
  /** One page of the PR's comments, oldest first. */
  list(page: number, perPage: number): Promise<IssueComment[]>;
  create(body: string): Promise<IssueComment>;
  update(commentId: number, body: string): Promise<IssueComment>;
  /** The login the token acts as, null when the token cannot tell (the workflow token cannot). */
  viewer(): Promise<string | null>;
}

export type StickyAction = 'created' | 'updated' | 'unchanged' | 'not-created';

export interface StickyResult {
  action: StickyAction;
  commentId: number | null;
}

export interface StickyRequest {
  marker: string;
  body: string;
  digest: string;
  /** Create the comment when there is none (false: `on-findings` with nothing found). */
  create: boolean;
}

export const PER_PAGE = 100;
/** 100 pages of 100: a PR with more comments than that is not one we can page through in a CI step. */
export const MAX_PAGES = 100;

/** The workflow token's account; installation tokens act as `<app>[bot]`. */
const WORKFLOW_BOT = 'github-actions[bot]';

async function findOurs(api: IssueCommentsApi, marker: string): Promise<IssueComment | null> {
  const candidates: IssueComment[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const comments = await api.list(page, PER_PAGE);
    for (const c of comments) if (hasMarker(c.body, marker)) candidates.push(c);
    if (comments.length < PER_PAGE) break;
  }
  if (candidates.length === 0) return null;
  // A bot account wrote it: the workflow token or an app's. Anyone else may have pasted the marker;
  // it is ours only when the token acts as that user (a personal token), which we ask once.
  const byBot = candidates.find((c) => c.user?.type === 'Bot' || c.user?.login === WORKFLOW_BOT);
  if (byBot) return byBot;
  const viewer = await api.viewer();
  return viewer === null ? null : (candidates.find((c) => c.user?.login === viewer) ?? null);
}

export async function syncStickyComment(api: IssueCommentsApi, request: StickyRequest): Promise<StickyResult> {
  const existing = await findOurs(api, request.marker);
  if (existing) {
    if (existing.body === request.body || (existing.body && digestIn(existing.body) === request.digest)) {
      return { action: 'unchanged', commentId: existing.id };
    }
    const updated = await api.update(existing.id, request.body);
    return { action: 'updated', commentId: updated.id ?? existing.id };
  }
  if (!request.create) return { action: 'not-created', commentId: null };
  const created = await api.create(request.body);
  return { action: 'created', commentId: created.id };
}
