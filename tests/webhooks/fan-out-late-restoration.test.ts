import {
  type CertificateEvent,
  certificateDecider,
  certificateEventDate,
  certificateStatusOn,
} from '../../src/domain';
import { SqliteEventStore } from '../../src/eventstore';
import { WebhookFanOut } from '../../src/webhooks';
import {
  certificateExpired,
  certificateIssued,
  certificateRestored,
} from './support/certificate-events';
import { Receiver } from './support/receiver';
import { webhookKit } from './support/webhook-kit';

jest.mock('request-filtering-agent', () =>
  jest.requireActual<{ real(): unknown }>('./support/request-filtering-agent').real(),
);

const ISMS_2013 = { identifier: 'ISO/IEC 27001', version: '2013' };

interface Body {
  type: string;
  data: { status: string; version: number; effectiveDate?: string; expiredOn?: string };
}

/**
 * ISO/IEC 27001:2013 until 2025-05-14, expired (recorded 2025-05-15), restored to 2013 on
 * 2025-09-01: the restored term ends at the version's transition end, 2025-10-31. The restoration
 * was entered after that day, and the next scan records the restored term's expiry.
 */
const log = [
  certificateIssued('c1', 'org-acme', {
    standard: ISMS_2013,
    decisionDate: '2022-05-15',
    effectiveDate: '2022-05-15',
    expiryDate: '2025-05-14',
    uncappedExpiryDate: '2025-05-14',
  }),
  certificateExpired('c1', '2025-05-14', '2025-05-15'),
  certificateRestored('c1', {
    standard: ISMS_2013,
    decisionDate: '2025-09-01',
    effectiveDate: '2025-09-01',
    previousExpiryDate: '2025-05-14',
    expiryDate: '2025-10-31',
    uncappedExpiryDate: '2028-05-14',
    cycleDecisionDate: '2025-09-01',
    gap: { from: '2025-05-15', to: '2025-08-31' },
  }),
  certificateExpired('c1', '2025-10-31', '2025-11-01'),
];

/** The certificate's status as of each event's own date, folded by the domain up to that event. */
const statusesAsOfEachEventDate = () => {
  let state = certificateDecider.initialState();
  return log.map(({ type, data }) => {
    const event = { type, data } as CertificateEvent;
    state = certificateDecider.evolve(state, event);
    return certificateStatusOn(state, certificateEventDate(event));
  });
};

describe('webhooks of a restoration to a capped old version entered after its term ended', () => {
  let kit: ReturnType<typeof webhookKit>;
  let store: SqliteEventStore;
  let fanOut: WebhookFanOut;
  let receiver: Receiver;

  beforeEach(async () => {
    kit = webhookKit('2025-12-01T09:00:00.000Z');
    store = new SqliteEventStore(kit.directory.file('events.db'));
    fanOut = new WebhookFanOut({ store, db: kit.db, clock: kit.clock });
    receiver = await Receiver.start('127.0.0.1', () => kit.clock.now());
    const { secret } = kit.subscriptions.create({
      url: receiver.url('/erp'),
      eventTypes: ['certificate.issued', 'certificate.expired', 'certificate.restored'],
    });
    receiver.expect('/erp', secret);
  });

  afterEach(async () => {
    await fanOut.close();
    await store.close();
    await receiver.close();
    kit.close();
  });

  it('says ACTIVE from the restoration’s date, then EXPIRED from the day after the restored term: each status the certificate has as of its event’s date', async () => {
    await store.appendToStream('certificate-c1', log);
    await fanOut.catchUp();
    await kit.dispatcher().dispatchDue();

    const bodies = receiver.received
      .map((r) => JSON.parse(r.body) as Body)
      .sort((a, b) => a.data.version - b.data.version);
    expect(
      bodies.map(({ type, data }) => [type, data.status, data.effectiveDate ?? data.expiredOn]),
    ).toEqual([
      ['certificate.issued', 'ACTIVE', '2022-05-15'],
      ['certificate.expired', 'EXPIRED', '2025-05-15'],
      ['certificate.restored', 'ACTIVE', '2025-09-01'],
      ['certificate.expired', 'EXPIRED', '2025-11-01'],
    ]);
    expect(bodies.map((body) => body.data.status)).toEqual(statusesAsOfEachEventDate());
  });
});
