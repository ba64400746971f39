import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import {
  CertificateNumberAllocator,
  CertificationOutcomeReactor,
  lifecycleService,
  SettableClock,
} from '../../src/application';
import {
  type Certcycle,
  sqliteCheckpointStore,
  startWebhookMachinery,
  webhookSecretKeyFile,
} from '../../src/composition';
import { calendarDate, DEFAULT_POLICY } from '../../src/domain';
import { SqliteEventStore } from '../../src/eventstore';
import { createInMemoryPubSub, Role } from '../../src/graphql';
import { allProjections, ProjectionRunner } from '../../src/projections';
import { SecretBox, WebhookSubscriptions } from '../../src/webhooks';
import { temporaryDirectory } from '../eventstore/temp-store';
import { composedApi, dataOf, eventually } from '../graphql/webhooks/support/composed-api';
import { CREATE, DEADLINE_REMINDER } from '../graphql/webhooks/support/documents';
import { Receiver } from '../webhooks/support/receiver';
import type { ApiHarness } from '../graphql/support/api-harness';
import { mutate } from '../graphql/mutations/lifecycle-over-http';
import { startQuietly, testConfig } from './composed-service';

jest.mock('request-filtering-agent', () =>
  jest.requireActual<{ real(): unknown }>('../webhooks/support/request-filtering-agent').real(),
);

const ORGANISATION = 'org-reminded';
const WEBHOOK_ENV = {
  CERTCYCLE_WEBHOOK_ALLOW_HTTP: '1',
  CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES: '127.0.0.1',
};

interface Body {
  type: string;
  data: Record<string, unknown>;
}

describe('deadline reminders of the composed service', () => {
  const dir = temporaryDirectory('webhook-reminders');
  const lines: string[] = [];
  let app: Certcycle | undefined;
  let receiver: Receiver;
  let now = '2024-09-01T02:00:00Z';
  const clients: Client[] = [];

  beforeAll(async () => {
    receiver = await Receiver.start('127.0.0.1', () => new Date(now));
  });
  afterEach(async () => {
    clients.splice(0).forEach((client) => void client.dispose());
    await app?.close();
    app = undefined;
  });
  afterAll(async () => {
    await receiver.close();
    dir.remove();
  });

  const start = async (at: string, env: Record<string, string> = {}) => {
    now = at;
    app = await startQuietly(
      testConfig(dir.path, { CERTCYCLE_NOW: at, ...WEBHOOK_ENV, ...env }),
      lines,
    );
    await app.ready;
    return { app, api: composedApi(app, ORGANISATION) };
  };

  it('keeps a generated secret key in the data directory with mode 0600, never in the log', async () => {
    await start(now);
    const file = webhookSecretKeyFile({ dataDir: dir.path });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(lines.some((line) => line.includes(file))).toBe(true);
  });

  it('sends the nearest crossed surveillance reminder at start, once across restarts', async () => {
    const first = await start('2024-09-01T02:00:00Z');
    await first.api.granted(ORGANISATION);
    const created = dataOf(
      await first.api.query(Role.ADMIN, CREATE, {
        input: {
          url: receiver.url('/reminders'),
          eventTypes: ['surveillance_audit.due', 'surveillance_audit.overdue'],
          organisationId: ORGANISATION,
        },
      }),
    ).createWebhookSubscription as { secret: string };
    receiver.expect('/reminders', created.secret);
    await app!.close();
    expect(receiver.received).toEqual([]);

    await start('2025-07-01T02:00:00Z');
    const received = await eventually(
      () => receiver.received.find((r) => r.path === '/reminders'),
      'the reminder sent at start',
    );
    expect(receiver.rejected).toEqual([]);
    const body = JSON.parse(received.body) as Body;
    expect(body).toMatchObject({
      type: 'surveillance_audit.due',
      data: {
        certificateId: `${ORGANISATION}-cert`,
        organisationId: ORGANISATION,
        deadlineType: 'SURVEILLANCE_AUDIT_DUE',
        deadlineKey: 'SURVEILLANCE_AUDIT_DUE:1',
        threshold: 60,
      },
    });
    expect(body.data.daysRemaining).toBeGreaterThan(30);
    expect(body.data.daysRemaining).toBeLessThanOrEqual(60);
    expect(lines).toContain(
      'certcycle: deadline reminders on 2025-07-01: 1 recorded (1 webhook delivery queued), ' +
        '1 skipped',
    );
    await app!.close();

    await start('2025-07-01T02:00:00Z');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.received.filter((r) => r.path === '/reminders')).toHaveLength(1);
  });

  it("reminds a suspension's limit over a real webhook, from the deadlines read model", async () => {
    const { api } = await start('2025-07-01T02:00:00Z', {
      CERTCYCLE_DATA_DIR: `${dir.path}/suspension`,
      CERTCYCLE_REMINDER_SCAN_INTERVAL_MS: '200',
    });
    await api.granted('org-suspended');
    const created = dataOf(
      await api.query(Role.ADMIN, CREATE, {
        input: {
          url: receiver.url('/suspension'),
          eventTypes: ['certificate.suspension_limit'],
          organisationId: 'org-suspended',
        },
      }),
    ).createWebhookSubscription as { secret: string };
    receiver.expect('/suspension', created.secret);
    await mutate(
      { query: api.query } as unknown as ApiHarness,
      Role.DECISION_MAKER,
      'suspendCertificate',
      {
        certificateId: 'org-suspended-cert',
        grounds: 'NON_PAYMENT',
        details: 'unpaid',
        ownFault: true,
        suspendedOn: '2025-03-15',
      },
    );
    const received = await eventually(
      () => receiver.received.find((r) => r.path === '/suspension'),
      'the suspension limit reminder',
    );
    expect(JSON.parse(received.body)).toMatchObject({
      type: 'certificate.suspension_limit',
      data: {
        certificateId: 'org-suspended-cert',
        deadlineType: 'SUSPENSION_LIMIT',
        dueDate: '2025-09-15',
        threshold: 90,
        daysRemaining: 76,
      },
    });
  });

  it('feeds the deadlineReminder websocket subscription from the interval scan', async () => {
    const { app: service, api } = await start('2025-07-01T02:00:00Z', {
      CERTCYCLE_DATA_DIR: `${dir.path}/live`,
      CERTCYCLE_REMINDER_SCAN_INTERVAL_MS: '200',
    });
    const connect = (key: string) => {
      const client = createClient({
        url: service.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: true,
        connectionParams: { authorization: `Bearer ${key}` },
      });
      clients.push(client);
      const reminders = client.iterate<{ deadlineReminder: Record<string, unknown> }>({
        query: DEADLINE_REMINDER,
        variables: { organisationId: 'org-live' },
      });
      return reminders[Symbol.asyncIterator]();
    };
    await api.readyForDecision('org-live');
    const refused = connect(api.createKey(Role.CLIENT, 'org-elsewhere')).next();
    expect(await refused).toMatchObject({
      value: { errors: [{ extensions: { code: 'FORBIDDEN' } }] },
    });
    const reminders = connect(api.createKey(Role.CLIENT, 'org-live'));
    const next = reminders.next();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await api.grant('org-live');
    const { value } = await next;
    expect(value).toMatchObject({
      data: {
        deadlineReminder: {
          eventType: 'surveillance_audit.due',
          certificateId: 'org-live-cert',
          organisationId: 'org-live',
          deadlineType: 'SURVEILLANCE_AUDIT_DUE',
          thresholdDays: 60,
          overdue: false,
          remindedAt: '2025-07-01T02:00:00.000Z',
        },
      },
    });
  });

  it('warns at start of the endpoints whose signing secret another key sealed', async () => {
    const first = await start('2025-07-01T02:00:00Z');
    const created = dataOf(
      await first.api.query(Role.ADMIN, CREATE, {
        input: { url: receiver.url('/other-key'), eventTypes: ['certificate.suspended'] },
      }),
    ).createWebhookSubscription as { subscription: { id: string } };
    const { id } = created.subscription;
    await app!.close();
    const unreadable = (line: string) => line.startsWith('certcycle: warning: the signing secret');
    expect(lines.filter(unreadable)).toEqual([]);

    await start('2025-07-01T02:00:00Z', {
      CERTCYCLE_WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64'),
    });
    const warnings = lines.filter(unreadable);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(id);
    expect(warnings[0]).toContain('does not open with this CERTCYCLE_WEBHOOK_SECRET_KEY');
  });

  it('runs no delivery or scan with CERTCYCLE_WEBHOOKS=0', async () => {
    const { app: service } = await start('2025-07-01T02:00:00Z', {
      CERTCYCLE_DATA_DIR: `${dir.path}/off`,
      CERTCYCLE_WEBHOOKS: '0',
    });
    expect(service.webhooks.machinery).toBeNull();
    expect(lines).toContain(
      'certcycle: webhook delivery and deadline reminders are off (CERTCYCLE_WEBHOOKS=0)',
    );
  });
});

describe('automatic suspension for a missed surveillance audit', () => {
  const ADMIN = { actor: 'admin-1' };
  const AUDITOR = { actor: 'aud-1' };
  const d = calendarDate;

  /** Certificate cert-a granted 2024-03-20 (expiry 2027-03-19); the first scan runs at `scanAt`. */
  const certifiedService = async (
    autoSuspend: boolean,
    scanAt = '2025-04-01T02:00:00Z',
    eventTypes = ['certificate.suspended', 'surveillance_audit.overdue'],
  ) => {
    const dir = temporaryDirectory('auto-suspension');
    const store = new SqliteEventStore(dir.file('events.db'));
    const db = new Database(dir.file('read-models.db'));
    const clock = new SettableClock('2024-03-25T02:00:00Z');
    const policy = { ...DEFAULT_POLICY, autoSuspendOnMissedSurveillance: autoSuspend };
    const service = lifecycleService({ store, clock, policy, timeZone: 'UTC' });
    const runningPolicy = { ...DEFAULT_POLICY, autoSuspendOnMissedSurveillance: false };
    const runner = new ProjectionRunner({ store, db, projections: allProjections });
    const reactor = new CertificationOutcomeReactor({
      store,
      clock,
      checkpoints: sqliteCheckpointStore(db),
      numbers: new CertificateNumberAllocator({ store, clock }),
      numberPattern: 'CN-{sequence:5}',
      certificationBodyName: 'Example CB',
    });
    await runner.start();
    reactor.start();
    await service.registerOrganisation(
      {
        organisationId: 'org-a',
        legalName: 'A Ltd',
        registrationNumber: '91310000MA1K4XXX0Q',
        country: 'CN',
        address: '1 Road',
        registeredOn: d('2023-09-01'),
      },
      ADMIN,
    );
    await service.addSite(
      {
        organisationId: 'org-a',
        siteId: 'site-a',
        name: 'Head office',
        address: '1 Road',
        country: 'CN',
        addedOn: d('2023-09-01'),
      },
      ADMIN,
    );
    await service.recordReadiness(
      {
        organisationId: 'org-a',
        recordedOn: d('2023-12-05'),
        managementSystemOperatingSince: d('2023-06-01'),
        lastInternalAuditCompletedOn: d('2023-11-15'),
        lastManagementReviewCompletedOn: d('2023-12-01'),
      },
      ADMIN,
    );
    await service.submitApplication(
      {
        auditCycleId: 'cycle-a',
        organisationId: 'org-a',
        certificateId: 'cert-a',
        standard: { identifier: 'ISO/IEC 20000-1', version: '2018' },
        scope: {
          text: 'IT services',
          services: ['hosting'],
          customers: ['external customers'],
          locations: ['Beijing'],
        },
        sites: ['site-a'],
        submittedOn: d('2024-01-10'),
      },
      ADMIN,
    );
    await service.reviewApplication(
      { auditCycleId: 'cycle-a', outcome: 'ACCEPTED', reasons: [], reviewedOn: d('2024-01-15') },
      ADMIN,
    );
    for (const [auditId, kind, first, last] of [
      ['stage1', 'STAGE1', '2024-02-05', '2024-02-06'],
      ['stage2', 'STAGE2', '2024-03-04', '2024-03-06'],
    ] as const) {
      await service.planAudit(
        {
          auditCycleId: 'cycle-a',
          auditId,
          kind,
          plannedStart: d(first),
          plannedEnd: d(last),
          mode: 'ON_SITE',
          leadAuditorId: 'aud-1',
          team: ['aud-1', 'aud-2'],
          sites: ['site-a'],
        },
        AUDITOR,
      );
      await service.completeAudit(
        { auditCycleId: 'cycle-a', auditId, firstDay: d(first), lastDay: d(last) },
        AUDITOR,
      );
    }
    const grant = await service.decideCertification(
      { auditCycleId: 'cycle-a', decision: 'GRANTED', decidedOn: d('2024-03-20'), reasons: ['ok'] },
      { actor: 'dm-1' },
    );
    await reactor.waitFor(grant.position!, 5000);
    const head = (await store.readAll()).at(-1)!;
    await runner.waitFor(head.position, 5000);

    const secrets = new SecretBox(randomBytes(32));
    const receiver = await Receiver.start('127.0.0.1', () => clock.now());
    const { secret } = new WebhookSubscriptions({
      db,
      clock,
      secrets,
      allowHttp: true,
      allowedAddresses: ['127.0.0.1'],
    }).create({
      url: receiver.url('/suspensions'),
      eventTypes,
    });
    receiver.expect('/suspensions', secret);
    clock.set(scanAt);
    const log: string[] = [];
    const machinery = await startWebhookMachinery({
      store,
      readModels: db,
      clock,
      timeZone: 'UTC',
      policy: runningPolicy,
      service,
      readModelsReached: (position) => runner.waitFor(position, 5000),
      pubSub: createInMemoryPubSub(),
      secrets,
      config: {
        allowHttp: true,
        allowedAddresses: ['127.0.0.1'],
        reminderScanIntervalMs: 3_600_000,
      },
      log: (line) => log.push(line),
      onFailure: (component, error) => log.push(`${component} failed: ${String(error)}`),
      dispatcher: { pollIntervalMs: 20 },
    });
    return {
      store,
      receiver,
      log,
      machinery,
      close: async () => {
        await machinery.stop();
        await reactor.stop();
        await runner.stop();
        await receiver.close();
        await store.close();
        db.close();
        dir.remove();
      },
    };
  };

  const typesReceived = (receiver: Receiver) =>
    receiver.received.map((r) => (JSON.parse(r.body) as Body).type).sort();

  it("suspends when the certificate's policy says so, whatever the running one, and the suspension goes out as a webhook", async () => {
    const running = await certifiedService(true);
    try {
      const suspension = await eventually(async () => {
        const last = (await running.store.readStream('certificate-cert-a')).at(-1);
        return last?.type === 'CertificateSuspended' ? last : undefined;
      }, 'the automatic suspension after the first scan');
      expect(suspension).toMatchObject({
        type: 'CertificateSuspended',
        data: { grounds: 'MISSED_SURVEILLANCE', suspendedOn: '2025-04-01' },
        metadata: { actor: 'system:deadline-scanner' },
      });
      await eventually(
        () => (running.receiver.received.length >= 2 ? true : undefined),
        'the overdue reminder and the suspension',
      );
      expect(typesReceived(running.receiver)).toEqual([
        'certificate.suspended',
        'surveillance_audit.overdue',
      ]);
      expect(running.log.some((line) => line.includes('suspended certificate cert-a'))).toBe(true);
    } finally {
      await running.close();
    }
  }, 30_000);

  it("only reminds when the certificate's policy does not suspend automatically", async () => {
    const running = await certifiedService(false);
    try {
      await eventually(
        () => (running.receiver.received.length >= 1 ? true : undefined),
        'the overdue reminder',
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(typesReceived(running.receiver)).toEqual(['surveillance_audit.overdue']);
      expect((await running.store.readStream('certificate-cert-a')).at(-1)?.type).not.toBe(
        'CertificateSuspended',
      );
    } finally {
      await running.close();
    }
  }, 30_000);

  it('records an expiry from the day after the expiry date, once, and it goes out as a webhook', async () => {
    const running = await certifiedService(false, '2027-03-21T02:00:00Z', ['certificate.expired']);
    try {
      const expiry = await eventually(async () => {
        const last = (await running.store.readStream('certificate-cert-a')).at(-1);
        return last?.type === 'CertificateExpired' ? last : undefined;
      }, 'the expiry recorded by the first scan');
      expect(expiry).toMatchObject({
        data: { expiryDate: '2027-03-19', expiredOn: '2027-03-20', recordedOn: '2027-03-21' },
        metadata: { actor: 'system:deadline-scanner' },
      });
      await eventually(
        () => (running.receiver.received.length >= 1 ? true : undefined),
        'the certificate.expired webhook',
      );
      expect(JSON.parse(running.receiver.received[0]!.body)).toMatchObject({
        type: 'certificate.expired',
        data: { certificateId: 'cert-a', status: 'EXPIRED', expiredOn: '2027-03-20' },
      });
      await running.machinery.scan();
      const types = (await running.store.readStream('certificate-cert-a')).map((e) => e.type);
      expect(types.filter((type) => type === 'CertificateExpired')).toHaveLength(1);
      expect(
        running.log.some((line) => line.includes('recorded the expiry of certificate cert-a')),
      ).toBe(true);
    } finally {
      await running.close();
    }
  }, 30_000);
});
