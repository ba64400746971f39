import {
  certificateHistory,
  dashboard,
  auditsOfCycle,
  findAuditCycle,
  nonconformitiesOfCycle,
  findCertificate,
  findCertificateByNumber,
  findOrganisation,
  listCertificates,
  revisionNamedByNumber,
  searchOrganisations,
  sitesOfOrganisations,
  statusOnFromPeriods,
} from '../../src/projections';
import { ACME, BETA, GAMMA, d, typicalReadSide } from './lifecycle-fixture';

describe('read models after a typical lifecycle', () => {
  const readSide = typicalReadSide('read-models');

  it('keeps organisations with their sites and stream version', () => {
    expect(findOrganisation(readSide().db, ACME.organisationId)).toMatchObject({
      legalName: 'Acme IT Services Co., Ltd.',
      registrationNumber: '91310000MA1K4XXX0Q',
      country: 'CN',
      registeredOn: '2023-12-01',
      version: 2,
    });
    expect(
      sitesOfOrganisations(readSide().db, [ACME.organisationId]).get(ACME.organisationId),
    ).toEqual([
      {
        siteId: 'site-hq',
        name: 'Head office',
        address: expect.any(String) as string,
        country: 'CN',
        addedOn: '2023-12-02',
        removedOn: null,
      },
    ]);
    expect(findOrganisation(readSide().db, 'nobody')).toBeNull();
  });

  it('finds organisations by part of the name or the registration number, case-insensitively', () => {
    const names = (search: string) =>
      searchOrganisations(readSide().db, search).items.map((item) => item.node.organisationId);
    expect(names('CLOUD')).toEqual([BETA.organisationId]);
    expect(names('ma0g')).toEqual([GAMMA.organisationId]);
    expect(names('')).toEqual([ACME.organisationId, BETA.organisationId, GAMMA.organisationId]);
    const first = searchOrganisations(readSide().db, '', { first: 2 });
    expect(first.hasNextPage).toBe(true);
    const rest = searchOrganisations(readSide().db, '', { first: 2, after: first.items[1]?.key });
    expect(rest.items.map((item) => item.node.organisationId)).toEqual([GAMMA.organisationId]);
    expect(rest.hasNextPage).toBe(false);
  });

  it('keeps the current revision of a certificate with its dates, scope and version', () => {
    expect(findCertificate(readSide().db, ACME.certificateId)).toMatchObject({
      organisationId: ACME.organisationId,
      number: ACME.number,
      revision: 3,
      numberWithRevision: `${ACME.number}/R3`,
      recordedStatus: 'ACTIVE',
      standard: { identifier: 'ISO/IEC 20000-1', version: '2018' },
      scope: 'Operation of managed hosting and cloud backup services',
      sites: [{ siteId: 'site-hq' }],
      originalCertificationDate: '2024-03-20',
      effectiveDate: '2027-05-10',
      expiryDate: '2030-03-19',
      currentAuditCycleId: ACME.recertificationCycle,
      version: 6,
    });
  });

  it('records status periods with the suspension and the restoration gap', () => {
    const periods = findCertificate(readSide().db, ACME.certificateId)?.statusPeriods;
    expect(periods?.map((p) => [p.status, p.from, p.to, p.revision, p.restorationGap])).toEqual([
      ['ACTIVE', '2024-03-20', '2025-05-31', 1, false],
      ['SUSPENDED', '2025-06-01', '2025-07-14', 1, false],
      ['ACTIVE', '2025-07-15', '2025-08-31', 1, false],
      ['ACTIVE', '2025-09-01', '2027-03-19', 2, false],
      ['EXPIRED', '2027-03-20', '2027-05-09', 2, true],
      ['ACTIVE', '2027-05-10', '2030-03-19', 3, false],
      ['EXPIRED', '2030-03-20', null, 3, false],
    ]);
  });

  it('finds a certificate by number with or without a revision suffix, naming the revision printed with it', () => {
    const { db } = readSide();
    expect(findCertificateByNumber(db, ACME.number)).toMatchObject({
      certificateId: ACME.certificateId,
      revision: 3,
    });
    expect(findCertificateByNumber(db, `${ACME.number}/R2`)).toMatchObject({
      certificateId: ACME.certificateId,
    });
    expect(revisionNamedByNumber(db, ACME, ACME.number)).toBe(1);
    expect(revisionNamedByNumber(db, ACME, `${ACME.number}/R2`)).toBe(2);
    expect(revisionNamedByNumber(db, ACME, `${ACME.number}/R9`)).toBeNull();
    expect(revisionNamedByNumber(db, ACME, BETA.number)).toBeNull();
    expect(findCertificateByNumber(readSide().db, `${ACME.number}/R9`)).toBeNull();
    expect(findCertificateByNumber(readSide().db, 'CN-0')).toBeNull();
  });

  it('lists certificates by status as of a date, standard, organisation and expiry', () => {
    const ids = (
      ...args: Parameters<typeof listCertificates> extends [unknown, ...infer R] ? R : never
    ) => listCertificates(readSide().db, ...args).items.map((item) => item.node.certificateId);
    expect(ids({ status: 'SUSPENDED' }, d('2025-06-15'))).toEqual([ACME.certificateId]);
    expect(ids({ status: 'SUSPENDED' }, d('2025-07-15'))).toEqual([]);
    expect(ids({ status: 'EXPIRED' }, d('2027-04-01'))).toEqual([ACME.certificateId]);
    expect(ids({ status: 'ACTIVE' }, d('2027-04-01'))).toEqual([BETA.certificateId]);
    // Beta is decided 2025-01-10 and in force that day: never DRAFT, not listed before.
    expect(ids({ status: 'DRAFT' }, d('2024-12-31'))).toEqual([]);
    expect(ids({}, d('2024-12-31'))).toEqual([ACME.certificateId]);
    expect(ids({ standard: 'ISO/IEC 27001' }, d('2026-01-01'))).toEqual([BETA.certificateId]);
    expect(ids({ standard: 'ISO/IEC 20000-1:2018' }, d('2026-01-01'))).toEqual([
      ACME.certificateId,
    ]);
    expect(ids({ organisationId: ACME.organisationId }, d('2026-01-01'))).toEqual([
      ACME.certificateId,
    ]);
    // On 2026-01-01 Acme's R2 is in force, expiring 2027-03-19; R3 (restored in 2027) comes later.
    expect(ids({ expiringBefore: d('2029-01-01') }, d('2026-01-01'))).toEqual([
      ACME.certificateId,
      BETA.certificateId,
    ]);
    expect(ids({ expiringBefore: d('2029-01-01') }, d('2027-06-01'))).toEqual([BETA.certificateId]);
    const listed = listCertificates(readSide().db, {}, d('2025-06-15')).items.map((i) => [
      i.node.number,
      statusOnFromPeriods(i.node.statusPeriods, d('2025-06-15')),
    ]);
    expect(listed).toEqual([
      [ACME.number, 'SUSPENDED'],
      [BETA.number, 'ACTIVE'],
    ]);
  });

  it('keeps one history line per event of the certificate and its audit cycles', async () => {
    const history = certificateHistory(readSide().db, ACME.certificateId);
    const streams = [
      `certificate-${ACME.certificateId}`,
      `auditcycle-${ACME.initialCycle}`,
      `auditcycle-${ACME.recertificationCycle}`,
    ];
    const recorded = (await Promise.all(streams.map((s) => readSide().store.readStream(s)))).flat();
    expect(history.map((h) => h.position).sort()).toEqual(recorded.map((e) => e.position).sort());
    expect(history.map((h) => h.type)).toEqual(
      [...recorded].sort((a, b) => (a.position < b.position ? -1 : 1)).map((e) => e.type),
    );
    expect(history.map((h) => h.position)).toEqual([...history.map((h) => h.position)].sort());
    expect(history.find((h) => h.type === 'CertificateSuspended')).toMatchObject({
      date: '2025-06-01',
      actor: 'p-manager',
      auditCycleId: null,
      summary: expect.stringMatching(/^Certificate CN-20000-00042 suspended \(serious failure\)/),
    });
    expect(history.find((h) => h.type === 'CertificateRestored')).toMatchObject({
      date: '2027-05-10',
      actor: 'p-decider',
      summary: expect.stringContaining('not certified from 2027-03-20 to 2027-05-09'),
    });
    expect(history.find((h) => h.type === 'CertificateScopeExtended')).toMatchObject({
      summary: expect.stringMatching(/effective 2025-09-01 after audit special-extension$/),
    });
    expect(history.filter((h) => h.auditCycleId === ACME.recertificationCycle)).toHaveLength(5);
    expect(history.find((h) => h.type === 'AuditCompleted')).toMatchObject({
      date: '2024-02-06',
      summary: 'Stage 1 audit completed 2024-02-05 to 2024-02-06',
    });
  });

  it('keeps audit cycles with audits, nonconformities and the decision', () => {
    const cycle = findAuditCycle(readSide().db, ACME.initialCycle);
    expect(cycle).toMatchObject({
      organisationId: ACME.organisationId,
      certificateId: ACME.certificateId,
      kind: 'INITIAL',
      status: 'CERTIFICATION_GRANTED',
      review: { reviewedOn: '2024-01-15', reviewedBy: 'p-reviewer' },
      decision: {
        decision: 'GRANTED',
        decidedOn: '2024-03-20',
        decisionMakerId: 'p-decider',
        granted: { outcome: 'ISSUE', expiryDate: '2027-03-19' },
      },
    });
    expect(nonconformitiesOfCycle(readSide().db, ACME.initialCycle)).toMatchObject([
      {
        ncId: 'nc-1',
        grade: 'MINOR',
        responseDueOn: '2024-06-04',
        planAcceptedOn: '2024-03-15',
        verifiedOn: null,
      },
    ]);
    expect(
      auditsOfCycle(readSide().db, ACME.initialCycle).map((a) => [a.auditId, a.kind, a.lastDay]),
    ).toEqual([
      ['stage1', 'STAGE1', '2024-02-06'],
      ['stage2', 'STAGE2', '2024-03-06'],
      ['surveillance-1', 'SURVEILLANCE', '2025-02-11'],
      ['surveillance-2', 'SURVEILLANCE', '2026-04-21'],
    ]);
    expect(findAuditCycle(readSide().db, ACME.recertificationCycle)).toMatchObject({
      kind: 'RECERTIFICATION',
      decision: { granted: { outcome: 'RESTORE', previousExpiryDate: '2027-03-19' } },
    });
    expect(findAuditCycle(readSide().db, 'nope')).toBeNull();
  });

  it('counts certificates by status and deadlines by type and state as of a date', () => {
    const board = dashboard(readSide().db, d('2026-04-01'));
    expect(board.certificatesByStatus).toEqual({
      DRAFT: 0,
      ACTIVE: 2,
      SUSPENDED: 0,
      WITHDRAWN: 0,
      EXPIRED: 0,
    });
    const surveillance = board.deadlinesByType.find((c) => c.type === 'SURVEILLANCE_AUDIT_DUE');
    expect(surveillance).toEqual({
      type: 'SURVEILLANCE_AUDIT_DUE',
      upcoming: 0,
      dueToday: 0,
      overdue: 2,
      met: 1,
      ended: 0,
    });
    expect(dashboard(readSide().db, d('2027-04-01')).certificatesByStatus).toMatchObject({
      ACTIVE: 1,
      EXPIRED: 1,
    });
    expect(
      dashboard(readSide().db, d('2025-06-02'), { organisationId: ACME.organisationId })
        .certificatesByStatus,
    ).toMatchObject({ SUSPENDED: 1, ACTIVE: 0, DRAFT: 0 });
  });

  it('counts deadlines up to the last calendar date when the window passes it', () => {
    const board = dashboard(readSide().db, d('2999-12-31'), { withinDays: 3660 });
    expect(board.deadlinesByType.every((count) => count.upcoming === 0)).toBe(true);
  });
});
