import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import type { Clock } from '../../application/clock';
import type { DeliveryAttemptOutcome } from '../deliveries';
import { createWebhookSchema } from '../schema';
import { webhookHeaders } from '../signer';
import { signingSecretsOf, type SecretBox, type SubscriptionRow } from '../subscriptions';
import { attemptOutcome, type AttemptOutcome } from './attempt-outcome';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { sendWebhook, type SenderOptions, type WebhookResponse } from './send-webhook';
import { dispatcherStatements, type DueRow } from './dispatcher-statements';

export interface WebhookDispatcherOptions {
  db: Database;
  clock: Clock;
  secrets: SecretBox;
  sender: SenderOptions;
  /** Requests in flight at once (default 32). */
  concurrency?: number;
  /**
   * Requests in flight to one endpoint at once while dispatching (default 4): a slow or hanging
   * endpoint holds its own slots only.
   */
  perEndpoint?: number;
  /** Deliveries claimed per `dispatchDue` round (default 200). */
  batchSize?: number;
  /** Only a 2xx within this time succeeds (default 15 s). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** How long a claimed delivery stays claimed; a crash re-sends it after this (default timeout + 30 s). */
  leaseMs?: number;
  /** An endpoint without a success for this long is disabled (default 5 days). */
  disableAfterMs?: number;
  /** Random source for jitter (default Math.random). */
  random?: () => number;
  /** Waits between idle rounds (default real timers); tests inject a fast one. */
  sleep?: (ms: number) => Promise<void>;
  /** Idle wait between rounds when nothing is due (default 1 s). */
  pollIntervalMs?: number;
  /**
   * Attempts recorded per transaction (default 50). A crash loses at most this many records, and
   * those deliveries are sent again.
   */
  recordBatchSize?: number;
  /** Called after every recorded attempt (metrics, tests). */
  onAttempt?: (attempt: RecordedAttempt) => void;
}

export interface RecordedAttempt {
  deliveryId: number;
  webhookId: string;
  subscriptionId: string;
  response: WebhookResponse;
  outcome: AttemptOutcome;
}

interface Unrecorded {
  delivery: ClaimedDelivery;
  sentAt: number;
  response: WebhookResponse;
  outcome: AttemptOutcome;
}

interface ClaimedDelivery {
  id: number;
  webhook_id: string;
  payload: string;
  attempt_count: number;
  /**
   * The lease it was claimed with (its `next_attempt_at` and `in_flight_until` since): while
   * `next_attempt_at` still holds it, the delivery is as claimed; a resend or a new claim replaces
   * it. While `in_flight_until` holds it, the delivery is not claimed again, resent or not: the
   * attempt's record clears it (after a crash, the next dispatcher made does). Every claim gets a
   * later lease than the one before, also when the clock stands still (`CERTCYCLE_NOW`).
   */
  lease: number;
  subscription: SubscriptionRow;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const LEASE_MARGIN_MS = 30_000;
/**
 * While dispatching, free slots are claimed this many at a time (one claim transaction per this
 * many deliveries, not per delivery), or every FLUSH_EVERY_MS when fewer are free.
 */
const CLAIM_AT_LEAST = 8;
/** While requests are in flight, attempts are recorded at least this often. */
const FLUSH_EVERY_MS = 250;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** An attempt that made no request. */
const unsent = (error: string): WebhookResponse => ({
  statusCode: null,
  answered: false,
  sent: false,
  latencyMs: 0,
  responseBody: null,
  headers: {},
  error,
});

/** The error of an attempt whose answer a stopped (or killed) dispatcher never recorded. */
const UNANSWERED =
  'no answer recorded: the service stopped while this attempt was in flight, so the receiver ' +
  'may or may not have it';

const outcomeOf = (response: WebhookResponse): DeliveryAttemptOutcome => {
  if (response.answered) return 'answered';
  return response.sent ? 'no_answer' : 'not_sent';
};

const unreadableSecret = (error: unknown): string =>
  `not sent: the endpoint's signing secret does not open with this CERTCYCLE_WEBHOOK_SECRET_KEY ` +
  `(${(error as Error).message}); rotate the endpoint's secret`;

/**
 * Sends due deliveries. A claimed delivery is leased (its next attempt pushed past the request
 * timeout) so a crash mid-send only delays it: after the lease it is due again and re-sent with
 * the same `webhook-id` (at-least-once). A delivery is marked delivered only after a 2xx.
 */
export class WebhookDispatcher {
  private readonly db: Database;
  private readonly clock: Clock;
  private readonly secrets: SecretBox;
  private readonly sender: SenderOptions;
  private readonly concurrency: number;
  private readonly perEndpoint: number;
  private readonly batchSize: number;
  private readonly timeoutMs: number;
  private readonly policy: RetryPolicy;
  private readonly disableAfterMs: number;
  private readonly leaseMs: number;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly pollIntervalMs: number;
  private readonly onAttempt: ((attempt: RecordedAttempt) => void) | undefined;
  private readonly statements: ReturnType<typeof dispatcherStatements>;
  private readonly recordBatchSize: number;
  private readonly openedSecrets = new Map<string, string>();
  private unrecorded: Unrecorded[] = [];
  private running: Promise<void> | null = null;
  private stopping = false;
  /** Wakes a waiting dispatch loop (a delivery settled, or `stop`). */
  private wake: () => void = () => undefined;
  private lastFlush = performance.now();
  private lastLease = -Infinity;

  constructor(options: WebhookDispatcherOptions) {
    this.db = options.db;
    this.clock = options.clock;
    this.secrets = options.secrets;
    this.sender = options.sender;
    this.concurrency = options.concurrency ?? 32;
    this.perEndpoint = options.perEndpoint ?? 4;
    this.batchSize = options.batchSize ?? 200;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.disableAfterMs = options.disableAfterMs ?? 5 * DAY_MS;
    this.leaseMs = options.leaseMs ?? this.timeoutMs + LEASE_MARGIN_MS;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? realSleep;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.onAttempt = options.onAttempt;
    this.recordBatchSize = options.recordBatchSize ?? 50;
    createWebhookSchema(this.db);
    this.statements = dispatcherStatements(this.db);
    this.db
      .transaction(() => {
        this.statements.unansweredCancelled.run({ error: UNANSWERED });
        this.statements.countUnansweredCancelled.run();
        this.statements.releaseAll.run();
      })
      .immediate();
  }

  /** One round: claims what is due now and sends it; returns the number of attempts made. */
  async dispatchDue(): Promise<number> {
    const claimed = this.claim();
    let next = 0;
    const worker = async () => {
      for (let item = claimed[next++]; item; item = claimed[next++]) await this.deliver(item);
    };
    try {
      await Promise.all(Array.from({ length: Math.min(this.concurrency, claimed.length) }, worker));
    } finally {
      this.flush();
    }
    return claimed.length;
  }

  /**
   * Dispatches until `stop`: keeps up to `concurrency` requests in flight, at most `perEndpoint`
   * to one endpoint, and claims deliveries as they fall due, so a slow or hanging endpoint never
   * holds back the others. Attempts are recorded every `recordBatchSize`, and at the latest
   * FLUSH_EVERY_MS after they were made.
   */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.dispatchContinuously();
  }

  /** Settles when the dispatch loop ends: rejects with the error that stopped it. */
  get done(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.running;
    this.running = null;
  }

  private async dispatchContinuously(): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    const perEndpoint = new Map<string, number>();
    let failure: { error: unknown } | null = null;
    let lastClaim = -Infinity;
    const send = (delivery: ClaimedDelivery) => {
      const endpoint = delivery.subscription.id;
      perEndpoint.set(endpoint, (perEndpoint.get(endpoint) ?? 0) + 1);
      const sending: Promise<void> = this.deliver(delivery)
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => {
          inFlight.delete(sending);
          const left = (perEndpoint.get(endpoint) ?? 1) - 1;
          if (left > 0) perEndpoint.set(endpoint, left);
          else perEndpoint.delete(endpoint);
          this.wake();
        });
      inFlight.add(sending);
    };
    try {
      while (!this.stopping && failure === null) {
        const room = this.concurrency - inFlight.size;
        const now = performance.now();
        if (
          room > 0 &&
          (room >= CLAIM_AT_LEAST || inFlight.size === 0 || now - lastClaim >= FLUSH_EVERY_MS)
        ) {
          lastClaim = now;
          this.claim(room, perEndpoint).forEach(send);
        }
        if (inFlight.size === 0 || performance.now() - this.lastFlush >= FLUSH_EVERY_MS) {
          this.flush();
        }
        const woken = new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        await Promise.race([
          woken,
          this.sleep(inFlight.size > 0 ? FLUSH_EVERY_MS : this.pollIntervalMs),
        ]);
      }
    } finally {
      await Promise.allSettled(inFlight);
      this.flush();
    }
    if (failure !== null) throw (failure as { error: unknown }).error;
  }

  /**
   * Claims (leases) up to `limit` due deliveries, oldest first. Given the requests in flight to
   * each endpoint, it claims none to an endpoint beyond `perEndpoint` in flight.
   */
  private claim(
    limit = this.batchSize,
    inFlightTo?: ReadonlyMap<string, number>,
  ): ClaimedDelivery[] {
    const counts = new Map(inFlightTo);
    const busy = [...counts].filter(([, n]) => n >= this.perEndpoint).map(([id]) => id);
    const withinCap = (row: DueRow): boolean => {
      if (!inFlightTo) return true;
      const n = counts.get(row.subscription_id) ?? 0;
      if (n >= this.perEndpoint) return false;
      counts.set(row.subscription_id, n + 1);
      return true;
    };
    return this.db
      .transaction(() => {
        const now = this.clock.now().getTime();
        const candidates = this.statements.due.all({
          now,
          limit: inFlightTo ? Math.min(this.batchSize, limit * this.perEndpoint) : limit,
          busy: JSON.stringify(busy),
        });
        const rows = candidates.filter(withinCap).slice(0, limit);
        const leaseUntil = Math.max(now + this.leaseMs, this.lastLease + 1);
        if (rows.length > 0) this.lastLease = leaseUntil;
        for (const row of rows) {
          this.statements.lease.run({ lease: leaseUntil, since: now, id: row.id });
        }
        return rows.map(({ id, webhook_id, payload, attempt_count, ...subscription }) => ({
          id,
          webhook_id,
          payload,
          attempt_count,
          lease: leaseUntil,
          subscription: { ...subscription, id: subscription.subscription_id },
        }));
      })
      .immediate();
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const sentAt = this.clock.now();
    const response = await this.send(delivery, sentAt);
    const attemptsMade = delivery.attempt_count + 1;
    const outcome = attemptOutcome(
      response,
      attemptsMade,
      this.policy,
      this.clock.now(),
      this.random,
    );
    this.unrecorded.push({ delivery, sentAt: sentAt.getTime(), response, outcome });
    if (this.unrecorded.length >= this.recordBatchSize) this.flush();
  }

  /**
   * Signs and sends one delivery. An endpoint whose secret does not open (sealed with another
   * CERTCYCLE_WEBHOOK_SECRET_KEY) fails this attempt, with no request, like an unreachable one.
   */
  private send(delivery: ClaimedDelivery, sentAt: Date): Promise<WebhookResponse> {
    let secrets: string[];
    try {
      secrets = signingSecretsOf(
        delivery.subscription,
        { open: (sealed) => this.openSecret(sealed) },
        sentAt.getTime(),
      );
    } catch (error) {
      return Promise.resolve(unsent(unreadableSecret(error)));
    }
    return sendWebhook(
      {
        url: delivery.subscription.url,
        headers: { ...webhookHeaders(secrets, delivery.webhook_id, sentAt, delivery.payload) },
        body: delivery.payload,
        timeoutMs: this.timeoutMs,
      },
      this.sender,
    );
  }

  /** Decrypts a stored secret once per dispatcher. */
  private openSecret(sealed: string): string {
    let secret = this.openedSecrets.get(sealed);
    if (secret === undefined) {
      secret = this.secrets.open(sealed);
      this.openedSecrets.set(sealed, secret);
    }
    return secret;
  }

  private flush(): void {
    this.lastFlush = performance.now();
    const entries = this.unrecorded;
    this.unrecorded = [];
    if (entries.length === 0) return;
    this.db.transaction(() => entries.forEach((entry) => this.record(entry))).immediate();
    for (const { delivery, response, outcome } of entries) {
      this.onAttempt?.({
        deliveryId: delivery.id,
        webhookId: delivery.webhook_id,
        subscriptionId: delivery.subscription.id,
        response,
        outcome,
      });
    }
  }

  /**
   * Records the attempt, and its outcome for the endpoint. The outcome changes the delivery only
   * while the delivery is still under the claim the attempt was sent with: after a resend asked
   * for meanwhile (claimed once this record releases the attempt), the older attempt neither
   * fails, reschedules nor delivers it; the resend's own attempts decide. One cancelled while the
   * attempt was in flight (its endpoint narrowed or deleted) stays cancelled, unless the answer was
   * a 2xx: then it was delivered. The answer counts for the endpoint (a 410 disables it) unless it
   * was deleted.
   */
  private record({ delivery, sentAt, response, outcome }: Unrecorded): void {
    const s = this.statements;
    const subscriptionId = delivery.subscription.id;
    const now = this.clock.now().getTime();
    const claim = { id: delivery.id, lease: delivery.lease };
    const recorded = s.attempt.run({
      deliveryId: delivery.id,
      attemptedAt: sentAt,
      statusCode: response.statusCode,
      latencyMs: response.latencyMs,
      responseBody: response.responseBody,
      error: response.error,
      succeeded: outcome.kind === 'delivered' ? 1 : 0,
      outcome: outcomeOf(response),
    });
    if (recorded.changes === 0) return;
    s.cancelledAnswered.run({ ...claim, now, delivered: outcome.kind === 'delivered' ? 1 : 0 });
    s.release.run(claim);
    switch (outcome.kind) {
      case 'delivered':
        s.delivered.run({ ...claim, now });
        s.succeeded.run(now, subscriptionId);
        return;
      case 'gone':
        s.finished.run({ ...claim, status: 'failed' });
        s.disableGone.run(now, subscriptionId);
        break;
      case 'exhausted':
        s.finished.run({ ...claim, status: 'failed' });
        break;
      case 'retry':
        s.retry.run({ ...claim, next: now + outcome.delayMs });
        if (outcome.throttleMs !== null) s.throttle.run(now + outcome.throttleMs, subscriptionId);
        break;
    }
    s.failing.run(now, subscriptionId);
    s.disableFailing.run(now, subscriptionId, now - this.disableAfterMs);
  }
}
