import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { d, dataOf } from './api-lifecycle';

const NAMES: Record<string, string> = {
  'org-zeta': 'Zeta Ltd',
  'org-olwerk': 'Ölwerk AG',
  'org-oak': 'Oak Ltd',
  'org-eclair': 'Éclair Services',
};

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness({ clientOrganisationId: 'org-olwerk' });
  for (const [organisationId, legalName] of Object.entries(NAMES)) {
    await api.service.registerOrganisation(
      {
        organisationId,
        legalName,
        registrationNumber: null,
        country: 'DE',
        address: '1 Hafenstraße, Hamburg',
        registeredOn: d('2024-01-10'),
      },
      { actor: 'admin-1' },
    );
  }
  await api.settle();
}, 60_000);
afterAll(() => api.close());

type Names = { edges: { node: { legalName: string } }[] };
const legalNames = (connection: unknown): string[] =>
  (connection as Names).edges.map((edge) => edge.node.legalName);

it('orders names by their letters, accented or not', async () => {
  const data = dataOf(
    await api.query(Role.VIEWER, '{ organisations(first: 100) { edges { node { legalName } } } }'),
  );
  expect(legalNames(data.organisations)).toEqual([
    'Éclair Services',
    'Oak Ltd',
    'Ölwerk AG',
    'Zeta Ltd',
  ]);
});

it('finds a name whatever the accents and case of the search', async () => {
  const search = async (caller: Role, term: string) =>
    legalNames(
      dataOf(
        await api.query(
          caller,
          'query ($term: String!) { organisations(search: $term) { edges { node { legalName } } } }',
          { term },
        ),
      ).organisations,
    );
  expect(await search(Role.VIEWER, 'olwerk')).toEqual(['Ölwerk AG']);
  expect(await search(Role.VIEWER, 'ÖLW')).toEqual(['Ölwerk AG']);
  expect(await search(Role.VIEWER, 'eclair')).toEqual(['Éclair Services']);
  expect(await search(Role.CLIENT, 'olwerk')).toEqual(['Ölwerk AG']);
  expect(await search(Role.CLIENT, 'zeta')).toEqual([]);
});
