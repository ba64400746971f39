import { Role } from '../../../src/graphql';
import { WEBHOOK_EVENT_TYPES } from '../../../src/webhooks';
import { type ApiHarness, personOf, startApiHarness } from '../support/api-harness';
import type { GraphQLResponse } from '../support/test-server';
import { CO_AUDITOR, grantedOverHttp, LEAD_AUDITOR, SCOPE, STANDARD } from './lifecycle-over-http';
import { MUTATIONS, type MutationName } from './mutation-documents';

/**
 * Every root field against every kind of caller. Mutations target ids that do not exist, so an
 * allowed caller gets NOT_FOUND (the resolver ran) and nothing is ever written, except
 * registerOrganisation and createWebhookSubscription, which succeed.
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

type WebhookOutcome =
  'NOT_FOUND' | 'FORBIDDEN' | 'CREATES' | 'SEES_ACME' | 'HIDES_ACME' | 'ANSWERS';

/** A webhook field: ADMIN and CLIENT keys only, a CLIENT for its own organisation's endpoints. */
interface WebhookCase {
  document: string;
  variables?: Record<string, unknown>;
  /** What ADMIN, the CLIENT of Acme and the other CLIENT get; other roles: FORBIDDEN. */
  admin: WebhookOutcome;
  client: WebhookOutcome;
  other: WebhookOutcome;
  /** The data an ANSWERS outcome answers. */
  answer?: unknown;
}

const NO_ENDPOINT = 'whsub-none';
const NO_DELIVERY = '999999';
const ENDPOINT = 'id url organisationId';
/** An unknown id: NOT_FOUND for ADMIN, FORBIDDEN for a CLIENT (it cannot learn which ids exist). */
const UNKNOWN: Pick<WebhookCase, 'admin' | 'client' | 'other'> = {
  admin: 'NOT_FOUND',
  client: 'FORBIDDEN',
  other: 'FORBIDDEN',
};
const byId = (field: string, type: string): WebhookCase => ({
  document: `mutation ($id: ID!) { ${field}(id: $id) { ${type} } }`,
  variables: { id: NO_ENDPOINT },
  ...UNKNOWN,
});

const WEBHOOK_QUERIES: Record<string, WebhookCase> = {
  webhookSubscriptions: {
    document: `{ webhookSubscriptions { ${ENDPOINT} } }`,
    admin: 'SEES_ACME',
    client: 'SEES_ACME',
    other: 'HIDES_ACME',
  },
  webhookSubscription: {
    document: `query ($id: ID!) { webhookSubscription(id: $id) { ${ENDPOINT} } }`,
    variables: { id: NO_ENDPOINT },
    ...UNKNOWN,
  },
  webhookDeliveries: {
    document: `query ($subscriptionId: ID!) {
      webhookDeliveries(subscriptionId: $subscriptionId, status: FAILED, first: 5, after: null) {
        edges { node { id } }
      }
    }`,
    variables: { subscriptionId: NO_ENDPOINT },
    ...UNKNOWN,
  },
  webhookEventTypes: {
    document: '{ webhookEventTypes }',
    admin: 'ANSWERS',
    client: 'ANSWERS',
    other: 'ANSWERS',
    answer: [...WEBHOOK_EVENT_TYPES],
  },
};

const WEBHOOK_MUTATIONS: Record<string, WebhookCase> = {
  createWebhookSubscription: {
    document: `mutation ($input: CreateWebhookSubscriptionInput!) {
      createWebhookSubscription(input: $input) { subscription { ${ENDPOINT} } }
    }`,
    variables: {
      input: { url: 'https://hooks.example.com/matrix', eventTypes: ['certificate.suspended'] },
    },
    admin: 'CREATES',
    client: 'CREATES',
    other: 'CREATES',
  },
  updateWebhookSubscription: {
    document: `mutation ($input: UpdateWebhookSubscriptionInput!) {
      updateWebhookSubscription(input: $input) { ${ENDPOINT} }
    }`,
    variables: { input: { id: NO_ENDPOINT, description: 'changed' } },
    ...UNKNOWN,
  },
  disableWebhookSubscription: byId('disableWebhookSubscription', ENDPOINT),
  enableWebhookSubscription: byId('enableWebhookSubscription', ENDPOINT),
  rotateWebhookSecret: byId('rotateWebhookSecret', 'secret'),
  deleteWebhookSubscription: {
    document: 'mutation ($id: ID!) { deleteWebhookSubscription(id: $id) }',
    variables: { id: NO_ENDPOINT },
    ...UNKNOWN,
  },
  resendWebhookDelivery: {
    ...byId('resendWebhookDelivery', 'id status'),
    variables: { id: NO_DELIVERY },
  },
  recoverWebhookDeliveries: {
    document: `mutation ($subscriptionId: ID!, $since: DateTime!) {
      recoverWebhookDeliveries(subscriptionId: $subscriptionId, since: $since)
    }`,
    variables: { subscriptionId: NO_ENDPOINT, since: '2025-01-01T00:00:00Z' },
    ...UNKNOWN,
  },
};

/** Whose endpoint a caller's createWebhookSubscription makes (ADMIN: every organisation's). */
const CREATED_FOR: Partial<Record<Caller, string | null>> = {
  [Role.ADMIN]: null,
  [Role.CLIENT]: 'org-acme',
  OTHER_CLIENT: 'org-beta',
};

let api: ApiHarness;
let acmeNumber: string;
let otherClientKey: string;
let acmeEndpoint: string;
let betaEndpoint: string;

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
  /** An endpoint of the organisation, made by one of its CLIENT keys. */
  const endpoint = (organisationId: string) =>
    api.webhooks.subscriptions.create({
      url: `https://hooks.example.com/${organisationId}`,
      eventTypes: ['certificate.suspended'],
      organisationId,
      clientManaged: true,
    }).subscription.id;
  acmeEndpoint = endpoint('org-acme');
  betaEndpoint = endpoint('org-beta');
}, 60_000);
afterAll(() => api.close());

const send = (caller: Caller, document: string, variables?: Record<string, unknown>) =>
  api.query(caller === 'OTHER_CLIENT' ? { key: otherClientKey } : caller, document, variables);

const codeOf = (response: GraphQLResponse): unknown => response.body.errors?.[0]?.extensions?.code;

const eventCount = async () => (await api.store.readAll()).length;

const mentionsAcme = (response: GraphQLResponse): boolean =>
  JSON.stringify(response.body.data ?? null).includes('org-acme');

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
    switch (outcome) {
      case 'FORBIDDEN':
      case 'UNAUTHENTICATED':
        expect(codeOf(response)).toBe(outcome);
        expect(mentionsAcme(response)).toBe(false);
        break;
      case 'SEES_ACME':
        expect(response.body.errors).toBeUndefined();
        expect(mentionsAcme(response)).toBe(true);
        break;
      case 'HIDES_ACME':
        expect(response.body.errors).toBeUndefined();
        expect(mentionsAcme(response)).toBe(false);
        break;
      case 'ANSWERS':
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data?.[name]).toBeTruthy();
        break;
    }
  });
});

describe('person ids', () => {
  const PEOPLE = `{ auditCycle(id: "org-acme-cycle") {
    audits { leadAuditorId team }
    review { reviewedBy }
    decision { decisionMakerId }
    certificate { history { type actor } }
  } }`;
  const staff = [Role.ADMIN, Role.AUDITOR, Role.DECISION_MAKER, Role.VIEWER];

  interface People {
    audits: { leadAuditorId: string; team: string[] }[];
    review: { reviewedBy: string | null };
    decision: { decisionMakerId: string | null };
    certificate: { history: { type: string; actor: string | null }[] };
  }
  const peopleSeenBy = async (caller: Caller): Promise<People> => {
    const response = await send(caller, PEOPLE);
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.auditCycle as People;
  };

  it.each(staff)('shows %s who reviewed, decided and recorded each event', async (role) => {
    const people = await peopleSeenBy(role);
    expect(people.review.reviewedBy).toBe(personOf(Role.DECISION_MAKER));
    expect(people.decision.decisionMakerId).toBe(personOf(Role.DECISION_MAKER));
    expect(people.certificate.history.map(({ actor }) => actor)).toContain(personOf(Role.AUDITOR));
    expect(people.certificate.history.every(({ actor }) => actor !== null)).toBe(true);
  });

  it("shows a CLIENT its audit team but none of the certification body's other people", async () => {
    const people = await peopleSeenBy(Role.CLIENT);
    expect(people.audits).toEqual([
      { leadAuditorId: LEAD_AUDITOR, team: [LEAD_AUDITOR, CO_AUDITOR] },
      { leadAuditorId: LEAD_AUDITOR, team: [LEAD_AUDITOR, CO_AUDITOR] },
    ]);
    expect(people.review).toEqual({ reviewedBy: null });
    expect(people.decision).toEqual({ decisionMakerId: null });
    expect(people.certificate.history.length).toBeGreaterThan(0);
    expect(people.certificate.history.every(({ actor }) => actor === null)).toBe(true);
    const text = JSON.stringify(people);
    for (const role of staff) expect(text).not.toContain(personOf(role));
  });
});

describe('webhook fields', () => {
  const fields = { ...WEBHOOK_QUERIES, ...WEBHOOK_MUTATIONS };
  const cases = Object.keys(fields).flatMap((name) => CALLERS.map((caller) => ({ name, caller })));

  const expected = (field: WebhookCase, caller: Caller): WebhookOutcome | 'UNAUTHENTICATED' => {
    switch (caller) {
      case 'ANONYMOUS':
        return 'UNAUTHENTICATED';
      case Role.ADMIN:
        return field.admin;
      case Role.CLIENT:
        return field.client;
      case 'OTHER_CLIENT':
        return field.other;
      default:
        return 'FORBIDDEN';
    }
  };
  const endpoints = () => api.webhooks.subscriptions.list();

  it.each(cases)('$name by $caller', async ({ name, caller }) => {
    const field = fields[name] as WebhookCase;
    const outcome = expected(field, caller);
    const events = await eventCount();
    const before = endpoints();
    const response = await send(caller, field.document, field.variables);
    switch (outcome) {
      case 'NOT_FOUND':
      case 'FORBIDDEN':
      case 'UNAUTHENTICATED':
        expect(codeOf(response)).toBe(outcome);
        expect(mentionsAcme(response)).toBe(false);
        expect(endpoints()).toEqual(before);
        break;
      case 'CREATES': {
        expect(response.body.errors).toBeUndefined();
        const { subscription } = response.body.data?.[name] as {
          subscription: { id: string; organisationId: string | null };
        };
        expect(subscription.organisationId).toBe(CREATED_FOR[caller]);
        expect(api.webhooks.subscriptions.get(subscription.id).organisationId).toBe(
          CREATED_FOR[caller],
        );
        expect(endpoints()).toHaveLength(before.length + 1);
        break;
      }
      case 'SEES_ACME':
      case 'HIDES_ACME':
        expect(response.body.errors).toBeUndefined();
        expect(mentionsAcme(response)).toBe(outcome === 'SEES_ACME');
        expect(endpoints()).toEqual(before);
        break;
      case 'ANSWERS':
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data?.[name]).toEqual(field.answer);
        break;
    }
    expect(await eventCount()).toBe(events);
  });

  it("lists a CLIENT its own organisation's endpoints only", async () => {
    const listed = async (caller: Caller, organisationId?: string) => {
      const response = await send(
        caller,
        'query ($organisationId: ID) { webhookSubscriptions(organisationId: $organisationId) { id organisationId } }',
        organisationId === undefined ? undefined : { organisationId },
      );
      expect(response.body.errors).toBeUndefined();
      return response.body.data?.webhookSubscriptions as { id: string; organisationId: string }[];
    };
    const acme = await listed(Role.CLIENT);
    const beta = await listed('OTHER_CLIENT');
    expect(acme.map(({ id }) => id)).toContain(acmeEndpoint);
    expect(new Set(acme.map(({ organisationId }) => organisationId))).toEqual(
      new Set(['org-acme']),
    );
    expect(beta.map(({ id }) => id)).toContain(betaEndpoint);
    expect(new Set(beta.map(({ organisationId }) => organisationId))).toEqual(
      new Set(['org-beta']),
    );
    expect((await listed(Role.ADMIN, 'org-acme')).map(({ id }) => id)).toContain(acmeEndpoint);
    const asked = await send(
      'OTHER_CLIENT',
      '{ webhookSubscriptions(organisationId: "org-acme") { id } }',
    );
    expect(codeOf(asked)).toBe('FORBIDDEN');
  });

  it.each([
    [Role.ADMIN, 'SEES_ACME'],
    [Role.CLIENT, 'SEES_ACME'],
    ['OTHER_CLIENT', 'FORBIDDEN'],
  ] as const)("answers Acme's endpoint by id to %s: %s", async (caller, outcome) => {
    const response = await send(
      caller,
      `query ($id: ID!) { webhookSubscription(id: $id) { ${ENDPOINT} } }`,
      { id: acmeEndpoint },
    );
    if (outcome === 'FORBIDDEN') {
      expect(codeOf(response)).toBe('FORBIDDEN');
      expect(mentionsAcme(response)).toBe(false);
    } else {
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.webhookSubscription).toMatchObject({
        id: acmeEndpoint,
        organisationId: 'org-acme',
      });
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
  expect(names('queryType')).toEqual(
    [...Object.keys(QUERIES), ...Object.keys(WEBHOOK_QUERIES)].sort(),
  );
  expect(names('mutationType')).toEqual(
    [...Object.keys(MUTATION_ROLES), ...Object.keys(WEBHOOK_MUTATIONS)].sort(),
  );
});
