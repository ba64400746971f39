import type { Certcycle } from '../../src/composition';
import { Role } from '../../src/graphql';
import { temporaryDirectory } from '../eventstore/temp-store';
import { composedApi, dataOf, eventually } from '../graphql/webhooks/support/composed-api';
import { CREATE } from '../graphql/webhooks/support/documents';
import { Receiver } from '../webhooks/support/receiver';
import { startQuietly, testConfig } from './composed-service';

jest.mock('request-filtering-agent', () =>
  jest.requireActual<{ real(): unknown }>('../webhooks/support/request-filtering-agent').real(),
);

const FINDINGS =
  'query ($id: ID!) { auditCycle(id: $id) { nonconformities { ncId grade escalatedOn } } }';

const FINDING_DEADLINES = `query ($id: ID!) { auditCycle(id: $id) {
  deadlines { key type subject state dueDate openedOn } } }`;

const RAISE = `mutation ($input: RaiseNonconformityInput!) {
  raiseNonconformity(input: $input) { id } }`;

/**
 * A cycle whose stage 2 ended on 2024-08-07 with a minor nonconformity raised that day (response
 * due 2024-11-05) and no corrective-action plan accepted, started again on 2024-11-20 with
 * CERTCYCLE_ESCALATE_OVERDUE_MINOR as given (the same setting when it applied); `meanwhile` runs
 * on the first start, once the finding is raised.
 */
const overdueMinor = async (
  name: string,
  escalate: string,
  meanwhile: (api: ReturnType<typeof composedApi>) => Promise<unknown> = () => Promise.resolve(),
) => {
  const dir = temporaryDirectory(name);
  const lines: string[] = [];
  const start = (at: string) =>
    startQuietly(
      testConfig(dir.path, {
        CERTCYCLE_NOW: at,
        CERTCYCLE_ESCALATE_OVERDUE_MINOR: escalate,
        CERTCYCLE_WEBHOOK_ALLOW_HTTP: '1',
        CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES: '127.0.0.1',
      }),
      lines,
    );
  const first: Certcycle = await start('2024-09-01T02:00:00Z');
  await first.ready;
  const before = composedApi(first, name);
  await before.readyForDecision(name);
  dataOf(
    await before.query(Role.AUDITOR, RAISE, {
      input: {
        auditCycleId: `${name}-cycle`,
        auditId: `${name}-cycle-stage2`,
        ncId: 'nc-minor',
        grade: 'MINOR',
        clause: '8.2.3',
        description: 'service level reports not reviewed',
        raisedOn: '2024-08-07',
      },
    }),
  );
  await meanwhile(before);
  await first.close();
  const later: Certcycle = await start('2024-11-20T02:00:00Z');
  await later.ready;
  await eventually(
    () => lines.find((line) => line.startsWith('certcycle: deadline reminders on 2024-11-20')),
    'the start-up scan',
  );
  const api = composedApi(later, name);
  const findings = async () =>
    dataOf(await api.query(Role.VIEWER, FINDINGS, { id: `${name}-cycle` })).auditCycle;
  return { app: later, api, lines, dir, findings };
};

describe('CERTCYCLE_ESCALATE_OVERDUE_MINOR', () => {
  it('escalates, at the scan, a minor whose response is overdue in a cycle applied for with it on', async () => {
    const { app, lines, dir, findings } = await overdueMinor('org-escalating', '1');
    try {
      expect(lines).toContain(
        'certcycle: escalated minor nonconformity nc-minor of audit cycle org-escalating-cycle to major on 2024-11-20: no corrective-action plan accepted by the response due date',
      );
      expect(await findings()).toEqual({
        nonconformities: [{ ncId: 'nc-minor', grade: 'MAJOR', escalatedOn: '2024-11-20' }],
      });
    } finally {
      await app.close();
      dir.remove();
    }
  });

  it('leaves it minor when off (the default)', async () => {
    const { app, lines, dir, findings } = await overdueMinor('org-lenient', '');
    try {
      expect(lines.filter((line) => line.includes('escalat'))).toEqual([]);
      expect(await findings()).toEqual({
        nonconformities: [{ ncId: 'nc-minor', grade: 'MINOR', escalatedOn: null }],
      });
    } finally {
      await app.close();
      dir.remove();
    }
  });

  it('sends, from the same scan, the reminders of the escalated finding: its overdue response and the verification limit it now has', async () => {
    let now = '2024-09-01T02:00:00Z';
    let subscriptionId = '';
    const receiver = await Receiver.start('127.0.0.1', () => new Date(now));
    const { app, api, dir } = await overdueMinor('org-escalated', '1', async (first) => {
      const created = dataOf(
        await first.query(Role.ADMIN, CREATE, {
          input: {
            url: receiver.url('/escalated'),
            eventTypes: ['nonconformity.response_due', 'nonconformity.verification_due'],
            organisationId: 'org-escalated',
          },
        }),
      ).createWebhookSubscription as { secret: string; subscription: { id: string } };
      receiver.expect('/escalated', created.secret);
      subscriptionId = created.subscription.id;
      now = '2024-11-20T02:00:00Z';
    });
    try {
      const verificationLimit = {
        key: 'MAJOR_NC_VERIFICATION_LIMIT:org-escalated-cycle-stage2:nc-minor',
        type: 'MAJOR_NC_VERIFICATION_LIMIT',
        subject:
          'verification of minor nonconformity nc-minor, escalated to major on 2024-11-20, of stage 2 org-escalated-cycle-stage2',
        state: 'UPCOMING',
        dueDate: '2025-02-07',
        openedOn: '2024-11-20',
      };
      const { deadlines } = dataOf(
        await api.query(Role.VIEWER, FINDING_DEADLINES, { id: 'org-escalated-cycle' }),
      ).auditCycle as { deadlines: { key: string }[] };
      expect(deadlines).toContainEqual(verificationLimit);
      expect(deadlines).toContainEqual({
        key: 'NC_RESPONSE_DUE:nc-minor',
        type: 'NC_RESPONSE_DUE',
        subject: 'minor nonconformity nc-minor, escalated to major on 2024-11-20',
        state: 'OVERDUE',
        dueDate: '2024-11-05',
        openedOn: '2024-08-07',
      });
      const reminders = await eventually(
        () =>
          receiver.received.length > 0 &&
          app.webhooks.deliveries.list(subscriptionId, { status: 'pending' }).length === 0
            ? receiver.received
            : undefined,
        'every delivery of the scan of 2024-11-20',
      );
      expect(receiver.rejected).toEqual([]);
      const sent = reminders.map(
        (r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> },
      );
      expect(
        sent
          .map(({ type, data }) => ({ type, ...data }))
          .sort((a, b) => a.type.localeCompare(b.type)),
      ).toEqual([
        expect.objectContaining({
          type: 'nonconformity.response_due',
          deadlineKey: 'NC_RESPONSE_DUE:nc-minor',
          subject: 'minor nonconformity nc-minor, escalated to major on 2024-11-20',
          dueDate: '2024-11-05',
          threshold: 'overdue',
        }),
        expect.objectContaining({
          type: 'nonconformity.verification_due',
          deadlineKey: verificationLimit.key,
          dueDate: '2025-02-07',
          threshold: 90,
        }),
      ]);
    } finally {
      await app.close();
      await receiver.close();
      dir.remove();
    }
  });
});
