import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import type { GraphQLResponse } from '../support/test-server';
import { grantedOverHttp, SCOPE, STANDARD } from './lifecycle-over-http';
import { MUTATIONS, type MutationName } from './mutation-documents';

/**
 * Every root field against every kind of caller. Mutations target ids that do not exist, so an
 * allowed caller gets NOT_FOUND (the resolver ran) and nothing is ever written, except
 * registerOrganisation, which succeeds.
 */
type Caller = Role | 'OTHER_CLIENT' | 'ANONYMOUS';
const CALLERS: readonly Caller[] = [
  Role.ADMIN,
  Role.AUDITOR,
  Role.DECISION_MAKER,
  Role.VIEWER,
  Role.CLIENT,
  'OTHER_CLIENT',
  'ANONYMOUS',
];

const { ADMIN, AUDITOR, DECISION_MAKER } = Role;

const MUTATION_ROLES: Record<MutationName, readonly Role[]> = {
  registerOrganisation: [ADMIN],
  updateOrganisation: [ADMIN],
  addSite: [ADMIN],
  removeSite: [ADMIN],
  recordReadiness: [ADMIN],
  submitApplication: [ADMIN],
  reviewApplication: [ADMIN, DECISION_MAKER],
  startRecertification: [ADMIN],
  transferCertificateIn: [ADMIN],
  recordTransferReview: [ADMIN, DECISION_MAKER],
  planAudit: [ADMIN, AUDITOR],
  completeAudit: [ADMIN, AUDITOR],
  raiseNonconformity: [ADMIN, AUDITOR],
  acceptCorrectiveActionPlan: [ADMIN, AUDITOR],
  verifyNonconformity: [ADMIN, AUDITOR],
  decideCertification: [ADMIN, DECISION_MAKER],
  suspendCertificate: [ADMIN, DECISION_MAKER],
  reinstateCertificate: [ADMIN, DECISION_MAKER],
  withdrawCertificate: [ADMIN, DECISION_MAKER],
  extendScope: [ADMIN, DECISION_MAKER],
  reduceScope: [ADMIN, DECISION_MAKER],
  transitionStandardVersion: [ADMIN, DECISION_MAKER],
};

const NONE = { organisationId: 'org-none', auditCycleId: 'cycle-none', certificateId: 'cert-none' };

const inputOf = (name: MutationName, caller: Caller): Record<string, unknown> => {
  const cycle = { auditCycleId: NONE.auditCycleId };
  const certificate = { certificateId: NONE.certificateId };
  const scopeChange = { ...certificate, scope: 'hosting', decisionDate: '2025-03-01' };
  const inputs: Record<MutationName, Record<string, unknown>> = {
    registerOrganisation: {
      organisationId: `org-registered-by-${String(caller).toLowerCase()}`,
      legalName: 'Matrix Ltd',
      country: 'CN',
      address: '5 Grid Road, Beijing',
    },
    updateOrganisation: { organisationId: NONE.organisationId, legalName: 'Nobody Ltd' },
    addSite: {
      organisationId: NONE.organisationId,
      name: 'Site',
      address: '6 Grid Road',
      country: 'CN',
    },
    removeSite: { organisationId: NONE.organisationId, siteId: 'site-hq' },
    recordReadiness: {
      organisationId: NONE.organisationId,
      lastInternalAuditCompletedOn: '2025-01-01',
    },
    submitApplication: {
      organisationId: NONE.organisationId,
      standard: STANDARD,
      scope: SCOPE,
      sites: ['site-hq'],
    },
    reviewApplication: { ...cycle, outcome: 'ACCEPTED', reasons: [] },
    startRecertification: certificate,
    transferCertificateIn: {
      organisationId: NONE.organisationId,
      standard: STANDARD,
      scope: SCOPE,
      sites: ['site-hq'],
      previousCertificationBody: 'Other CB',
      previousCertificateNumber: 'OC-1',
      previousCycleDecisionDate: '2023-11-10',
      certificateExpiryDate: '2026-11-09',
      surveillanceProgramme: { completedSurveillances: 1, lastSurveillanceLastDay: '2024-10-01' },
    },
    recordTransferReview: {
      ...cycle,
      certificateStatus: 'VALID',
      accredited: true,
      reasonsForTransfer: ['price'],
      outstandingNonconformities: [],
      lastReports: ['report'],
      complaints: [],
    },
    planAudit: {
      ...cycle,
      kind: 'STAGE1',
      plannedStart: '2025-03-10',
      plannedEnd: '2025-03-11',
      mode: 'REMOTE',
      leadAuditorId: 'lead',
      team: ['lead'],
      sites: ['site-hq'],
    },
    completeAudit: { ...cycle, auditId: 'a-1', firstDay: '2025-03-10', lastDay: '2025-03-11' },
    raiseNonconformity: {
      ...cycle,
      auditId: 'a-1',
      grade: 'MINOR',
      clause: '8.1',
      description: 'finding',
      raisedOn: '2025-03-11',
    },
    acceptCorrectiveActionPlan: { ...cycle, ncId: 'nc-1', plan: 'plan' },
    verifyNonconformity: { ...cycle, ncId: 'nc-1', correction: 'c', correctiveAction: 'ca' },
    decideCertification: {
      ...cycle,
      decision: 'REFUSED',
      decidedOn: '2025-03-12',
      reasons: ['no'],
    },
    suspendCertificate: {
      ...certificate,
      grounds: 'NON_PAYMENT',
      details: 'unpaid',
      ownFault: true,
    },
    reinstateCertificate: { ...certificate, reason: 'paid' },
    withdrawCertificate: { ...certificate, reason: 'closed', ownFault: false },
    extendScope: scopeChange,
    reduceScope: scopeChange,
    transitionStandardVersion: {
      ...certificate,
      standard: STANDARD,
      decisionDate: '2025-03-01',
    },
  };
  return inputs[name];
};

type QueryOutcome = 'SEES_ACME' | 'ANSWERS' | 'HIDES_ACME' | 'FORBIDDEN' | 'UNAUTHENTICATED';

interface QueryCase {
  document: () => string;
  /** What staff roles and the CLIENT of Acme get (ANONYMOUS: UNAUTHENTICATED unless public). */
  own: QueryOutcome;
  /** What the CLIENT of another organisation gets. */
  other: QueryOutcome;
  public?: boolean;
}

let api: ApiHarness;
let acmeNumber: string;
let otherClientKey: string;

const QUERIES: Record<string, QueryCase> = {
  me: { document: () => '{ me { personId role } }', own: 'ANSWERS', other: 'ANSWERS' },
  organisation: {
    document: () => '{ organisation(id: "org-acme") { id } }',
    own: 'SEES_ACME',
    other: 'FORBIDDEN',
  },
  organisations: {
    document: () => '{ organisations { edges { node { id } } } }',
    own: 'SEES_ACME',
    other: 'HIDES_ACME',
  },
  certificate: {
    document: () => '{ certificate(id: "org-acme-cert") { id } }',
    own: 'SEES_ACME',
    other: 'FORBIDDEN',
  },
  certificateByNumber: {
    document: () => `{ certificateByNumber(number: "${acmeNumber}") { id } }`,
    own: 'SEES_ACME',
    other: 'FORBIDDEN',
  },
  certificates: {
    document: () => '{ certificates { edges { node { id } } } }',
    own: 'SEES_ACME',
    other: 'HIDES_ACME',
  },
  auditCycle: {
    document: () => '{ auditCycle(id: "org-acme-cycle") { id } }',
    own: 'SEES_ACME',
    other: 'FORBIDDEN',
  },
  upcomingDeadlines: {
    document: () =>
      '{ upcomingDeadlines(asOf: "2025-07-01") { edges { node { type certificate { id } } } } }',
    own: 'SEES_ACME',
    other: 'HIDES_ACME',
  },
  dashboard: {
    document: () => '{ dashboard { certificatesByStatus { status count } } }',
    own: 'ANSWERS',
    other: 'ANSWERS',
  },
  verifyCertificate: {
    document: () => `{ verifyCertificate(number: "${acmeNumber}") { number status } }`,
    own: 'ANSWERS',
    other: 'ANSWERS',
    public: true,
  },
};

beforeAll(async () => {
  api = await startApiHarness({ clientOrganisationId: 'org-acme' });
  await grantedOverHttp(api, 'org-acme');
  await grantedOverHttp(api, 'org-beta');
  otherClientKey = api.createKey(Role.CLIENT, 'person-beta-client', 'org-beta');
  const acme = await api.query(Role.ADMIN, '{ certificate(id: "org-acme-cert") { number } }');
  acmeNumber = (acme.body.data?.certificate as { number: string }).number;
}, 60_000);
afterAll(() => api.close());

const send = (caller: Caller, document: string, variables?: Record<string, unknown>) =>
  api.query(caller === 'OTHER_CLIENT' ? { key: otherClientKey } : caller, document, variables);

const codeOf = (response: GraphQLResponse): unknown => response.body.errors?.[0]?.extensions?.code;

const eventCount = async () => (await api.store.readAll()).length;

describe('mutations', () => {
  const cases = (Object.keys(MUTATION_ROLES) as MutationName[]).flatMap((name) =>
    CALLERS.map((caller) => ({ name, caller })),
  );

  it.each(cases)('$name by $caller', async ({ name, caller }) => {
    const allowed = (MUTATION_ROLES[name] as readonly Caller[]).includes(caller);
    const before = await eventCount();
    const response = await send(caller, MUTATIONS[name], { input: inputOf(name, caller) });
    if (!allowed) {
      expect(codeOf(response)).toBe(caller === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(await eventCount()).toBe(before);
    } else if (name === 'registerOrganisation') {
      expect(response.body.errors).toBeUndefined();
      expect(await eventCount()).toBe(before + 1);
    } else {
      expect(codeOf(response)).toBe('NOT_FOUND');
      expect(await eventCount()).toBe(before);
    }
  });
});

describe('queries', () => {
  const cases = Object.keys(QUERIES).flatMap((name) => CALLERS.map((caller) => ({ name, caller })));

  const expected = (query: QueryCase, caller: Caller): QueryOutcome => {
    if (caller === 'ANONYMOUS') return query.public ? query.own : 'UNAUTHENTICATED';
    return caller === 'OTHER_CLIENT' ? query.other : query.own;
  };

  it.each(cases)('$name by $caller', async ({ name, caller }) => {
    const query = QUERIES[name] as QueryCase;
    const outcome = expected(query, caller);
    const response = await send(caller, query.document());
    const mentionsAcme = JSON.stringify(response.body.data ?? null).includes('org-acme');
    switch (outcome) {
      case 'FORBIDDEN':
      case 'UNAUTHENTICATED':
        expect(codeOf(response)).toBe(outcome);
        expect(mentionsAcme).toBe(false);
        break;
      case 'SEES_ACME':
        expect(response.body.errors).toBeUndefined();
        expect(mentionsAcme).toBe(true);
        break;
      case 'HIDES_ACME':
        expect(response.body.errors).toBeUndefined();
        expect(mentionsAcme).toBe(false);
        break;
      case 'ANSWERS':
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data?.[name]).toBeTruthy();
        break;
    }
  });
});

it('covers every query and mutation of the schema', async () => {
  const response = await api.query(
    Role.ADMIN,
    '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }',
  );
  const names = (type: string) =>
    (
      (response.body.data?.__schema as Record<string, { fields: { name: string }[] }>)[type]
        ?.fields ?? []
    )
      .map(({ name }) => name)
      .sort();
  expect(names('queryType')).toEqual(Object.keys(QUERIES).sort());
  expect(names('mutationType')).toEqual(Object.keys(MUTATION_ROLES).sort());
});
