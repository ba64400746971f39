import {
  AggregateAlreadyExistsError,
  SiteNotListedError,
  UnknownAggregateError,
} from '../../src/application';
import {
  auditCycleDecider,
  ConsultancyCoolingOffError,
  certificateDecider,
  CertificateWithdrawnError,
  ImpartialityError,
  organisationDecider,
  RestorationNotAllowedError,
  RestorationWindowPassedError,
  ScopeExtensionAuditMissingError,
  TransitionAuditMissingError,
} from '../../src/domain';
import { ConcurrencyError } from '../../src/eventstore';
import { loadAggregate } from '../../src/application';
import {
  ADMIN,
  AUDITOR,
  audit,
  d,
  DECISION_MAKER,
  eventTypes,
  grantedInitialCycle,
  lifecycleWorld,
  readyForDecision,
  readyOrganisation,
  recertify,
  SCOPE,
  STANDARD,
  transferApplication,
  type World,
  withdrawOwnFault,
} from './lifecycle-fixtures';

describe('lifecycle service', () => {
  const worlds = lifecycleWorld('lifecycle-service');
  let world: World;

  beforeEach(() => {
    world = worlds.open();
  });
  afterEach(() => world.close());
  afterAll(() => worlds.remove());

  const submit = (overrides: Record<string, unknown> = {}) =>
    world.service.submitApplication(
      {
        auditCycleId: 'cycle-1',
        organisationId: 'org-1',
        certificateId: 'cert-1',
        standard: STANDARD,
        scope: SCOPE,
        sites: ['site-bj'],
        submittedOn: d('2024-01-10'),
        ...overrides,
      },
      ADMIN,
    );

  it('answers the id, the new version and the global position of the append', async () => {
    const result = await world.service.registerOrganisation(
      {
        legalName: 'Example Hosting Ltd',
        registrationNumber: null,
        country: 'CN',
        address: '1 Data Road, Beijing',
        registeredOn: d('2023-09-01'),
      },
      ADMIN,
    );
    const [event] = await world.store.readStream(`organisation-${result.id}`);
    expect(result.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(result).toEqual({ id: result.id, version: 1, position: event?.position });
    expect(event?.metadata.actor).toBe('admin-1');
  });

  it('dates a registration today in the CB time zone when no date is given', async () => {
    world.clock.set('2024-05-31T20:00:00Z');
    const { id } = await world.service.registerOrganisation(
      { legalName: 'Late Ltd', registrationNumber: null, country: 'CN', address: 'x' },
      ADMIN,
    );
    const { state } = await loadAggregate(world.store, `organisation-${id}`, organisationDecider);
    expect(state).toMatchObject({ registeredOn: '2024-05-31' });
  });

  it('snapshots the organisation readiness facts into the application', async () => {
    await readyOrganisation(world.service);
    await submit();
    const [event] = await world.store.readStream('auditcycle-cycle-1');
    expect(event?.data).toMatchObject({
      kind: 'INITIAL',
      organisationId: 'org-1',
      certificateId: 'cert-1',
      readiness: {
        legalRegistrationNumber: '91110000MA00000000',
        managementSystemOperatingSince: '2023-06-01',
        lastInternalAuditCompletedOn: '2023-11-15',
        lastManagementReviewCompletedOn: '2023-12-01',
      },
      policy: { profile: 'ISO_17021' },
    });
    const checks = (event?.data as { readinessChecks: { met: boolean }[] }).readinessChecks;
    expect(checks.every((check) => check.met)).toBe(true);
  });

  it('refuses an application of an unknown organisation and appends nothing', async () => {
    await expect(submit({ organisationId: 'nobody' })).rejects.toEqual(
      new UnknownAggregateError('organisation', 'nobody'),
    );
    expect(await world.store.readAll()).toHaveLength(0);
  });

  it('refuses an application naming a site the organisation does not list', async () => {
    await readyOrganisation(world.service);
    const before = (await world.store.readAll()).length;
    const attempt = submit({ sites: ['site-bj', 'site-xx'] });
    await expect(attempt).rejects.toThrow(SiteNotListedError);
    await expect(attempt).rejects.toMatchObject({ rule: 'SITE_NOT_LISTED', siteIds: ['site-xx'] });
    expect(await world.store.readAll()).toHaveLength(before);
  });

  it('refuses an initial application for a certificate id already taken', async () => {
    await grantedInitialCycle(world.service);
    await world.reactor().catchUp();
    await expect(submit({ auditCycleId: 'cycle-9', certificateId: 'cert-1' })).rejects.toEqual(
      new AggregateAlreadyExistsError('certificate', 'cert-1'),
    );
  });

  it('generates audit cycle and certificate ids when none are given', async () => {
    await readyOrganisation(world.service);
    const result = await world.service.submitApplication(
      { organisationId: 'org-1', standard: STANDARD, scope: SCOPE, sites: ['site-bj'] },
      ADMIN,
    );
    expect(result.certificateId).not.toBe(result.id);
    const [event] = await world.store.readStream(`auditcycle-${result.id}`);
    expect(event?.data).toMatchObject({ certificateId: result.certificateId });
  });

  it.each([
    [
      'organisation',
      () =>
        world.service.addSite(
          { organisationId: 'x', name: 'n', address: 'a', country: 'CN' },
          ADMIN,
        ),
    ],
    [
      'auditCycle',
      () =>
        world.service.reviewApplication(
          { auditCycleId: 'x', outcome: 'ACCEPTED', reasons: [] },
          ADMIN,
        ),
    ],
    [
      'auditCycle',
      () =>
        world.service.completeAudit(
          { auditCycleId: 'x', auditId: 'a', firstDay: d('2024-01-01'), lastDay: d('2024-01-01') },
          AUDITOR,
        ),
    ],
    [
      'certificate',
      () =>
        world.service.suspendCertificate(
          { certificateId: 'x', grounds: 'NON_PAYMENT', details: 'd', ownFault: true },
          ADMIN,
        ),
    ],
    ['certificate', () => world.service.startRecertification({ certificateId: 'x' }, ADMIN)],
    ['certificate', () => world.service.expireCertificate({ certificateId: 'x' }, ADMIN)],
  ] as const)('answers UnknownAggregateError(%s) for an unknown id', async (kind, operation) => {
    await expect(operation()).rejects.toEqual(new UnknownAggregateError(kind, 'x'));
    expect(await world.store.readAll()).toHaveLength(0);
  });

  it('completes an audit with the planned team and sites when none are given', async () => {
    await readyOrganisation(world.service);
    await submit();
    await world.service.reviewApplication(
      { auditCycleId: 'cycle-1', outcome: 'ACCEPTED', reasons: [], reviewedOn: d('2024-01-15') },
      ADMIN,
    );
    await audit(world.service, 'cycle-1', 'stage1', 'STAGE1', '2024-02-05', '2024-02-06');
    const events = await world.store.readStream('auditcycle-cycle-1');
    expect(events.at(-1)?.type).toBe('AuditCompleted');
    expect(events.at(-1)?.data).toMatchObject({
      leadAuditorId: 'aud-1',
      team: ['aud-1', 'aud-2'],
      sites: ['site-bj', 'site-sh'],
      stage2DueOn: '2024-08-06',
    });
  });

  it('records the actor as decision maker and refuses a member of an audit team', async () => {
    await readyOrganisation(world.service);
    await submit();
    await world.service.reviewApplication(
      { auditCycleId: 'cycle-1', outcome: 'ACCEPTED', reasons: [], reviewedOn: d('2024-01-15') },
      ADMIN,
    );
    await audit(world.service, 'cycle-1', 'stage1', 'STAGE1', '2024-02-05', '2024-02-06');
    await audit(world.service, 'cycle-1', 'stage2', 'STAGE2', '2024-03-04', '2024-03-06');
    const decide = (actor: string) =>
      world.service.decideCertification(
        { auditCycleId: 'cycle-1', decision: 'GRANTED', decidedOn: d('2024-03-20'), reasons: [] },
        { actor },
      );
    await expect(decide('aud-2')).rejects.toThrow(ImpartialityError);
    await decide('dm-1');
    const { state } = await loadAggregate(world.store, 'auditcycle-cycle-1', auditCycleDecider);
    expect(state).toMatchObject({ decision: { decisionMakerId: 'dm-1', decidedOn: '2024-03-20' } });
  });

  it('surfaces a stale expected version as a conflict and writes nothing', async () => {
    await readyOrganisation(world.service);
    const attempt = world.service.updateOrganisation(
      { organisationId: 'org-1', legalName: 'Renamed Ltd' },
      ADMIN,
      { expectedVersion: 2 },
    );
    await expect(attempt).rejects.toThrow(ConcurrencyError);
    await expect(attempt).rejects.toMatchObject({ expected: 2, actual: 4 });
    const result = await world.service.updateOrganisation(
      { organisationId: 'org-1', legalName: 'Renamed Ltd' },
      ADMIN,
      { expectedVersion: 4 },
    );
    expect(result.version).toBe(5);
  });

  it('starts a recertification from the certificate: its expiry, current cycle, scope and sites', async () => {
    await grantedInitialCycle(world.service);
    await world.reactor().catchUp();
    const result = await world.service.startRecertification(
      { certificateId: 'cert-1', auditCycleId: 'cycle-2', submittedOn: d('2026-09-01') },
      ADMIN,
    );
    expect(result).toMatchObject({ id: 'cycle-2', certificateId: 'cert-1', version: 1 });
    const [event] = await world.store.readStream('auditcycle-cycle-2');
    expect(event?.data).toMatchObject({
      kind: 'RECERTIFICATION',
      organisationId: 'org-1',
      certificateId: 'cert-1',
      standard: STANDARD,
      scope: SCOPE,
      sites: ['site-bj', 'site-sh'],
      recertification: { previousAuditCycleId: 'cycle-1', certificateExpiryDate: '2027-03-19' },
    });
  });

  it('refuses a recertification of a withdrawn certificate and appends nothing', async () => {
    await grantedInitialCycle(world.service);
    await world.reactor().catchUp();
    await withdrawOwnFault(world.service, '2026-06-01');
    const before = (await world.store.readAll()).length;
    await expect(
      world.service.startRecertification(
        { certificateId: 'cert-1', auditCycleId: 'cycle-2', submittedOn: d('2026-09-01') },
        ADMIN,
      ),
    ).rejects.toThrow(
      new CertificateWithdrawnError(
        'CN-20000-00001',
        d('2026-06-01'),
        'a recertification application',
      ),
    );
    expect((await world.store.readAll()).length).toBe(before);
  });

  it('moves a certificate to the new version only after a transition audit in its cycle', async () => {
    await grantedInitialCycle(world.service, {
      standard: { identifier: 'ISO/IEC 27001', version: '2013' },
    });
    await world.reactor().catchUp();
    const transition = () =>
      world.service.transitionStandardVersion(
        {
          certificateId: 'cert-1',
          standard: { identifier: 'ISO/IEC 27001', version: '2022' },
          decisionDate: d('2025-03-01'),
        },
        DECISION_MAKER,
      );
    await expect(transition()).rejects.toBeInstanceOf(TransitionAuditMissingError);
    await audit(world.service, 'cycle-1', 'transition', 'TRANSITION', '2025-02-10', '2025-02-11');
    expect((await transition()).version).toBe(2);
    expect((await world.store.readStream('certificate-cert-1')).at(-1)?.data).toMatchObject({
      standard: { identifier: 'ISO/IEC 27001', version: '2022' },
      expiryDate: '2027-03-19',
    });
  });

  it("renews the certificate with the organisation's legal name and address as they are then", async () => {
    await grantedInitialCycle(world.service);
    await world.reactor().catchUp();
    await world.service.updateOrganisation(
      {
        organisationId: 'org-1',
        legalName: 'Renamed Hosting Group Ltd',
        address: '5 New Road, Shenzhen',
        updatedOn: d('2025-06-01'),
      },
      ADMIN,
    );
    await recertify(world.service, 'cert-1', '2027-01-15');
    await world.reactor().catchUp();
    const { state } = await loadAggregate(world.store, 'certificate-cert-1', certificateDecider);
    expect(state).toMatchObject({
      revision: 2,
      organisationName: 'Renamed Hosting Group Ltd',
      organisationLocation: '5 New Road, Shenzhen, CN',
    });
  });

  it('fills a recertification decision with the certificate expiry it loads', async () => {
    await grantedInitialCycle(world.service);
    await world.reactor().catchUp();
    await recertify(world.service, 'cert-1', '2027-01-15');
    const events = await world.store.readStream('auditcycle-cycle-2');
    expect(events.at(-1)?.data).toMatchObject({
      decisionMakerId: 'dm-1',
      outcome: 'RENEW',
      previousExpiryDate: '2027-03-19',
      expiryDate: '2030-03-19',
    });
  });

  it("extends a scope only after a surveillance or special audit of the certificate's cycle, and records it", async () => {
    await grantedInitialCycle(world.service);
    await world.reactor().catchUp();
    const extension = {
      certificateId: 'cert-1',
      scope: 'IT service management of hosting and managed network services',
      decisionDate: d('2025-02-20'),
    };
    await expect(world.service.extendScope(extension, DECISION_MAKER)).rejects.toThrow(
      ScopeExtensionAuditMissingError,
    );
    await audit(world.service, 'cycle-1', 'special-late', 'SPECIAL', '2025-02-24', '2025-02-25');
    await expect(world.service.extendScope(extension, DECISION_MAKER)).rejects.toThrow(
      ScopeExtensionAuditMissingError,
    );
    await audit(world.service, 'cycle-1', 'surv-1', 'SURVEILLANCE', '2025-02-03', '2025-02-04', 1);
    await world.service.extendScope(extension, DECISION_MAKER);
    await world.service.extendScope(
      { ...extension, scope: `${extension.scope} and backup`, decisionDate: d('2025-02-26') },
      DECISION_MAKER,
    );
    const events = await world.store.readStream('certificate-cert-1');
    expect(
      events.slice(-2).map((event) => [event.type, (event.data as { auditId?: string }).auditId]),
    ).toEqual([
      ['CertificateScopeExtended', 'surv-1'],
      ['CertificateScopeExtended', 'special-late'],
    ]);
  });

  it("refuses a grant by the organisation's consultancy as recorded at the decision, not only at the application", async () => {
    const { auditCycleId } = await readyForDecision(world.service);
    await world.service.recordReadiness(
      {
        organisationId: 'org-1',
        recordedOn: d('2024-03-10'),
        consultancy: { used: true, relatedToCertificationBody: true, endedOn: d('2023-06-30') },
      },
      ADMIN,
    );
    const before = (await world.store.readAll()).length;
    await expect(
      world.service.decideCertification(
        { auditCycleId, decision: 'GRANTED', decidedOn: d('2024-03-20'), reasons: [] },
        DECISION_MAKER,
      ),
    ).rejects.toThrow(ConsultancyCoolingOffError);
    expect((await world.store.readAll()).length).toBe(before);
  });

  it("still refuses the grant when an unrelated body's consultancy is recorded after a related one", async () => {
    const { auditCycleId } = await readyForDecision(world.service);
    for (const [recordedOn, relatedToCertificationBody, endedOn] of [
      ['2024-03-10', true, '2023-06-30'],
      ['2024-03-12', false, '2023-12-15'],
    ] as const) {
      await world.service.recordReadiness(
        {
          organisationId: 'org-1',
          recordedOn: d(recordedOn),
          consultancy: { used: true, relatedToCertificationBody, endedOn: d(endedOn) },
        },
        ADMIN,
      );
    }
    await expect(
      world.service.decideCertification(
        { auditCycleId, decision: 'GRANTED', decidedOn: d('2024-03-20'), reasons: [] },
        DECISION_MAKER,
      ),
    ).rejects.toThrow(ConsultancyCoolingOffError);
  });

  it('refuses to record an expiry dated after today', async () => {
    await grantedInitialCycle(world.service);
    await world.reactor().catchUp();
    world.clock.set('2026-01-10T08:00:00Z');
    await expect(
      world.service.expireCertificate(
        { certificateId: 'cert-1', recordedOn: d('2027-03-20') },
        DECISION_MAKER,
      ),
    ).rejects.toThrow('recordedOn 2027-03-20 is after today, 2026-01-10');
  });

  /** A recertification application for cert-1 submitted on `date`. */
  const recertificationOn = (date: string) =>
    world.service.startRecertification({ certificateId: 'cert-1', submittedOn: d(date) }, ADMIN);

  it('refuses a recertification after the expiry of a certificate suspended when it expired', async () => {
    await grantedInitialCycle(world.service);
    await world.reactor().catchUp();
    await world.service.suspendCertificate(
      {
        certificateId: 'cert-1',
        grounds: 'NON_PAYMENT',
        details: 'unpaid',
        ownFault: true,
        suspendedOn: d('2027-01-10'),
      },
      DECISION_MAKER,
    );
    await expect(recertificationOn('2027-04-01')).rejects.toThrow(RestorationNotAllowedError);
    expect((await recertificationOn('2027-03-01')).version).toBe(1);
  });

  it('refuses a recertification submitted after the restoration window, before any audit', async () => {
    await grantedInitialCycle(world.service);
    await world.reactor().catchUp();
    const refused = recertificationOn('2027-10-01');
    await expect(refused).rejects.toThrow(RestorationWindowPassedError);
    await expect(refused).rejects.toThrow(
      'restoration had to be decided by 2027-09-19 (recertification applied for on 2027-10-01)',
    );
    expect((await recertificationOn('2027-09-19')).version).toBe(1);
  });

  it('prints the organisation site names and addresses on a scope extension', async () => {
    await grantedInitialCycle(world.service);
    await world.reactor().catchUp();
    await world.service.addSite(
      {
        organisationId: 'org-1',
        siteId: 'site-sz',
        name: 'Shenzhen office',
        address: '3 Bay Road, Shenzhen',
        country: 'CN',
        addedOn: d('2025-01-05'),
      },
      ADMIN,
    );
    await audit(
      world.service,
      'cycle-1',
      'special-network',
      'SPECIAL',
      '2025-02-10',
      '2025-02-11',
      undefined,
      ['site-sz'],
    );
    await world.service.extendScope(
      {
        certificateId: 'cert-1',
        scope: 'IT service management of hosting and managed network services',
        sites: [
          { siteId: 'site-bj' },
          { siteId: 'site-sh' },
          { siteId: 'site-sz', scope: 'network operations' },
        ],
        decisionDate: d('2025-02-20'),
      },
      DECISION_MAKER,
    );
    const { state } = await loadAggregate(world.store, 'certificate-cert-1', certificateDecider);
    expect(state).toMatchObject({
      revision: 2,
      sites: [
        {
          siteId: 'site-bj',
          name: 'Beijing head office',
          scope: 'IT service management of hosting and managed network services',
        },
        { siteId: 'site-sh', name: 'Shanghai data centre' },
        {
          siteId: 'site-sz',
          name: 'Shenzhen office',
          address: '3 Bay Road, Shenzhen',
          scope: 'network operations',
        },
      ],
    });
    await expect(
      world.service.reduceScope(
        {
          certificateId: 'cert-1',
          scope: 's',
          sites: [{ siteId: 'gone' }],
          decisionDate: d('2025-03-01'),
        },
        DECISION_MAKER,
      ),
    ).rejects.toThrow(SiteNotListedError);
  });

  it('opens a TRANSFER cycle with the previous CB facts and no certificate yet', async () => {
    await readyOrganisation(world.service);
    const result = await world.service.transferCertificateIn(transferApplication(), ADMIN);
    expect(result).toMatchObject({ id: 'cycle-t', certificateId: 'cert-t' });
    const [event] = await world.store.readStream('auditcycle-cycle-t');
    expect(event?.data).toMatchObject({
      kind: 'TRANSFER',
      transfer: {
        previousCertificateNumber: 'OT-123',
        nextSurveillance: { number: 1, dueOn: '2025-06-01' },
      },
    });
    expect(await eventTypes(world.store, 'certificate-cert-t')).toEqual([]);
  });
});
