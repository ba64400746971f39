import { randomBytes } from 'node:crypto';
import { generateWebhookSecret, SecretBox, webhookMessageId } from '../../src/webhooks';
import { Receiver, type Reply } from './support/receiver';
import { webhookKit } from './support/webhook-kit';

jest.mock('request-filtering-agent', () =>
  jest.requireActual<{ real(): unknown }>('./support/request-filtering-agent').real(),
);

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('webhook dispatcher', () => {
  let kit: ReturnType<typeof webhookKit>;
  let receiver: Receiver;

  beforeEach(async () => {
    kit = webhookKit();
    receiver = await Receiver.start('127.0.0.1', () => kit.clock.now());
  });

  afterEach(async () => {
    await receiver.close();
    kit.close();
  });

  const subscribe = (path = '/hook', eventTypes = ['certificate.issued']) => {
    const { subscription, secret } = kit.subscriptions.create({
      url: receiver.url(path),
      eventTypes,
    });
    receiver.expect(path, secret);
    return { subscription, secret };
  };

  const script = (...replies: Reply[]) => {
    receiver.respond = ({ path }) =>
      path === '/hook' ? (replies.shift() ?? { status: 200, body: 'ok' }) : { status: 200 };
  };

  it('follows the retry schedule through 500, timeout, 429 Retry-After and 301, then delivers once', async () => {
    const { subscription } = subscribe();
    script(
      { status: 500, body: 'x'.repeat(5000) },
      { status: 500, delayMs: 1500 },
      { status: 429, headers: { 'retry-after': '3600' } },
      { status: 301, headers: { location: receiver.url('/elsewhere') } },
    );
    kit.enqueue();
    const dispatcher = kit.dispatcher({ timeoutMs: 300 });
    const [delivery] = kit.deliveries.list(subscription.id);
    const start = kit.clock.now().getTime();
    const nextAt = () => kit.deliveries.get(delivery!.id).nextAttemptAt?.getTime() ?? null;

    expect(await dispatcher.dispatchDue()).toBe(1);
    expect(nextAt()).toBe(start + 5 * SECOND);
    kit.advance(4 * SECOND);
    expect(await dispatcher.dispatchDue()).toBe(0);
    kit.advance(1 * SECOND);
    expect(await dispatcher.dispatchDue()).toBe(1);
    expect(nextAt()).toBe(kit.clock.now().getTime() + 5 * MINUTE);
    kit.advance(5 * MINUTE);
    expect(await dispatcher.dispatchDue()).toBe(1);
    expect(nextAt()).toBe(kit.clock.now().getTime() + HOUR);
    kit.advance(30 * MINUTE);
    expect(await dispatcher.dispatchDue()).toBe(0);
    kit.advance(30 * MINUTE);
    expect(await dispatcher.dispatchDue()).toBe(1);
    expect(nextAt()).toBe(kit.clock.now().getTime() + 2 * HOUR);
    kit.advance(2 * HOUR);
    expect(await dispatcher.dispatchDue()).toBe(1);
    for (let day = 0; day < 6; day++) {
      kit.advance(DAY);
      expect(await dispatcher.dispatchDue()).toBe(0);
    }

    const final = kit.deliveries.get(delivery!.id);
    expect(final.status).toBe('delivered');
    expect(final.attempts.map((a) => a.statusCode)).toEqual([500, null, 429, 301, 200]);
    expect(final.attempts[0]!.responseBody).toHaveLength(1024);
    expect(final.attempts[1]!.error).toMatch(/no complete response within 300 ms/);
    expect(final.attempts.map((a) => a.succeeded)).toEqual([false, false, false, false, true]);
    expect(final.attempts.every((a) => a.latencyMs >= 0)).toBe(true);
    expect(receiver.received.filter((r) => r.path === '/elsewhere')).toEqual([]);
    expect(receiver.acceptedIds()).toEqual([final.webhookId]);
    expect(new Set(receiver.received.map((r) => r.webhookId))).toEqual(new Set([final.webhookId]));
    expect(receiver.rejected).toEqual([]);
    expect(kit.subscriptions.get(subscription.id)).toMatchObject({
      enabled: true,
      failingSince: null,
    });
  });

  it('holds a resend during a Retry-After pause, which enabling the endpoint ends', async () => {
    const { subscription } = subscribe();
    script({ status: 429, headers: { 'retry-after': '3600' } });
    kit.enqueue();
    const dispatcher = kit.dispatcher();
    expect(await dispatcher.dispatchDue()).toBe(1);
    const [delivery] = kit.deliveries.list(subscription.id);

    kit.deliveries.resend(delivery!.id);
    expect(await dispatcher.dispatchDue()).toBe(0);
    kit.subscriptions.enable(subscription.id);
    expect(await dispatcher.dispatchDue()).toBe(1);
    expect(kit.deliveries.get(delivery!.id).status).toBe('delivered');
  });

  it('backs off twice the scheduled wait after a 502 or 504', async () => {
    subscribe();
    script({ status: 502 }, { status: 504 });
    kit.enqueue();
    const dispatcher = kit.dispatcher();
    await dispatcher.dispatchDue();
    const [delivery] = kit.deliveries.list(kit.subscriptions.list()[0]!.id);
    expect(delivery!.nextAttemptAt!.getTime() - kit.clock.now().getTime()).toBe(10 * SECOND);
    kit.advance(10 * SECOND);
    await dispatcher.dispatchDue();
    expect(kit.deliveries.get(delivery!.id).nextAttemptAt!.getTime()).toBe(
      kit.clock.now().getTime() + 10 * MINUTE,
    );
  });

  it('applies ±20% jitter to the schedule', async () => {
    subscribe();
    receiver.respond = () => ({ status: 500 });
    for (const [random, expected] of [
      [0, 4 * SECOND],
      [1, 6 * SECOND],
    ] as const) {
      kit.enqueue();
      await kit.dispatcher({ random: () => random }).dispatchDue();
      const [latest] = kit.deliveries.list(kit.subscriptions.list()[0]!.id, { first: 1 });
      expect(latest!.nextAttemptAt!.getTime() - kit.clock.now().getTime()).toBe(expected);
    }
  });

  it('disables the endpoint on 410 Gone and sends it nothing more', async () => {
    const { subscription } = subscribe();
    script({ status: 410 });
    kit.enqueue();
    kit.enqueue();
    const dispatcher = kit.dispatcher({ concurrency: 1, batchSize: 1 });
    expect(await dispatcher.dispatchDue()).toBe(1);
    expect(kit.subscriptions.get(subscription.id)).toMatchObject({
      enabled: false,
      disabledReason: 'GONE',
      failingSince: kit.clock.now(),
    });
    kit.advance(DAY);
    expect(await dispatcher.dispatchDue()).toBe(0);
    const statuses = kit.deliveries.list(subscription.id).map((d) => d.status);
    expect(statuses.sort()).toEqual(['failed', 'pending']);
    kit.subscriptions.enable(subscription.id);
    expect(await dispatcher.dispatchDue()).toBe(1);
  });

  it('keeps a manual disable when an attempt in flight meanwhile answers 410 Gone', async () => {
    const { subscription } = subscribe();
    script({ status: 410, delayMs: 300 });
    kit.enqueue();
    const dispatcher = kit.dispatcher();
    const attempt = dispatcher.dispatchDue();
    await new Promise((resolve) => setTimeout(resolve, 100));
    kit.subscriptions.disable(subscription.id);
    await attempt;
    expect(kit.subscriptions.get(subscription.id)).toMatchObject({
      enabled: false,
      disabledReason: 'MANUAL',
    });
  });

  it('gives up after the last scheduled attempt and disables an endpoint without a success for 5 days', async () => {
    const { subscription } = subscribe();
    receiver.respond = () => ({ status: 500 });
    kit.enqueue();
    const dispatcher = kit.dispatcher();
    const schedule = [0, 5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR];
    for (const wait of [...schedule, 14 * HOUR, 20 * HOUR, 24 * HOUR]) {
      kit.advance(wait);
      expect(await dispatcher.dispatchDue()).toBe(1);
    }
    const [delivery] = kit.deliveries.list(subscription.id);
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 10 });
    expect(kit.subscriptions.get(subscription.id).enabled).toBe(true);

    kit.advance(5 * DAY - 76 * HOUR);
    kit.enqueue();
    expect(await dispatcher.dispatchDue()).toBe(1);
    expect(kit.subscriptions.get(subscription.id).enabled).toBe(true);
    kit.advance(2 * HOUR);
    kit.enqueue();
    await dispatcher.dispatchDue();
    expect(kit.subscriptions.get(subscription.id)).toMatchObject({
      enabled: false,
      disabledReason: 'FAILING',
    });
  });

  it('resends and recovers deliveries with their original webhook-id', async () => {
    const { subscription } = subscribe();
    receiver.respond = () => ({ status: 500 });
    kit.enqueue();
    const dispatcher = kit.dispatcher({ retry: { delaysMs: [0] } });
    await dispatcher.dispatchDue();
    const [failed] = kit.deliveries.list(subscription.id);
    expect(failed!.status).toBe('failed');
    expect(failed!.webhookId).toBe(webhookMessageId('event-1', subscription.id));

    receiver.respond = () => ({ status: 204 });
    expect(kit.deliveries.recover(subscription.id, new Date(0))).toBe(1);
    await dispatcher.dispatchDue();
    expect(kit.deliveries.get(failed!.id).status).toBe('delivered');
    expect(kit.deliveries.resend(failed!.id).status).toBe('pending');
    await dispatcher.dispatchDue();
    expect(receiver.acceptedIds()).toEqual([failed!.webhookId, failed!.webhookId]);
    expect(kit.deliveries.get(failed!.id).attempts).toHaveLength(3);
  });

  describe('a resend asked for while an attempt is in flight', () => {
    const inFlight = () => new Promise((resolve) => setTimeout(resolve, 100));

    it('is not undone when that attempt, the last of the schedule, fails', async () => {
      const { subscription } = subscribe();
      script({ status: 500, delayMs: 400 });
      kit.enqueue();
      const dispatcher = kit.dispatcher({ retry: { delaysMs: [0] } });
      const lastAttempt = dispatcher.dispatchDue();
      await inFlight();
      const [delivery] = kit.deliveries.list(subscription.id);
      expect(kit.deliveries.resend(delivery!.id).status).toBe('pending');
      await lastAttempt;
      expect(kit.deliveries.get(delivery!.id)).toMatchObject({
        status: 'pending',
        attemptCount: 0,
        nextAttemptAt: kit.clock.now(),
      });

      await dispatcher.dispatchDue();
      const resent = kit.deliveries.get(delivery!.id);
      expect(resent).toMatchObject({ status: 'delivered', attemptCount: 1 });
      expect(resent.attempts.map((a) => a.statusCode)).toEqual([500, 200]);
    });

    it('sends no second request of the delivery until that attempt is answered', async () => {
      const { subscription } = subscribe();
      let answer: () => void = () => undefined;
      const answered = new Promise<void>((resolve) => (answer = resolve));
      let arrived: () => void = () => undefined;
      const arrival = new Promise<void>((resolve) => (arrived = resolve));
      const replies: Reply[] = [{ status: 503, held: answered }];
      let requests = 0;
      receiver.respond = () => {
        requests++;
        arrived();
        return replies.shift() ?? { status: 204 };
      };
      kit.enqueue();
      const dispatcher = kit.dispatcher();
      const heldAttempt = dispatcher.dispatchDue();
      await arrival;
      const [delivery] = kit.deliveries.list(subscription.id);
      expect(kit.deliveries.resend(delivery!.id).status).toBe('pending');

      try {
        expect(await dispatcher.dispatchDue()).toBe(0);
        expect(requests).toBe(1);
      } finally {
        answer();
        await heldAttempt;
      }
      expect(await dispatcher.dispatchDue()).toBe(1);

      const settled = kit.deliveries.get(delivery!.id);
      expect(settled).toMatchObject({ status: 'delivered', attemptCount: 1, nextAttemptAt: null });
      expect(settled.attempts.map((a) => a.statusCode)).toEqual([503, 204]);
      expect(receiver.acceptedIds()).toEqual([delivery!.webhookId]);
      expect(await dispatcher.dispatchDue()).toBe(0);
    });

    it('goes out from the next dispatcher when the one that sent that attempt was killed', async () => {
      const { subscription } = subscribe();
      kit.enqueue();
      const [delivery] = kit.deliveries.list(subscription.id);
      const leaseUntil = kit.clock.now().getTime() + 60_000;
      kit.db
        .prepare('UPDATE wh_deliveries SET next_attempt_at = ?, in_flight_until = ? WHERE id = ?')
        .run(leaseUntil, leaseUntil, delivery!.id);
      expect(kit.deliveries.resend(delivery!.id).status).toBe('pending');

      expect(await kit.dispatcher().dispatchDue()).toBe(1);
      expect(kit.deliveries.get(delivery!.id)).toMatchObject({ status: 'delivered' });
    });
  });

  describe('narrowing the endpoint while an attempt is in flight', () => {
    /**
     * An issued delivery in flight (held by the receiver until it answers `status`), a second one
     * queued behind it, and a suspended one; then the endpoint drops `certificate.issued`.
     */
    const narrowWhileInFlight = async (status: number) => {
      const { subscription } = subscribe('/hook', ['certificate.issued', 'certificate.suspended']);
      let answer: () => void = () => undefined;
      const answered = new Promise<void>((resolve) => (answer = resolve));
      let arrived: () => void = () => undefined;
      const arrival = new Promise<void>((resolve) => (arrived = resolve));
      const replies: Reply[] = [{ status, held: answered }];
      receiver.respond = () => {
        arrived();
        return replies.shift() ?? { status: 204 };
      };
      kit.enqueue({ type: 'certificate.issued' });
      const dispatcher = kit.dispatcher();
      const heldAttempt = dispatcher.dispatchDue();
      await arrival;
      kit.enqueue({ type: 'certificate.issued' });
      kit.enqueue({ type: 'certificate.suspended' });
      kit.subscriptions.update(subscription.id, { eventTypes: ['certificate.suspended'] });
      answer();
      await heldAttempt;
      const [matching, queued, inFlight] = kit.deliveries.list(subscription.id);
      kit.advance(DAY);
      const sentAfter = await dispatcher.dispatchDue();
      expect(kit.deliveries.get(queued!.id)).toMatchObject({
        status: 'cancelled',
        attempts: [],
        nextAttemptAt: null,
        cancelledReason: 'the endpoint no longer takes certificate.issued',
      });
      return {
        sentAfter,
        matching: matching!,
        endpoint: () => kit.subscriptions.get(subscription.id),
        inFlight: kit.deliveries.get(inFlight!.id),
      };
    };

    it('records its 2xx answer and delivers it, and cancels the delivery not yet attempted', async () => {
      const { sentAfter, matching, inFlight: delivered } = await narrowWhileInFlight(200);
      expect(sentAfter).toBe(1);
      expect(receiver.acceptedIds()).toContain(matching.webhookId);
      expect(delivered).toMatchObject({
        status: 'delivered',
        attemptCount: 1,
        nextAttemptAt: null,
        deliveredAt: expect.any(Date) as Date,
        cancelledReason: 'the endpoint no longer takes certificate.issued',
      });
      expect(delivered.attempts.map((a) => [a.statusCode, a.succeeded])).toEqual([[200, true]]);
    });

    it('records any other answer and leaves it cancelled, never retried', async () => {
      const { sentAfter, matching, inFlight: cancelled } = await narrowWhileInFlight(500);
      expect(sentAfter).toBe(1);
      expect(receiver.acceptedIds()).toContain(matching.webhookId);
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        attemptCount: 1,
        nextAttemptAt: null,
        deliveredAt: null,
        cancelledReason: 'the endpoint no longer takes certificate.issued',
      });
      expect(cancelled.attempts.map((a) => [a.statusCode, a.succeeded])).toEqual([[500, false]]);
      expect(receiver.received.filter((r) => r.webhookId === cancelled.webhookId)).toHaveLength(1);
    });

    it('counts a 410 answer for the endpoint: it is disabled (GONE) and its matching delivery waits', async () => {
      const { sentAfter, matching, endpoint, inFlight } = await narrowWhileInFlight(410);
      expect(endpoint()).toMatchObject({ enabled: false, disabledReason: 'GONE' });
      expect(sentAfter).toBe(0);
      expect(kit.deliveries.get(matching.id)).toMatchObject({ status: 'pending', attempts: [] });
      expect(inFlight).toMatchObject({
        status: 'cancelled',
        attemptCount: 1,
        nextAttemptAt: null,
        cancelledReason: 'the endpoint no longer takes certificate.issued',
      });
      expect(inFlight.attempts.map((a) => [a.statusCode, a.succeeded])).toEqual([[410, false]]);
    });
  });

  describe('deleting the endpoint while an attempt is in flight', () => {
    afterEach(() => jest.restoreAllMocks());

    /**
     * An issued delivery in flight (held by the receiver until it answers `status`) and a second
     * one queued behind it; then the endpoint is deleted. Nothing is sent after, nothing logged.
     */
    const deleteWhileInFlight = async (status: number) => {
      const errors = jest.spyOn(console, 'error');
      const warnings = jest.spyOn(console, 'warn');
      const { subscription } = subscribe('/hook', ['certificate.issued']);
      let answer: () => void = () => undefined;
      const answered = new Promise<void>((resolve) => (answer = resolve));
      let arrived: () => void = () => undefined;
      const arrival = new Promise<void>((resolve) => (arrived = resolve));
      receiver.respond = () => {
        arrived();
        return { status, held: answered };
      };
      kit.enqueue({ type: 'certificate.issued' });
      const dispatcher = kit.dispatcher();
      const heldAttempt = dispatcher.dispatchDue();
      await arrival;
      kit.enqueue({ type: 'certificate.issued' });
      kit.subscriptions.delete(subscription.id);
      answer();
      await expect(heldAttempt).resolves.toBe(1);
      kit.advance(DAY);
      expect(await dispatcher.dispatchDue()).toBe(0);
      expect(receiver.received).toHaveLength(1);
      expect([...errors.mock.calls, ...warnings.mock.calls]).toEqual([]);
      const [queued, inFlight] = kit.deliveries.list(subscription.id);
      expect(queued).toMatchObject({
        status: 'cancelled',
        attempts: [],
        nextAttemptAt: null,
        cancelledReason: 'the endpoint was deleted',
      });
      return {
        endpoint: kit.subscriptions.get(subscription.id, { deleted: true }),
        inFlight: inFlight!,
      };
    };

    it('records its 2xx answer and delivers it, and cancels the delivery not yet attempted', async () => {
      const { inFlight } = await deleteWhileInFlight(204);
      expect(inFlight).toMatchObject({
        status: 'delivered',
        attemptCount: 1,
        nextAttemptAt: null,
        deliveredAt: expect.any(Date) as Date,
        cancelledReason: 'the endpoint was deleted',
      });
      expect(inFlight.attempts.map((a) => [a.statusCode, a.succeeded])).toEqual([[204, true]]);
    });

    it('records a 410 answer, leaving the delivery cancelled and the deleted endpoint as it was', async () => {
      const { endpoint, inFlight } = await deleteWhileInFlight(410);
      expect(inFlight).toMatchObject({
        status: 'cancelled',
        attemptCount: 1,
        nextAttemptAt: null,
        deliveredAt: null,
        cancelledReason: 'the endpoint was deleted',
      });
      expect(inFlight.attempts.map((a) => [a.statusCode, a.succeeded])).toEqual([[410, false]]);
      expect(endpoint).toMatchObject({ enabled: false, disabledReason: null, failingSince: null });
    });
  });

  it('co-signs with the rotated-out secret for 24 hours only', async () => {
    const { subscription, secret: old } = subscribe();
    const { secret: fresh } = kit.subscriptions.rotateSecret(subscription.id);
    receiver.expect('/hook', fresh);
    kit.enqueue();
    const dispatcher = kit.dispatcher();
    await dispatcher.dispatchDue();
    expect(receiver.received[0]!.signatures).toHaveLength(2);
    receiver.expect('/hook', old);
    kit.advance(23 * HOUR);
    kit.enqueue();
    await dispatcher.dispatchDue();
    expect(receiver.received).toHaveLength(2);
    kit.advance(2 * HOUR);
    kit.enqueue();
    await dispatcher.dispatchDue();
    expect(receiver.rejected).toEqual([{ path: '/hook', reason: 'no valid signature' }]);
    expect(receiver.received).toHaveLength(2);
  });

  it('fails only the endpoint whose secret was sealed with another key, and signs with a rotated one', async () => {
    const { subscription: lost } = subscribe('/lost');
    subscribe('/ok');
    receiver.respond = () => ({ status: 200 });
    kit.db
      .prepare('UPDATE wh_subscriptions SET secret = ? WHERE id = ?')
      .run(new SecretBox(randomBytes(32)).seal(generateWebhookSecret()), lost.id);
    kit.enqueue();
    const dispatcher = kit.dispatcher();
    expect(await dispatcher.dispatchDue()).toBe(2);
    const [failed] = kit.deliveries.list(lost.id);
    expect(failed!.status).toBe('pending');
    expect(failed!.attempts[0]!.error).toMatch(
      /^not sent: the endpoint's signing secret does not open with this CERTCYCLE_WEBHOOK_SECRET_KEY .*; rotate the endpoint's secret$/,
    );
    expect(receiver.received.map((r) => r.path)).toEqual(['/ok']);

    const { secret: fresh } = kit.subscriptions.rotateSecret(lost.id);
    receiver.expect('/lost', fresh);
    kit.advance(5 * SECOND);
    expect(await kit.dispatcher().dispatchDue()).toBe(1);
    expect(kit.deliveries.get(failed!.id).status).toBe('delivered');
    expect(receiver.received.find((r) => r.path === '/lost')!.signatures).toHaveLength(1);
    expect(receiver.rejected).toEqual([]);
  });

  it('keeps dispatching when an endpoint is deleted while its delivery is in flight', async () => {
    const { subscription } = subscribe('/slow', ['certificate.issued']);
    subscribe('/ok', ['certificate.suspended']);
    receiver.respond = ({ path }) =>
      path === '/slow' ? { status: 200, delayMs: 300 } : { status: 200 };
    kit.enqueue({ type: 'certificate.issued' });
    const dispatcher = kit.dispatcher();
    const sending = dispatcher.dispatchDue();
    await new Promise((resolve) => setTimeout(resolve, 100));
    kit.subscriptions.delete(subscription.id);
    await expect(sending).resolves.toBe(1);
    kit.enqueue({ type: 'certificate.suspended' });
    await expect(dispatcher.dispatchDue()).resolves.toBe(1);
    expect(receiver.received.map((r) => r.path).sort()).toEqual(['/ok', '/slow']);
  });

  it('sends a due delivery once to each endpoint, concurrently', async () => {
    const paths = Array.from({ length: 5 }, (_, i) => `/hook-${i}`);
    for (const path of paths) subscribe(path);
    for (let i = 0; i < 20; i++) kit.enqueue();
    const dispatcher = kit.dispatcher({ concurrency: 8, batchSize: 30 });
    const rounds: number[] = [];
    for (let sent = -1; sent !== 0;) rounds.push((sent = await dispatcher.dispatchDue()));
    expect(rounds).toEqual([30, 30, 30, 10, 0]);
    const ids = receiver.acceptedIds();
    expect(ids).toHaveLength(100);
    expect(new Set(ids).size).toBe(100);
    expect(receiver.rejected).toEqual([]);
  });

  it('keeps dispatching to other endpoints while one hangs, which holds only its own slots', async () => {
    subscribe('/hang', ['certificate.issued']);
    subscribe('/ok', ['certificate.suspended']);
    receiver.respond = ({ path }) =>
      path === '/hang' ? { status: 200, delayMs: 2 * SECOND } : { status: 200 };
    for (let i = 0; i < 6; i++) kit.enqueue({ type: 'certificate.issued' });
    for (let i = 0; i < 6; i++) kit.enqueue({ type: 'certificate.suspended' });
    const dispatcher = kit.dispatcher({ concurrency: 4, perEndpoint: 2, timeoutMs: 10 * SECOND });
    const answered = (path: string) => receiver.received.filter((r) => r.path === path).length;
    dispatcher.start();
    try {
      while (answered('/ok') < 6 && answered('/hang') === 0) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect({ ok: answered('/ok'), hang: answered('/hang') }).toEqual({ ok: 6, hang: 0 });
    } finally {
      await dispatcher.stop();
    }
  }, 30_000);
});
