import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { dataOf, errorOf, seedLifecycle } from './api-lifecycle';

/** Gamma is registered and has no certificate; org-typo is not registered. */
let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness({ clientOrganisationId: 'org-acme' });
  await seedLifecycle(api);
}, 60_000);
afterAll(() => api.close());

const LISTS: Record<string, (organisationId: string) => string> = {
  certificates: (id) =>
    `{ certificates(filter: { organisationId: "${id}" }) { edges { cursor } } }`,
  upcomingDeadlines: (id) =>
    `{ upcomingDeadlines(organisationId: "${id}", withinDays: 3660) { edges { cursor } } }`,
  dashboard: (id) => `{ dashboard(organisationId: "${id}") { certificatesByStatus { count } } }`,
  webhookSubscriptions: (id) => `{ webhookSubscriptions(organisationId: "${id}") { id } }`,
};
const STAFF_LISTS = ['certificates', 'upcomingDeadlines', 'dashboard'];

describe('an organisationId that is not registered', () => {
  it.each(Object.keys(LISTS))(
    'is NOT_FOUND in %s for an ADMIN, naming the argument',
    async (list) => {
      const response = await api.query(Role.ADMIN, LISTS[list]!('org-typo'));
      expect(errorOf(response)).toMatchObject({
        code: 'NOT_FOUND',
        entity: 'Organisation',
        id: 'org-typo',
        field: 'organisationId',
      });
      expect(response.body.data ?? null).toBeNull();
    },
  );

  it.each(STAFF_LISTS)('is NOT_FOUND in %s for a VIEWER', async (list) => {
    const response = await api.query(Role.VIEWER, LISTS[list]!('org-typo'));
    expect(errorOf(response)).toMatchObject({ code: 'NOT_FOUND', field: 'organisationId' });
  });

  it.each(Object.keys(LISTS))(
    'is refused a CLIENT key in %s exactly as another organisation is, so that it cannot probe ids',
    async (list) => {
      const refusal = async (id: string) => {
        const error = errorOf(await api.query(Role.CLIENT, LISTS[list]!(id)));
        return { ...error, message: error.message?.replace(id, '<id>') };
      };
      const other = await refusal('org-beta');
      expect(other).toMatchObject({ code: 'FORBIDDEN' });
      expect(await refusal('org-typo')).toEqual(other);
    },
  );
});

it('lists nothing, without an error, for a registered organisation that has nothing', async () => {
  const data = dataOf(
    await api.query(
      Role.ADMIN,
      `{ certificates(filter: { organisationId: "org-gamma" }) { edges { cursor } }
         webhookSubscriptions(organisationId: "org-gamma") { id }
         dashboard(organisationId: "org-gamma") { certificatesByStatus { count } } }`,
    ),
  );
  expect(data.certificates).toEqual({ edges: [] });
  expect(data.webhookSubscriptions).toEqual([]);
  const counts = (data.dashboard as { certificatesByStatus: { count: number }[] })
    .certificatesByStatus;
  expect(counts.every(({ count }) => count === 0)).toBe(true);
});

it("lets a CLIENT key filter by its own organisation's id", async () => {
  for (const list of Object.keys(LISTS)) {
    const response = await api.query(Role.CLIENT, LISTS[list]!('org-acme'));
    expect(response.body.errors).toBeUndefined();
    expect(Object.values(dataOf(response))[0]).not.toBeNull();
  }
});
