import { buildCertcycleSchema, READ_MODEL_QUERY_FIELDS, Role } from '../../../src/graphql';
import { MUTATIONS } from '../mutations/mutation-documents';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { d, dataOf, errorOf, seedLifecycle } from './api-lifecycle';

// The API keeps whole answers to read-model queries until the read models change, from the second
// time a query is asked: asked again, the same query must answer what it would answer without them.

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness({ now: '2025-03-01T02:00:00Z' });
  await seedLifecycle(api);
}, 60_000);
afterAll(() => api.close());

const STATUS = `query ($id: ID!) { certificate(id: $id) { status version } }`;
const status = async (id: string, role: Role = Role.VIEWER) =>
  dataOf(await api.query(role, STATUS, { id })).certificate as { status: string; version: number };

const NEXT_DEADLINE = `query ($organisationId: ID) {
  upcomingDeadlines(organisationId: $organisationId, withinDays: 3660, includeOverdue: false, first: 1) {
    edges { node { id dueDate daysRemaining } } } }`;
const nextDeadline = async (organisationId: string) => {
  const data = dataOf(await api.query(Role.VIEWER, NEXT_DEADLINE, { organisationId }));
  const page = data.upcomingDeadlines as {
    edges: { node: { id: string; daysRemaining: number } }[];
  };
  return page.edges[0]!.node;
};

it('answers a repeated query with what a mutation through the API changed', async () => {
  const before = await status('cert-delta');
  expect(before.status).toBe('ACTIVE');
  expect(await status('cert-delta')).toEqual(before);
  expect(await status('cert-delta')).toEqual(before);

  const suspended = await api.query(Role.DECISION_MAKER, MUTATIONS.suspendCertificate, {
    input: {
      certificateId: 'cert-delta',
      grounds: 'SERIOUS_FAILURE',
      details: 'incident management failing',
      ownFault: true,
      suspendedOn: '2025-03-01',
    },
  });
  dataOf(suspended);

  expect(await status('cert-delta')).toEqual({ status: 'SUSPENDED', version: before.version + 1 });
});

it('answers a repeated query with what events appended outside the API changed', async () => {
  const before = await status('cert-epsilon');
  expect(await status('cert-epsilon')).toEqual(before);
  expect(await status('cert-epsilon')).toEqual(before);

  await api.service.withdrawCertificate(
    {
      certificateId: 'cert-epsilon',
      reason: 'the client closed its data centre',
      ownFault: false,
      withdrawnOn: d('2025-03-01'),
    },
    { actor: 'dm-1' },
  );
  await api.settle();

  expect(await status('cert-epsilon')).toEqual({
    status: 'WITHDRAWN',
    version: before.version + 1,
  });
});

it('answers a query without asOf as of the new day once the day changes', async () => {
  const today = await nextDeadline('org-beta');
  expect(await nextDeadline('org-beta')).toEqual(today);
  expect(await nextDeadline('org-beta')).toEqual(today);

  api.clock.set('2025-03-02T02:00:00Z');
  try {
    expect(await nextDeadline('org-beta')).toEqual({
      ...today,
      id: today.id.replace(/@2025-03-01$/, '@2025-03-02'),
      daysRemaining: today.daysRemaining - 1,
    });
  } finally {
    api.clock.set('2025-03-01T02:00:00Z');
  }
});

it("does not give one caller the answer kept for another caller's query", async () => {
  for (let time = 0; time < 3; time++) {
    expect((await status('cert-beta', Role.ADMIN)).status).toBe('ACTIVE');
  }
  const asClient = await api.query(Role.CLIENT, STATUS, { id: 'cert-beta' });
  expect(errorOf(asClient)).toMatchObject({ code: 'FORBIDDEN' });
  const anonymous = await api.query('ANONYMOUS', STATUS, { id: 'cert-beta' });
  expect(errorOf(anonymous)).toMatchObject({ code: 'UNAUTHENTICATED' });
});

it('keeps answers of query fields that exist, none of the webhooks or the API key', async () => {
  const schema = await buildCertcycleSchema(api.deps);
  const fields = Object.keys(schema.getQueryType()!.getFields());
  expect(fields).toEqual(expect.arrayContaining([...READ_MODEL_QUERY_FIELDS]));
  expect([...READ_MODEL_QUERY_FIELDS].filter((field) => /webhook|^me$/i.test(field))).toEqual([]);
});
