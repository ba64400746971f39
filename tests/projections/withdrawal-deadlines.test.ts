import { upcomingDeadlines } from '../../src/projections';
import { ACME, d, Lifecycle, typicalReadSide } from './lifecycle-fixture';

describe('deadlines of a withdrawn certificate', () => {
  const readSide = typicalReadSide('withdrawal-deadlines');

  /** Neither met nor ended by the withdrawal day. */
  const openRows = () =>
    readSide()
      .db.prepare<[string], { aggregate_id: string; key: string }>(
        `SELECT aggregate_id, key FROM rm_deadlines
         WHERE certificate_id = ? AND met_on IS NULL
           AND (closes_on IS NULL OR closes_on > '2027-08-01')`,
      )
      .all(ACME.certificateId);

  it("closes the open deadlines of the certificate's audit cycles on the withdrawal date", async () => {
    const cycleDeadlinesBefore = openRows().filter(
      (row) => row.aggregate_id !== ACME.certificateId,
    );
    expect(cycleDeadlinesBefore.length).toBeGreaterThan(0);

    await new Lifecycle(readSide().store).certificate({
      type: 'WithdrawCertificate',
      data: {
        certificateId: ACME.certificateId,
        withdrawnOn: d('2027-08-01'),
        reason: 'client request',
        ownFault: false,
        actor: 'p-decider',
      },
    });
    await readSide().runner.catchUp();

    expect(openRows()).toEqual([]);
    const listed = upcomingDeadlines(readSide().db, {
      asOf: d('2027-09-01'),
      withinDays: 3650,
      organisationId: ACME.organisationId,
    }).items;
    expect(listed).toEqual([]);
  });
});
