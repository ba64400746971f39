import { certificateHistory } from '../../src/projections';
import {
  ACME,
  BETA,
  d,
  expectSameReadModelsInBatches,
  ISMS_2022,
  Lifecycle,
  SITE,
  typicalReadSide,
} from './lifecycle-fixture';

const expiredEntries = (readSide: ReturnType<ReturnType<typeof typicalReadSide>>, id: string) =>
  certificateHistory(readSide.db, id)
    .filter((entry) => entry.type === 'CertificateExpired')
    .map(({ date, summary }) => ({ date, summary }));

describe('a recorded expiry in the history of a certificate renewed in time, entered after the record', () => {
  const readSide = typicalReadSide('voided-expiry-history');

  /**
   * Beta (expiry 2028-01-09): the scan records the expiry on 2028-01-10, then the renewal decided
   * on 2028-01-05 is entered.
   */
  beforeAll(async () => {
    const run = new Lifecycle(readSide().store);
    await run.certificate(
      {
        type: 'ExpireCertificate',
        data: { certificateId: BETA.certificateId, recordedOn: d('2028-01-10'), actor: 'scanner' },
      },
      'scanner',
    );
    await readSide().runner.catchUp();
    await run.certificate({
      type: 'RenewCertificate',
      data: {
        certificateId: BETA.certificateId,
        auditCycleId: BETA.recertificationCycle,
        decisionDate: d('2028-01-05'),
        effectiveDate: d('2028-01-10'),
        standard: ISMS_2022,
        scope: 'Operation of managed hosting services',
        sites: [SITE],
        organisationName: 'Beta Cloud Ltd',
        organisationLocation: 'Shanghai, CN',
        actor: 'p-decider',
      },
    });
    await readSide().runner.catchUp();
  });

  it('says the renewal voids it, with its date and new expiry, where the record was entered', () => {
    const history = certificateHistory(readSide().db, BETA.certificateId);
    expect(history.slice(-2)).toMatchObject([
      {
        type: 'CertificateExpired',
        date: '2028-01-10',
        summary:
          'Certificate CN-27001-00007 expired on 2028-01-10 (expiry date 2028-01-09); void: ' +
          'renewed on 2028-01-05 (new expiry 2031-01-09), entered after this record',
      },
      { type: 'CertificateRenewed', date: '2028-01-05' },
    ]);
  });

  it('leaves an expiry that a restoration followed as recorded', () => {
    expect(expiredEntries(readSide(), ACME.certificateId)).toEqual([
      {
        date: '2027-03-20',
        summary: 'Certificate CN-20000-00042 expired on 2027-03-20 (expiry date 2027-03-19)',
      },
    ]);
  });

  it('replays to the same rows in batches of any size', async () => {
    await expectSameReadModelsInBatches(readSide().store, readSide().db);
  });
});
