import type { Statement } from 'better-sqlite3';
import { graphql, type GraphQLSchema } from 'graphql';
import { buildCertcycleSchema, Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { seedLifecycle } from './api-lifecycle';

let api: ApiHarness;
let schema: GraphQLSchema;
beforeAll(async () => {
  api = await startApiHarness();
  await seedLifecycle(api);
  await api.settle();
  schema = await buildCertcycleSchema(api.deps);
}, 60_000);
afterAll(() => api.close());

const PAGE = `query ($first: Int) {
  upcomingDeadlines(asOf: "2025-03-01", withinDays: 3660, first: $first) {
    edges { node { certificateId organisationId
      certificate { id number statusPeriods { status from to } }
      organisation { id legalName sites { id } } } } } }`;

interface LinkedNode {
  certificateId: string;
  organisationId: string;
  certificate: { id: string } | null;
  organisation: { id: string } | null;
}

/** Runs one page as an ADMIN, counting the read-model statements it executes. */
const pageWithStatementCount = async (first: number) => {
  const prototype = Object.getPrototypeOf(api.db.prepare('SELECT 1')) as Statement;
  const get = jest.spyOn(prototype, 'get');
  const all = jest.spyOn(prototype, 'all');
  try {
    const result = await graphql({
      schema,
      source: PAGE,
      variableValues: { first },
      contextValue: { principal: { personId: 'person-admin', role: Role.ADMIN } },
    });
    expect(result.errors).toBeUndefined();
    const data = result.data as { upcomingDeadlines: { edges: { node: LinkedNode }[] } };
    const nodes = data.upcomingDeadlines.edges.map((edge) => edge.node);
    return { nodes, statements: get.mock.calls.length + all.mock.calls.length };
  } finally {
    get.mockRestore();
    all.mockRestore();
  }
};

it('links a page of deadlines to its certificates and organisations in a bounded number of statements', async () => {
  const small = await pageWithStatementCount(2);
  const large = await pageWithStatementCount(20);
  expect(large.nodes).toHaveLength(20);
  expect(new Set(large.nodes.map((node) => node.certificateId)).size).toBeGreaterThan(2);
  for (const node of large.nodes) {
    expect(node.organisation?.id).toBe(node.organisationId);
    if (node.certificate) expect(node.certificate.id).toBe(node.certificateId);
  }
  expect(large.nodes.some((node) => node.certificate !== null)).toBe(true);
  expect(large.statements).toBe(small.statements);
});
