import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { dataOf, granted20000, grantedIsms2013, ismsTransitionedOverHttp } from './api-lifecycle';

const TODAY = '2025-09-07';

/**
 * `cert-isms` to ISO/IEC 27001:2013 (granted 2024-03-20, expiry capped at the transition end,
 * 2025-10-31) is transitioned to 2022 by a decision on 2025-09-05 that takes effect on 2025-09-10
 * (R2, expiry 2027-03-19); `cert-one` is to ISO/IEC 20000-1:2018. Today is 2025-09-07, between
 * the transition's decision and its effective date.
 */
let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness({ now: `${TODAY}T02:00:00Z` });
  await grantedIsms2013(api);
  await granted20000(
    api,
    { organisationId: 'org-one', auditCycleId: 'cycle-one', certificateId: 'cert-one' },
    'Service one Co.',
    '91110000MA0ONE00001',
  );
  await ismsTransitionedOverHttp(api, ['2025-09-01', '2025-09-02'], '2025-09-05', '2025-09-10');
}, 120_000);
afterAll(() => api.close());

const LIST = `query ($asOf: CalendarDate, $filter: CertificateFilterInput) {
  certificates(asOf: $asOf, filter: $filter, first: 100) { edges { node { id } } }
}`;

const listed = async (asOf: string | null, filter: Record<string, unknown>): Promise<string[]> => {
  const data = dataOf(await api.query(Role.VIEWER, LIST, { asOf, filter })) as {
    certificates: { edges: { node: { id: string } }[] };
  };
  return data.certificates.edges.map(({ node }) => node.id);
};

it.each<[string, Record<string, unknown>, string[]]>([
  ['no filter', {}, ['cert-one', 'cert-isms']],
  ['the version in force today', { standard: 'ISO/IEC 27001:2013' }, ['cert-isms']],
  ['the version decided, in force from 2025-09-10', { standard: 'ISO/IEC 27001:2022' }, []],
  ['a standard of any version', { standard: 'ISO/IEC 27001' }, ['cert-isms']],
  ['the capped expiry in force today', { expiringBefore: '2025-11-01' }, ['cert-isms']],
  ['a status', { status: 'ACTIVE' }, ['cert-one', 'cert-isms']],
  ['DRAFT', { status: 'DRAFT' }, []],
])('lists without asOf what it lists as of today: %s', async (_, filter, expected) => {
  const withoutAsOf = await listed(null, filter);
  expect(withoutAsOf).toEqual(await listed(TODAY, filter));
  expect([...withoutAsOf].sort()).toEqual([...expected].sort());
});
