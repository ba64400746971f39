import type { Certcycle } from '../../../src/composition';
import { Role } from '../../../src/graphql';
import { startQuietly, testConfig } from '../../composition/composed-service';
import { temporaryDirectory } from '../../eventstore/temp-store';
import { Receiver } from '../../webhooks/support/receiver';
import { composedApi, dataOf, eventually } from './support/composed-api';
import { CREATE, SUSPEND } from './support/documents';

jest.mock('request-filtering-agent', () =>
  jest.requireActual<{ real(): unknown }>('../../webhooks/support/request-filtering-agent').real(),
);

const NOW = '2024-09-01T02:00:00Z';
const ORGANISATION = 'org-loopback6';

const dir = temporaryDirectory('webhooks-allowed-forms');
let app: Certcycle;
let api: ReturnType<typeof composedApi>;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await Receiver.start('::1', () => new Date(NOW));
  app = await startQuietly(
    testConfig(dir.path, {
      CERTCYCLE_NOW: NOW,
      CERTCYCLE_WEBHOOK_ALLOW_HTTP: '1',
      CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES: '0:0:0:0:0:0:0:1',
    }),
  );
  await app.ready;
  api = composedApi(app, ORGANISATION);
  await api.granted(ORGANISATION);
}, 60_000);

afterAll(async () => {
  await app.close();
  await receiver.close();
  dir.remove();
});

describe('an allowed address written in another form than URLs write it', () => {
  it('accepts the endpoint on ::1 allowed as 0:0:0:0:0:0:0:1, and delivers to it', async () => {
    const url = receiver.url('/loopback6');
    expect(url).toMatch(/^http:\/\/\[::1\]:\d+\/loopback6$/);
    const created = dataOf(
      await api.query(Role.ADMIN, CREATE, {
        input: { url, eventTypes: ['certificate.suspended'], organisationId: ORGANISATION },
      }),
    ).createWebhookSubscription as { secret: string; subscription: { url: string } };
    expect(created.subscription.url).toBe(url);
    receiver.expect('/loopback6', created.secret);

    dataOf(
      await api.query(Role.DECISION_MAKER, SUSPEND, {
        input: {
          certificateId: `${ORGANISATION}-cert`,
          grounds: 'SERIOUS_FAILURE',
          details: 'incident management failing',
          ownFault: true,
          suspendedOn: '2024-09-01',
        },
      }),
    );

    const [received] = await eventually(
      () => (receiver.received.length > 0 ? receiver.received : undefined),
      'the suspension webhook on ::1',
    );
    expect(receiver.rejected).toEqual([]);
    expect(received).toMatchObject({ path: '/loopback6', status: 200 });
    expect(JSON.parse(received!.body)).toMatchObject({
      type: 'certificate.suspended',
      data: { certificateId: `${ORGANISATION}-cert`, status: 'SUSPENDED' },
    });
  });
});
