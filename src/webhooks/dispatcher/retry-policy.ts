const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Delay before each attempt: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [
  0,
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  14 * HOUR,
  20 * HOUR,
  24 * HOUR,
];

export interface RetryPolicy {
  /** `delaysMs[n]` is the wait before attempt n + 1; its length is the number of attempts. */
  delaysMs: readonly number[];
  /** Relative jitter, e.g. 0.2 for ±20%. */
  jitter: number;
  /** Longest wait a `Retry-After` header can impose. */
  maxRetryAfterMs: number;
  /** Factor applied to the scheduled wait after a 429, 502, 503 or 504 without `Retry-After`. */
  overloadBackoff: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  delaysMs: DEFAULT_RETRY_DELAYS_MS,
  jitter: 0.2,
  maxRetryAfterMs: 6 * HOUR,
  overloadBackoff: 2,
};

/** The wait after `attemptsMade` failed attempts, with jitter; null when the schedule is spent. */
export const scheduledDelay = (
  policy: RetryPolicy,
  attemptsMade: number,
  random: () => number,
): number | null => {
  const base = policy.delaysMs[attemptsMade];
  if (base === undefined) return null;
  return Math.round(base * (1 + policy.jitter * (2 * random() - 1)));
};

/** `Retry-After` as milliseconds from now (delta-seconds or an HTTP date); null when absent or bad. */
export const parseRetryAfter = (value: string | undefined, now: Date): number | null => {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * SECOND;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
};
