import type { Certcycle } from '../../../src/composition';
import { Role } from '../../../src/graphql';
import { startQuietly, testConfig } from '../../composition/composed-service';
import { temporaryDirectory } from '../../eventstore/temp-store';
import { Receiver } from '../../webhooks/support/receiver';
import { codeOf, composedApi, dataOf, eventually, fieldOf } from './support/composed-api';
import {
  CREATE,
  DELETE,
  DELIVERIES,
  DISABLE,
  ENABLE,
  GET,
  LIST,
  RECOVER,
  RESEND,
  ROTATE,
  SUSPEND,
  UPDATE,
} from './support/documents';

jest.mock('request-filtering-agent', () =>
  jest.requireActual<{ real(): unknown }>('../../webhooks/support/request-filtering-agent').real(),
);

const NOW = '2024-09-01T02:00:00Z';
const NOW_ISO = new Date(NOW).toISOString();
const ORGANISATION = 'org-hooks';
const CERTIFICATE = `${ORGANISATION}-cert`;

const dir = temporaryDirectory('webhooks-api');
const lines: string[] = [];
let app: Certcycle;
let api: ReturnType<typeof composedApi>;
let receiver: Receiver;
const secrets: string[] = [];

beforeAll(async () => {
  receiver = await Receiver.start('127.0.0.1', () => new Date(NOW));
  app = await startQuietly(
    testConfig(dir.path, {
      CERTCYCLE_NOW: NOW,
      CERTCYCLE_WEBHOOK_ALLOW_HTTP: '1',
      CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES: '127.0.0.1',
    }),
    lines,
  );
  await app.ready;
  api = composedApi(app, ORGANISATION);
  await api.granted(ORGANISATION);
  await api.granted('org-other');
}, 60_000);

afterAll(async () => {
  await app.close();
  await receiver.close();
  dir.remove();
});

const create = async (
  caller: Parameters<typeof api.query>[0],
  path: string,
  input: Record<string, unknown>,
) => {
  const response = await api.query(caller, CREATE, {
    input: { url: receiver.url(path), description: `endpoint ${path}`, ...input },
  });
  const created = dataOf(response).createWebhookSubscription as {
    secret: string;
    subscription: Record<string, unknown> & { id: string };
  };
  secrets.push(created.secret);
  receiver.expect(path, created.secret);
  return created;
};

const deliveriesOf = async (subscriptionId: string, caller: Role = Role.ADMIN) => {
  const response = await api.query(caller, DELIVERIES, { subscriptionId });
  const connection = dataOf(response).webhookDeliveries as {
    edges: { node: Record<string, unknown> & { id: string; attempts: unknown[] } }[];
  };
  return connection.edges.map(({ node }) => node);
};

const receivedAt = (path: string) => receiver.received.filter((r) => r.path === path);

describe('webhooks over GraphQL, delivered by the composed service', () => {
  it('sends a signed certificate.suspended after a suspension, shows the attempt and resends it with the same webhook-id', async () => {
    const { subscription, secret } = await create(Role.ADMIN, '/erp', {
      eventTypes: ['certificate.suspended'],
      organisationId: ORGANISATION,
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(subscription).toMatchObject({
      url: receiver.url('/erp'),
      eventTypes: ['certificate.suspended'],
      organisationId: ORGANISATION,
      enabled: true,
      disabledReason: null,
    });

    dataOf(
      await api.query(Role.DECISION_MAKER, SUSPEND, {
        input: {
          certificateId: CERTIFICATE,
          grounds: 'SERIOUS_FAILURE',
          details: 'confidential: incident management failing',
          ownFault: true,
          suspendedOn: '2024-09-01',
        },
      }),
    );

    const [received] = await eventually(
      () => (receivedAt('/erp').length > 0 ? receivedAt('/erp') : undefined),
      'the suspension webhook',
    );
    expect(receiver.rejected).toEqual([]);
    const body = JSON.parse(received!.body) as { type: string; data: Record<string, unknown> };
    expect(body).toMatchObject({
      type: 'certificate.suspended',
      data: {
        certificateId: CERTIFICATE,
        organisationId: ORGANISATION,
        status: 'SUSPENDED',
        suspendedOn: '2024-09-01',
      },
    });
    expect(typeof body.data.version).toBe('number');
    expect(received!.body).not.toContain('confidential');

    const [delivery] = await eventually(async () => {
      const found = await deliveriesOf(subscription.id);
      return found[0]?.status === 'DELIVERED' ? found : undefined;
    }, 'the delivered status');
    expect(delivery).toMatchObject({
      webhookId: received!.webhookId,
      subscriptionId: subscription.id,
      eventType: 'certificate.suspended',
      payload: received!.body,
      attemptCount: 1,
      deliveredAt: new Date(NOW).toISOString(),
      attempts: [
        {
          attemptedAt: new Date(NOW).toISOString(),
          statusCode: 200,
          responseBody: 'ok',
          error: null,
          succeeded: true,
          outcome: 'ANSWERED',
        },
      ],
    });

    const resent = dataOf(await api.query(Role.ADMIN, RESEND, { id: delivery!.id }))
      .resendWebhookDelivery as Record<string, unknown>;
    expect(resent).toMatchObject({ id: delivery!.id, status: 'PENDING', attemptCount: 0 });
    const again = await eventually(
      () => (receivedAt('/erp').length > 1 ? receivedAt('/erp') : undefined),
      'the resent webhook',
    );
    expect(again.map((r) => r.webhookId)).toEqual([received!.webhookId, received!.webhookId]);
    expect(again[1]!.body).toBe(received!.body);
    const [afterResend] = await eventually(async () => {
      const found = await deliveriesOf(subscription.id);
      return found[0]?.attempts.length === 2 ? found : undefined;
    }, 'the second attempt');
    expect(afterResend).toMatchObject({ status: 'DELIVERED', attemptCount: 1 });
    for (const [status, count] of [
      ['DELIVERED', 1],
      ['PENDING', 0],
    ] as const) {
      const filtered = await api.query(Role.ADMIN, DELIVERIES, {
        subscriptionId: subscription.id,
        status,
      });
      expect(filtered.body.errors).toBeUndefined();
      const { edges } = dataOf(filtered).webhookDeliveries as { edges: unknown[] };
      expect([status, edges.length]).toEqual([status, count]);
    }
    for (const key of [null, 1.5, 0, -1, '1']) {
      const forged = Buffer.from(JSON.stringify(['webhookDeliveries', key])).toString('base64url');
      const refused = await api.query(Role.ADMIN, DELIVERIES, {
        subscriptionId: subscription.id,
        after: forged,
      });
      expect([key, refused.body.errors?.[0]?.extensions]).toMatchObject([
        key,
        { code: 'BAD_USER_INPUT', field: 'after' },
      ]);
    }
  });

  it('never answers or logs a secret again: lists and reads have no secret field', async () => {
    const { subscription } = await create(Role.ADMIN, '/quiet', {
      eventTypes: ['certificate.issued'],
    });
    const listed = await api.query(Role.ADMIN, LIST);
    const read = await api.query(Role.ADMIN, GET, { id: subscription.id });
    expect(dataOf(read).webhookSubscription).toMatchObject({ id: subscription.id });
    const asked = await api.query(Role.ADMIN, `query { webhookSubscriptions { id secret } }`);
    expect(codeOf(asked)).toBe('GRAPHQL_VALIDATION_FAILED');
    const answers = JSON.stringify([listed.body, read.body, asked.body]);
    const stored = JSON.stringify(
      app.storage.readModels.prepare('SELECT * FROM wh_subscriptions').all(),
    );
    for (const secret of secrets) {
      const key = secret.slice('whsec_'.length);
      expect(answers).not.toContain(key);
      expect(lines.join('\n')).not.toContain(key);
      expect(stored).not.toContain(key);
    }
  });

  it('rotates the secret (shown once, both signing for a day), disables, enables and deletes', async () => {
    const { subscription, secret } = await create(Role.ADMIN, '/rotating', {
      eventTypes: ['certificate.reinstated'],
    });
    const rotated = dataOf(await api.query(Role.ADMIN, ROTATE, { id: subscription.id }))
      .rotateWebhookSecret as { secret: string; subscription: { id: string } };
    expect(rotated.secret).not.toBe(secret);
    expect(app.webhooks.subscriptions.signingSecrets(subscription.id)).toEqual([
      rotated.secret,
      secret,
    ]);
    expect(dataOf(await api.query(Role.ADMIN, DISABLE, { id: subscription.id }))).toEqual({
      disableWebhookSubscription: { id: subscription.id, enabled: false, disabledReason: 'MANUAL' },
    });
    expect(dataOf(await api.query(Role.ADMIN, ENABLE, { id: subscription.id }))).toEqual({
      enableWebhookSubscription: { id: subscription.id, enabled: true, disabledReason: null },
    });
    const updated = dataOf(
      await api.query(Role.ADMIN, UPDATE, {
        input: { id: subscription.id, eventTypes: ['certificate.withdrawn'], description: 'new' },
      }),
    ).updateWebhookSubscription as Record<string, unknown>;
    expect(updated).toMatchObject({
      eventTypes: ['certificate.withdrawn'],
      description: 'new',
      url: receiver.url('/rotating'),
    });
    expect(dataOf(await api.query(Role.ADMIN, DELETE, { id: subscription.id }))).toEqual({
      deleteWebhookSubscription: true,
    });
    expect(
      (await api.query(Role.ADMIN, GET, { id: subscription.id })).body.errors?.[0],
    ).toMatchObject({
      message: `WebhookSubscription ${subscription.id} was not found`,
      extensions: { code: 'NOT_FOUND', entity: 'WebhookSubscription', id: subscription.id },
    });
  });

  it('recovers failed deliveries with their original webhook-id', async () => {
    const { subscription } = await create(Role.ADMIN, '/recovering', {
      eventTypes: ['certificate.suspended'],
    });
    const id = app.webhooks.subscriptions.get(subscription.id).id;
    const db = app.storage.readModels;
    db.prepare(
      `INSERT INTO wh_deliveries (webhook_id, event_id, subscription_id, event_type, payload, status,
         next_attempt_at, created_at) VALUES ('msg_recovered', 'event-x', ?, 'certificate.suspended',
         '{"type":"certificate.suspended"}', 'failed', NULL, ?)`,
    ).run(id, Date.parse(NOW));
    const recovered = await api.query(Role.ADMIN, RECOVER, {
      subscriptionId: id,
      since: '2024-08-31T00:00:00Z',
    });
    expect(dataOf(recovered)).toEqual({ recoverWebhookDeliveries: 1 });
    const received = await eventually(
      () => receivedAt('/recovering').find((r) => r.webhookId === 'msg_recovered'),
      'the recovered delivery',
    );
    expect(received.body).toBe('{"type":"certificate.suspended"}');
  });

  it('cancels, with the reason, the waiting deliveries an endpoint narrowed by updateWebhookSubscription no longer matches', async () => {
    const { subscription } = await create(Role.ADMIN, '/narrowed', {
      eventTypes: ['certificate.suspended', 'certificate.withdrawn'],
    });
    dataOf(await api.query(Role.ADMIN, DISABLE, { id: subscription.id }));
    const waiting = app.storage.readModels.prepare(
      `INSERT INTO wh_deliveries (webhook_id, event_id, subscription_id, event_type, payload, status,
         next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
    );
    const queue = (eventId: string, type: string, organisationId: string) =>
      waiting.run(
        `msg_${eventId}`,
        eventId,
        subscription.id,
        type,
        JSON.stringify({ type, data: { organisationId } }),
        Date.parse(NOW),
        Date.parse(NOW),
      );
    queue('narrow-1', 'certificate.suspended', ORGANISATION);
    queue('narrow-2', 'certificate.withdrawn', ORGANISATION);
    queue('narrow-3', 'certificate.suspended', 'org-other');

    dataOf(
      await api.query(Role.ADMIN, UPDATE, {
        input: {
          id: subscription.id,
          eventTypes: ['certificate.suspended'],
          organisationId: ORGANISATION,
        },
      }),
    );
    expect(
      (await deliveriesOf(subscription.id)).map((d) => [
        d.eventId,
        d.status,
        d.cancelledReason,
        d.cancelledAt,
        d.nextAttemptAt,
      ]),
    ).toEqual([
      [
        'narrow-3',
        'CANCELLED',
        `the endpoint takes the events of ${ORGANISATION} only`,
        NOW_ISO,
        null,
      ],
      [
        'narrow-2',
        'CANCELLED',
        'the endpoint no longer takes certificate.withdrawn',
        NOW_ISO,
        null,
      ],
      ['narrow-1', 'PENDING', null, null, NOW_ISO],
    ]);
    const cancelled = await api.query(Role.ADMIN, DELIVERIES, {
      subscriptionId: subscription.id,
      status: 'CANCELLED',
    });
    const edges = (
      dataOf(cancelled).webhookDeliveries as { edges: { node: { eventId: string } }[] }
    ).edges;
    expect(edges.map((e) => e.node.eventId)).toEqual(['narrow-3', 'narrow-2']);
    dataOf(await api.query(Role.ADMIN, DELETE, { id: subscription.id }));
  });

  it('records the answer to an attempt in flight when updateWebhookSubscription narrows the endpoint, and delivers it on a 2xx', async () => {
    const path = '/narrowed-in-flight';
    const { subscription } = await create(Role.ADMIN, path, {
      eventTypes: ['certificate.suspended', 'certificate.withdrawn'],
    });
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    let arrived = false;
    const respond = receiver.respond;
    receiver.respond = (request) => {
      if (request.path !== path) return respond(request);
      arrived = true;
      return { status: 204, held: answered };
    };
    try {
      app.storage.readModels
        .prepare(
          `INSERT INTO wh_deliveries (webhook_id, event_id, subscription_id, event_type, payload,
             status, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
        )
        .run(
          'msg_in_flight',
          'in-flight',
          subscription.id,
          'certificate.withdrawn',
          JSON.stringify({ type: 'certificate.withdrawn', data: { organisationId: ORGANISATION } }),
          Date.parse(NOW),
          Date.parse(NOW),
        );
      await eventually(() => (arrived ? true : undefined), 'the request held by the receiver');
      dataOf(
        await api.query(Role.ADMIN, UPDATE, {
          input: { id: subscription.id, eventTypes: ['certificate.suspended'] },
        }),
      );
    } finally {
      answer();
      receiver.respond = respond;
    }
    const [delivered] = await eventually(async () => {
      const found = await deliveriesOf(subscription.id);
      return found[0]?.attempts.length === 1 ? found : undefined;
    }, 'the answer to the attempt in flight');
    expect(delivered).toMatchObject({
      eventId: 'in-flight',
      status: 'DELIVERED',
      cancelledReason: 'the endpoint no longer takes certificate.withdrawn',
      attempts: [{ statusCode: 204, succeeded: true }],
    });
    dataOf(await api.query(Role.ADMIN, DELETE, { id: subscription.id }));
  });

  it('keeps the history of an endpoint deleted by deleteWebhookSubscription while an attempt is in flight: the answer recorded, the waiting delivery CANCELLED, nothing sent after', async () => {
    const path = '/deleted-in-flight';
    const { subscription } = await create(Role.CLIENT, path, {
      eventTypes: ['certificate.withdrawn'],
    });
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    let requests = 0;
    const respond = receiver.respond;
    receiver.respond = (request) => {
      if (request.path !== path) return respond(request);
      requests++;
      return { status: 204, held: answered };
    };
    const queue = app.storage.readModels.prepare(
      `INSERT INTO wh_deliveries (webhook_id, event_id, subscription_id, event_type, payload,
         status, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
    );
    const payload = JSON.stringify({
      type: 'certificate.withdrawn',
      data: { organisationId: ORGANISATION },
    });
    const logged = lines.length;
    try {
      queue.run(
        'msg_deleted_in_flight',
        'deleted-in-flight',
        subscription.id,
        'certificate.withdrawn',
        payload,
        Date.parse(NOW),
        Date.parse(NOW),
      );
      await eventually(() => (requests > 0 ? true : undefined), 'the request held by the receiver');
      queue.run(
        'msg_deleted_waiting',
        'deleted-waiting',
        subscription.id,
        'certificate.withdrawn',
        payload,
        Date.parse(NOW) + 60_000,
        Date.parse(NOW),
      );
      expect(dataOf(await api.query(Role.CLIENT, DELETE, { id: subscription.id }))).toEqual({
        deleteWebhookSubscription: true,
      });
    } finally {
      answer();
      receiver.respond = respond;
    }
    const [waiting, delivered] = await eventually(async () => {
      const found = await deliveriesOf(subscription.id, Role.CLIENT);
      return found[1]?.attempts.length === 1 ? found : undefined;
    }, 'the answer to the attempt in flight');
    expect(delivered).toMatchObject({
      eventId: 'deleted-in-flight',
      status: 'DELIVERED',
      cancelledReason: 'the endpoint was deleted',
      cancelledAt: NOW_ISO,
      attempts: [{ statusCode: 204, succeeded: true }],
    });
    expect(waiting).toMatchObject({
      eventId: 'deleted-waiting',
      status: 'CANCELLED',
      cancelledReason: 'the endpoint was deleted',
      cancelledAt: NOW_ISO,
      nextAttemptAt: null,
      attempts: [],
    });
    expect(requests).toBe(1);
    expect(lines.slice(logged)).toEqual([]);

    expect(codeOf(await api.query(Role.ADMIN, GET, { id: subscription.id }))).toBe('NOT_FOUND');
    expect(
      (dataOf(await api.query(Role.ADMIN, LIST, {})).webhookSubscriptions as { id: string }[]).map(
        (s) => s.id,
      ),
    ).not.toContain(subscription.id);
    expect(codeOf(await api.query(Role.ADMIN, RESEND, { id: waiting!.id }))).toBe('NOT_FOUND');
    expect(codeOf(await api.query(Role.CLIENT, DELETE, { id: subscription.id }))).toBe('FORBIDDEN');
    const other = { key: api.createKey(Role.CLIENT, 'org-other') };
    expect(codeOf(await api.query(other, DELIVERIES, { subscriptionId: subscription.id }))).toBe(
      'FORBIDDEN',
    );
    expect((await deliveriesOf(subscription.id, Role.ADMIN)).map((d) => d.status)).toEqual([
      'CANCELLED',
      'DELIVERED',
    ]);
  });

  /** A CLIENT's endpoint at `path` with one FAILED delivery (event id: the path's name). */
  const withFailedDelivery = async (path: string) => {
    const name = path.slice(1);
    const { subscription } = await create(Role.CLIENT, path, {
      eventTypes: ['certificate.withdrawn'],
    });
    app.storage.readModels
      .prepare(
        `INSERT INTO wh_deliveries (webhook_id, event_id, subscription_id, event_type, payload,
           status, attempt_count, created_at) VALUES (?, ?, ?, ?, ?, 'failed', 8, ?)`,
      )
      .run(
        `msg_${name.replaceAll('-', '_')}`,
        name,
        subscription.id,
        'certificate.withdrawn',
        JSON.stringify({ type: 'certificate.withdrawn', data: { organisationId: ORGANISATION } }),
        Date.parse(NOW),
      );
    return subscription;
  };

  /** The same, deleted. */
  const deletedWithFailedDelivery = async (path: string) => {
    const subscription = await withFailedDelivery(path);
    dataOf(await api.query(Role.CLIENT, DELETE, { id: subscription.id }));
    return subscription;
  };

  it('shows on each delivery of a deleted endpoint when the endpoint was deleted, a FAILED one too, for every key that may read it, and null while it exists', async () => {
    const subscription = await withFailedDelivery('/deleted-when');
    expect(await deliveriesOf(subscription.id, Role.CLIENT)).toMatchObject([
      { eventId: 'deleted-when', status: 'FAILED', subscriptionDeletedAt: null },
    ]);

    dataOf(await api.query(Role.CLIENT, DELETE, { id: subscription.id }));
    for (const caller of [Role.ADMIN, Role.CLIENT]) {
      expect(await deliveriesOf(subscription.id, caller)).toMatchObject([
        {
          eventId: 'deleted-when',
          status: 'FAILED',
          cancelledAt: null,
          cancelledReason: null,
          subscriptionDeletedAt: NOW_ISO,
        },
      ]);
    }
  });

  it("answers resendWebhookDelivery of a deleted endpoint's delivery, which webhookDeliveries still lists, NOT_FOUND saying when the endpoint was deleted, for every key that may read it, and changes nothing", async () => {
    const path = '/deleted-resend';
    const subscription = await deletedWithFailedDelivery(path);
    const [failed] = await deliveriesOf(subscription.id, Role.CLIENT);
    expect(failed).toMatchObject({ eventId: 'deleted-resend', status: 'FAILED' });

    for (const caller of [Role.ADMIN, Role.CLIENT]) {
      const response = await api.query(caller, RESEND, { id: failed!.id });
      expect(codeOf(response)).toBe('NOT_FOUND');
      expect(response.body.errors?.[0]?.message).toBe(
        `the endpoint "${subscription.id}" of webhook delivery ${failed!.id} was deleted on ${NOW_ISO}: its deliveries cannot be resent`,
      );
    }
    expect(await deliveriesOf(subscription.id, Role.ADMIN)).toEqual([failed]);
    expect(receivedAt(path)).toEqual([]);
  });

  it('answers recoverWebhookDeliveries of a deleted endpoint NOT_FOUND saying when it was deleted, for every key that may read its history, and sends nothing', async () => {
    const path = '/deleted-recover';
    const subscription = await deletedWithFailedDelivery(path);
    const before = await deliveriesOf(subscription.id, Role.ADMIN);
    expect(before).toMatchObject([{ eventId: 'deleted-recover', status: 'FAILED' }]);

    for (const caller of [Role.ADMIN, Role.CLIENT]) {
      const response = await api.query(caller, RECOVER, {
        subscriptionId: subscription.id,
        since: NOW,
      });
      expect(codeOf(response)).toBe('NOT_FOUND');
      expect(response.body.errors?.[0]?.message).toBe(
        `the endpoint "${subscription.id}" was deleted on ${NOW_ISO}: its deliveries cannot be recovered`,
      );
    }
    expect(await deliveriesOf(subscription.id, Role.ADMIN)).toEqual(before);
    expect(receivedAt(path)).toEqual([]);
  });

  describe('access', () => {
    it('lets a CLIENT key manage its own organisation only', async () => {
      const { subscription } = await create(Role.CLIENT, '/client', {
        eventTypes: ['certificate.suspended'],
      });
      expect(subscription.organisationId).toBe(ORGANISATION);
      expect(
        codeOf(
          await api.query(Role.CLIENT, CREATE, {
            input: {
              url: receiver.url('/x'),
              eventTypes: ['certificate.issued'],
              organisationId: 'org-other',
            },
          }),
        ),
      ).toBe('FORBIDDEN');
      const listed = dataOf(await api.query(Role.CLIENT, LIST)).webhookSubscriptions as {
        organisationId: string;
      }[];
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.every((s) => s.organisationId === ORGANISATION)).toBe(true);
      expect(codeOf(await api.query(Role.CLIENT, LIST, { organisationId: 'org-other' }))).toBe(
        'FORBIDDEN',
      );
      expect(
        codeOf(
          await api.query(Role.CLIENT, UPDATE, {
            input: { id: subscription.id, organisationId: 'org-other' },
          }),
        ),
      ).toBe('FORBIDDEN');

      const other = { key: api.createKey(Role.CLIENT, 'org-other') };
      for (const [document, variables] of [
        [GET, { id: subscription.id }],
        [DISABLE, { id: subscription.id }],
        [ROTATE, { id: subscription.id }],
        [DELETE, { id: subscription.id }],
        [DELIVERIES, { subscriptionId: subscription.id }],
        [RECOVER, { subscriptionId: subscription.id, since: NOW }],
      ] as const) {
        expect(codeOf(await api.query(other, document, variables))).toBe('FORBIDDEN');
      }
      const [delivery] = await deliveriesOf(
        (
          dataOf(await api.query(Role.ADMIN, LIST, { organisationId: ORGANISATION }))
            .webhookSubscriptions as { id: string; url: string }[]
        ).find((s) => s.url.endsWith('/erp'))!.id,
        Role.ADMIN,
      );
      const errorOf = async (id: string) =>
        (await api.query(other, RESEND, { id })).body.errors?.[0];
      expect(await errorOf(delivery!.id)).toMatchObject({
        message: `no webhook delivery ${delivery!.id} in the organisation of this CLIENT key`,
        extensions: { code: 'FORBIDDEN' },
      });
      expect(await errorOf('999999')).toMatchObject({
        message: 'no webhook delivery 999999 in the organisation of this CLIENT key',
        extensions: { code: 'FORBIDDEN' },
      });
      expect(
        (await api.query(Role.ADMIN, RESEND, { id: '999999' })).body.errors?.[0],
      ).toMatchObject({
        message: 'WebhookDelivery 999999 was not found',
        extensions: { code: 'NOT_FOUND', entity: 'WebhookDelivery', id: '999999' },
      });
    });

    it("keeps an endpoint the CB made for the organisation out of its CLIENT keys' reach", async () => {
      const { subscription: cbs } = await create(Role.ADMIN, '/cb-integration', {
        eventTypes: ['certificate.suspended'],
        organisationId: ORGANISATION,
      });
      const listed = dataOf(await api.query(Role.CLIENT, LIST)).webhookSubscriptions as {
        id: string;
      }[];
      expect(listed.map((s) => s.id)).not.toContain(cbs.id);
      for (const [document, variables] of [
        [GET, { id: cbs.id }],
        [UPDATE, { input: { id: cbs.id, url: receiver.url('/taken-over') } }],
        [ROTATE, { id: cbs.id }],
        [DISABLE, { id: cbs.id }],
        [DELETE, { id: cbs.id }],
        [DELIVERIES, { subscriptionId: cbs.id }],
      ] as const) {
        expect((await api.query(Role.CLIENT, document, variables)).body.errors?.[0]).toMatchObject({
          message: `no webhook subscription ${cbs.id} in the organisation of this CLIENT key`,
          extensions: { code: 'FORBIDDEN' },
        });
      }
      expect(app.webhooks.subscriptions.get(cbs.id)).toMatchObject({
        url: receiver.url('/cb-integration'),
        enabled: true,
      });
    });

    it('keeps an endpoint a CLIENT key made with its organisation: an ADMIN update moving it to another organisation or to every one is refused, changing nothing', async () => {
      const { subscription } = await create(Role.CLIENT, '/client-own', {
        eventTypes: ['certificate.suspended'],
      });
      for (const organisationId of ['org-other', null]) {
        const response = await api.query(Role.ADMIN, UPDATE, {
          input: { id: subscription.id, organisationId, description: 'moved' },
        });
        expect(response.body.errors?.[0]).toMatchObject({
          message:
            `webhook subscription ${subscription.id} is managed by the CLIENT keys of ${ORGANISATION} ` +
            `and takes that organisation's events only, not those of ${organisationId ?? 'every organisation'}: ` +
            'create an endpoint for them instead',
          extensions: { code: 'BAD_USER_INPUT', field: 'organisationId' },
        });
        expect(app.webhooks.subscriptions.get(subscription.id)).toMatchObject({
          organisationId: ORGANISATION,
          description: 'endpoint /client-own',
        });
      }
      const unchanged = await api.query(Role.ADMIN, UPDATE, {
        input: { id: subscription.id, organisationId: ORGANISATION, description: 'kept' },
      });
      expect(dataOf(unchanged).updateWebhookSubscription).toMatchObject({
        organisationId: ORGANISATION,
        description: 'kept',
      });
    });

    it("shows a CLIENT key only its organisation's deliveries of its endpoint, one an ADMIN moved before that was refused included", async () => {
      const { subscription } = await create(Role.CLIENT, '/client-moved', {
        eventTypes: ['certificate.suspended'],
      });
      dataOf(await api.query(Role.CLIENT, DISABLE, { id: subscription.id }));
      const queue = app.storage.readModels.prepare(
        `INSERT INTO wh_deliveries (webhook_id, event_id, subscription_id, event_type, payload,
           status, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
      );
      for (const [eventId, organisationId] of [
        ['moved-own', ORGANISATION],
        ['moved-other', 'org-other'],
      ]) {
        queue.run(
          `msg_${eventId}`,
          eventId,
          subscription.id,
          'certificate.suspended',
          JSON.stringify({ type: 'certificate.suspended', data: { organisationId } }),
          Date.parse(NOW),
          Date.parse(NOW),
        );
      }
      const eventIds = async (caller: Role) =>
        (await deliveriesOf(subscription.id, caller)).map((d) => d.eventId);
      expect(await eventIds(Role.ADMIN)).toEqual(['moved-other', 'moved-own']);
      expect(await eventIds(Role.CLIENT)).toEqual(['moved-own']);
      const other = (await deliveriesOf(subscription.id, Role.ADMIN))[0]!;
      expect(
        (await api.query(Role.CLIENT, RESEND, { id: other.id })).body.errors?.[0],
      ).toMatchObject({
        message: `no webhook delivery ${other.id} in the organisation of this CLIENT key`,
        extensions: { code: 'FORBIDDEN' },
      });
      dataOf(await api.query(Role.ADMIN, DELETE, { id: subscription.id }));
    });

    it('refuses every role but ADMIN and CLIENT, and callers without a key', async () => {
      for (const role of [Role.AUDITOR, Role.DECISION_MAKER, Role.VIEWER]) {
        expect(codeOf(await api.query(role, LIST))).toBe('FORBIDDEN');
        expect(
          codeOf(
            await api.query(role, CREATE, {
              input: { url: receiver.url('/no'), eventTypes: ['certificate.issued'] },
            }),
          ),
        ).toBe('FORBIDDEN');
      }
      expect(codeOf(await api.query('ANONYMOUS', LIST))).toBe('UNAUTHENTICATED');
    });
  });

  describe('bad input', () => {
    const count = () => app.webhooks.subscriptions.list().length;

    it.each([
      ['a URL that is not absolute', { url: 'not a url' }, 'url'],
      ['a URL with credentials', { url: 'https://user:pw@hooks.example.com/' }, 'url'],
      ['a non-http scheme', { url: 'ftp://hooks.example.com/' }, 'url'],
      ['an unknown event type', { eventTypes: ['certificate.exploded'] }, 'eventTypes'],
      ['no event type', { eventTypes: [] }, 'eventTypes'],
      ['a description over 500 characters', { description: 'x'.repeat(501) }, 'description'],
    ])('refuses %s as BAD_USER_INPUT and stores nothing', async (_, change, field) => {
      const before = count();
      const response = await api.query(Role.ADMIN, CREATE, {
        input: {
          url: 'https://hooks.example.com/certcycle',
          eventTypes: ['certificate.issued'],
          description: 'bad',
          ...change,
        },
      });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(fieldOf(response)).toBe(field);
      expect(count()).toBe(before);
    });

    it('answers an unregistered organisation NOT_FOUND naming organisationId, as the lists do, and stores nothing', async () => {
      const before = count();
      const created = await api.query(Role.ADMIN, CREATE, {
        input: {
          url: 'https://hooks.example.com/certcycle',
          eventTypes: ['certificate.issued'],
          organisationId: 'org-nowhere',
        },
      });
      const listed = await api.query(Role.ADMIN, LIST, { organisationId: 'org-nowhere' });
      for (const response of [created, listed]) {
        expect(response.body.errors?.[0]?.extensions).toEqual(
          expect.objectContaining({
            code: 'NOT_FOUND',
            entity: 'Organisation',
            id: 'org-nowhere',
            field: 'organisationId',
          }),
        );
      }
      expect(count()).toBe(before);
    });

    it('answers an update to an unregistered organisation NOT_FOUND and leaves the endpoint as it was', async () => {
      const { subscription } = await create(Role.ADMIN, '/stays', {
        eventTypes: ['certificate.issued'],
        organisationId: ORGANISATION,
      });
      const response = await api.query(Role.ADMIN, UPDATE, {
        input: { id: subscription.id, organisationId: 'org-nowhere' },
      });
      expect(codeOf(response)).toBe('NOT_FOUND');
      expect(fieldOf(response)).toBe('organisationId');
      expect(app.webhooks.subscriptions.get(subscription.id).organisationId).toBe(ORGANISATION);
    });

    it('refuses an unknown event type in an update and leaves the endpoint as it was', async () => {
      const { subscription } = await create(Role.ADMIN, '/unchanged', {
        eventTypes: ['certificate.issued'],
      });
      const response = await api.query(Role.ADMIN, UPDATE, {
        input: { id: subscription.id, eventTypes: ['certificate.issued', 'nope'] },
      });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(fieldOf(response)).toBe('eventTypes');
      expect(app.webhooks.subscriptions.get(subscription.id).eventTypes).toEqual([
        'certificate.issued',
      ]);
    });
  });
});
