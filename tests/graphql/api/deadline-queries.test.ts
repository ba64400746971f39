import { Role } from '../../../src/graphql';
import { encodeCursor } from '../../../src/graphql/pagination';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { dataOf, errorOf, seedLifecycle } from './api-lifecycle';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
  await seedLifecycle(api);
}, 60_000);
afterAll(() => api.close());

interface DeadlineNode {
  id: string;
  type: string;
  dueDate: string;
  state: string;
  daysRemaining: number;
  organisationId: string;
}
interface DeadlinePage {
  edges: { cursor: string; node: DeadlineNode }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

const DEADLINES = `query ($asOf: CalendarDate, $withinDays: Int, $types: [DeadlineType!], $organisationId: ID, $includeOverdue: Boolean, $first: Int, $after: String) {
  upcomingDeadlines(asOf: $asOf, withinDays: $withinDays, types: $types, organisationId: $organisationId, includeOverdue: $includeOverdue, first: $first, after: $after) {
    edges { cursor node { id type dueDate state daysRemaining organisationId } }
    pageInfo { hasNextPage hasPreviousPage endCursor } } }`;

const deadlines = async (variables: Record<string, unknown>, role: Role = Role.VIEWER) =>
  dataOf(await api.query(role, DEADLINES, variables)).upcomingDeadlines as DeadlinePage;

const nodes = (page: DeadlinePage) => page.edges.map((edge) => edge.node);

it('orders deadlines by due date and states them as of the date asked', async () => {
  const page = await deadlines({ asOf: '2025-03-01', withinDays: 3660, first: 100 });
  const all = nodes(page);
  expect(all.length).toBeGreaterThan(10);
  expect(page.pageInfo.hasNextPage).toBe(false);
  const dues = all.map((node) => node.dueDate);
  expect(dues).toEqual([...dues].sort());
  for (const node of all) {
    const days = Math.round((Date.parse(node.dueDate) - Date.parse('2025-03-01')) / 86_400_000);
    expect(node.daysRemaining).toBe(days);
    expect(node.state).toBe(days < 0 ? 'OVERDUE' : days === 0 ? 'DUE_TODAY' : 'UPCOMING');
  }
  expect(all).toContainEqual(
    expect.objectContaining({ id: 'cycle-gamma:STAGE2_DUE:stage1@2025-03-01', state: 'OVERDUE' }),
  );
});

it('pages through deadlines without duplicates or gaps', async () => {
  const query = { asOf: '2025-03-01', withinDays: 3660 };
  const everything = nodes(await deadlines({ ...query, first: 100 })).map((node) => node.id);
  const paged: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page = await deadlines({ ...query, first: 4, after });
    pages += 1;
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    paged.push(...nodes(page).map((node) => node.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(new Set(paged).size).toBe(paged.length);
  expect(paged).toEqual(everything);
  expect(pages).toBe(Math.ceil(everything.length / 4));
});

it('keeps to the window, the types and the organisation asked for', async () => {
  const window = nodes(
    await deadlines({ asOf: '2025-03-01', withinDays: 90, includeOverdue: false }),
  );
  expect(window.length).toBeGreaterThan(0);
  for (const node of window)
    expect(node.dueDate >= '2025-03-01' && node.dueDate <= '2025-05-30').toBe(true);

  const withOverdue = nodes(await deadlines({ asOf: '2025-03-01', withinDays: 90 }));
  expect(withOverdue.filter((node) => node.state === 'OVERDUE').length).toBeGreaterThan(0);
  expect(withOverdue.filter((node) => node.state !== 'OVERDUE')).toEqual(window);

  const surveillance = nodes(
    await deadlines({ asOf: '2025-03-01', withinDays: 3660, types: ['SURVEILLANCE_AUDIT_DUE'] }),
  );
  expect(surveillance).toHaveLength(9);
  expect(new Set(surveillance.map((node) => node.type))).toEqual(
    new Set(['SURVEILLANCE_AUDIT_DUE']),
  );

  const beta = nodes(
    await deadlines({ asOf: '2025-03-01', withinDays: 3660, organisationId: 'org-beta' }),
  );
  expect(beta.length).toBeGreaterThan(0);
  expect(new Set(beta.map((node) => node.organisationId))).toEqual(new Set(['org-beta']));
});

it('links a deadline to its certificate, organisation and audit cycle', async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `{ upcomingDeadlines(asOf: "2025-03-01", withinDays: 0, types: [STAGE2_DUE]) {
          edges { node { id state certificate { id } organisation { id } auditCycle { id status } } } } }`,
    ),
  );
  expect(data.upcomingDeadlines).toEqual({
    edges: [
      {
        node: {
          id: 'cycle-gamma:STAGE2_DUE:stage1@2025-03-01',
          state: 'OVERDUE',
          certificate: null,
          organisation: { id: 'org-gamma' },
          auditCycle: { id: 'cycle-gamma', status: 'APPLICATION_ACCEPTED' },
        },
      },
    ],
  });
});

it("answers the certificate's deadlines as of a date, met ones included", async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      '{ certificate(id: "cert-acme") { deadlines(asOf: "2025-03-01") { type dueDate metOn state } } }',
    ),
  );
  const list = (data.certificate as { deadlines: Record<string, unknown>[] }).deadlines;
  expect(list).toContainEqual({
    type: 'SURVEILLANCE_AUDIT_DUE',
    dueDate: '2025-03-20',
    metOn: '2025-02-11',
    state: 'MET',
  });
  expect(list).toContainEqual(
    expect.objectContaining({
      type: 'CERTIFICATE_EXPIRY',
      dueDate: '2027-03-19',
      state: 'UPCOMING',
    }),
  );
});

it('refuses first above 100 or below 0 as BAD_USER_INPUT', async () => {
  for (const first of [101, -1]) {
    const response = await api.query(Role.VIEWER, DEADLINES, { first });
    expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  }
  const hundred = await deadlines({ asOf: '2024-01-01', withinDays: 3660, first: 100 });
  expect(hundred.edges.length).toBeLessThanOrEqual(100);
});

it('refuses a cursor it did not make as BAD_USER_INPUT', async () => {
  for (const after of [
    'not a cursor!',
    encodeCursor({ name: 'upcomingDeadlines', arity: 2 }, ['2025-01-01', 'x']),
    encodeCursor({ name: 'upcomingDeadlines', arity: 3 }, [1, 2, 3]),
  ]) {
    const response = await api.query(Role.VIEWER, DEADLINES, { after });
    expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  }
});

it('refuses a bad calendar date, window or type as BAD_USER_INPUT', async () => {
  const literal = await api.query(
    Role.VIEWER,
    '{ upcomingDeadlines(asOf: "2025-02-30") { edges { cursor } } }',
  );
  expect(errorOf(literal)).toMatchObject({ code: 'BAD_USER_INPUT' });
  expect(errorOf(literal).message).toContain('2025-02-30');

  const variable = await api.query(Role.VIEWER, DEADLINES, { asOf: '2025-3-1' });
  expect(errorOf(variable)).toMatchObject({ code: 'BAD_USER_INPUT' });

  for (const withinDays of [-1, 100_000]) {
    const response = await api.query(Role.VIEWER, DEADLINES, { withinDays });
    expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'withinDays' });
  }

  const type = await api.query(Role.VIEWER, DEADLINES, { types: ['SOMEDAY'] });
  expect(errorOf(type)).toMatchObject({ code: 'BAD_USER_INPUT' });

  const none = await api.query(Role.VIEWER, DEADLINES, { types: [] });
  expect(errorOf(none)).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'types',
    message: 'types names no deadline type: name at least one, or leave types out for every type',
  });
});
