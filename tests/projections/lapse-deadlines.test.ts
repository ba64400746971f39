import { openDeadlines, type OpenDeadlinesOptions, upcomingDeadlines } from '../../src/projections';
import {
  ACME,
  BETA,
  d,
  expectSameReadModelsInBatches,
  Lifecycle,
  typicalReadSide,
} from './lifecycle-fixture';

describe('deadlines of a certificate that expired and was never restored', () => {
  const readSide = typicalReadSide('lapse-deadlines');

  /** Beta expires on 2028-01-09 with both surveillance audits missed; its window ends 2028-07-09. */
  const listedOn = (asOf: string) =>
    upcomingDeadlines(readSide().db, {
      asOf: d(asOf),
      withinDays: 3650,
      organisationId: BETA.organisationId,
    }).items.map(({ node }) => `${node.aggregateId} ${node.key} ${node.state}`);

  beforeAll(async () => {
    const run = new Lifecycle(readSide().store);
    await run.cycle({
      type: 'RaiseNonconformity',
      data: {
        auditCycleId: BETA.recertificationCycle,
        ncId: 'nc-recert',
        auditId: 'recert',
        grade: 'MINOR',
        clause: 'A.5.15',
        description: 'access reviews not recorded',
        raisedOn: d('2027-07-06'),
        raisedBy: 'p-auditor',
      },
    });
    await run.certificate(
      {
        type: 'ExpireCertificate',
        data: { certificateId: BETA.certificateId, recordedOn: d('2028-01-10'), actor: 'scanner' },
      },
      'scanner',
    );
    await readSide().runner.catchUp();
  });

  it('end with its restoration window what the term and its audit cycles left open', () => {
    expect(listedOn('2028-07-09')).toEqual([
      `${BETA.initialCycle} SURVEILLANCE_AUDIT_DUE:1 OVERDUE`,
      `${BETA.initialCycle} SURVEILLANCE_AUDIT_DUE:2 OVERDUE`,
      `${BETA.recertificationCycle} NC_RESPONSE_DUE:nc-recert OVERDUE`,
      `${BETA.certificateId} CERTIFICATE_EXPIRY:2028-01-09 OVERDUE`,
      `${BETA.certificateId} RESTORATION_WINDOW_END:2028-01-09 DUE_TODAY`,
    ]);
    expect(listedOn('2028-07-10')).toEqual([]);
    // Acme, restored to a term expiring 2030-03-19, lapses for good after that term's window.
    expect(
      readSide()
        .db.prepare('SELECT * FROM rm_deadline_certificate_lapses ORDER BY certificate_id')
        .all(),
    ).toEqual([
      { certificate_id: ACME.certificateId, lapsed_on: '2030-09-20' },
      { certificate_id: BETA.certificateId, lapsed_on: '2028-07-10' },
    ]);
  });

  it('replays to the same rows in batches of any size', async () => {
    await expectSameReadModelsInBatches(readSide().store, readSide().db);
  });
});

describe('deadlines of a certificate whose expiry the scanner has not recorded yet', () => {
  const readSide = typicalReadSide('unrecorded-lapse-deadlines');

  const listedOn = (asOf: string) =>
    upcomingDeadlines(readSide().db, {
      asOf: d(asOf),
      withinDays: 3650,
      organisationId: BETA.organisationId,
    }).items.map(({ node }) => `${node.aggregateId} ${node.key} ${node.state} ${node.closesOn}`);

  it("lists the expiry that ended by itself to the scanner's actions, which record it, and not to reminders", () => {
    const expiryOf = (asOf: string, options: OpenDeadlinesOptions = {}) =>
      [...openDeadlines(readSide().db, d(asOf), options)]
        .filter((x) => x.certificateId === BETA.certificateId && x.type === 'CERTIFICATE_EXPIRY')
        .map(({ key }) => key);
    const actions = { withinDays: 0, includeUnrecordedExpiry: true };

    expect(expiryOf('2028-07-09')).toEqual(['CERTIFICATE_EXPIRY:2028-01-09']);
    expect(expiryOf('2028-07-09', actions)).toEqual(['CERTIFICATE_EXPIRY:2028-01-09']);
    expect(expiryOf('2028-07-10')).toEqual([]);
    expect(expiryOf('2028-07-10', actions)).toEqual(['CERTIFICATE_EXPIRY:2028-01-09']);
  });

  it('read as of dates after the expiry as they do once the expiry is recorded, however late', async () => {
    const dates = ['2028-01-09', '2028-01-10', '2028-04-01', '2028-07-09', '2028-07-10'];
    const unrecorded = dates.map(listedOn);
    expect(unrecorded[2]).toContain(
      `${BETA.certificateId} RESTORATION_WINDOW_END:2028-01-09 UPCOMING null`,
    );
    expect(unrecorded[2]).toContain(
      `${BETA.certificateId} CERTIFICATE_EXPIRY:2028-01-09 OVERDUE null`,
    );
    expect(unrecorded[4]).toEqual([]);

    await new Lifecycle(readSide().store).certificate(
      {
        type: 'ExpireCertificate',
        data: { certificateId: BETA.certificateId, recordedOn: d('2028-08-15'), actor: 'scanner' },
      },
      'scanner',
    );
    await readSide().runner.catchUp();
    expect(dates.map(listedOn)).toEqual(unrecorded);
  });
});
