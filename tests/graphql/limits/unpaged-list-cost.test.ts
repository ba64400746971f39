import { Role } from '../../../src/graphql';
import { startDemoApiHarness } from '../support/demo-harness';
import type { ApiHarness } from '../support/api-harness';

/**
 * The default cost limit on the demo data: lists without `first` count as several items, so a
 * query fanning out through them is refused before it runs, and the README's and dashboards'
 * queries still run.
 */
let api: ApiHarness;
beforeAll(async () => {
  api = await startDemoApiHarness();
}, 60_000);
afterAll(() => api.close());

const README_QUERIES = [
  '{ upcomingDeadlines(withinDays: 90, first: 3) { edges { node { type dueDate state daysRemaining organisation { legalName } certificate { number } } } } }',
  '{ dashboard { certificatesByStatus { status count } deadlinesByType { type overdue upcoming } } }',
  '{ verifyCertificate(number: "CN-20000-00004") { numberWithRevision organisationName certSearchStatus standard { identifier version } expiryDate } }',
];

it.each(README_QUERIES)("runs the README's example %s", async (query) => {
  const response = await api.query(Role.ADMIN, query);
  expect(response.body.errors).toBeUndefined();
});

it("refuses deadlines' certificates' deadlines three levels down for a page of certificates", async () => {
  const response = await api.query(
    Role.ADMIN,
    `{ certificates(first: 100) { edges { node { deadlines { certificate { deadlines {
        certificate { deadlines { certificate { history { summary } } } } } } } } } } }`,
  );
  expect(response.status).toBe(400);
  expect(response.body.data).toBeUndefined();
  expect(response.body.errors?.[0]?.extensions).toMatchObject({
    code: 'GRAPHQL_VALIDATION_FAILED',
    limit: 'cost',
    maximum: 10_000,
    actual: 1 + 100 * (3 + 10 * (2 + 10 * (2 + 10 * (2 + 10)))),
  });
});

it('counts a page of certificates with their history, deadlines and audits by the lists they hold', async () => {
  const page = (first: number) =>
    `{ certificates(first: ${first}) { edges { node { number
        history { type date summary } deadlines { type dueDate state }
        currentAuditCycle { audits { id kind lastDay } nonconformities { id grade } } } } } }`;
  expect((await api.query(Role.ADMIN, page(20))).body.errors).toBeUndefined();
  const refused = await api.query(Role.ADMIN, page(100));
  expect(refused.body.errors?.[0]?.extensions).toMatchObject({
    limit: 'cost',
    actual: 1 + 100 * (3 + (1 + 10 * 3) + (1 + 10 * 3) + (1 + (1 + 10 * 3) + (1 + 10 * 2))),
  });
});
