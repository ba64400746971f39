import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { d, dataOf, errorOf, seedLifecycle } from './api-lifecycle';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
  await seedLifecycle(api);
  await api.service.removeSite(
    { organisationId: 'org-gamma', siteId: 'site-sh', removedOn: d('2024-03-01') },
    { actor: 'admin-1' },
  );
  await api.settle();
}, 60_000);
afterAll(() => api.close());

type Connection = {
  edges: { node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

it('answers an organisation with its details, readiness, sites and version', async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `{ organisation(id: "org-gamma") {
          id legalName registrationNumber country registeredOn policyProfile version
          readiness { managementSystemOperatingSince lastInternalAuditCompletedOn lastManagementReviewCompletedOn administrativePenaltyCount }
          sites { siteId removedOn } all: sites(includeRemoved: true) { siteId removedOn } } }`,
    ),
  );
  expect(data.organisation).toEqual({
    id: 'org-gamma',
    legalName: 'Gamma Data Services',
    registrationNumber: '91110000MA0G000003',
    country: 'CN',
    registeredOn: '2023-09-01',
    policyProfile: 'ISO_17021',
    version: 5,
    readiness: {
      managementSystemOperatingSince: '2023-06-01',
      lastInternalAuditCompletedOn: '2023-11-15',
      lastManagementReviewCompletedOn: '2023-12-01',
      administrativePenaltyCount: 0,
    },
    sites: [{ siteId: 'site-bj', removedOn: null }],
    all: [
      { siteId: 'site-bj', removedOn: null },
      { siteId: 'site-sh', removedOn: '2024-03-01' },
    ],
  });
  const unknown = await api.query(Role.VIEWER, '{ organisation(id: "org-none") { id } }');
  expect(errorOf(unknown)).toMatchObject({ code: 'NOT_FOUND', id: 'org-none' });
});

it('searches organisations by name or registration number, by name', async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `{ cloud: organisations(search: "CLOUD") { edges { node { id } } }
         number: organisations(search: "MA0G") { edges { node { id } } }
         all: organisations(first: 100) { edges { node { id legalName } } } }`,
    ),
  );
  expect(data.cloud).toEqual({ edges: [{ node: { id: 'org-beta' } }] });
  expect(data.number).toEqual({ edges: [{ node: { id: 'org-gamma' } }] });
  const names = (data.all as { edges: { node: { legalName: string } }[] }).edges.map(
    (edge) => edge.node.legalName,
  );
  expect(names).toHaveLength(6);
  expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
});

it('pages through organisations without duplicates or gaps', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = dataOf(
      await api.query(
        Role.VIEWER,
        'query ($after: String) { organisations(first: 4, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
      ),
    ).organisations as Connection;
    seen.push(...page.edges.map((edge) => edge.node.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(seen.sort()).toEqual(
    ['org-acme', 'org-beta', 'org-delta', 'org-epsilon', 'org-gamma', 'org-zeta'].sort(),
  );
});

it('counts certificates by status and deadlines by state on the date asked', async () => {
  const query = `query ($asOf: CalendarDate) { dashboard(asOf: $asOf) {
      asOf withinDays certificatesByStatus { status count }
      deadlinesByType { type upcoming dueToday overdue met } } }`;
  const counts = async (asOf: string) => {
    const board = dataOf(await api.query(Role.VIEWER, query, { asOf })).dashboard as {
      asOf: string;
      withinDays: number;
      certificatesByStatus: { status: string; count: number }[];
      deadlinesByType: { type: string; overdue: number; met: number }[];
    };
    return {
      ...board,
      statuses: Object.fromEntries(board.certificatesByStatus.map((e) => [e.status, e.count])),
      byType: Object.fromEntries(board.deadlinesByType.map((e) => [e.type, e])),
    };
  };
  const may = await counts('2024-05-01');
  // Zeta and Beta, decided later, did not exist yet: not counted DRAFT.
  expect(may.statuses).toEqual({ DRAFT: 0, ACTIVE: 3, SUSPENDED: 0, WITHDRAWN: 0, EXPIRED: 0 });
  const september = await counts('2024-09-10');
  expect(september).toMatchObject({ asOf: '2024-09-10', withinDays: 90 });
  expect(september.statuses).toEqual({
    DRAFT: 0,
    ACTIVE: 4,
    SUSPENDED: 1,
    WITHDRAWN: 0,
    EXPIRED: 0,
  });
  expect(september.byType.STAGE2_DUE).toMatchObject({ overdue: 1, met: 5 });
  const later = await counts('2027-07-01');
  expect(later.statuses.EXPIRED).toBe(5);
});

it('counts the dashboard as of today in the CB time zone by default', async () => {
  const data = dataOf(await api.query(Role.VIEWER, '{ dashboard { asOf } }'));
  expect(data.dashboard).toEqual({ asOf: '2025-03-01' });
});
