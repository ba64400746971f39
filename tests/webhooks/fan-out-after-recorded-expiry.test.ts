import { SqliteEventStore } from '../../src/eventstore';
import { WebhookFanOut } from '../../src/webhooks';
import {
  certificateExpired,
  certificateIssued,
  certificateReinstated,
  certificateRenewed,
  certificateScopeReduced,
  certificateSuspended,
  certificateTransitioned,
  certificateWithdrawn,
} from './support/certificate-events';
import { Receiver } from './support/receiver';
import { webhookKit } from './support/webhook-kit';

jest.mock('request-filtering-agent', () =>
  jest.requireActual<{ real(): unknown }>('./support/request-filtering-agent').real(),
);

const ISMS_2013 = { identifier: 'ISO/IEC 27001', version: '2013' };
const ISMS_2022 = { identifier: 'ISO/IEC 27001', version: '2022' };

/** A certificate to ISO/IEC 27001:2013 whose term ends on `expiryDate` (the cycle's own: `uncapped`). */
const issuedTo2013 = (certificateId: string, expiryDate: string, uncappedExpiryDate: string) =>
  certificateIssued(certificateId, 'org-acme', {
    standard: ISMS_2013,
    decisionDate: '2023-05-15',
    effectiveDate: '2023-05-15',
    expiryDate,
    uncappedExpiryDate,
  });

/** Its transition to 2022, decided on or before the expiry date: the domain records it late. */
const transitionedTo2022 = (
  certificateId: string,
  expiryDate: string,
  uncappedExpiryDate: string,
) =>
  certificateTransitioned(certificateId, {
    revision: 2,
    standard: ISMS_2022,
    previousStandard: ISMS_2013,
    decisionDate: '2025-06-20',
    effectiveDate: '2025-06-20',
    expiryDate,
    uncappedExpiryDate,
  });

interface Body {
  type: string;
  data: { certificateId: string; status: string; version: number };
}

describe('webhooks of a change decided before the expiry and entered after the scan recorded it', () => {
  let kit: ReturnType<typeof webhookKit>;
  let store: SqliteEventStore;
  let fanOut: WebhookFanOut;
  let receiver: Receiver;

  beforeEach(async () => {
    kit = webhookKit();
    store = new SqliteEventStore(kit.directory.file('events.db'));
    fanOut = new WebhookFanOut({ store, db: kit.db, clock: kit.clock });
    receiver = await Receiver.start('127.0.0.1', () => kit.clock.now());
    const { secret } = kit.subscriptions.create({
      url: receiver.url('/erp'),
      eventTypes: [
        'certificate.expired',
        'certificate.renewed',
        'certificate.transitioned',
        'certificate.scope_changed',
        'certificate.suspended',
        'certificate.reinstated',
        'certificate.withdrawn',
      ],
    });
    receiver.expect('/erp', secret);
  });

  afterEach(async () => {
    await fanOut.close();
    await store.close();
    await receiver.close();
    kit.close();
  });

  /** Fans the log out, sends every delivery to the receiver, and answers what it received. */
  const delivered = async (certificateId: string) => {
    await fanOut.catchUp();
    await kit.dispatcher().dispatchDue();
    return receiver.received
      .map((r) => JSON.parse(r.body) as Body)
      .filter((body) => body.data.certificateId === certificateId)
      .sort((a, b) => a.data.version - b.data.version)
      .map((body) => [body.type, body.data.status]);
  };

  const recordedStatus = (certificateId: string) =>
    kit.db
      .prepare<[string], string>('SELECT status FROM wh_certificates WHERE certificate_id = ?')
      .pluck()
      .get(certificateId);

  it('says ACTIVE, for it and the changes after it, when it lifts the old version’s cap: the certificate never expired', async () => {
    await store.appendToStream('certificate-c1', [
      issuedTo2013('c1', '2025-10-31', '2026-05-14'),
      certificateExpired('c1', '2025-10-31', '2025-11-01'),
      transitionedTo2022('c1', '2026-05-14', '2026-05-14'),
      certificateScopeReduced('c1', {
        revision: 3,
        standard: ISMS_2022,
        decisionDate: '2025-11-10',
        effectiveDate: '2025-11-10',
        expiryDate: '2026-05-14',
        uncappedExpiryDate: '2026-05-14',
      }),
    ]);

    expect(await delivered('c1')).toEqual([
      ['certificate.expired', 'EXPIRED'],
      ['certificate.transitioned', 'ACTIVE'],
      ['certificate.scope_changed', 'ACTIVE'],
    ]);
    expect(recordedStatus('c1')).toBe('ACTIVE');
  });

  it('says EXPIRED, for it and the changes after it, when it keeps the expiry date the scan recorded', async () => {
    await store.appendToStream('certificate-c2', [
      issuedTo2013('c2', '2025-06-30', '2025-06-30'),
      certificateExpired('c2', '2025-06-30', '2025-07-01'),
      transitionedTo2022('c2', '2025-06-30', '2025-06-30'),
      certificateScopeReduced('c2', {
        revision: 3,
        standard: ISMS_2022,
        decisionDate: '2025-06-25',
        effectiveDate: '2025-06-25',
        expiryDate: '2025-06-30',
        uncappedExpiryDate: '2025-06-30',
      }),
    ]);

    expect(await delivered('c2')).toEqual([
      ['certificate.expired', 'EXPIRED'],
      ['certificate.transitioned', 'EXPIRED'],
      ['certificate.scope_changed', 'EXPIRED'],
    ]);
    expect(recordedStatus('c2')).toBe('EXPIRED');
  });

  it('says ACTIVE for a renewal decided in time and entered after the record, by the same rule', async () => {
    await store.appendToStream('certificate-c4', [
      certificateIssued('c4', 'org-acme'),
      certificateExpired('c4', '2029-01-09', '2029-01-10'),
      certificateRenewed('c4', { decisionDate: '2028-12-01', effectiveDate: '2029-01-10' }),
      certificateScopeReduced('c4', {
        revision: 3,
        decisionDate: '2029-03-01',
        effectiveDate: '2029-03-01',
        expiryDate: '2032-01-09',
        uncappedExpiryDate: '2032-01-09',
      }),
    ]);

    expect(await delivered('c4')).toEqual([
      ['certificate.expired', 'EXPIRED'],
      ['certificate.renewed', 'ACTIVE'],
      ['certificate.scope_changed', 'ACTIVE'],
    ]);
  });

  /** A scope reduction of the certificate `certificateIssued` gives, keeping its expiry date. */
  const reducedBeforeExpiry = (certificateId: string, revision: number) =>
    certificateScopeReduced(certificateId, {
      revision,
      decisionDate: '2028-12-20',
      effectiveDate: '2028-12-20',
    });

  it('says EXPIRED for a suspension, and the scope change after it: the expiry applies again after them', async () => {
    await store.appendToStream('certificate-c5', [
      certificateIssued('c5', 'org-acme'),
      certificateExpired('c5', '2029-01-09', '2029-01-10'),
      certificateSuspended('c5', { suspendedOn: '2028-12-01', limitDate: '2029-06-01' }),
      reducedBeforeExpiry('c5', 2),
    ]);

    expect(await delivered('c5')).toEqual([
      ['certificate.expired', 'EXPIRED'],
      ['certificate.suspended', 'EXPIRED'],
      ['certificate.scope_changed', 'EXPIRED'],
    ]);
    expect(recordedStatus('c5')).toBe('EXPIRED');
  });

  it('says EXPIRED for a reinstatement of a suspension the expiry ended', async () => {
    await store.appendToStream('certificate-c6', [
      certificateIssued('c6', 'org-acme'),
      certificateSuspended('c6', { suspendedOn: '2028-11-01', limitDate: '2029-05-01' }),
      certificateExpired('c6', '2029-01-09', '2029-01-10'),
      certificateReinstated('c6', { suspendedOn: '2028-11-01', reinstatedOn: '2028-12-15' }),
    ]);

    expect(await delivered('c6')).toEqual([
      ['certificate.suspended', 'SUSPENDED'],
      ['certificate.expired', 'EXPIRED'],
      ['certificate.reinstated', 'EXPIRED'],
    ]);
    expect(recordedStatus('c6')).toBe('EXPIRED');
  });

  it('says WITHDRAWN for a withdrawal: it voids the expiry', async () => {
    await store.appendToStream('certificate-c7', [
      certificateIssued('c7', 'org-acme'),
      certificateExpired('c7', '2029-01-09', '2029-01-10'),
      certificateWithdrawn('c7', { withdrawnOn: '2028-12-15' }),
    ]);

    expect(await delivered('c7')).toEqual([
      ['certificate.expired', 'EXPIRED'],
      ['certificate.withdrawn', 'WITHDRAWN'],
    ]);
    expect(recordedStatus('c7')).toBe('WITHDRAWN');
  });

  describe('of a certificate recorded EXPIRED before the fan-out kept the expiry date', () => {
    /** Fans out the issue and the expiry, then forgets the expiry date, as rows from before it. */
    const expiredWithoutDate = async (certificateId: string) => {
      await store.appendToStream(`certificate-${certificateId}`, [
        certificateIssued(certificateId, 'org-acme'),
        certificateExpired(certificateId, '2029-01-09', '2029-01-10'),
      ]);
      await fanOut.catchUp();
      kit.db
        .prepare('UPDATE wh_certificates SET expiry_date = NULL WHERE certificate_id = ?')
        .run(certificateId);
    };

    it('says EXPIRED for a scope change, which keeps the term', async () => {
      await expiredWithoutDate('c8');
      await store.appendToStream('certificate-c8', [reducedBeforeExpiry('c8', 2)]);

      expect(await delivered('c8')).toEqual([
        ['certificate.expired', 'EXPIRED'],
        ['certificate.scope_changed', 'EXPIRED'],
      ]);
      expect(recordedStatus('c8')).toBe('EXPIRED');
    });

    it('reads a transition as lifting the old version’s cap (ACTIVE), even one keeping the expiry date: it names no previous term', async () => {
      await expiredWithoutDate('c11');
      await store.appendToStream('certificate-c11', [
        certificateTransitioned('c11', {
          decisionDate: '2028-12-20',
          effectiveDate: '2028-12-20',
        }),
      ]);

      expect(await delivered('c11')).toEqual([
        ['certificate.expired', 'EXPIRED'],
        ['certificate.transitioned', 'ACTIVE'],
      ]);
      expect(recordedStatus('c11')).toBe('ACTIVE');
    });

    it('tells a renewal ending later (ACTIVE) from one keeping the date (EXPIRED) by its previousExpiryDate', async () => {
      await expiredWithoutDate('c9');
      await expiredWithoutDate('c10');
      const renewed = { decisionDate: '2028-12-01', effectiveDate: '2029-01-10' };
      await store.appendToStream('certificate-c9', [certificateRenewed('c9', renewed)]);
      await store.appendToStream('certificate-c10', [
        certificateRenewed('c10', {
          ...renewed,
          expiryDate: '2029-01-09',
          uncappedExpiryDate: '2032-01-09',
        }),
      ]);

      expect(await delivered('c9')).toEqual([
        ['certificate.expired', 'EXPIRED'],
        ['certificate.renewed', 'ACTIVE'],
      ]);
      expect(await delivered('c10')).toEqual([
        ['certificate.expired', 'EXPIRED'],
        ['certificate.renewed', 'EXPIRED'],
      ]);
    });
  });

  it('keeps the expiry date it tells them apart by across batches and restarts of the fan-out', async () => {
    await store.appendToStream('certificate-c3', [
      issuedTo2013('c3', '2025-10-31', '2026-05-14'),
      certificateExpired('c3', '2025-10-31', '2025-11-01'),
    ]);
    await fanOut.catchUp();
    const restarted = new WebhookFanOut({ store, db: kit.db, clock: kit.clock, batchSize: 1 });
    await store.appendToStream('certificate-c3', [
      transitionedTo2022('c3', '2026-05-14', '2026-05-14'),
    ]);
    await restarted.catchUp();

    expect(await delivered('c3')).toEqual([
      ['certificate.expired', 'EXPIRED'],
      ['certificate.transitioned', 'ACTIVE'],
    ]);
  });
});
