import { loadAggregate } from '../../src/application';
import {
  auditCycleDeadlines,
  auditCycleDecider,
  certificateDecider,
  certificateDeadlines,
  type CertificateState,
  certificateStatusOn,
  type Deadline,
  deadlineStateOn,
  ImpartialityError,
  isValidOn,
  OpenNonconformitiesError,
  revisionOn,
} from '../../src/domain';
import {
  ADMIN,
  AUDITOR,
  audit,
  d,
  DECISION_MAKER,
  lifecycleWorld,
  readyOrganisation,
  SCOPE,
  STANDARD,
  type World,
} from './lifecycle-fixtures';

const EXTENDED_SCOPE = 'IT service management of data-centre hosting and managed network services';

const byKey = (deadlines: readonly Deadline[]) =>
  Object.fromEntries(
    deadlines.map(({ key, dueDate, metOn }) => [key, { dueDate, metOn }] as const),
  );

const stateOn = (deadlines: readonly Deadline[], key: string, asOf: string) => {
  const deadline = deadlines.find((candidate) => candidate.key === key);
  if (!deadline) throw new Error(`no deadline ${key}`);
  const { state, daysRemaining } = deadlineStateOn(deadline, d(asOf));
  return { state, daysRemaining };
};

/** One ISO/IEC 20000-1:2018 certificate through two cycles, through the services and the reactor. */
describe('two certification cycles of one ISO/IEC 20000-1:2018 certificate', () => {
  const worlds = lifecycleWorld('two-cycles');
  let world: World;
  let certificate: CertificateState;
  let renewedCertificateBeforeRenewal: CertificateState;
  const cycle1Deadlines: Deadline[] = [];
  const cycle2Deadlines: Deadline[] = [];

  const loadCertificate = async () =>
    (await loadAggregate(world.store, 'certificate-cert-1', certificateDecider)).state;
  const loadCycle = async (id: string) =>
    (await loadAggregate(world.store, `auditcycle-${id}`, auditCycleDecider)).state;

  beforeAll(async () => {
    world = worlds.open();
    const { service } = world;
    const reactor = world.reactor();

    await readyOrganisation(service);
    const { certificateId } = await service.submitApplication(
      {
        auditCycleId: 'cycle-1',
        organisationId: 'org-1',
        certificateId: 'cert-1',
        standard: STANDARD,
        scope: SCOPE,
        sites: ['site-bj', 'site-sh'],
        submittedOn: d('2024-01-10'),
      },
      ADMIN,
    );
    expect(certificateId).toBe('cert-1');
    await service.reviewApplication(
      {
        auditCycleId: 'cycle-1',
        outcome: 'ACCEPTED',
        reasons: ['ready'],
        reviewedOn: d('2024-01-15'),
      },
      ADMIN,
    );
    await audit(service, 'cycle-1', 'stage1', 'STAGE1', '2024-02-05', '2024-02-06');
    await audit(service, 'cycle-1', 'stage2', 'STAGE2', '2024-03-04', '2024-03-06');
    for (const [ncId, grade] of [
      ['nc-major', 'MAJOR'],
      ['nc-minor', 'MINOR'],
    ] as const) {
      await service.raiseNonconformity(
        {
          auditCycleId: 'cycle-1',
          ncId,
          auditId: 'stage2',
          grade,
          clause: grade === 'MAJOR' ? '8.7.1' : '9.2',
          description: `${grade.toLowerCase()} finding`,
          raisedOn: d('2024-03-06'),
        },
        AUDITOR,
      );
    }
    await expect(
      service.decideCertification(
        { auditCycleId: 'cycle-1', decision: 'GRANTED', decidedOn: d('2024-03-11'), reasons: [] },
        DECISION_MAKER,
      ),
    ).rejects.toThrow(OpenNonconformitiesError);
    await service.acceptCorrectiveActionPlan(
      {
        auditCycleId: 'cycle-1',
        ncId: 'nc-minor',
        plan: 'retrain auditors',
        acceptedOn: d('2024-03-12'),
      },
      AUDITOR,
    );
    await service.verifyNonconformity(
      {
        auditCycleId: 'cycle-1',
        ncId: 'nc-major',
        correction: 'incident records completed',
        correctiveAction: 'incident procedure revised',
        verifiedOn: d('2024-03-18'),
      },
      AUDITOR,
    );
    const decide = (actor: string) =>
      service.decideCertification(
        { auditCycleId: 'cycle-1', decision: 'GRANTED', decidedOn: d('2024-03-20'), reasons: [] },
        { actor },
      );
    await expect(decide('aud-2')).rejects.toThrow(ImpartialityError);
    await decide('dm-1');
    expect(await reactor.catchUp()).toBe(1);

    await audit(service, 'cycle-1', 'surv1', 'SURVEILLANCE', '2025-02-10', '2025-02-11', 1);
    await service.suspendCertificate(
      {
        certificateId: 'cert-1',
        grounds: 'VOLUNTARY_REQUEST',
        details: 'data-centre relocation',
        ownFault: false,
        suspendedOn: d('2025-06-02'),
      },
      DECISION_MAKER,
    );
    await service.reinstateCertificate(
      { certificateId: 'cert-1', reason: 'relocation completed', reinstatedOn: d('2025-07-15') },
      DECISION_MAKER,
    );
    await service.addSite(
      {
        organisationId: 'org-1',
        siteId: 'site-sz',
        name: 'Shenzhen network operations centre',
        address: '3 Bay Road, Shenzhen',
        country: 'CN',
        addedOn: d('2026-01-05'),
      },
      ADMIN,
    );
    await audit(service, 'cycle-1', 'surv2', 'SURVEILLANCE', '2026-02-09', '2026-02-10', 2, [
      'site-bj',
      'site-sh',
      'site-sz',
    ]);
    await service.extendScope(
      {
        certificateId: 'cert-1',
        scope: EXTENDED_SCOPE,
        sites: [{ siteId: 'site-bj' }, { siteId: 'site-sh' }, { siteId: 'site-sz' }],
        decisionDate: d('2026-02-20'),
      },
      DECISION_MAKER,
    );

    await service.startRecertification(
      { certificateId: 'cert-1', auditCycleId: 'cycle-2', submittedOn: d('2026-09-01') },
      ADMIN,
    );
    await service.reviewApplication(
      { auditCycleId: 'cycle-2', outcome: 'ACCEPTED', reasons: [], reviewedOn: d('2026-09-05') },
      ADMIN,
    );
    await audit(service, 'cycle-2', 'recert', 'RECERTIFICATION', '2026-11-16', '2026-11-18');
    renewedCertificateBeforeRenewal = await loadCertificate();
    await service.decideCertification(
      { auditCycleId: 'cycle-2', decision: 'GRANTED', decidedOn: d('2027-01-15'), reasons: [] },
      DECISION_MAKER,
    );
    expect(await reactor.catchUp()).toBe(1);
    await audit(service, 'cycle-2', 'surv2-1', 'SURVEILLANCE', '2027-12-06', '2027-12-07', 1);
    await audit(service, 'cycle-2', 'surv2-2', 'SURVEILLANCE', '2028-12-04', '2028-12-05', 2);

    certificate = await loadCertificate();
    cycle1Deadlines.push(...auditCycleDeadlines(await loadCycle('cycle-1')));
    cycle2Deadlines.push(...auditCycleDeadlines(await loadCycle('cycle-2')));
  });

  afterAll(async () => {
    await world.close();
    worlds.remove();
  });

  it('issued, extended and renewed one certificate under one number', async () => {
    const events = await world.store.readStream('certificate-cert-1');
    expect(events.map((e) => e.type)).toEqual([
      'CertificateIssued',
      'CertificateSuspended',
      'CertificateReinstated',
      'CertificateScopeExtended',
      'CertificateRenewed',
    ]);
    expect(certificate).toMatchObject({
      number: 'CN-20000-00001',
      revision: 3,
      auditCycleId: 'cycle-2',
      scope: EXTENDED_SCOPE,
      originalCertificationDate: '2024-03-20',
      cycleDecisionDate: '2027-01-15',
      effectiveDate: '2027-01-15',
      expiryDate: '2030-03-19',
    });
    expect(certificate.status !== 'NOT_ISSUED' && certificate.sites.map((s) => s.siteId)).toEqual([
      'site-bj',
      'site-sh',
      'site-sz',
    ]);
    const [application] = await world.store.readStream('auditcycle-cycle-2');
    expect(application?.data).toMatchObject({
      scope: { text: EXTENDED_SCOPE },
      sites: ['site-bj', 'site-sh', 'site-sz'],
      recertification: { previousAuditCycleId: 'cycle-1', certificateExpiryDate: '2027-03-19' },
    });
  });

  it('closed every deadline of the initial cycle on the day it was met', () => {
    expect(byKey(cycle1Deadlines)).toEqual({
      'STAGE2_DUE:stage1': { dueDate: '2024-08-06', metOn: '2024-03-06' },
      'NC_RESPONSE_DUE:nc-major': { dueDate: '2024-06-04', metOn: '2024-03-18' },
      'NC_RESPONSE_DUE:nc-minor': { dueDate: '2024-06-04', metOn: '2024-03-12' },
      'MAJOR_NC_VERIFICATION_LIMIT:stage2': { dueDate: '2024-09-06', metOn: '2024-03-18' },
      'SURVEILLANCE_AUDIT_DUE:1': { dueDate: '2025-03-20', metOn: '2025-02-11' },
      'SURVEILLANCE_AUDIT_DUE:2': { dueDate: '2026-03-20', metOn: '2026-02-10' },
    });
  });

  it.each([
    ['STAGE2_DUE:stage1', '2024-02-07', 'UPCOMING', 181],
    ['STAGE2_DUE:stage1', '2024-03-06', 'MET', 153],
    ['NC_RESPONSE_DUE:nc-major', '2024-03-08', 'UPCOMING', 88],
    ['NC_RESPONSE_DUE:nc-minor', '2024-03-12', 'MET', 84],
    ['MAJOR_NC_VERIFICATION_LIMIT:stage2', '2024-03-08', 'UPCOMING', 182],
    ['MAJOR_NC_VERIFICATION_LIMIT:stage2', '2024-03-18', 'MET', 172],
    ['SURVEILLANCE_AUDIT_DUE:1', '2025-02-01', 'UPCOMING', 47],
    ['SURVEILLANCE_AUDIT_DUE:1', '2025-02-11', 'MET', 37],
    ['SURVEILLANCE_AUDIT_DUE:2', '2026-02-09', 'UPCOMING', 39],
    ['SURVEILLANCE_AUDIT_DUE:2', '2026-03-20', 'MET', 0],
  ] as const)('cycle 1: %s on %s is %s (%i days)', (key, asOf, state, daysRemaining) => {
    expect(stateOn(cycle1Deadlines, key, asOf)).toEqual({ state, daysRemaining });
  });

  it('counts the second cycle surveillance programme from the recertification decision', () => {
    expect(byKey(cycle2Deadlines)).toEqual({
      'SURVEILLANCE_AUDIT_DUE:1': { dueDate: '2028-01-15', metOn: '2027-12-07' },
      'SURVEILLANCE_AUDIT_DUE:2': { dueDate: '2029-01-15', metOn: '2028-12-05' },
    });
    expect(stateOn(cycle2Deadlines, 'SURVEILLANCE_AUDIT_DUE:1', '2027-12-01')).toEqual({
      state: 'UPCOMING',
      daysRemaining: 45,
    });
  });

  it('had the recertification audit in time and the expiry still open before the renewal', () => {
    const deadlines = certificateDeadlines(renewedCertificateBeforeRenewal, {
      recertificationAudits: { '2027-03-19': d('2026-11-18') },
    });
    expect(stateOn(deadlines, 'RECERTIFICATION_AUDIT_DUE:2027-03-19', '2026-12-01')).toEqual({
      state: 'MET',
      daysRemaining: 18,
    });
    expect(stateOn(deadlines, 'CERTIFICATE_EXPIRY:2027-03-19', '2026-12-01')).toEqual({
      state: 'UPCOMING',
      daysRemaining: 108,
    });
  });

  it('keeps every certificate deadline: both terms, the suspension limit and the current term’s restoration window', () => {
    const deadlines = certificateDeadlines(certificate);
    expect(byKey(deadlines)).toEqual({
      'CERTIFICATE_EXPIRY:2027-03-19': { dueDate: '2027-03-19', metOn: '2027-01-15' },
      'RECERTIFICATION_AUDIT_DUE:2027-03-19': { dueDate: '2026-12-19', metOn: '2027-01-15' },
      'CERTIFICATE_EXPIRY:2030-03-19': { dueDate: '2030-03-19', metOn: null },
      'RECERTIFICATION_AUDIT_DUE:2030-03-19': { dueDate: '2029-12-19', metOn: null },
      'RESTORATION_WINDOW_END:2030-03-19': { dueDate: '2030-09-19', metOn: null },
      'SUSPENSION_LIMIT:2025-06-02': { dueDate: '2025-12-02', metOn: '2025-07-15' },
    });
    expect(stateOn(deadlines, 'SUSPENSION_LIMIT:2025-06-02', '2025-07-01')).toEqual({
      state: 'UPCOMING',
      daysRemaining: 154,
    });
    expect(stateOn(deadlines, 'RECERTIFICATION_AUDIT_DUE:2030-03-19', '2029-12-01')).toEqual({
      state: 'UPCOMING',
      daysRemaining: 18,
    });
    expect(stateOn(deadlines, 'CERTIFICATE_EXPIRY:2030-03-19', '2030-03-20')).toEqual({
      state: 'OVERDUE',
      daysRemaining: -1,
    });
  });

  it.each([
    ['2024-03-19', 'DRAFT', null],
    ['2024-03-20', 'ACTIVE', 1],
    ['2025-03-20', 'ACTIVE', 1],
    ['2025-06-01', 'ACTIVE', 1],
    ['2025-06-02', 'SUSPENDED', 1],
    ['2025-07-14', 'SUSPENDED', 1],
    ['2025-07-15', 'ACTIVE', 1],
    ['2026-02-20', 'ACTIVE', 2],
    ['2027-01-14', 'ACTIVE', 2],
    ['2027-01-15', 'ACTIVE', 3],
    ['2027-03-19', 'ACTIVE', 3],
    ['2027-03-20', 'ACTIVE', 3],
    ['2028-06-30', 'ACTIVE', 3],
    ['2030-03-19', 'ACTIVE', 3],
    ['2030-03-20', 'EXPIRED', 3],
  ] as const)('on %s the certificate is %s (revision %s)', (date, status, revision) => {
    const on = d(date);
    expect(certificateStatusOn(certificate, on)).toBe(status);
    expect(isValidOn(certificate, on)).toBe(status === 'ACTIVE');
    expect(revisionOn(certificate, on)?.revision ?? null).toBe(revision);
  });
});
