import { Role } from '../../../src/graphql';
import { type ApiHarness, personOf, startApiHarness } from '../support/api-harness';
import { firstError } from '../support/test-server';
import {
  acceptedOverHttp,
  auditOverHttp,
  cycleReadyForDecision,
  CO_AUDITOR,
  grantedOverHttp,
  LEAD_AUDITOR,
  mutate,
  readyOrganisation,
  SCOPE,
  STANDARD,
  TRANSFER_IN,
  TRANSFER_REVIEW,
} from './lifecycle-over-http';
import { MUTATIONS } from './mutation-documents';

let api: ApiHarness;
let start: Date;
beforeAll(async () => {
  api = await startApiHarness();
  start = api.clock.now();
});
afterEach(() => api.clock.set(start));
afterAll(() => api.close());

/** Moves the service's today to `date`: mutations refuse facts dated after today. */
const today = (date: string) => api.clock.set(`${date}T02:00:00Z`);

const certificateQuery = `query ($id: ID!, $asOf: CalendarDate) {
  certificate(id: $id) { id number recordedStatus status(asOf: $asOf) scope revision expiryDate version }
}`;

const certificate = async (id: string, asOf?: string) => {
  const response = await api.query(Role.VIEWER, certificateQuery, { id, asOf });
  expect(response.body.errors).toBeUndefined();
  return response.body.data?.certificate as Record<string, unknown>;
};

describe('the lifecycle through mutations', () => {
  it('issues a certificate and answers the grant once the certificate is queryable', async () => {
    const { cycle, certificateId } = await grantedOverHttp(api, 'org-flow');
    expect(cycle).toMatchObject({
      status: 'CERTIFICATION_GRANTED',
      certificateId,
      decision: { decision: 'GRANTED', decidedOn: '2024-08-20' },
    });
    expect(await certificate(certificateId)).toMatchObject({
      id: certificateId,
      recordedStatus: 'ACTIVE',
      expiryDate: '2027-08-19',
      version: 1,
    });
  });

  it('records findings, answers them and grants once every nonconformity is handled', async () => {
    const auditCycleId = 'cycle-findings';
    await cycleReadyForDecision(api, 'org-findings', auditCycleId, 'cert-findings');
    const stage2 = `${auditCycleId}-stage2`;
    const finding = (ncId: string, grade: string) =>
      mutate(api, Role.AUDITOR, 'raiseNonconformity', {
        auditCycleId,
        ncId,
        auditId: stage2,
        grade,
        clause: '8.2.3',
        description: 'service level targets not monitored',
        raisedOn: '2024-08-07',
      });
    await finding('nc-major', 'MAJOR');
    const raised = await finding('nc-minor', 'MINOR');
    expect(raised.nonconformities).toEqual([
      { ncId: 'nc-major', grade: 'MAJOR' },
      { ncId: 'nc-minor', grade: 'MINOR' },
    ]);
    await mutate(api, Role.AUDITOR, 'acceptCorrectiveActionPlan', {
      auditCycleId,
      ncId: 'nc-minor',
      plan: 'monitor SLAs monthly',
      acceptedOn: '2024-08-12',
    });
    await mutate(api, Role.AUDITOR, 'verifyNonconformity', {
      auditCycleId,
      ncId: 'nc-major',
      correction: 'targets set',
      correctiveAction: 'monthly review',
      verifiedOn: '2024-08-15',
    });
    const decided = await mutate(api, Role.DECISION_MAKER, 'decideCertification', {
      auditCycleId,
      decision: 'GRANTED',
      decidedOn: '2024-08-20',
      reasons: [],
    });
    expect(decided.status).toBe('CERTIFICATION_GRANTED');
    expect(await certificate('cert-findings')).toMatchObject({ recordedStatus: 'ACTIVE' });
  });

  it('suspends, reinstates, revises the scope and withdraws, each at the next version', async () => {
    const { certificateId, auditCycleId } = await grantedOverHttp(api, 'org-changes');
    const suspended = await mutate(
      api,
      Role.DECISION_MAKER,
      'suspendCertificate',
      {
        certificateId,
        grounds: 'NON_PAYMENT',
        details: 'invoice 2024-17 unpaid',
        ownFault: true,
        suspendedOn: '2024-12-02',
      },
      1,
    );
    expect(suspended).toMatchObject({ version: 2, recordedStatus: 'SUSPENDED' });
    const reinstated = await mutate(
      api,
      Role.DECISION_MAKER,
      'reinstateCertificate',
      { certificateId, reason: 'invoice paid', reinstatedOn: '2025-01-06' },
      2,
    );
    expect(reinstated).toMatchObject({ version: 3, recordedStatus: 'ACTIVE' });
    const noAudit = await api.query(Role.DECISION_MAKER, MUTATIONS.extendScope, {
      input: {
        certificateId,
        scope: 'IT service management of hosting and backup services',
        decisionDate: '2025-02-03',
      },
    });
    expect(firstError(noAudit).extensions).toMatchObject({
      code: 'DOMAIN_RULE_VIOLATION',
      rule: 'SCOPE_EXTENSION_AUDIT_REQUIRED',
    });
    await auditOverHttp(api, auditCycleId, 'special-backup', 'SPECIAL', '2025-01-27', '2025-01-28');
    const extended = await mutate(api, Role.DECISION_MAKER, 'extendScope', {
      certificateId,
      scope: 'IT service management of hosting and backup services',
      decisionDate: '2025-02-03',
    });
    expect(extended).toMatchObject({ version: 4, revision: 2, expiryDate: '2027-08-19' });
    const reduced = await mutate(api, Role.DECISION_MAKER, 'reduceScope', {
      certificateId,
      scope: 'IT service management of hosting services',
      sites: [{ siteId: 'site-hq', scope: 'hosting' }],
      decisionDate: '2025-02-17',
    });
    expect(reduced).toMatchObject({
      version: 5,
      revision: 3,
      scope: 'IT service management of hosting services',
    });
    const withdrawn = await mutate(api, Role.DECISION_MAKER, 'withdrawCertificate', {
      certificateId,
      reason: 'client ceased operations',
      ownFault: false,
      withdrawnOn: '2025-02-24',
    });
    expect(withdrawn).toMatchObject({ version: 6, recordedStatus: 'WITHDRAWN' });
    const [suspension] = await api.store.readStream(`certificate-${certificateId}`, {
      fromVersion: 1,
      maxCount: 1,
    });
    expect(suspension?.metadata.actor).toBe(personOf(Role.DECISION_MAKER));
  });

  it('keeps the organisation record: details, sites and readiness', async () => {
    await readyOrganisation(api, 'org-record');
    const updated = await mutate(api, Role.ADMIN, 'updateOrganisation', {
      organisationId: 'org-record',
      legalName: 'Record Hosting Group Ltd',
      registrationNumber: null,
      updatedOn: '2024-07-01',
    });
    expect(updated).toMatchObject({
      legalName: 'Record Hosting Group Ltd',
      registrationNumber: null,
      version: 4,
    });
    await mutate(api, Role.ADMIN, 'addSite', {
      organisationId: 'org-record',
      siteId: 'site-dc',
      name: 'Data centre',
      address: '9 Server Road, Tianjin',
      country: 'CN',
      addedOn: '2024-07-02',
    });
    const removed = await mutate(api, Role.ADMIN, 'removeSite', {
      organisationId: 'org-record',
      siteId: 'site-dc',
      removedOn: '2024-07-03',
    });
    expect(removed).toMatchObject({
      version: 6,
      sites: [{ siteId: 'site-hq', name: 'Head office' }],
    });
  });

  it('starts a recertification cycle for an issued certificate', async () => {
    const { certificateId } = await grantedOverHttp(api, 'org-recert');
    today('2027-03-01');
    const cycle = await mutate(api, Role.ADMIN, 'startRecertification', {
      certificateId,
      auditCycleId: 'cycle-recert-2',
      submittedOn: '2027-03-01',
    });
    expect(cycle).toMatchObject({
      id: 'cycle-recert-2',
      certificateId,
      status: 'APPLICATION_SUBMITTED',
      version: 1,
    });
  });

  it('transfers a certificate in after the pre-transfer review and a grant', async () => {
    await readyOrganisation(api, 'org-transfer');
    const auditCycleId = 'cycle-transfer';
    await mutate(api, Role.ADMIN, 'transferCertificateIn', TRANSFER_IN);
    await acceptedOverHttp(api, auditCycleId, '2024-06-05');
    const reviewed = await mutate(
      api,
      Role.DECISION_MAKER,
      'recordTransferReview',
      TRANSFER_REVIEW,
    );
    expect(reviewed.version).toBe(3);
    const granted = await mutate(api, Role.DECISION_MAKER, 'decideCertification', {
      auditCycleId,
      decision: 'GRANTED',
      decidedOn: '2024-06-10',
      reasons: ['transfer review satisfactory'],
    });
    expect(granted.status).toBe('CERTIFICATION_GRANTED');
    expect(await certificate('cert-transfer')).toMatchObject({
      expiryDate: '2026-11-09',
      recordedStatus: 'ACTIVE',
    });
    const original = await api.query(
      Role.VIEWER,
      '{ certificate(id: "cert-transfer") { originalCertificationDate } }',
    );
    expect(original.body.data).toEqual({
      certificate: { originalCertificationDate: '2017-11-20' },
    });
  });
});

describe('read-your-writes', () => {
  it('shows a change to a query sent right after the mutation answered', async () => {
    const { certificateId } = await grantedOverHttp(api, 'org-ryw');
    await mutate(api, Role.DECISION_MAKER, 'suspendCertificate', {
      certificateId,
      grounds: 'VOLUNTARY_REQUEST',
      details: 'client asked for a pause',
      ownFault: false,
      suspendedOn: '2025-02-01',
    });
    expect(await certificate(certificateId, '2025-02-01')).toMatchObject({
      status: 'SUSPENDED',
      version: 2,
    });
    await mutate(api, Role.ADMIN, 'updateOrganisation', {
      organisationId: 'org-ryw',
      address: '3 New Road, Beijing',
    });
    const organisation = await api.query(
      Role.VIEWER,
      '{ organisation(id: "org-ryw") { address version } }',
    );
    expect(organisation.body.data?.organisation).toEqual({
      address: '3 New Road, Beijing',
      version: 4,
    });
  });
});

describe('refusals', () => {
  it('refuses a decision by a member of the audit team with IMPARTIALITY', async () => {
    await cycleReadyForDecision(api, 'org-partial', 'cycle-partial', 'cert-partial');
    const auditorAsDecider = api.createKey(Role.DECISION_MAKER, CO_AUDITOR);
    const before = (await api.store.readAll()).length;
    const response = await api.query({ key: auditorAsDecider }, MUTATIONS.decideCertification, {
      input: {
        auditCycleId: 'cycle-partial',
        decision: 'GRANTED',
        decidedOn: '2024-08-20',
        reasons: [],
      },
    });
    const error = firstError(response);
    expect(error.extensions).toMatchObject({ code: 'DOMAIN_RULE_VIOLATION', rule: 'IMPARTIALITY' });
    expect(error.message).toContain(CO_AUDITOR);
    expect((await api.store.readAll()).length).toBe(before);
  });

  it('refuses a decision by the person who raised a finding of the cycle, on no audit team', async () => {
    const auditCycleId = 'cycle-raiser';
    await cycleReadyForDecision(api, 'org-raiser', auditCycleId, 'cert-raiser');
    const expert = 'person-technical-expert';
    const raise = await api.query(
      { key: api.createKey(Role.AUDITOR, expert) },
      MUTATIONS.raiseNonconformity,
      {
        input: {
          auditCycleId,
          ncId: 'nc-expert',
          auditId: `${auditCycleId}-stage2`,
          grade: 'MINOR',
          clause: '8.2.3',
          description: 'service level targets not monitored',
          raisedOn: '2024-08-07',
        },
      },
    );
    expect(raise.body.errors).toBeUndefined();
    await mutate(api, Role.AUDITOR, 'acceptCorrectiveActionPlan', {
      auditCycleId,
      ncId: 'nc-expert',
      plan: 'monthly SLA review',
      acceptedOn: '2024-08-12',
    });
    const before = (await api.store.readAll()).length;
    const response = await api.query(
      { key: api.createKey(Role.DECISION_MAKER, expert) },
      MUTATIONS.decideCertification,
      { input: { auditCycleId, decision: 'GRANTED', decidedOn: '2024-08-20', reasons: [] } },
    );
    const error = firstError(response);
    expect(error.extensions).toMatchObject({ code: 'DOMAIN_RULE_VIOLATION', rule: 'IMPARTIALITY' });
    expect(error.message).toContain(`${expert} raised nonconformity nc-expert`);
    expect((await api.store.readAll()).length).toBe(before);
  });

  it('answers a refusal sent with an effective date with BAD_USER_INPUT, recording nothing', async () => {
    const auditCycleId = 'cycle-refused-effective';
    await cycleReadyForDecision(
      api,
      'org-refused-effective',
      auditCycleId,
      'cert-refused-effective',
    );
    const before = (await api.store.readAll()).length;
    const response = await api.query(Role.DECISION_MAKER, MUTATIONS.decideCertification, {
      input: {
        auditCycleId,
        decision: 'REFUSED',
        decidedOn: '2024-08-20',
        effectiveOn: '2024-09-01',
        reasons: ['majors not closed'],
      },
    });
    const error = firstError(response);
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rule: 'INVALID_INPUT',
      field: 'effectiveOn',
    });
    expect((await api.store.readAll()).length).toBe(before);
  });

  it('refuses audits and findings after the withdrawal, and records a finding dated before it', async () => {
    const { certificateId } = await grantedOverHttp(api, 'org-after-withdrawal');
    const auditCycleId = 'org-after-withdrawal-cycle';
    today('2025-09-01');
    await mutate(api, Role.AUDITOR, 'planAudit', {
      auditCycleId,
      auditId: 'surveillance-1',
      kind: 'SURVEILLANCE',
      surveillanceNumber: 1,
      plannedStart: '2025-07-01',
      plannedEnd: '2025-07-02',
      mode: 'ON_SITE',
      leadAuditorId: LEAD_AUDITOR,
      team: [LEAD_AUDITOR],
      sites: ['site-hq'],
    });
    await mutate(api, Role.AUDITOR, 'completeAudit', {
      auditCycleId,
      auditId: 'surveillance-1',
      firstDay: '2025-07-01',
      lastDay: '2025-07-02',
    });
    await mutate(api, Role.AUDITOR, 'planAudit', {
      auditCycleId,
      auditId: 'surveillance-2',
      kind: 'SURVEILLANCE',
      surveillanceNumber: 2,
      plannedStart: '2025-07-30',
      plannedEnd: '2025-07-31',
      mode: 'REMOTE',
      leadAuditorId: LEAD_AUDITOR,
      team: [LEAD_AUDITOR],
      sites: ['site-hq'],
    });
    await mutate(api, Role.DECISION_MAKER, 'withdrawCertificate', {
      certificateId,
      reason: 'client request',
      ownFault: false,
      withdrawnOn: '2025-08-01',
    });
    const finding = (ncId: string, raisedOn: string) =>
      api.query(Role.AUDITOR, MUTATIONS.raiseNonconformity, {
        input: {
          auditCycleId,
          ncId,
          auditId: 'surveillance-1',
          grade: 'MINOR',
          clause: '9.1',
          description: 'monitoring results not analysed',
          raisedOn,
        },
      });
    const before = (await api.store.readAll()).length;
    const refused = [
      await finding('nc-after', '2025-08-02'),
      await api.query(Role.AUDITOR, MUTATIONS.planAudit, {
        input: {
          auditCycleId,
          auditId: 'special',
          kind: 'SPECIAL',
          plannedStart: '2025-08-20',
          plannedEnd: '2025-08-21',
          mode: 'REMOTE',
          leadAuditorId: LEAD_AUDITOR,
          team: [LEAD_AUDITOR],
          sites: ['site-hq'],
        },
      }),
      await api.query(Role.AUDITOR, MUTATIONS.completeAudit, {
        input: {
          auditCycleId,
          auditId: 'surveillance-2',
          firstDay: '2025-08-04',
          lastDay: '2025-08-05',
        },
      }),
    ].map((response) => firstError(response));
    for (const error of refused) {
      expect(error.extensions).toMatchObject({
        code: 'DOMAIN_RULE_VIOLATION',
        rule: 'CERTIFICATE_WITHDRAWN',
      });
    }
    expect(refused[0]?.message).toContain('withdrawn on 2025-08-01');
    expect((await api.store.readAll()).length).toBe(before);
    expect((await finding('nc-before', '2025-07-31')).body.errors).toBeUndefined();
  });

  it("refuses a grant its certificate would refuse, with the certificate's rule, recording nothing", async () => {
    const { certificateId } = await grantedOverHttp(api, 'org-withdrawn');
    today('2026-12-01');
    const auditCycleId = 'cycle-withdrawn-2';
    await mutate(api, Role.ADMIN, 'startRecertification', {
      certificateId,
      auditCycleId,
      submittedOn: '2026-10-05',
    });
    await acceptedOverHttp(api, auditCycleId, '2026-10-06');
    await auditOverHttp(api, auditCycleId, 'recert', 'RECERTIFICATION', '2026-11-16', '2026-11-18');
    await mutate(api, Role.DECISION_MAKER, 'withdrawCertificate', {
      certificateId,
      reason: 'misuse of marks',
      ownFault: true,
      withdrawnOn: '2026-11-20',
    });
    const before = (await api.store.readAll()).length;
    const response = await api.query(Role.DECISION_MAKER, MUTATIONS.decideCertification, {
      input: { auditCycleId, decision: 'GRANTED', decidedOn: '2026-12-01', reasons: [] },
    });
    const error = firstError(response);
    expect(error.extensions).toMatchObject({
      code: 'DOMAIN_RULE_VIOLATION',
      rule: 'CERTIFICATE_WITHDRAWN',
    });
    expect(error.message).toContain('withdrawn on 2026-11-20');
    expect((await api.store.readAll()).length).toBe(before);
  });

  it('refuses a stale expectedVersion with CONFLICT and the current version', async () => {
    await mutate(api, Role.ADMIN, 'registerOrganisation', {
      organisationId: 'org-stale',
      legalName: 'Stale Ltd',
      country: 'CN',
      address: '2 Old Road, Beijing',
    });
    await mutate(
      api,
      Role.ADMIN,
      'updateOrganisation',
      { organisationId: 'org-stale', legalName: 'Fresh Ltd' },
      1,
    );
    const response = await api.query(Role.ADMIN, MUTATIONS.updateOrganisation, {
      input: { organisationId: 'org-stale', legalName: 'Late Ltd' },
      expectedVersion: 1,
    });
    expect(firstError(response).extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
  });

  it('says a create takes expectedVersion 0, not that its object changed meanwhile', async () => {
    const input = {
      organisationId: 'org-create-version',
      legalName: 'Create Ltd',
      country: 'CN',
      address: '3 New Road, Beijing',
    };
    const before = (await api.store.readAll()).length;
    const early = firstError(
      await api.query(Role.ADMIN, MUTATIONS.registerOrganisation, { input, expectedVersion: 1 }),
    );
    expect(early.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 0 });
    expect(early.message).toBe(
      'Organisation org-create-version does not exist yet, so expectedVersion 1 cannot match: ' +
        'a mutation that creates it takes expectedVersion 0, or none',
    );
    expect((await api.store.readAll()).length).toBe(before);

    await mutate(api, Role.ADMIN, 'registerOrganisation', input, 0);
    const again = firstError(
      await api.query(Role.ADMIN, MUTATIONS.registerOrganisation, { input, expectedVersion: 0 }),
    );
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    expect(again.message).toBe(
      'Organisation org-create-version already exists, at version 1: expectedVersion 0 is only ' +
        'for a mutation that creates it',
    );
  });

  it("checks a recertification's expectedVersion against the certificate it names", async () => {
    const { certificateId } = await grantedOverHttp(api, 'org-recert-version');
    today('2027-03-01');
    const version = (await certificate(certificateId)).version as number;
    const before = (await api.store.readAll()).length;
    const stale = await api.query(Role.ADMIN, MUTATIONS.startRecertification, {
      input: { certificateId, submittedOn: '2027-03-01' },
      expectedVersion: version - 1,
    });
    expect(firstError(stale).extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: version,
      entity: 'Certificate',
      id: certificateId,
    });
    expect((await api.store.readAll()).length).toBe(before);
    const cycle = await mutate(
      api,
      Role.ADMIN,
      'startRecertification',
      { certificateId, submittedOn: '2027-03-01' },
      version,
    );
    expect(cycle).toMatchObject({ certificateId, status: 'APPLICATION_SUBMITTED', version: 1 });
  });

  it('answers a decision on a cycle the caller saw at an older version CONFLICT, not the rule its new state breaks', async () => {
    const { auditCycleId, cycle } = await grantedOverHttp(api, 'org-decided-twice');
    const version = (cycle as { version: number }).version;
    const stale = await api.query(Role.DECISION_MAKER, MUTATIONS.decideCertification, {
      input: { auditCycleId, decision: 'REFUSED', decidedOn: '2024-08-21', reasons: ['x'] },
      expectedVersion: version - 1,
    });
    expect(firstError(stale).extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: version,
      entity: 'AuditCycle',
      id: auditCycleId,
    });
  });

  it('answers NOT_FOUND for an unknown certificate', async () => {
    const response = await api.query(Role.DECISION_MAKER, MUTATIONS.reinstateCertificate, {
      input: { certificateId: 'cert-nowhere', reason: 'paid' },
    });
    expect(firstError(response).extensions).toMatchObject({
      code: 'NOT_FOUND',
      entity: 'Certificate',
      id: 'cert-nowhere',
    });
  });

  it('answers CONFLICT when an application names a certificate id already taken', async () => {
    const { certificateId } = await grantedOverHttp(api, 'org-taken');
    const response = await api.query(Role.ADMIN, MUTATIONS.submitApplication, {
      input: {
        organisationId: 'org-taken',
        certificateId,
        standard: STANDARD,
        scope: SCOPE,
        sites: ['site-hq'],
      },
    });
    expect(firstError(response)).toMatchObject({
      message: `Certificate ${certificateId} already exists`,
      extensions: { code: 'CONFLICT', currentVersion: 1, entity: 'Certificate', id: certificateId },
    });
  });
});

describe('when the read models lag', () => {
  let lagging: ApiHarness;
  beforeAll(async () => {
    lagging = await startApiHarness({ readYourWritesTimeoutMs: 150 });
  });
  afterAll(() => lagging.close());

  it('answers READ_MODEL_TIMEOUT saying the change is recorded, never a stale object', async () => {
    await lagging.runner.stop();
    const response = await lagging.query(Role.ADMIN, MUTATIONS.registerOrganisation, {
      input: {
        organisationId: 'org-late',
        legalName: 'Late Ltd',
        country: 'CN',
        address: '4 Slow Road, Beijing',
      },
    });
    expect(response.body.data?.registerOrganisation ?? null).toBeNull();
    const error = firstError(response);
    expect(error.extensions).toMatchObject({ code: 'READ_MODEL_TIMEOUT', waitedMs: 150 });
    expect(error.message).toMatch(/stored at position \d+, but the read models did not reach it/);
    expect(await lagging.store.readStream('organisation-org-late')).toHaveLength(1);
  });
});

describe('audit helpers', () => {
  it('records the completed audit with the planned team', async () => {
    await readyOrganisation(api, 'org-audit');
    await mutate(api, Role.ADMIN, 'submitApplication', {
      auditCycleId: 'cycle-audit',
      organisationId: 'org-audit',
      standard: STANDARD,
      scope: SCOPE,
      sites: ['site-hq'],
      submittedOn: '2024-06-03',
    });
    await mutate(api, Role.ADMIN, 'reviewApplication', {
      auditCycleId: 'cycle-audit',
      outcome: 'ACCEPTED',
      reasons: [],
      reviewedOn: '2024-06-05',
    });
    const cycle = await auditOverHttp(
      api,
      'cycle-audit',
      's1',
      'STAGE1',
      '2024-07-01',
      '2024-07-02',
    );
    expect(cycle.audits).toEqual([
      { auditId: 's1', kind: 'STAGE1', completed: true, team: [LEAD_AUDITOR, CO_AUDITOR] },
    ]);
  });
});
