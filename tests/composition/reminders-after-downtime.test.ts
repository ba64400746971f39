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

const ORGANISATION = 'org-lapsed';
const CERTIFICATE = `${ORGANISATION}-cert`;

describe('the first scan after downtime', () => {
  const dir = temporaryDirectory('reminders-after-downtime');
  const lines: string[] = [];
  let app: Certcycle | undefined;
  let receiver: Receiver;
  let now = '2024-09-01T02:00:00Z';

  beforeAll(async () => {
    receiver = await Receiver.start('127.0.0.1', () => new Date(now));
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  afterAll(async () => {
    await receiver.close();
    dir.remove();
  });

  const start = async (at: string) => {
    now = at;
    app = await startQuietly(
      testConfig(dir.path, {
        CERTCYCLE_NOW: at,
        CERTCYCLE_WEBHOOK_ALLOW_HTTP: '1',
        CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES: '127.0.0.1',
      }),
      lines,
    );
    await app.ready;
    return app;
  };

  it('sends no surveillance reminder for a certificate whose expiry it records', async () => {
    const first = await start('2024-09-01T02:00:00Z');
    const api = composedApi(first, ORGANISATION);
    await api.granted(ORGANISATION);
    const created = dataOf(
      await api.query(Role.ADMIN, CREATE, {
        input: {
          url: receiver.url('/lapsed'),
          eventTypes: [
            'surveillance_audit.due',
            'surveillance_audit.overdue',
            'certificate.expired',
          ],
          organisationId: ORGANISATION,
        },
      }),
    ).createWebhookSubscription as { secret: string; subscription: { id: string } };
    receiver.expect('/lapsed', created.secret);
    await first.close();

    const restarted = await start('2027-08-21T02:00:00Z');
    for (const scanned of [
      'certcycle: deadline reminders on 2027-08-21',
      `certcycle: recorded the expiry of certificate ${CERTIFICATE} on 2027-08-21`,
    ]) {
      await eventually(() => lines.find((line) => line.startsWith(scanned)), scanned);
    }
    await eventually(() => {
      const pending = restarted.webhooks.deliveries.list(created.subscription.id, {
        status: 'pending',
      });
      const expired = receiver.received.some((r) => r.body.includes('"certificate.expired"'));
      return expired && pending.length === 0 ? true : undefined;
    }, 'every delivery of the restart');
    expect(receiver.rejected).toEqual([]);
    expect(receiver.received.map((r) => (JSON.parse(r.body) as { type: string }).type)).toEqual([
      'certificate.expired',
    ]);
  });
});
