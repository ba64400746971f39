import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { dataOf, errorOf, seedLifecycle } from './api-lifecycle';

let api: ApiHarness;

beforeAll(async () => {
  api = await startApiHarness();
  await seedLifecycle(api);
}, 60_000);
afterAll(() => api.close());

/** An empty string is a value like any other, not a filter left out. */
describe('an empty organisationId or standard', () => {
  it('is an organisation that is not registered: NOT_FOUND, as in every list and the dashboard', async () => {
    for (const document of [
      '{ certificates(filter: { organisationId: "" }) { edges { node { id } } } }',
      '{ upcomingDeadlines(organisationId: "", withinDays: 3660) { edges { node { key } } } }',
      '{ dashboard(organisationId: "") { certificatesByStatus { count } } }',
    ]) {
      expect(errorOf(await api.query(Role.ADMIN, document))).toMatchObject({
        code: 'NOT_FOUND',
        entity: 'Organisation',
        id: '',
        field: 'organisationId',
      });
    }
  });

  it('lists what a left-out organisationId lists, for comparison', async () => {
    const data = dataOf(
      await api.query(
        Role.ADMIN,
        `{ certificates { edges { node { id } } }
           upcomingDeadlines(withinDays: 3660) { edges { node { key } } } }`,
      ),
    );
    expect((data.certificates as { edges: unknown[] }).edges.length).toBeGreaterThan(0);
    expect((data.upcomingDeadlines as { edges: unknown[] }).edges.length).toBeGreaterThan(0);
  });

  it('refuses an empty standard as one not in the catalog', async () => {
    const error = errorOf(
      await api.query(
        Role.ADMIN,
        '{ certificates(filter: { standard: "" }) { edges { node { id } } } }',
      ),
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'standard' });
    expect(error.message).toContain('is not in the standards catalog');
  });
});
