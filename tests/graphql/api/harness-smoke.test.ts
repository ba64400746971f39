import { Role } from '../../../src/graphql';
import { type ApiHarness, personOf, startApiHarness } from '../support/api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api.close());

it('answers me with the key holder and role', async () => {
  const response = await api.query(Role.CLIENT, '{ me { personId role organisationId } }');
  expect(response.body).toEqual({
    data: { me: { personId: personOf(Role.CLIENT), role: 'CLIENT', organisationId: 'org-acme' } },
  });
});
