import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config';
import {
  InvalidWebhookEventTypesError,
  InvalidWebhookUrlError,
  SecretBox,
  UnknownWebhookSubscriptionError,
  WebhookSubscriptions,
} from '../../src/webhooks';
import { webhookKit } from './support/webhook-kit';

interface Payload {
  data: { organisationId: string };
}

jest.mock('request-filtering-agent', () =>
  jest.requireActual<{ real(): unknown }>('./support/request-filtering-agent').real(),
);

describe('webhook subscriptions', () => {
  let kit: ReturnType<typeof webhookKit>;

  beforeEach(() => {
    kit = webhookKit();
  });

  afterEach(() => kit.close());

  const create = (overrides: Partial<Parameters<WebhookSubscriptions['create']>[0]> = {}) =>
    kit.subscriptions.create({
      url: 'https://hooks.example.com/certcycle',
      eventTypes: ['certificate.suspended', 'certificate.issued'],
      organisationId: 'org-acme',
      description: 'ERP',
      ...overrides,
    });

  it('returns the secret once and stores it only encrypted', () => {
    const { subscription, secret } = create();
    expect(secret).toMatch(/^whsec_/);
    expect(subscription).toMatchObject({
      url: 'https://hooks.example.com/certcycle',
      eventTypes: ['certificate.issued', 'certificate.suspended'],
      organisationId: 'org-acme',
      description: 'ERP',
      enabled: true,
      disabledReason: null,
    });
    expect(JSON.stringify(subscription)).not.toContain(secret.slice(6));
    const stored = kit.db.prepare('SELECT * FROM wh_subscriptions').get();
    expect(JSON.stringify(stored)).not.toContain(secret.slice(6));
    expect(kit.subscriptions.signingSecrets(subscription.id)).toEqual([secret]);
    const otherKey = new WebhookSubscriptions({
      db: kit.db,
      clock: kit.clock,
      secrets: new SecretBox(randomBytes(32)),
    });
    expect(() => otherKey.signingSecrets(subscription.id)).toThrow();
  });

  it('refuses bad URLs and event types with clear errors', () => {
    const https = new WebhookSubscriptions({ db: kit.db, clock: kit.clock, secrets: kit.box });
    expect(() =>
      https.create({ url: 'http://hooks.example.com/', eventTypes: ['certificate.issued'] }),
    ).toThrow(
      new InvalidWebhookUrlError(
        'http://hooks.example.com/',
        'only https URLs are accepted (http needs CERTCYCLE_WEBHOOK_ALLOW_HTTP=1)',
      ),
    );
    expect(() => create({ url: 'hooks.example.com' })).toThrow(/not an absolute URL/);
    expect(() => create({ eventTypes: [] })).toThrow(InvalidWebhookEventTypesError);
    expect(() => create({ eventTypes: ['certificate.issued', 'certificate.deleted'] })).toThrow(
      'webhook event types are refused: unknown certificate.deleted',
    );
    expect(kit.subscriptions.list()).toEqual([]);
  });

  it.each([
    ['http://10.0.0.1/hook', '10.0.0.1', 'private'],
    ['http://169.254.169.254/latest', '169.254.169.254', 'linkLocal'],
    ['http://127.0.0.2:4402/hook', '127.0.0.2', 'loopback'],
    ['http://[::1]:4402/hook', '::1', 'loopback'],
    ['http://[::ffff:127.0.0.1]:4402/hook', '::ffff:7f00:1', 'ipv4Mapped'],
    ['http://0.0.0.0/hook', '0.0.0.0', 'unspecified'],
  ])('refuses %s, an address deliveries could never reach, unless allowed', (url, host, range) => {
    const reason =
      `${host} is not a public address (${range}), so no delivery could reach it ` +
      '(CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES can allow it)';
    expect(() => create({ url })).toThrow(new InvalidWebhookUrlError(new URL(url).href, reason));
    const { subscription } = create();
    expect(() => kit.subscriptions.update(subscription.id, { url })).toThrow(reason);
    expect(kit.subscriptions.get(subscription.id).url).toBe('https://hooks.example.com/certcycle');
    const allowing = new WebhookSubscriptions({
      db: kit.db,
      clock: kit.clock,
      secrets: kit.box,
      allowHttp: true,
      allowedAddresses: [host.includes(':') ? '::/0' : '0.0.0.0/0'],
    });
    expect(allowing.create({ url, eventTypes: ['certificate.issued'] }).subscription.url).toBe(
      new URL(url).href,
    );
  });

  it.each([
    ['FD00::1', 'http://[fd00::1]/hook'],
    ['0:0:0:0:0:0:0:1', 'http://[::1]:4402/hook'],
    ['0:0:0:0:0:0:0:1', 'http://[0:0:0:0:0:0:0:1]:4402/hook'],
    ['::FFFF:127.0.0.1', 'http://[::ffff:127.0.0.1]:4402/hook'],
    ['::ffff:7f00:1', 'http://[::FFFF:127.0.0.1]:4402/hook'],
  ])('accepts %s, allow-listed in another form, for %s', (entry, url) => {
    const allowing = (allowedAddresses: string[]) =>
      new WebhookSubscriptions({
        db: kit.db,
        clock: kit.clock,
        secrets: kit.box,
        allowHttp: true,
        allowedAddresses,
      });
    const configured = loadConfig({ CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES: entry }).webhooks;
    for (const subscriptions of [allowing([entry]), allowing(configured.allowedAddresses)]) {
      expect(
        subscriptions.create({ url, eventTypes: ['certificate.issued'] }).subscription.url,
      ).toBe(new URL(url).href);
    }
    expect(() =>
      allowing([entry]).create({ url: 'http://10.0.0.1/', eventTypes: ['certificate.issued'] }),
    ).toThrow(/10\.0\.0\.1 is not a public address \(private\)/);
  });

  it('accepts a public address, an allow-listed one and a name (checked once resolved)', () => {
    expect(create({ url: 'http://93.184.216.34/hook' }).subscription.url).toBe(
      'http://93.184.216.34/hook',
    );
    expect(create({ url: 'http://127.0.0.1:4402/hook' }).subscription.url).toBe(
      'http://127.0.0.1:4402/hook',
    );
    expect(create({ url: 'http://localhost:4402/hook' }).subscription.url).toBe(
      'http://localhost:4402/hook',
    );
  });

  it('updates, disables, enables, lists and deletes', () => {
    const { subscription } = create();
    const other = create({ organisationId: null }).subscription;
    kit.advance(1000);
    expect(
      kit.subscriptions.update(subscription.id, { eventTypes: ['certificate.expired'] }),
    ).toMatchObject({ eventTypes: ['certificate.expired'], url: subscription.url });
    expect(kit.subscriptions.disable(subscription.id)).toMatchObject({
      enabled: false,
      disabledReason: 'MANUAL',
    });
    expect(kit.subscriptions.enable(subscription.id)).toMatchObject({
      enabled: true,
      disabledReason: null,
    });
    expect(kit.subscriptions.list({ organisationId: 'org-acme' }).map((s) => s.id)).toEqual([
      subscription.id,
    ]);
    kit.enqueue({ type: 'certificate.expired' }, 'org-acme');
    expect(kit.deliveries.list(subscription.id)).toHaveLength(1);
    kit.subscriptions.delete(subscription.id);
    expect(() => kit.subscriptions.get(subscription.id)).toThrow(UnknownWebhookSubscriptionError);
    expect(kit.subscriptions.list().map((s) => s.id)).toEqual([other.id]);
    expect(() => kit.subscriptions.update('nope', {})).toThrow('no webhook subscription "nope"');
  });

  it('deletes an endpoint for good but keeps its history: its waiting deliveries cancelled with the reason, its secrets erased, nothing queued or resent to it after', () => {
    const { subscription } = create({ organisationId: null });
    kit.enqueue({ type: 'certificate.issued' });
    kit.enqueue({ type: 'certificate.suspended' });
    const [, failed] = kit.deliveries.list(subscription.id);
    kit.db.prepare("UPDATE wh_deliveries SET status = 'failed' WHERE id = ?").run(failed!.id);
    kit.advance(1000);
    kit.subscriptions.delete(subscription.id);

    for (const call of [
      () => kit.subscriptions.get(subscription.id),
      () => kit.subscriptions.update(subscription.id, { description: 'back' }),
      () => kit.subscriptions.enable(subscription.id),
      () => kit.subscriptions.rotateSecret(subscription.id),
      () => kit.subscriptions.delete(subscription.id),
    ]) {
      expect(call).toThrow(`no webhook subscription "${subscription.id}"`);
    }
    expect(kit.subscriptions.list()).toEqual([]);
    expect(kit.subscriptions.get(subscription.id, { deleted: true })).toMatchObject({
      id: subscription.id,
      enabled: false,
    });
    expect(
      kit.db
        .prepare('SELECT secret, previous_secret FROM wh_subscriptions WHERE id = ?')
        .get(subscription.id),
    ).toEqual({ secret: '', previous_secret: null });
    expect(
      kit.deliveries
        .list(subscription.id)
        .map((d) => [d.eventType, d.status, d.cancelledReason, d.cancelledAt, d.nextAttemptAt]),
    ).toEqual([
      ['certificate.suspended', 'cancelled', 'the endpoint was deleted', kit.clock.now(), null],
      ['certificate.issued', 'failed', null, null, expect.anything()],
    ]);

    expect(kit.enqueue({ type: 'certificate.issued' })).toBe(0);
    expect(() => kit.deliveries.resend(failed!.id)).toThrow(
      `the endpoint "${subscription.id}" of webhook delivery ${failed!.id} was deleted on ${kit.clock.now().toISOString()}: its deliveries cannot be resent`,
    );
    expect(() => kit.deliveries.recover(subscription.id, new Date(0))).toThrow(
      `the endpoint "${subscription.id}" was deleted on ${kit.clock.now().toISOString()}: its deliveries cannot be recovered`,
    );
    expect(kit.deliveries.list(subscription.id).map((d) => d.status)).toEqual([
      'cancelled',
      'failed',
    ]);
  });

  /** A delivery of this event type queued for the organisation to every matching endpoint. */
  const queue = (type: 'certificate.suspended' | 'certificate.issued', organisationId: string) =>
    kit.enqueue({ type, data: { certificateId: 'cert-1', organisationId } }, organisationId);

  /** The endpoint's waiting deliveries: event type and organisation. */
  const waiting = (subscriptionId: string) =>
    kit.deliveries
      .list(subscriptionId, { status: 'pending' })
      .map((d) => [d.eventType, (JSON.parse(d.payload) as Payload).data.organisationId] as const);

  it('cancels, with the reason, the waiting deliveries a narrowed endpoint no longer matches', () => {
    const { subscription } = create({ organisationId: null });
    queue('certificate.issued', 'org-acme');
    queue('certificate.suspended', 'org-acme');
    queue('certificate.suspended', 'org-other');
    kit.db.prepare("UPDATE wh_deliveries SET status = 'failed' WHERE event_id = 'event-1'").run();

    kit.subscriptions.update(subscription.id, { description: 'renamed' });
    expect(waiting(subscription.id)).toHaveLength(2);
    kit.subscriptions.update(subscription.id, { organisationId: 'org-acme' });
    expect(waiting(subscription.id)).toEqual([['certificate.suspended', 'org-acme']]);
    kit.subscriptions.update(subscription.id, { eventTypes: ['certificate.issued'] });
    expect(waiting(subscription.id)).toEqual([]);
    expect(
      kit.deliveries
        .list(subscription.id)
        .map((d) => [d.eventId, d.status, d.cancelledReason, d.cancelledAt, d.nextAttemptAt]),
    ).toEqual([
      [
        'event-3',
        'cancelled',
        'the endpoint takes the events of org-acme only',
        kit.clock.now(),
        null,
      ],
      [
        'event-2',
        'cancelled',
        'the endpoint no longer takes certificate.suspended',
        kit.clock.now(),
        null,
      ],
      ['event-1', 'failed', null, null, expect.anything()],
    ]);
  });

  it('recovers only the failed deliveries a narrowed endpoint still matches', () => {
    const { subscription } = create({ organisationId: null });
    queue('certificate.issued', 'org-acme');
    queue('certificate.suspended', 'org-acme');
    queue('certificate.suspended', 'org-other');
    kit.db.prepare("UPDATE wh_deliveries SET status = 'failed'").run();
    kit.subscriptions.update(subscription.id, {
      organisationId: 'org-acme',
      eventTypes: ['certificate.suspended'],
    });

    expect(kit.deliveries.recover(subscription.id, new Date(0))).toBe(1);
    expect(waiting(subscription.id)).toEqual([['certificate.suspended', 'org-acme']]);
  });

  it('rotates the secret, keeping the previous one for 24 hours', () => {
    const { subscription, secret } = create();
    const { secret: fresh } = kit.subscriptions.rotateSecret(subscription.id);
    expect(fresh).not.toBe(secret);
    expect(kit.subscriptions.signingSecrets(subscription.id)).toEqual([fresh, secret]);
    kit.advance(24 * 60 * 60 * 1000);
    expect(kit.subscriptions.signingSecrets(subscription.id)).toEqual([fresh]);
  });
});

describe('dispatcher loop', () => {
  it('sleeps through the injected timer when nothing is due and stops on request', async () => {
    const kit = webhookKit();
    try {
      const sleeps: number[] = [];
      let thirdSleep: () => void = () => undefined;
      const slept = new Promise<void>((resolve) => (thirdSleep = resolve));
      const dispatcher = kit.dispatcher({
        pollIntervalMs: 250,
        sleep: (ms) => {
          sleeps.push(ms);
          if (sleeps.length === 3) thirdSleep();
          return new Promise((resolve) => setImmediate(resolve));
        },
      });
      dispatcher.start();
      await slept;
      await dispatcher.stop();
      const count = sleeps.length;
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(sleeps.length).toBe(count);
      expect(sleeps.every((ms) => ms === 250)).toBe(true);
    } finally {
      kit.close();
    }
  });
});
