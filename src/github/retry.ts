// Retrying GitHub API calls that failed for a reason that passes: a 5xx, a secondary rate limit
// (403 or 429 with `retry-after`, or `x-ratelimit-remaining: 0`), a dropped connection or a
// timeout. Delays honour `retry-after`, otherwise grow exponentially; the sleep is injectable so
// tests run in milliseconds. A wait longer than `maxDelayMs` is not worth a CI job's time: give up.

/** An API failure as the retry logic and the callers see it, whatever client made the request. */
export class GitHubApiError extends Error {
  override name = 'GitHubApiError';
  constructor(
    message: string,
    /** HTTP status, null when no response came (network error, timeout). */
    readonly status: number | null,
    /** Response headers, lower-case names. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Called before each retry (to log it). */
  onRetry?: (error: GitHubApiError, attempt: number, delayMs: number) => void;
  /** The clock, for `x-ratelimit-reset`. */
  now?: () => number;
}

export const DEFAULT_RETRY: RetryOptions = {
  attempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Whether the failure is a rate limit (primary or secondary) rather than a refusal. */
export function isRateLimited(error: GitHubApiError): boolean {
  if (error.status === 429) return true;
  if (error.status !== 403) return false;
  return error.headers['retry-after'] !== undefined || error.headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(error.message);
}

export function isTransient(error: GitHubApiError): boolean {
  return error.status === null || error.status >= 500 || isRateLimited(error);
}

/** How long to wait before attempt `attempt + 1` (attempt counts from 1). */
export function retryDelay(error: GitHubApiError, attempt: number, options: Pick<RetryOptions, 'baseDelayMs' | 'now'>): number {
  const retryAfter = error.headers['retry-after'];
  if (retryAfter !== undefined && /^\d+$/.test(retryAfter.trim())) return Number(retryAfter.trim()) * 1000;
  const reset = error.headers['x-ratelimit-reset'];
  if (error.headers['x-ratelimit-remaining'] === '0' && reset !== undefined && /^\d+$/.test(reset)) {
    return Math.max(0, Number(reset) * 1000 - (options.now ?? Date.now)());
  }
  // 1x, 2x, 4x the base; a secondary limit without a header: GitHub asks for at least a minute.
  if (isRateLimited(error)) return Math.max(60_000, options.baseDelayMs * 2 ** (attempt - 1));
  return options.baseDelayMs * 2 ** (attempt - 1);
}

export function asApiError(error: unknown): GitHubApiError {
  if (error instanceof GitHubApiError) return error;
  return new GitHubApiError(error instanceof Error ? error.message : String(error), null);
}

export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = DEFAULT_RETRY): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (raw) {
      const error = asApiError(raw);
      if (!isTransient(error) || attempt >= options.attempts) throw error;
      const delay = retryDelay(error, attempt, options);
      if (delay > options.maxDelayMs) throw error;
      options.onRetry?.(error, attempt, delay);
      await options.sleep(delay);
    }
  }
}
