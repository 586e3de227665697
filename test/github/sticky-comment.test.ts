import { describe, expect, it } from 'vitest';
import { commentMarker } from '../../src/github/comment.js';
import { PER_PAGE, syncStickyComment, type IssueComment, type IssueCommentsApi } from '../../src/github/sticky-comment.js';
import { GitHubApiError, type RetryOptions } from '../../src/github/retry.js';

const BOT = { login: 'github-actions[bot]', type: 'Bot' };
const marker = commentMarker('default');

class FakeComments implements IssueCommentsApi {
  calls: string[] = [];
  nextId = 1000;
  /** Fail this many creates with a 502; `stored`: GitHub kept the comment all the same. */
  failCreates = 0;
  stored = false;
  constructor(
    public comments: IssueComment[] = [],
    private readonly login: string | null = null,
  ) {}
  async list(page: number, perPage: number) {
    this.calls.push(`list ${page}`);
    return this.comments.slice((page - 1) * perPage, page * perPage);
  }
  async create(body: string) {
    this.calls.push('create');
    const c = { id: this.nextId++, body, user: BOT };
    if (this.failCreates > 0) {
      this.failCreates--;
      if (this.stored) this.comments.push(c);
      throw new GitHubApiError('Server Error', 502);
    }
    this.comments.push(c);
    return c;
  }
  async delete(id: number) {
    this.calls.push(`delete ${id}`);
    this.comments = this.comments.filter((c) => c.id !== id);
  }
  async update(id: number, body: string) {
    this.calls.push(`update ${id}`);
    const c = this.comments.find((x) => x.id === id);
    if (c) c.body = body;
    return { id, body, user: BOT };
  }
  async viewer() {
    this.calls.push('viewer');
    return this.login;
  }
}

const body = (digest: string) => `${marker}\n<!-- buildkit-doctor:digest=${digest} -->\n\ntext ${digest}\n`;
const request = (digest: string, create = true) => ({ marker, body: body(digest), digest, create });
const filler = (n: number): IssueComment[] => Array.from({ length: n }, (_, i) => ({ id: i + 1, body: `comment ${i}`, user: { login: 'alice', type: 'User' } }));

describe('syncStickyComment', () => {
  it('creates the comment the first time, edits the same one after', async () => {
    const api = new FakeComments(filler(3));
    expect(await syncStickyComment(api, request('aaaaaaaaaaaaaaaa'))).toEqual({ action: 'created', commentId: 1000 });
    expect(await syncStickyComment(api, request('bbbbbbbbbbbbbbbb'))).toEqual({ action: 'updated', commentId: 1000 });
    expect(api.comments.filter((c) => c.body?.startsWith(marker))).toHaveLength(1);
    expect(api.comments.at(-1)?.body).toContain('text bbbbbbbbbbbbbbbb');
  });

  it('does not re-send an unchanged comment', async () => {
    const api = new FakeComments([{ id: 7, body: body('aaaaaaaaaaaaaaaa').replace('text', 'older run link'), user: BOT }]);
    expect(await syncStickyComment(api, request('aaaaaaaaaaaaaaaa'))).toEqual({ action: 'unchanged', commentId: 7 });
    expect(api.calls).toEqual(['list 1', 'viewer']);
  });

  it('pages through every comment to find it', async () => {
    const api = new FakeComments([...filler(PER_PAGE * 2 + 5), { id: 9999, body: body('aaaaaaaaaaaaaaaa'), user: BOT }]);
    expect(await syncStickyComment(api, request('cccccccccccccccc'))).toEqual({ action: 'updated', commentId: 9999 });
    expect(api.calls).toEqual(['list 1', 'list 2', 'list 3', 'viewer', 'update 9999']);
  });

  it('ignores a marker someone else pasted', async () => {
    const api = new FakeComments([{ id: 5, body: body('aaaaaaaaaaaaaaaa'), user: { login: 'mallory', type: 'User' } }]);
    expect(await syncStickyComment(api, request('bbbbbbbbbbbbbbbb'))).toEqual({ action: 'created', commentId: 1000 });
    expect(api.calls).toEqual(['list 1', 'viewer', 'create']);
  });

  it('finds the comment of a personal token by its login', async () => {
    const api = new FakeComments([{ id: 5, body: body('aaaaaaaaaaaaaaaa'), user: { login: 'ci-user', type: 'User' } }], 'ci-user');
    expect(await syncStickyComment(api, request('bbbbbbbbbbbbbbbb'))).toEqual({ action: 'updated', commentId: 5 });
  });

  it('keeps one comment per key', async () => {
    const other = commentMarker('arm64');
    const api = new FakeComments([{ id: 5, body: `${other}\nx`, user: BOT }]);
    expect((await syncStickyComment(api, request('aaaaaaaaaaaaaaaa'))).action).toBe('created');
    expect(api.comments.find((c) => c.id === 5)?.body).toBe(`${other}\nx`);
  });

  it('on-findings with nothing found: no new comment, but an old one is replaced', async () => {
    const none = new FakeComments();
    expect(await syncStickyComment(none, request('aaaaaaaaaaaaaaaa', false))).toEqual({ action: 'not-created', commentId: null });
    expect(none.calls).toEqual(['list 1']);
    const old = new FakeComments([{ id: 8, body: body('ffffffffffffffff'), user: BOT }]);
    expect(await syncStickyComment(old, request('aaaaaaaaaaaaaaaa', false))).toEqual({ action: 'updated', commentId: 8 });
  });

  it('a create that failed after GitHub stored it: listed again and adopted, never posted twice', async () => {
    const api = new FakeComments(filler(2));
    api.failCreates = 1;
    api.stored = true;
    const result = await syncStickyComment(api, request('aaaaaaaaaaaaaaaa'), { retry: fastRetry });
    expect(result).toMatchObject({ action: 'created', commentId: 1000, adopted: true });
    expect(api.calls).toEqual(['list 1', 'create', 'list 1', 'viewer']);
    expect(api.comments.filter((c) => c.body?.startsWith(marker))).toHaveLength(1);
  });

  it('a create that failed and was not stored is tried again', async () => {
    const api = new FakeComments();
    api.failCreates = 1;
    expect(await syncStickyComment(api, request('aaaaaaaaaaaaaaaa'), { retry: fastRetry })).toEqual({ action: 'created', commentId: 1001 });
    expect(api.calls).toEqual(['list 1', 'create', 'list 1', 'create']);
  });

  it('two of ours: the oldest is kept and edited, the other deleted', async () => {
    const api = new FakeComments([
      { id: 5, body: body('aaaaaaaaaaaaaaaa'), user: BOT },
      ...filler(2),
      { id: 6, body: body('aaaaaaaaaaaaaaaa'), user: BOT },
    ]);
    expect(await syncStickyComment(api, request('bbbbbbbbbbbbbbbb'))).toEqual({ action: 'updated', commentId: 5, deleted: [6] });
    expect(api.comments.filter((c) => c.body?.startsWith(marker)).map((c) => c.id)).toEqual([5]);
  });

  it('a marker comment by another bot is not ours: GitHub would refuse the edit', async () => {
    const api = new FakeComments([{ id: 5, body: body('aaaaaaaaaaaaaaaa'), user: { login: 'other-app[bot]', type: 'Bot' } }]);
    expect(await syncStickyComment(api, request('bbbbbbbbbbbbbbbb'))).toEqual({ action: 'created', commentId: 1000 });
    expect(api.comments.find((c) => c.id === 5)?.body).toBe(body('aaaaaaaaaaaaaaaa'));
  });

  it("an app's installation token: its own bot's comment is ours, the workflow token's is not", async () => {
    const api = new FakeComments(
      [
        { id: 5, body: body('aaaaaaaaaaaaaaaa'), user: BOT },
        { id: 6, body: body('aaaaaaaaaaaaaaaa'), user: { login: 'my-app[bot]', type: 'Bot' } },
      ],
      'my-app[bot]',
    );
    expect(await syncStickyComment(api, request('bbbbbbbbbbbbbbbb'))).toEqual({ action: 'updated', commentId: 6 });
    expect(api.calls).not.toContain('delete 5');
  });
});

const fastRetry: RetryOptions = { attempts: 4, baseDelayMs: 1, maxDelayMs: 1000, sleep: async () => {} };
