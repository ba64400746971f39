import type { WebhookResponse } from './send-webhook';
import { parseRetryAfter, scheduledDelay, type RetryPolicy } from './retry-policy';

export type AttemptOutcome =
  | { kind: 'delivered' }
  | { kind: 'gone' }
  | { kind: 'exhausted' }
  /** `throttleMs`: the endpoint asked for a pause (Retry-After); hold all its deliveries. */
  | { kind: 'retry'; delayMs: number; throttleMs: number | null };

const OVERLOADED = new Set([429, 502, 503, 504]);

/**
 * Standard Webhooks status handling: 2xx succeeds, 410 disables, everything else retries. A
 * response that did not come whole is no answer, whatever its status line said.
 */
export const attemptOutcome = (
  response: WebhookResponse,
  attemptsMade: number,
  policy: RetryPolicy,
  now: Date,
  random: () => number,
): AttemptOutcome => {
  const status = response.answered ? response.statusCode : null;
  if (status !== null && status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 410) return { kind: 'gone' };
  const scheduled = scheduledDelay(policy, attemptsMade, random);
  if (scheduled === null) return { kind: 'exhausted' };
  if (status === null || !OVERLOADED.has(status)) {
    return { kind: 'retry', delayMs: scheduled, throttleMs: null };
  }
  const header: string | undefined = response.headers['retry-after'];
  const retryAfter = status === 429 || status === 503 ? parseRetryAfter(header, now) : null;
  if (retryAfter === null) {
    return { kind: 'retry', delayMs: scheduled * policy.overloadBackoff, throttleMs: null };
  }
  const bounded = Math.min(retryAfter, policy.maxRetryAfterMs);
  return { kind: 'retry', delayMs: Math.max(scheduled, bounded), throttleMs: bounded };
};
