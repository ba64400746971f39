import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { dataOf, seedLifecycle } from './api-lifecycle';

/**
 * Acme's certificate was suspended from 2024-09-02 to 2024-10-14; "today" is 2025-03-01, when it
 * is ACTIVE. Whatever a dated list links to answers that list's date unless asked for another.
 */
let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
  await seedLifecycle(api);
}, 60_000);
afterAll(() => api.close());

const AS_OF = '2024-09-10';

interface DeadlineState {
  key: string;
  state: string;
}
interface LinkedDeadline extends DeadlineState {
  certificate: { status: string; later: string; deadlines: DeadlineState[] } | null;
  auditCycle: { id: string; deadlines: DeadlineState[]; certificate: { status: string } } | null;
}

const nodesOf = <T>(connection: unknown): T[] =>
  (connection as { edges: { node: T }[] }).edges.map((edge) => edge.node);

/** What the certificate and its audit cycle answer when asked for AS_OF explicitly. */
const askedAsOf = async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `{ certificate(id: "cert-acme") { deadlines(asOf: "${AS_OF}") { key state } }
         auditCycle(id: "cycle-acme") { deadlines(asOf: "${AS_OF}") { key state } } }`,
    ),
  );
  return {
    certificateDeadlines: (data.certificate as { deadlines: DeadlineState[] }).deadlines,
    cycleDeadlines: (data.auditCycle as { deadlines: DeadlineState[] }).deadlines,
  };
};

it("answers a certificate and an audit cycle linked from upcomingDeadlines(asOf) as of the list's date", async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `{ upcomingDeadlines(asOf: "${AS_OF}", withinDays: 3660, organisationId: "org-acme", first: 100) {
           edges { node { key state
             certificate { status later: status(asOf: "2025-01-01") deadlines { key state } }
             auditCycle { id deadlines { key state } certificate { status } } } } } }`,
    ),
  );
  const nodes = nodesOf<LinkedDeadline>(data.upcomingDeadlines);
  const { certificateDeadlines, cycleDeadlines } = await askedAsOf();
  expect(nodes.length).toBeGreaterThan(0);
  for (const node of nodes) {
    expect(node.certificate).toEqual({
      status: 'SUSPENDED',
      later: 'ACTIVE',
      deadlines: certificateDeadlines,
    });
  }
  const linkedCycles = nodes.flatMap((node) => (node.auditCycle ? [node.auditCycle] : []));
  expect(linkedCycles.length).toBeGreaterThan(0);
  for (const cycle of linkedCycles) {
    expect(cycle).toEqual({
      id: 'cycle-acme',
      deadlines: cycleDeadlines,
      certificate: { status: 'SUSPENDED' },
    });
  }
});

it("answers the certificate of a certificate's or an audit cycle's deadlines(asOf) as of that date", async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `{ certificate(id: "cert-acme") { deadlines(asOf: "${AS_OF}") { certificate { status } } }
         auditCycle(id: "cycle-acme") { deadlines(asOf: "${AS_OF}") { certificate { status } auditCycle { certificate { status } } } } }`,
    ),
  );
  const viaCertificate = (data.certificate as { deadlines: { certificate: unknown }[] }).deadlines;
  const viaCycle = (data.auditCycle as { deadlines: Record<string, unknown>[] }).deadlines;
  expect(viaCertificate.length).toBeGreaterThan(0);
  expect(viaCycle.length).toBeGreaterThan(0);
  for (const deadline of viaCertificate) {
    expect(deadline).toEqual({ certificate: { status: 'SUSPENDED' } });
  }
  for (const deadline of viaCycle) {
    expect(deadline).toEqual({
      certificate: { status: 'SUSPENDED' },
      auditCycle: { certificate: { status: 'SUSPENDED' } },
    });
  }
});

it("answers the current audit cycle of a certificates(asOf) node as of the list's date", async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `{ certificates(filter: { organisationId: "org-acme" }, asOf: "${AS_OF}") {
           edges { node { currentAuditCycle { deadlines { key state } certificate { status } } } } } }`,
    ),
  );
  const [node] = nodesOf<{ currentAuditCycle: unknown }>(data.certificates);
  expect(node!.currentAuditCycle).toEqual({
    deadlines: (await askedAsOf()).cycleDeadlines,
    certificate: { status: 'SUSPENDED' },
  });
});

it('answers today for links reached from a query without a date', async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `{ upcomingDeadlines(withinDays: 3660, organisationId: "org-acme", first: 1) {
           edges { node { certificate { status } } } }
         auditCycle(id: "cycle-acme") { certificate { status } } }`,
    ),
  );
  expect(nodesOf(data.upcomingDeadlines)).toEqual([{ certificate: { status: 'ACTIVE' } }]);
  expect(data.auditCycle).toEqual({ certificate: { status: 'ACTIVE' } });
});
