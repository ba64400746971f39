import { encodeCursor, Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { dataOf, errorOf, seedLifecycle } from './api-lifecycle';

let api: ApiHarness;
let betaNumber: string;
let acmeNumber: string;

beforeAll(async () => {
  api = await startApiHarness({ clientOrganisationId: 'org-acme' });
  await seedLifecycle(api);
  const data = dataOf(
    await api.query(
      Role.ADMIN,
      '{ acme: certificate(id: "cert-acme") { number } beta: certificate(id: "cert-beta") { number } }',
    ),
  );
  acmeNumber = (data.acme as { number: string }).number;
  betaNumber = (data.beta as { number: string }).number;
}, 60_000);
afterAll(() => api.close());

const STAFF = [Role.ADMIN, Role.AUDITOR, Role.DECISION_MAKER, Role.VIEWER];

const SINGLE_READS = {
  organisation: '{ organisation(id: "org-beta") { id } }',
  certificate: '{ certificate(id: "cert-beta") { id } }',
  certificateByNumber: () => `{ certificateByNumber(number: "${betaNumber}") { id } }`,
  auditCycle: '{ auditCycle(id: "cycle-beta") { id } }',
};

const EVERY_AUTHENTICATED_QUERY = [
  '{ me { personId } }',
  '{ organisation(id: "org-acme") { id } }',
  '{ organisations { edges { node { id } } } }',
  '{ certificate(id: "cert-acme") { id } }',
  '{ certificateByNumber(number: "CN-20000-00001") { id } }',
  '{ certificates { edges { node { id } } } }',
  '{ auditCycle(id: "cycle-acme") { id } }',
  '{ upcomingDeadlines { edges { node { id } } } }',
  '{ dashboard { asOf } }',
];

const query = (text: string | (() => string)) => (typeof text === 'function' ? text() : text);

describe('without an API key', () => {
  it('verifies a certificate number with public fields only', async () => {
    const response = await api.query(
      'ANONYMOUS',
      `query ($number: String!) { verifyCertificate(number: $number, asOf: "2024-09-10") {
         number numberWithRevision revisionStatus organisationName certificationBodyName
         standard { code } scope sites { name } effectiveDate expiryDate asOf status certSearchStatus valid
         statusPeriods { status from to } } }`,
      { number: acmeNumber },
    );
    expect(dataOf(response).verifyCertificate).toEqual({
      number: acmeNumber,
      numberWithRevision: acmeNumber,
      revisionStatus: 'CURRENT',
      organisationName: 'Acme IT Services Co., Ltd.',
      certificationBodyName: 'Example Certification Co.',
      standard: { code: 'ISO/IEC 20000-1:2018' },
      scope: 'IT service management of data-centre hosting services',
      sites: [{ name: 'Beijing head office' }, { name: 'Shanghai data centre' }],
      effectiveDate: '2024-03-20',
      expiryDate: '2027-03-19',
      asOf: '2024-09-10',
      status: 'SUSPENDED',
      certSearchStatus: 'Suspended',
      valid: false,
      statusPeriods: [
        { status: 'ACTIVE', from: '2024-03-20', to: '2024-09-01' },
        { status: 'SUSPENDED', from: '2024-09-02', to: null },
      ],
    });
  });

  it('answers null for an unknown number, and cannot reach ids, findings or reasons', async () => {
    const unknown = await api.query(
      'ANONYMOUS',
      '{ verifyCertificate(number: "CN-20000-99999") { number } }',
    );
    expect(unknown.body).toEqual({ data: { verifyCertificate: null } });
    for (const field of [
      'id',
      'organisationId',
      'suspensions { details }',
      'history { summary }',
      'revisions { revision }',
      'revisionOn(date: "2024-09-10") { revision }',
    ]) {
      const response = await api.query(
        'ANONYMOUS',
        `{ verifyCertificate(number: "${acmeNumber}") { ${field} } }`,
      );
      expect(errorOf(response)).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    }
  });

  it.each(EVERY_AUTHENTICATED_QUERY)('refuses %s as UNAUTHENTICATED', async (document) => {
    const response = await api.query('ANONYMOUS', document);
    expect(errorOf(response)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(response.body.data ?? null).toBeNull();
  });
});

describe('staff roles', () => {
  it.each(STAFF)('%s reads every organisation', async (role) => {
    for (const text of Object.values(SINGLE_READS)) {
      const data = dataOf(await api.query(role, query(text)));
      expect(Object.values(data)[0]).toEqual({ id: expect.any(String) as unknown });
    }
    const list = dataOf(await api.query(role, '{ certificates { edges { node { id } } } }'));
    expect((list.certificates as { edges: unknown[] }).edges).toHaveLength(5);
  });
});

describe('a CLIENT key (bound to org-acme)', () => {
  it('reads its own organisation, certificate and audit cycle', async () => {
    const data = dataOf(
      await api.query(
        Role.CLIENT,
        `{ me { personId role organisationId } organisation(id: "org-acme") { id }
           certificate(id: "cert-acme") { id organisation { id } currentAuditCycle { id } }
           certificateByNumber(number: "${acmeNumber}") { id } auditCycle(id: "cycle-acme") { id } }`,
      ),
    );
    expect(data).toEqual({
      me: { personId: 'person-client', role: 'CLIENT', organisationId: 'org-acme' },
      organisation: { id: 'org-acme' },
      certificate: {
        id: 'cert-acme',
        organisation: { id: 'org-acme' },
        currentAuditCycle: { id: 'cycle-acme' },
      },
      certificateByNumber: { id: 'cert-acme' },
      auditCycle: { id: 'cycle-acme' },
    });
  });

  it('reads the revisions of its own certificate, and the one in force on a date, as staff do', async () => {
    const document = `{ acme: certificate(id: "cert-acme") {
        revisions { revision } revisionOn(date: "2024-09-10") { revision scope } } }`;
    const own = dataOf(await api.query(Role.CLIENT, document));
    expect(own).toEqual({
      acme: {
        revisions: [{ revision: 1 }],
        revisionOn: {
          revision: 1,
          scope: 'IT service management of data-centre hosting services',
        },
      },
    });
    expect(dataOf(await api.query(Role.VIEWER, document))).toEqual(own);
    const other = await api.query(
      Role.CLIENT,
      '{ certificate(id: "cert-beta") { revisionOn(date: "2024-09-10") { revision } } }',
    );
    expect(errorOf(other)).toMatchObject({ code: 'FORBIDDEN' });
    expect(other.body.data).toEqual({ certificate: null });
  });

  it.each(Object.entries(SINGLE_READS))(
    "is refused another organisation's %s as FORBIDDEN",
    async (_name, text) => {
      const response = await api.query(Role.CLIENT, query(text));
      expect(errorOf(response)).toMatchObject({ code: 'FORBIDDEN' });
      expect(Object.values(response.body.data ?? {})).toEqual([null]);
    },
  );

  it.each([
    ['certificate', 'cert-beta', 'cert-none'],
    ['auditCycle', 'cycle-beta', 'cycle-none'],
    ['organisation', 'org-beta', 'org-none'],
  ])(
    "is refused an unknown %s exactly as another organisation's, so that it cannot probe ids",
    async (field, otherId, unknownId) => {
      const refusal = async (id: string) => {
        const error = errorOf(await api.query(Role.CLIENT, `{ ${field}(id: "${id}") { id } }`));
        return { ...error, message: error.message?.replace(id, '<id>') };
      };
      const other = await refusal(otherId);
      expect(other).toMatchObject({ code: 'FORBIDDEN' });
      expect(other.message).not.toMatch(/org-beta/);
      expect(await refusal(unknownId)).toEqual(other);
    },
  );

  it('sees only its organisation in lists, deadlines and the dashboard', async () => {
    const data = dataOf(
      await api.query(
        Role.CLIENT,
        `{ organisations { edges { node { id } } }
           certificates(first: 100) { edges { node { id } } }
           upcomingDeadlines(asOf: "2025-03-01", withinDays: 3660, first: 100) { edges { node { organisationId } } }
           dashboard(asOf: "2024-09-10") { certificatesByStatus { status count } } }`,
      ),
    );
    expect(data.organisations).toEqual({ edges: [{ node: { id: 'org-acme' } }] });
    expect(data.certificates).toEqual({ edges: [{ node: { id: 'cert-acme' } }] });
    const owners = (
      data.upcomingDeadlines as { edges: { node: { organisationId: string } }[] }
    ).edges.map((edge) => edge.node.organisationId);
    expect(owners.length).toBeGreaterThan(0);
    expect(new Set(owners)).toEqual(new Set(['org-acme']));
    const counts = (data.dashboard as { certificatesByStatus: { status: string; count: number }[] })
      .certificatesByStatus;
    expect(counts.filter((entry) => entry.count > 0)).toEqual([{ status: 'SUSPENDED', count: 1 }]);
  });

  it('pages its organisation like any list: first: 0 says there is a next page', async () => {
    const page = async (first: number) =>
      dataOf(
        await api.query(
          Role.CLIENT,
          `{ organisations(first: ${first}) { pageInfo { hasNextPage } } }`,
        ),
      ).organisations;
    expect(await page(0)).toEqual({ pageInfo: { hasNextPage: true } });
    expect(await page(1)).toEqual({ pageInfo: { hasNextPage: false } });
  });

  it('is refused lists of another organisation as FORBIDDEN', async () => {
    for (const text of [
      '{ certificates(filter: { organisationId: "org-beta" }) { edges { cursor } } }',
      '{ upcomingDeadlines(organisationId: "org-beta") { edges { cursor } } }',
      '{ dashboard(organisationId: "org-beta") { asOf } }',
    ]) {
      expect(errorOf(await api.query(Role.CLIENT, text))).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it("is, bound to org-beta, refused org-acme's certificate", async () => {
    const key = api.createKey(Role.CLIENT, 'person-beta-client', 'org-beta');
    const own = await api.query({ key }, '{ certificate(id: "cert-beta") { id } }');
    expect(dataOf(own)).toEqual({ certificate: { id: 'cert-beta' } });
    const other = await api.query({ key }, '{ certificate(id: "cert-acme") { id } }');
    expect(errorOf(other)).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('bad input', () => {
  it('refuses a bad filter as BAD_USER_INPUT', async () => {
    const badDate = await api.query(
      Role.VIEWER,
      '{ certificates(filter: { expiringBefore: "2025-13-01" }) { edges { cursor } } }',
    );
    expect(errorOf(badDate)).toMatchObject({ code: 'BAD_USER_INPUT' });
    const badStatus = await api.query(
      Role.VIEWER,
      'query ($filter: CertificateFilterInput) { certificates(filter: $filter) { edges { cursor } } }',
      { filter: { status: 'VALID' } },
    );
    expect(errorOf(badStatus)).toMatchObject({ code: 'BAD_USER_INPUT' });
    const badAsOf = await api.query(
      Role.VIEWER,
      '{ certificates(asOf: "tomorrow") { edges { cursor } } }',
    );
    expect(errorOf(badAsOf)).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('refuses a deadline cursor given to organisations as BAD_USER_INPUT', async () => {
    const after = encodeCursor({ name: 'upcomingDeadlines', arity: 3 }, [
      '2025-01-01',
      'STAGE2_DUE:stage1',
      'cycle-acme',
    ]);
    const response = await api.query(
      Role.VIEWER,
      'query ($after: String) { organisations(after: $after) { edges { cursor } } }',
      { after },
    );
    expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses an organisations cursor given to certificates, though its key has the same shape', async () => {
    const listed = dataOf(
      await api.query(Role.VIEWER, '{ organisations(first: 1) { edges { cursor } } }'),
    ).organisations as { edges: { cursor: string }[] };
    const after = listed.edges[0]!.cursor;
    const response = await api.query(
      Role.VIEWER,
      'query ($after: String) { certificates(after: $after) { edges { cursor } } }',
      { after },
    );
    expect(errorOf(response)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
      message: 'after is not a cursor returned by certificates',
    });
  });
});
