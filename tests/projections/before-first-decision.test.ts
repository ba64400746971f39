import { type CertificateStatus, DEFAULT_POLICY, type StandardReference } from '../../src/domain';
import {
  allProjections,
  certificateRevisions,
  certificatesProjection,
  certificateStatusOn,
  dashboard,
  listCertificates,
  ProjectionRunner,
  verifyCertificate,
  statusOnFromPeriods,
} from '../../src/projections';
import {
  ACME,
  BETA,
  d,
  DECIDER,
  ISMS_2022,
  Lifecycle,
  readModelSnapshot,
  SITE,
  SMS_2018,
  typicalReadSide,
} from './lifecycle-fixture';

/** Decided 2025-11-03, in force from 2025-12-01: DRAFT in between. */
const LATER = {
  organisationId: 'org-later',
  certificateId: 'cert-later',
  number: 'CN-20000-00055',
};
/** Transferred in, decided here 2024-06-10 and in force from 2024-07-01; first certified 2017-11-20. */
const TRANSFER = {
  organisationId: 'org-transfer',
  certificateId: 'cert-transfer',
  number: 'CN-27001-00012',
};

const opening = (
  certificate: { organisationId: string; certificateId: string },
  standard: StandardReference,
  sequence: number,
  decisionDate: string,
  effectiveDate: string,
) => ({
  certificateId: certificate.certificateId,
  organisationId: certificate.organisationId,
  auditCycleId: `${certificate.certificateId}-cycle`,
  numbering: { pattern: 'CN-{standardNumber}-{sequence:5}', sequence },
  standard,
  scope: 'Operation of managed hosting services',
  sites: [SITE],
  organisationName: certificate.organisationId,
  organisationLocation: 'Shanghai, CN',
  certificationBodyName: 'Example Certification Co',
  decisionDate: d(decisionDate),
  effectiveDate: d(effectiveDate),
  policy: DEFAULT_POLICY,
  actor: DECIDER,
});

const counts = (db: Parameters<typeof dashboard>[0], asOf: string) =>
  Object.fromEntries(
    Object.entries(dashboard(db, d(asOf)).certificatesByStatus).filter(([, n]) => n > 0),
  ) as Partial<Record<CertificateStatus, number>>;

const listed = (
  db: Parameters<typeof listCertificates>[0],
  asOf: string,
  status: CertificateStatus | null = null,
) =>
  listCertificates(db, { status }, d(asOf)).items.map(({ node }) => [
    node.number,
    statusOnFromPeriods(node.statusPeriods, d(asOf)),
  ]);

/**
 * The typical lifecycle (Acme decided and in force 2024-03-20, R2 decided 2025-09-01, restored as
 * R3 2027-05-10; Beta decided and in force 2025-01-10), a certificate decided before it takes
 * effect, and a transfer-in whose original certification date is years before its decision here.
 */
describe('a certificate as of a date before its first decision (certificates projection version 8)', () => {
  const readSide = typicalReadSide('before-first-decision');

  beforeAll(async () => {
    const { store, runner } = readSide();
    const run = new Lifecycle(store);
    await run.certificate({
      type: 'IssueCertificate',
      data: opening(LATER, SMS_2018, 55, '2025-11-03', '2025-12-01'),
    });
    await run.certificate({
      type: 'TransferCertificateIn',
      data: {
        ...opening(TRANSFER, ISMS_2022, 12, '2024-06-10', '2024-07-01'),
        previous: {
          certificationBodyName: 'Other Certification Ltd',
          number: 'OC-27001-0017',
          accredited: true,
          suspended: false,
          withdrawn: false,
          expiryDate: d('2026-11-09'),
          originalCertificationDate: d('2017-11-20'),
          cycleDecisionDate: d('2023-11-10'),
        },
      },
    });
    await runner.catchUp();
  });

  it('counts no certificate as of a date before any was decided', () => {
    expect(counts(readSide().db, '2020-01-01')).toEqual({});
  });

  it('counts DRAFT only the certificates decided by the date and not yet in force', () => {
    const { db } = readSide();
    expect(counts(db, '2024-06-09')).toEqual({ ACTIVE: 1 });
    expect(counts(db, '2024-06-20')).toEqual({ ACTIVE: 1, DRAFT: 1 });
    expect(counts(db, '2025-11-02')).toEqual({ ACTIVE: 3 });
    expect(counts(db, '2025-11-03')).toEqual({ ACTIVE: 3, DRAFT: 1 });
    expect(counts(db, '2025-12-01')).toEqual({ ACTIVE: 4 });
  });

  it('counts a transfer-in from its decision here, not from its original certification date', () => {
    expect(counts(readSide().db, '2017-12-01')).toEqual({});
    expect(
      dashboard(readSide().db, d('2017-12-01'), { organisationId: TRANSFER.organisationId }),
    ).toMatchObject({ certificatesByStatus: { DRAFT: 0, ACTIVE: 0 } });
  });

  it('lists, with or without a status filter, only the certificates decided by the date', () => {
    const { db } = readSide();
    expect(listed(db, '2020-01-01')).toEqual([]);
    expect(listed(db, '2020-01-01', 'DRAFT')).toEqual([]);
    expect(listed(db, '2024-06-09')).toEqual([[ACME.number, 'ACTIVE']]);
    expect(listed(db, '2024-06-09', 'DRAFT')).toEqual([]);
    expect(listed(db, '2024-06-20')).toEqual([
      [ACME.number, 'ACTIVE'],
      [TRANSFER.number, 'DRAFT'],
    ]);
    expect(listed(db, '2024-06-20', 'DRAFT')).toEqual([[TRANSFER.number, 'DRAFT']]);
    expect(listed(db, '2025-11-03', 'DRAFT')).toEqual([[LATER.number, 'DRAFT']]);
    expect(listed(db, '2025-11-03').map(([number]) => number)).toEqual([
      ACME.number,
      LATER.number,
      BETA.number,
      TRANSFER.number,
    ]);
  });

  it('verifies a number as unknown before the certificate was decided', () => {
    const { db } = readSide();
    expect(verifyCertificate(db, LATER.number, d('2020-01-01'))).toBeNull();
    expect(verifyCertificate(db, LATER.number, d('2025-11-02'))).toBeNull();
    expect(verifyCertificate(db, TRANSFER.number, d('2024-06-09'))).toBeNull();
    expect(verifyCertificate(db, `${TRANSFER.number}/R1`, d('2018-01-01'))).toBeNull();
    expect(verifyCertificate(db, BETA.number, d('2025-01-09'))).toBeNull();
  });

  it('verifies a number as unknown while the certificate is decided but not in force (DRAFT)', () => {
    const { db } = readSide();
    expect(verifyCertificate(db, LATER.number, d('2025-11-03'))).toBeNull();
    expect(verifyCertificate(db, `${LATER.number}/R1`, d('2025-11-30'))).toBeNull();
    expect(verifyCertificate(db, LATER.number, d('2025-12-01'))).toMatchObject({
      status: 'ACTIVE',
      revision: 1,
    });
    expect(verifyCertificate(db, TRANSFER.number, d('2024-06-10'))).toBeNull();
    expect(verifyCertificate(db, TRANSFER.number, d('2024-07-01'))).toMatchObject({
      status: 'ACTIVE',
      originalCertificationDate: '2017-11-20',
    });
  });

  it('verifies a revision suffix as unknown before that revision was decided', () => {
    const { db } = readSide();
    expect(verifyCertificate(db, `${ACME.number}/R2`, d('2025-08-31'))).toBeNull();
    expect(verifyCertificate(db, ACME.number, d('2025-08-31'))).toMatchObject({ revision: 1 });
    expect(verifyCertificate(db, `${ACME.number}/R2`, d('2025-09-01'))).toMatchObject({
      requestedRevision: 2,
      revisionStatus: 'CURRENT',
    });
    expect(verifyCertificate(db, `${ACME.number}/R3`, d('2027-05-09'))).toBeNull();
    expect(verifyCertificate(db, `${ACME.number}/R3`, d('2027-05-10'))).toMatchObject({
      requestedRevision: 3,
      revisionStatus: 'CURRENT',
    });
  });

  it('never returns the decision dates the register stores', () => {
    const { db } = readSide();
    const stored = db
      .prepare<[string], string>('SELECT revisions FROM rm_register WHERE number = ?')
      .pluck()
      .get(ACME.number);
    expect(JSON.parse(stored ?? '[]')).toMatchObject([
      { revision: 1, decisionDate: '2024-03-20' },
      { revision: 2, decisionDate: '2025-09-01' },
      { revision: 3, decisionDate: '2027-05-10' },
    ]);
    const verified = verifyCertificate(db, `${ACME.number}/R2`, d('2026-01-01'));
    expect(verified).toMatchObject({ requestedRevision: 2 });
    expect(JSON.stringify(verified)).not.toContain('decisionDate');
  });

  it('keeps the status of the certificate itself DRAFT before its decision', () => {
    expect(certificateStatusOn(readSide().db, LATER.certificateId, d('2020-01-01'))).toBe('DRAFT');
  });

  /** Starts a runner over a store whose certificates checkpoint says `version`. */
  const replayFromVersion = async (version: number) => {
    const { db, store } = readSide();
    db.prepare("UPDATE projection_checkpoints SET version = ? WHERE name = 'certificates'").run(
      version,
    );
    await new ProjectionRunner({ store, db, projections: allProjections }).catchUp();
  };

  const certificateColumns = () =>
    readSide()
      .db.prepare<[], string>("SELECT name FROM pragma_table_info('rm_certificates')")
      .pluck()
      .all();

  it('replaces the table of a version 7 store, whose rows had no first decision date, and replays into it', async () => {
    const { db } = readSide();
    const live = readModelSnapshot(db);
    db.exec('ALTER TABLE rm_certificates DROP COLUMN first_decision_date');
    await replayFromVersion(7);
    expect(certificateColumns()).toContain('first_decision_date');
    expect(readModelSnapshot(db)).toEqual(live);
    expect(
      db
        .prepare("SELECT version FROM projection_checkpoints WHERE name = 'certificates'")
        .pluck()
        .get(),
    ).toBe(certificatesProjection.version);
  });

  it('replaces the table of a version 8 store, whose rows held the revisions, and replays the revisions into their own table', async () => {
    const { db } = readSide();
    const live = readModelSnapshot(db);
    db.exec(
      "ALTER TABLE rm_certificates ADD COLUMN revisions TEXT NOT NULL DEFAULT '[]'; DROP TABLE rm_certificate_revisions;",
    );
    await replayFromVersion(8);
    expect(certificateColumns()).not.toContain('revisions');
    expect(readModelSnapshot(db)).toEqual(live);
    expect(certificateRevisions(db, LATER.certificateId).map((r) => r.revision)).toEqual([1]);
  });
});
