import { upcomingDeadlines } from '../../src/projections';
import {
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
    expect(readSide().db.prepare('SELECT * FROM rm_deadline_certificate_lapses').all()).toEqual([
      { certificate_id: BETA.certificateId, lapsed_on: '2028-07-10' },
    ]);
  });

  it('replays to the same rows in batches of any size', async () => {
    await expectSameReadModelsInBatches(readSide().store, readSide().db);
  });
});
