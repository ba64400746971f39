import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { d, dataOf, registerReadyOrganisation } from './api-lifecycle';
import { cacheConflicts } from './normalised-objects';

let api: ApiHarness;

/** Given two organisations that each name a site of their own `site-gz`. */
beforeAll(async () => {
  api = await startApiHarness({ now: '2025-03-01T02:00:00Z' });
  const { service } = api;
  for (const [organisationId, name, uscc, addedOn] of [
    ['org-north', 'North Hosting Co.', '91110000MA0N000001', '2024-05-01'],
    ['org-south', 'South Hosting Co.', '91110000MA0N000002', '2024-07-15'],
  ] as const) {
    await registerReadyOrganisation(service, organisationId, name, uscc);
    await service.addSite(
      {
        organisationId,
        siteId: 'site-gz',
        name: `${name} Guangzhou office`,
        address: `${name} road, Guangzhou`,
        country: 'CN',
        addedOn: d(addedOn),
      },
      { actor: 'admin-1' },
    );
  }
  await api.settle();
}, 60_000);
afterAll(() => api.close());

const SITE = '__typename id siteId name address country addedOn removedOn';
const ORGANISATION = `__typename id sites { ${SITE} }`;

it('answers every field of the sites of two organisations that name them alike with one value each', async () => {
  const answers = [
    dataOf(await api.query(Role.VIEWER, `{ organisation(id: "org-north") { ${ORGANISATION} } }`)),
    dataOf(await api.query(Role.VIEWER, `{ organisation(id: "org-south") { ${ORGANISATION} } }`)),
    dataOf(
      await api.query(
        Role.VIEWER,
        `{ organisations(first: 10) { edges { node { ${ORGANISATION} } } } }`,
      ),
    ),
  ];
  expect(cacheConflicts(...answers)).toEqual([]);
});

it('names a site by its organisation, beside the id the commands take', async () => {
  const data = dataOf(
    await api.query(Role.VIEWER, '{ organisation(id: "org-south") { sites { id siteId name } } }'),
  );
  expect(data.organisation).toEqual({
    sites: [
      { id: 'org-south:site-bj', siteId: 'site-bj', name: 'Beijing head office' },
      { id: 'org-south:site-sh', siteId: 'site-sh', name: 'Shanghai data centre' },
      { id: 'org-south:site-gz', siteId: 'site-gz', name: 'South Hosting Co. Guangzhou office' },
    ],
  });
});
