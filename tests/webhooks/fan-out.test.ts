import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '../../src/eventstore';
import { WebhookFanOut, webhookMessageId } from '../../src/webhooks';
import {
  certificateIssued,
  certificateScopeReduced,
  certificateSuspended,
  certificateTransitioned,
} from './support/certificate-events';
import { webhookKit } from './support/webhook-kit';

jest.mock('request-filtering-agent', () =>
  jest.requireActual<{ real(): unknown }>('./support/request-filtering-agent').real(),
);

/** SQLite errors come from another realm, which `rejects.toThrow` does not always recognise. */
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => String((error as { message?: unknown }).message ?? error),
  );

describe('webhook fan-out', () => {
  let kit: ReturnType<typeof webhookKit>;
  let store: SqliteEventStore;
  let fanOut: WebhookFanOut;

  beforeEach(() => {
    kit = webhookKit();
    store = new SqliteEventStore(kit.directory.file('events.db'));
    fanOut = new WebhookFanOut({ store, db: kit.db, clock: kit.clock, batchSize: 2 });
  });

  afterEach(async () => {
    await fanOut.close();
    await store.close();
    kit.close();
  });

  const subscribe = (eventTypes: string[], organisationId: string | null = null) =>
    kit.subscriptions.create({ url: 'https://hooks.example.com/x', eventTypes, organisationId })
      .subscription;

  const rows = () =>
    kit.db
      .prepare<
        [],
        { webhook_id: string; event_id: string; subscription_id: string; payload: string }
      >('SELECT webhook_id, event_id, subscription_id, payload FROM wh_deliveries ORDER BY id')
      .all();

  it('lets other work run between its batches: requests are served during a long catch-up', async () => {
    subscribe(['certificate.issued', 'certificate.suspended']);
    await store.appendToStream('certificate-c1', [
      certificateIssued('c1', 'org-acme'),
      certificateSuspended('c1'),
    ]);
    await store.appendToStream('certificate-c2', [certificateIssued('c2', 'org-acme')]);
    const order: string[] = [];
    setImmediate(() => order.push('other work'));
    await fanOut.catchUp().then(() => order.push('caught up'));
    expect(order).toEqual(['other work', 'caught up']);
  });

  it('creates one delivery per matching subscription, filtered by type and organisation', async () => {
    const all = subscribe(['certificate.issued', 'certificate.suspended']);
    const acme = subscribe(['certificate.suspended'], 'org-acme');
    subscribe(['certificate.suspended'], 'org-other');
    const issued = certificateIssued('c1', 'org-acme');
    const suspended = certificateSuspended('c1');
    await store.appendToStream('certificate-c1', [issued, suspended]);

    expect(await fanOut.catchUp()).toBe(2);
    expect(rows().map((r) => [r.event_id, r.subscription_id])).toEqual([
      [issued.id, all.id],
      [suspended.id, all.id],
      [suspended.id, acme.id],
    ]);
    expect(rows().map((r) => r.webhook_id)).toEqual([
      webhookMessageId(issued.id, all.id),
      webhookMessageId(suspended.id, all.id),
      webhookMessageId(suspended.id, acme.id),
    ]);
  });

  it('gives an endpoint nothing recorded before it was created, though fan-out runs later', async () => {
    const earlier = subscribe(['certificate.issued']);
    const issued = certificateIssued('c1', 'org-acme');
    await store.appendToStream('certificate-c1', [issued]);
    const [recorded] = await store.readAll();
    kit.clock.set(new Date(Date.parse(recorded!.metadata.recordedAt) + 1));
    subscribe(['certificate.issued']);

    expect(await fanOut.catchUp()).toBe(1);
    expect(rows().map((r) => [r.event_id, r.subscription_id])).toEqual([[issued.id, earlier.id]]);
  });

  it('maps events to payloads with ids, number, status, dates and the stream version, without findings', async () => {
    subscribe(['certificate.suspended', 'certificate.scope_changed', 'certificate.transitioned']);
    await store.appendToStream('certificate-c1', [
      certificateIssued('c1', 'org-acme'),
      certificateSuspended('c1'),
      certificateTransitioned('c1'),
      certificateScopeReduced('c1'),
    ]);
    await fanOut.catchUp();
    const [suspended, transitioned, scope] = rows().map(
      (r) => JSON.parse(r.payload) as Record<string, unknown>,
    );
    expect(suspended).toEqual({
      type: 'certificate.suspended',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: {
        certificateId: 'c1',
        organisationId: 'org-acme',
        certificateNumber: 'CN-c1',
        status: 'SUSPENDED',
        version: 2,
        suspendedOn: '2026-06-01',
        limitDate: '2026-12-01',
      },
    });
    expect(JSON.stringify(suspended)).not.toMatch(/confidential|SURVEILLANCE_NOT_HELD/);
    expect(transitioned).toMatchObject({
      type: 'certificate.transitioned',
      data: {
        version: 3,
        status: 'SUSPENDED',
        standard: { identifier: 'ISO 9001', version: '2015' },
        previousStandard: { identifier: 'ISO 9001', version: '2008' },
        expiryDate: '2029-01-09',
      },
    });
    expect(scope).toMatchObject({
      type: 'certificate.scope_changed',
      data: { version: 4, change: 'reduced', scope: 'Widgets', status: 'SUSPENDED' },
    });
  });

  it('queues the deliveries of a disabled subscription, which wait until it is enabled', async () => {
    const paused = subscribe(['certificate.suspended']);
    kit.subscriptions.disable(paused.id);
    const suspended = certificateSuspended('c1');
    await store.appendToStream('certificate-c1', [certificateIssued('c1', 'org-acme'), suspended]);
    await fanOut.catchUp();
    expect(rows().map((r) => [r.event_id, r.subscription_id])).toEqual([[suspended.id, paused.id]]);
  });

  it('gives a scope change of an active certificate the status ACTIVE', async () => {
    subscribe(['certificate.scope_changed']);
    await store.appendToStream('certificate-c1', [
      certificateIssued('c1', 'org-acme'),
      certificateScopeReduced('c1'),
    ]);
    await fanOut.catchUp();
    const [scope] = rows().map((r) => JSON.parse(r.payload) as { data: { status: string } });
    expect(scope?.data.status).toBe('ACTIVE');
  });

  it('never duplicates a delivery when a batch is applied again', async () => {
    subscribe(['certificate.issued']);
    await store.appendToStream('certificate-c1', [certificateIssued('c1', 'org-acme')]);
    const events = await store.readAll();
    fanOut.apply(events, events.at(-1)!.position);
    kit.db.prepare('DELETE FROM wh_checkpoints').run();
    fanOut.apply(events, events.at(-1)!.position);
    await fanOut.catchUp();
    expect(rows()).toHaveLength(1);
  });

  it('commits delivery rows and the checkpoint together: a failing batch leaves neither', async () => {
    subscribe(['certificate.issued']);
    const first = certificateIssued('c1', 'o');
    await store.appendToStream('certificate-c1', [first]);
    await store.appendToStream('certificate-c2', [{ ...certificateIssued('c2', 'o'), data: {} }]);
    expect(await failureOf(fanOut.catchUp())).toMatch(/NOT NULL constraint failed/);
    expect(rows()).toEqual([]);
    expect(fanOut.position).toBeNull();

    const single = new WebhookFanOut({ store, db: kit.db, clock: kit.clock, batchSize: 1 });
    expect(await failureOf(single.catchUp())).toMatch(/NOT NULL constraint failed/);
    expect(rows().map((r) => r.event_id)).toEqual([first.id]);
    expect(single.position).toBe((await store.readAll()).at(0)!.position);
  });

  it('follows the log live after catching up', async () => {
    subscribe(['certificate.issued']);
    await fanOut.start();
    await store.appendToStream('certificate-c9', [certificateIssued('c9', 'o')]);
    const deadline = Date.now() + 5000;
    while (rows().length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(rows()).toHaveLength(1);
  });

  it('fans one event out to 1,000 subscriptions in under a second', async () => {
    for (let i = 0; i < 1000; i++) subscribe(['certificate.issued']);
    await store.appendToStream('certificate-c1', [certificateIssued('c1', 'o')]);
    const started = performance.now();
    await fanOut.catchUp();
    const elapsed = performance.now() - started;
    expect(rows()).toHaveLength(1000);
    expect(elapsed).toBeLessThan(1000);
  });
});
