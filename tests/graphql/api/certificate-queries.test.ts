import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { dataOf, errorOf, OTHERS, seedLifecycle } from './api-lifecycle';

let api: ApiHarness;
let acmeNumber: string;

beforeAll(async () => {
  api = await startApiHarness();
  await seedLifecycle(api);
  const data = dataOf(await api.query(Role.VIEWER, '{ certificate(id: "cert-acme") { number } }'));
  acmeNumber = (data.certificate as { number: string }).number;
}, 60_000);
afterAll(() => api.close());

const ids = (connection: unknown): string[] =>
  (connection as { edges: { node: { id: string } }[] }).edges.map((edge) => edge.node.id);

it('answers a certificate with its revision, standard, scope, sites, dates and version', async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `{ certificate(id: "cert-acme") {
          id organisationId number revision numberWithRevision recordedStatus
          standard { identifier version code } scope sites { id siteId name scope }
          originalCertificationDate effectiveDate expiryDate version
          organisation { id legalName } } }`,
    ),
  );
  expect(data.certificate).toEqual({
    id: 'cert-acme',
    organisationId: 'org-acme',
    number: expect.stringMatching(/^CN-20000-\d{5}$/) as unknown,
    revision: 1,
    numberWithRevision: acmeNumber,
    recordedStatus: 'ACTIVE',
    standard: { identifier: 'ISO/IEC 20000-1', version: '2018', code: 'ISO/IEC 20000-1:2018' },
    scope: 'IT service management of data-centre hosting services',
    sites: [
      expect.objectContaining({
        id: 'cert-acme:R1:site-bj',
        siteId: 'site-bj',
        name: 'Beijing head office',
      }),
      expect.objectContaining({
        id: 'cert-acme:R1:site-sh',
        siteId: 'site-sh',
        name: 'Shanghai data centre',
      }),
    ],
    originalCertificationDate: '2024-03-20',
    effectiveDate: '2024-03-20',
    expiryDate: '2027-03-19',
    version: 3,
    organisation: { id: 'org-acme', legalName: 'Acme IT Services Co., Ltd.' },
  });
});

it('gives the status and validity on past and future dates', async () => {
  const dates = {
    beforeGrant: '2024-03-19',
    granted: '2024-03-20',
    suspended: '2024-09-02',
    lastSuspendedDay: '2024-10-14',
    reinstated: '2024-10-15',
    lastDay: '2027-03-19',
    expired: '2027-03-20',
  };
  const fields = Object.entries(dates)
    .map(
      ([name, date]) => `${name}: status(asOf: "${date}") ${name}Valid: validOn(date: "${date}")`,
    )
    .join(' ');
  const data = dataOf(
    await api.query(Role.VIEWER, `{ certificate(id: "cert-acme") { ${fields} } }`),
  );
  expect(data.certificate).toEqual({
    beforeGrant: 'DRAFT',
    beforeGrantValid: false,
    granted: 'ACTIVE',
    grantedValid: true,
    suspended: 'SUSPENDED',
    suspendedValid: false,
    lastSuspendedDay: 'SUSPENDED',
    lastSuspendedDayValid: false,
    reinstated: 'ACTIVE',
    reinstatedValid: true,
    lastDay: 'ACTIVE',
    lastDayValid: true,
    expired: 'EXPIRED',
    expiredValid: false,
  });
});

it('takes today in the CB time zone when status has no asOf', async () => {
  const before = api.clock.now();
  try {
    api.clock.set('2024-09-01T17:00:00Z');
    const data = dataOf(
      await api.query(
        Role.VIEWER,
        '{ certificate(id: "cert-acme") { status validOn(date: "2024-09-01") } }',
      ),
    );
    expect(data.certificate).toEqual({ status: 'SUSPENDED', validOn: true });
  } finally {
    api.clock.set(before);
  }
});

it('finds a certificate by number, with or without a revision suffix', async () => {
  const data = dataOf(
    await api.query(
      Role.AUDITOR,
      `query ($plain: String!, $revised: String!) {
         plain: certificateByNumber(number: $plain) { id }
         revised: certificateByNumber(number: $revised) { id revision } }`,
      { plain: acmeNumber, revised: `${acmeNumber}/R1` },
    ),
  );
  expect(data).toEqual({ plain: { id: 'cert-acme' }, revised: { id: 'cert-acme', revision: 1 } });
});

it('answers NOT_FOUND for an unknown certificate id, number or revision', async () => {
  for (const [query, id] of [
    ['{ certificate(id: "cert-none") { id } }', 'cert-none'],
    ['{ certificateByNumber(number: "CN-20000-99999") { id } }', 'CN-20000-99999'],
    [`{ certificateByNumber(number: "${acmeNumber}/R7") { id } }`, `${acmeNumber}/R7`],
  ] as const) {
    const response = await api.query(Role.ADMIN, query);
    expect(Object.values(response.body.data ?? {})).toEqual([null]);
    expect(errorOf(response)).toMatchObject({ code: 'NOT_FOUND', entity: 'Certificate', id });
  }
});

it('quotes a blank or padded id in the NOT_FOUND message, so that it can be seen', async () => {
  for (const [id, shown] of [
    ['', '""'],
    [' cert-acme', '" cert-acme"'],
  ] as const) {
    const response = await api.query(
      Role.ADMIN,
      'query ($id: ID!) { certificate(id: $id) { id } }',
      {
        id,
      },
    );
    expect(response.body.errors?.[0]?.message).toBe(`Certificate ${shown} was not found`);
    expect(errorOf(response)).toMatchObject({ code: 'NOT_FOUND', entity: 'Certificate', id });
  }
});

it('lists certificates by status on a date, standard, organisation and expiry', async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `{ suspended: certificates(filter: { status: SUSPENDED }, asOf: "2024-09-10") { edges { node { id status(asOf: "2024-09-10") } } }
         draft: certificates(filter: { status: DRAFT }, asOf: "2024-05-01") { edges { node { id } } }
         isms: certificates(filter: { standard: "ISO/IEC 27001" }) { edges { node { id } } }
         smsCode: certificates(filter: { standard: "ISO/IEC 20000-1:2018", organisationId: "org-delta" }) { edges { node { id } } }
         expiring: certificates(filter: { expiringBefore: "2027-04-20" }) { edges { node { id expiryDate } } } }`,
    ),
  );
  expect(data.suspended).toEqual({ edges: [{ node: { id: 'cert-acme', status: 'SUSPENDED' } }] });
  // Zeta and Beta are decided after 2024-05-01 (each in force on its decision): not DRAFT, not there.
  expect(ids(data.draft)).toEqual([]);
  expect(ids(data.isms)).toEqual(['cert-beta']);
  expect(ids(data.smsCode)).toEqual(['cert-delta']);
  expect(data.expiring).toEqual({
    edges: [
      { node: { id: 'cert-acme', expiryDate: '2027-03-19' } },
      { node: { id: 'cert-delta', expiryDate: '2027-04-01' } },
    ],
  });
});

it("answers a listed certificate's status today, as certificate(id) does, and as of the list's date when asked for it", async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `{ suspended: certificates(filter: { status: SUSPENDED }, asOf: "2024-09-10") {
           edges { node { id status listed: status(asOf: "2024-09-10") } } }
         draft: certificates(filter: { status: DRAFT }, asOf: "2024-05-01") { edges { node { status } } } }`,
    ),
  );
  expect(data.suspended).toEqual({
    edges: [{ node: { id: 'cert-acme', status: 'ACTIVE', listed: 'SUSPENDED' } }],
  });
  // None is decided by 2024-05-01 and in force after it (see before-first-decision.test.ts).
  expect(data.draft).toEqual({ edges: [] });
});

it("answers a listed certificate's deadlines today, as certificate(id) does, and as of the list's date when asked for it", async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `{ list: certificates(filter: { organisationId: "org-acme" }, asOf: "2024-09-10") {
           edges { node { id deadlines { key state daysRemaining } listed: deadlines(asOf: "2024-09-10") { key state } } } }
         today: certificate(id: "cert-acme") { deadlines { key state daysRemaining } }
         then: certificate(id: "cert-acme") { deadlines(asOf: "2024-09-10") { key state } } }`,
    ),
  );
  const [node] = (data.list as { edges: { node: Record<string, unknown> }[] }).edges.map(
    (edge) => edge.node,
  );
  const today = (data.today as { deadlines: unknown[] }).deadlines;
  expect(node!.id).toBe('cert-acme');
  expect(today.length).toBeGreaterThan(0);
  expect(node!.deadlines).toEqual(today);
  expect(node!.listed).toEqual((data.then as { deadlines: unknown[] }).deadlines);
});

const STANDARD_LIST =
  'query ($standard: String) { certificates(filter: { standard: $standard }, first: 100) { edges { node { id } } } }';

it('lists by a standard typed in any case, width or spacing, as by the catalog spelling', async () => {
  for (const [catalog, typed] of [
    ['ISO/IEC 20000-1', ['iso/iec 20000-1', ' ISO/IEC 20000-1 ', 'ISO / IEC  20000\u20131']],
    [
      'ISO/IEC 20000-1:2018',
      [
        'ISO/IEC 20000-1:2018 ',
        'iso/iec 20000-1 : 2018',
        '\uff29\uff33\uff2f\uff0f\uff29\uff25\uff23\u3000\uff12\uff10\uff10\uff10\uff10\uff0d\uff11\uff1a\uff12\uff10\uff11\uff18',
      ],
    ],
    ['ISO/IEC 27001:2022', ['iso/iec 27001:2022', '\tIso/Iec 27001:2022\n']],
  ] as const) {
    const listed = ids(
      dataOf(await api.query(Role.VIEWER, STANDARD_LIST, { standard: catalog })).certificates,
    );
    expect(listed.length).toBeGreaterThan(0);
    for (const standard of typed) {
      const response = await api.query(Role.VIEWER, STANDARD_LIST, { standard });
      expect(ids(dataOf(response).certificates)).toEqual(listed);
    }
  }
});

it('refuses a standard the catalog does not know, rather than list nothing, naming the closest entries', async () => {
  for (const [standard, hint] of [
    ['ISO 9001:2008', 'the closest catalog entry is ISO 9001:2015'],
    ['ISO 20000-1', 'the closest catalog entries are ISO/IEC 20000-1:2018, ISO/IEC 20000-1:2011'],
    ['ISO 9010', 'the closest catalog entry is ISO 9001:2015'],
    ['ISO/IEC 99999', 'the catalog holds ISO/IEC 20000-1:2018, ISO/IEC 20000-1:2011'],
  ] as const) {
    const response = await api.query(Role.VIEWER, STANDARD_LIST, { standard });
    expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'standard' });
    expect(errorOf(response).message).toContain('is not in the standards catalog');
    expect(errorOf(response).message).toContain(hint);
  }
});

it('pages through certificates without duplicates or gaps', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 10; page++) {
    const data = dataOf(
      await api.query(
        Role.VIEWER,
        'query ($after: String) { certificates(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
      ),
    );
    const connection = data.certificates as {
      edges: { node: { id: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    seen.push(...ids(connection));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  const all = ids(
    dataOf(await api.query(Role.VIEWER, '{ certificates(first: 100) { edges { node { id } } } }'))
      .certificates,
  );
  expect(all).toHaveLength(2 + OTHERS.length);
  expect(seen).toEqual(all);
});

it('tells the history of the certificate and its audit cycles: type, date, actor, summary', async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      '{ certificate(id: "cert-acme") { history { type date actor summary auditCycleId } } }',
    ),
  );
  const history = (data.certificate as { history: Record<string, unknown>[] }).history;
  expect(history.map((entry) => entry.type)).toEqual([
    'ApplicationSubmitted',
    'ApplicationAccepted',
    'AuditPlanned',
    'AuditCompleted',
    'AuditPlanned',
    'AuditCompleted',
    'NonconformityRaised',
    'CorrectiveActionPlanAccepted',
    'CertificationGranted',
    'CertificateIssued',
    'CertificateSuspended',
    'CertificateReinstated',
    'AuditPlanned',
    'AuditCompleted',
  ]);
  expect(history[10]).toEqual({
    type: 'CertificateSuspended',
    date: '2024-09-02',
    actor: 'dm-1',
    summary: expect.stringContaining('suspended (serious failure)') as unknown,
    auditCycleId: null,
  });
  expect(history[6]).toMatchObject({ actor: 'aud-1', auditCycleId: 'cycle-acme' });
});

it('answers the current audit cycle and auditCycle(id) with audits, findings and decision', async () => {
  const cycleFields = `id kind status standard { code } submittedOn
    audits { auditId kind surveillanceNumber firstDay lastDay completed team }
    nonconformities { ncId grade clause responseDueOn planAcceptedOn verifiedOn }
    decision { decision decidedOn decisionMakerId outcome effectiveOn expiryDate surveillanceDue { number dueOn } }
    certificate { id } organisation { id } version`;
  const data = dataOf(
    await api.query(
      Role.AUDITOR,
      `{ certificate(id: "cert-acme") { currentAuditCycle { ${cycleFields} } } auditCycle(id: "cycle-acme") { ${cycleFields} } }`,
    ),
  );
  const cycle = data.auditCycle as Record<string, unknown>;
  expect((data.certificate as { currentAuditCycle: unknown }).currentAuditCycle).toEqual(cycle);
  expect(cycle).toMatchObject({
    id: 'cycle-acme',
    kind: 'INITIAL',
    status: 'CERTIFICATION_GRANTED',
    standard: { code: 'ISO/IEC 20000-1:2018' },
    nonconformities: [
      {
        ncId: 'nc-1',
        grade: 'MINOR',
        clause: '8.2.3',
        planAcceptedOn: '2024-03-15',
        verifiedOn: null,
      },
    ],
    decision: {
      decision: 'GRANTED',
      decidedOn: '2024-03-20',
      decisionMakerId: 'dm-1',
      outcome: 'ISSUE',
      effectiveOn: '2024-03-20',
      expiryDate: '2027-03-19',
      surveillanceDue: [
        { number: 1, dueOn: '2025-03-20' },
        { number: 2, dueOn: '2026-03-20' },
      ],
    },
    certificate: { id: 'cert-acme' },
    organisation: { id: 'org-acme' },
  });
  expect(cycle.audits).toEqual([
    expect.objectContaining({ auditId: 'stage1', kind: 'STAGE1', completed: true }),
    expect.objectContaining({ auditId: 'stage2', kind: 'STAGE2', completed: true }),
    {
      auditId: 'surveillance-1',
      kind: 'SURVEILLANCE',
      surveillanceNumber: 1,
      firstDay: '2025-02-10',
      lastDay: '2025-02-11',
      completed: true,
      team: ['aud-1', 'aud-2'],
    },
  ]);
});

it('answers an audit cycle without certificate yet, and NOT_FOUND for an unknown one', async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      '{ auditCycle(id: "cycle-gamma") { status certificateId certificate { id } decision { decision } } }',
    ),
  );
  expect(data.auditCycle).toEqual({
    status: 'APPLICATION_ACCEPTED',
    certificateId: 'cert-gamma',
    certificate: null,
    decision: null,
  });
  const response = await api.query(Role.VIEWER, '{ auditCycle(id: "cycle-none") { id } }');
  expect(errorOf(response)).toMatchObject({ code: 'NOT_FOUND', id: 'cycle-none' });
});
