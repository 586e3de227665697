import { describe, expect, it } from 'vitest';
import { GitHubApiError, isTransient, retryDelay, withRetry, type RetryOptions } from '../../src/github/retry.js';

function options(): RetryOptions & { slept: number[] } {
  const slept: number[] = [];
  return { attempts: 4, baseDelayMs: 10, maxDelayMs: 60_000, sleep: async (ms) => void slept.push(ms), slept };
}

function failing(errors: GitHubApiError[], value = 'ok') {
  let calls = 0;
  const call = async () => {
    const e = errors[calls++];
    if (e) throw e;
    return value;
  };
  return { call, calls: () => calls };
}

describe('withRetry', () => {
  it('retries a 502 with growing delays, then succeeds', async () => {
    const o = options();
    const f = failing([new GitHubApiError('Bad Gateway', 502), new GitHubApiError('Bad Gateway', 502)]);
    expect(await withRetry(f.call, o)).toBe('ok');
    expect(o.slept).toEqual([10, 20]);
  });

  it('gives up after the last attempt with the last error', async () => {
    const o = options();
    const f = failing(Array.from({ length: 9 }, () => new GitHubApiError('Service Unavailable', 503)));
    await expect(withRetry(f.call, o)).rejects.toMatchObject({ status: 503 });
    expect(f.calls()).toBe(4);
  });

  it('does not retry a refusal (403 without rate-limit signs, 404, 422)', async () => {
    for (const status of [403, 404, 422]) {
      const o = options();
      const f = failing([new GitHubApiError('Resource not accessible by integration', status)]);
      await expect(withRetry(f.call, o)).rejects.toMatchObject({ status });
      expect(f.calls()).toBe(1);
    }
  });

  it('waits as long as retry-after says on a secondary rate limit (403 or 429)', async () => {
    const o = options();
    const f = failing([
      new GitHubApiError('You have exceeded a secondary rate limit', 403, { 'retry-after': '3' }),
      new GitHubApiError('Too Many Requests', 429, { 'retry-after': '1' }),
    ]);
    expect(await withRetry(f.call, o)).toBe('ok');
    expect(o.slept).toEqual([3000, 1000]);
  });

  it('retries a request that got no response', async () => {
    const o = options();
    const f = failing([new GitHubApiError('fetch failed', null)]);
    expect(await withRetry(f.call, o)).toBe('ok');
  });

  it('gives up at once when the wait is longer than a CI step should sleep', async () => {
    const o = options();
    const f = failing([new GitHubApiError('rate limit', 403, { 'retry-after': '3600' })]);
    await expect(withRetry(f.call, o)).rejects.toMatchObject({ status: 403 });
    expect(o.slept).toEqual([]);
  });
});

describe('classification', () => {
  it.each([
    [500, {}, true],
    [502, {}, true],
    [429, {}, true],
    [403, { 'x-ratelimit-remaining': '0' }, true],
    [403, {}, false],
    [401, {}, false],
  ])('status %s %j → transient %s', (status, headers, expected) => {
    expect(isTransient(new GitHubApiError('x', status, headers))).toBe(expected);
  });

  it('waits until x-ratelimit-reset on a primary limit', () => {
    const e = new GitHubApiError('API rate limit exceeded', 403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1010' });
    expect(retryDelay(e, 1, { baseDelayMs: 10, now: () => 1_000_000 })).toBe(10_000);
  });
});
