import fc from 'fast-check';
import { calendarDate } from '../../src/domain';
import {
  reminderPlan,
  ReminderRecorder,
  ReminderScanner,
  reminderScanSummary,
  webhookMessageId,
  type OpenDeadline,
} from '../../src/webhooks';
import { runChild } from './support/child';
import { webhookKit } from './support/webhook-kit';

jest.mock('request-filtering-agent', () =>
  jest.requireActual<{ real(): unknown }>('./support/request-filtering-agent').real(),
);

const surveillance = (dueDate: string, certificateId = 'cert-1'): OpenDeadline => ({
  certificateId,
  organisationId: 'org-acme',
  type: 'SURVEILLANCE_AUDIT_DUE',
  key: 'SURVEILLANCE_AUDIT_DUE:1',
  dueDate: calendarDate(dueDate),
  certificateNumber: 'CN-1',
  subject: 'surveillance audit 1',
});

describe('deadline reminders', () => {
  let kit: ReturnType<typeof webhookKit>;
  let open: OpenDeadline[];
  let sent: Record<string, unknown>[];

  beforeEach(() => {
    kit = webhookKit();
    open = [];
    sent = [];
  });

  afterEach(() => kit.close());

  const scanner = (timeZone = 'UTC') =>
    new ReminderScanner({
      db: kit.db,
      clock: kit.clock,
      timeZone,
      deadlines: { openDeadlines: () => open },
      onReminder: (reminder) => sent.push(reminder.data),
    });

  const recorded = () =>
    kit.db
      .prepare<[], { due_date: string; threshold: string; outcome: string }>(
        'SELECT due_date, threshold, outcome FROM wh_reminders ORDER BY recorded_at, threshold',
      )
      .all()
      .map((r) => `${r.due_date} ${r.threshold} ${r.outcome}`);

  it('crosses a threshold at midnight in the CB time zone, not in UTC', async () => {
    open = [surveillance('2026-06-30')];
    const shanghai = scanner('Asia/Shanghai');
    kit.clock.set('2026-05-30T15:59:59Z');
    await shanghai.scan();
    expect(sent.map((r) => [r.threshold, r.daysRemaining])).toEqual([[60, 31]]);
    kit.clock.set('2026-05-30T16:00:00Z');
    expect((await scanner('UTC').scan()).recorded).toBe(0);
    expect(await shanghai.scan()).toEqual({
      asOf: '2026-05-31',
      recorded: 1,
      deliveries: 0,
      withoutEndpoint: 1,
      skipped: 0,
    });
    expect(sent.map((r) => r.threshold)).toEqual([60, 30]);
    expect(recorded()).toEqual([
      '2026-06-30 60 no_endpoint',
      '2026-06-30 90 skipped',
      '2026-06-30 30 no_endpoint',
    ]);
  });

  it('records a reminder no endpoint takes as no_endpoint, and one queued for an endpoint as sent', async () => {
    kit.subscriptions.create({
      url: 'https://hooks.example.com/acme',
      eventTypes: ['surveillance_audit.due'],
      organisationId: 'org-acme',
    });
    open = [
      surveillance('2026-06-30', 'cert-acme'),
      { ...surveillance('2026-06-30', 'cert-other'), organisationId: 'org-other' },
    ];
    kit.clock.set('2026-06-01T08:00:00Z');
    expect(await scanner().scan()).toMatchObject({
      recorded: 2,
      deliveries: 1,
      withoutEndpoint: 1,
    });
    const outcomes = kit.db
      .prepare<[], { certificate_id: string; threshold: string; outcome: string }>(
        `SELECT certificate_id, threshold, outcome FROM wh_reminders
         WHERE outcome <> 'skipped' ORDER BY certificate_id`,
      )
      .all();
    expect(outcomes).toEqual([
      { certificate_id: 'cert-acme', threshold: '30', outcome: 'sent' },
      { certificate_id: 'cert-other', threshold: '30', outcome: 'no_endpoint' },
    ]);
  });

  it('after a 100-day outage sends only the overdue reminder and records the rest as skipped', async () => {
    const { subscription } = kit.subscriptions.create({
      url: 'https://hooks.example.com/a',
      eventTypes: ['surveillance_audit.due', 'surveillance_audit.overdue'],
    });
    open = [surveillance('2026-06-30')];
    const scan = scanner();
    kit.clock.set('2026-03-27T08:00:00Z');
    expect((await scan.scan()).recorded).toBe(0);
    kit.clock.set('2026-07-05T08:00:00Z');
    expect(await scan.scan()).toEqual({
      asOf: '2026-07-05',
      recorded: 1,
      deliveries: 1,
      withoutEndpoint: 0,
      skipped: 4,
    });
    for (let day = 0; day < 30; day++) {
      kit.advance(86_400_000);
      expect((await scan.scan()).recorded).toBe(0);
    }
    expect(sent).toEqual([
      expect.objectContaining({ threshold: 'overdue', daysRemaining: -5, dueDate: '2026-06-30' }),
    ]);
    const [delivery] = kit.deliveries.list(subscription.id);
    expect(delivery).toMatchObject({
      eventType: 'surveillance_audit.overdue',
      webhookId: webhookMessageId(
        'reminder:cert-1:SURVEILLANCE_AUDIT_DUE:1:2026-06-30:overdue',
        subscription.id,
      ),
    });
    expect(JSON.parse(delivery!.payload)).toMatchObject({
      type: 'surveillance_audit.overdue',
      data: { certificateNumber: 'CN-1', organisationId: 'org-acme', threshold: 'overdue' },
    });
    expect(kit.deliveries.list(subscription.id)).toHaveLength(1);
  });

  it('gives a moved due date its own reminders, earlier or later', async () => {
    open = [surveillance('2026-09-30')];
    const scan = scanner();
    kit.clock.set('2026-08-01T00:00:00Z');
    await scan.scan();
    open = [surveillance('2026-12-31')];
    kit.clock.set('2026-08-02T00:00:00Z');
    expect((await scan.scan()).recorded).toBe(0);
    kit.clock.set('2026-10-02T00:00:00Z');
    expect((await scan.scan()).recorded).toBe(1);
    open = [surveillance('2026-11-10')];
    expect((await scan.scan()).recorded).toBe(1);
    expect(sent.map((r) => `${String(r.dueDate)} ${String(r.threshold)}`)).toEqual([
      '2026-09-30 60',
      '2026-12-31 90',
      '2026-11-10 60',
    ]);
  });

  it('stops reminding a deadline that is no longer open (e.g. withdrawn after its 60-day reminder)', async () => {
    open = [surveillance('2026-09-30')];
    const scan = scanner();
    kit.clock.set('2026-08-01T00:00:00Z');
    await scan.scan();
    open = [];
    kit.clock.set('2026-09-25T00:00:00Z');
    expect((await scan.scan()).recorded).toBe(0);
    expect(sent).toHaveLength(1);
  });

  it('sends a transition deadline a restoration to the old version opened none of the thresholds the one its expiry ended was sent at (same version, same due date)', async () => {
    const transition = (key: string): OpenDeadline => ({
      ...surveillance('2025-10-31'),
      type: 'TRANSITION_DEADLINE',
      key,
      subject: 'transition of certificate CN-1 from ISO/IEC 27001:2013',
    });
    const scan = scanner();
    open = [transition('TRANSITION_DEADLINE:ISO/IEC 27001:2013')];
    kit.clock.set('2025-09-05T08:00:00Z');
    await scan.scan();
    kit.clock.set('2025-10-01T08:00:00Z');
    await scan.scan();
    open = [transition('TRANSITION_DEADLINE:ISO/IEC 27001:2013:restored:2025-10-15')];
    kit.clock.set('2025-10-15T08:00:00Z');
    expect(await scan.scan()).toMatchObject({ recorded: 0, skipped: 0 });
    kit.clock.set('2025-10-24T08:00:00Z');
    expect(await scan.scan()).toMatchObject({ recorded: 1, skipped: 0 });
    expect(sent.map((r) => `${String(r.threshold)} ${String(r.deadlineKey)}`)).toEqual([
      '60 TRANSITION_DEADLINE:ISO/IEC 27001:2013',
      '30 TRANSITION_DEADLINE:ISO/IEC 27001:2013',
      '7 TRANSITION_DEADLINE:ISO/IEC 27001:2013:restored:2025-10-15',
    ]);
  });

  it('reminds every deadline type, overdue only where the deadline stays open after its due date', async () => {
    kit.clock.set('2026-06-01T00:00:00Z');
    const deadline = (type: OpenDeadline['type'], dueDate: string): OpenDeadline => ({
      ...surveillance(dueDate, type),
      type,
      key: type,
    });
    open = [
      deadline('RECERTIFICATION_AUDIT_DUE', '2026-06-05'),
      deadline('CERTIFICATE_EXPIRY', '2026-05-01'),
      deadline('CERTIFICATE_EXPIRY', '2026-06-20'),
      deadline('NC_RESPONSE_DUE', '2026-05-30'),
      deadline('STAGE2_DUE', '2026-06-02'),
      deadline('MAJOR_NC_VERIFICATION_LIMIT', '2026-05-31'),
      deadline('SUSPENSION_LIMIT', '2026-05-01'),
      deadline('SUSPENSION_LIMIT', '2026-08-30'),
      deadline('RESTORATION_WINDOW_END', '2026-05-31'),
      deadline('RESTORATION_WINDOW_END', '2026-07-01'),
      deadline('TRANSITION_DEADLINE', '2026-05-31'),
      deadline('TRANSITION_DEADLINE', '2026-06-08'),
      deadline('SURVEILLANCE_AUDIT_DUE', '2026-05-31'),
    ];
    const types: string[] = [];
    await new ReminderScanner({
      db: kit.db,
      clock: kit.clock,
      deadlines: { openDeadlines: () => open },
      onReminder: (r) => types.push(`${r.type} ${String(r.data.threshold)}`),
    }).scan();
    expect(types).toEqual([
      'recertification.due 7',
      'certificate.expiring 30',
      'nonconformity.response_due overdue',
      'stage2_audit.due 7',
      'nonconformity.verification_due overdue',
      'certificate.suspension_limit overdue',
      'certificate.suspension_limit 90',
      'certificate.restoration_window_closing 30',
      'certificate.transition_due 7',
      'surveillance_audit.overdue overdue',
    ]);
  });

  it('counts reminders recorded apart from the webhook deliveries queued for them', async () => {
    for (const url of ['https://hooks.example.com/a', 'https://hooks.example.com/b']) {
      kit.subscriptions.create({ url, eventTypes: ['surveillance_audit.due'] });
    }
    open = [
      surveillance('2026-06-30', 'cert-1'),
      surveillance('2026-06-30', 'cert-2'),
      { ...surveillance('2026-06-30', 'cert-3'), type: 'CERTIFICATE_EXPIRY', key: 'EXPIRY' },
    ];
    kit.clock.set('2026-06-01T00:00:00Z');
    const result = await scanner().scan();
    expect(result).toEqual({
      asOf: '2026-06-01',
      recorded: 3,
      deliveries: 4,
      withoutEndpoint: 1,
      skipped: 6,
    });
    expect(reminderScanSummary(result)).toBe(
      'deadline reminders on 2026-06-01: 3 recorded (4 webhook deliveries queued, 1 for no ' +
        'endpoint), 6 skipped',
    );
  });

  it('logs a scan without endpoints as reminders recorded, none queued', () => {
    const summary = (recorded: number, deliveries: number, withoutEndpoint: number) =>
      reminderScanSummary({
        asOf: calendarDate('2026-06-01'),
        recorded,
        deliveries,
        withoutEndpoint,
        skipped: 0,
      });
    expect(summary(2, 0, 2)).toBe(
      'deadline reminders on 2026-06-01: 2 recorded (0 webhook deliveries queued, 2 for no ' +
        'endpoint), 0 skipped',
    );
    expect(summary(1, 1, 0)).toBe(
      'deadline reminders on 2026-06-01: 1 recorded (1 webhook delivery queued), 0 skipped',
    );
    expect(summary(0, 0, 0)).toBe('deadline reminders on 2026-06-01: 0 recorded, 0 skipped');
  });

  it('records a reminder exactly once', () => {
    const recorder = new ReminderRecorder(kit.db);
    const due = calendarDate('2026-06-30');
    expect(recorder.recordReminder('c', 'k', due, 30, 0)).toBe(true);
    expect(recorder.recordReminder('c', 'k', due, 30, 1)).toBe(false);
    expect(recorder.recordReminder('c', 'k', calendarDate('2026-07-01'), 30, 2)).toBe(true);
  });

  it('sends each reminder once when two scanner processes race over the same deadlines', async () => {
    kit.clock.set(new Date('2025-12-31T00:00:00Z'));
    kit.subscriptions.create({
      url: 'https://hooks.example.com/a',
      eventTypes: ['surveillance_audit.due', 'surveillance_audit.overdue'],
    });
    const file = kit.directory.file('webhooks.db');
    const children = [0, 1].map(() => runChild('reminder-scanner.ts', [file, '120', '60']));
    const results = await Promise.all(children.map((c) => c.exited));
    for (const result of results) expect(result).toMatchObject({ code: 0 });
    const total = children
      .map((c) => Number(/^sent (\d+)$/.exec(c.lines.at(-1) ?? '')?.[1]))
      .reduce((a, b) => a + b, 0);
    const sentRows = kit.db
      .prepare("SELECT count(*) AS n FROM wh_reminders WHERE outcome = 'sent'")
      .get() as { n: number };
    const deliveries = kit.db.prepare('SELECT count(*) AS n FROM wh_deliveries').get() as {
      n: number;
    };
    expect(sentRows.n).toBeGreaterThan(120);
    expect(total).toBe(sentRows.n);
    expect(deliveries.n).toBe(sentRows.n);
  });
});

describe('reminder plan', () => {
  it('sends the nearest crossed threshold and skips every earlier one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -400, max: 400 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 365 }), { maxLength: 6 }),
        (daysRemaining, thresholds) => {
          expect(reminderPlan(Math.min(daysRemaining, -1), thresholds, false).send).toBeNull();
          const plan = reminderPlan(daysRemaining, thresholds, true);
          const crossed = thresholds.filter((t) => daysRemaining <= t);
          const all = [...plan.skip, ...(plan.send === null ? [] : [plan.send])];
          expect(all.filter((t) => t !== 'overdue').sort()).toEqual([...crossed].sort());
          if (daysRemaining < 0) expect(plan.send).toBe('overdue');
          else expect(plan.send).toBe(crossed.length ? Math.min(...crossed) : null);
        },
      ),
    );
  });
});
