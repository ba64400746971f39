import { auditCycleStreamName } from '../../../src/domain';
import { Role } from '../../../src/graphql';
import { openDeadlines } from '../../../src/projections';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { d, dataOf, seedLifecycle } from './api-lifecycle';

let api: ApiHarness;

/**
 * A store written before new certificate ids were checked against pending applications: an
 * audit cycle of org-acme, through its stage 1, names cert-beta, the certificate of org-beta.
 */
beforeAll(async () => {
  api = await startApiHarness({ clientOrganisationId: 'org-acme' });
  await seedLifecycle(api);
  const throughStage1 = await api.store.readStream(auditCycleStreamName('cycle-acme'), {
    maxCount: 4,
  });
  await api.store.appendToStream(
    auditCycleStreamName('cycle-clash'),
    throughStage1.map((event, index) => ({
      id: `clash-${index}`,
      type: event.type,
      data: {
        ...(event.data as Record<string, unknown>),
        auditCycleId: 'cycle-clash',
        ...(index === 0 ? { certificateId: 'cert-beta' } : {}),
      },
      metadata: event.metadata,
    })),
  );
  await api.settle();
}, 60_000);
afterAll(() => api.close());

it('links an audit cycle to no certificate of another organisation, whoever asks', async () => {
  for (const role of [Role.CLIENT, Role.ADMIN]) {
    const data = dataOf(
      await api.query(
        role,
        '{ auditCycle(id: "cycle-clash") { organisationId certificate { id } } }',
      ),
    );
    expect(data.auditCycle).toEqual({ organisationId: 'org-acme', certificate: null });
  }
});

it("links a deadline to no certificate of another organisation, nor lists it among that certificate's", async () => {
  const data = dataOf(
    await api.query(
      Role.ADMIN,
      `{ upcomingDeadlines(organisationId: "org-acme", asOf: "2024-03-01", withinDays: 3660) {
           edges { node { auditCycleId certificateId certificate { id } } } }
         certificate(id: "cert-beta") { deadlines(asOf: "2024-03-01") { auditCycleId } } }`,
    ),
  );
  const nodes = (data.upcomingDeadlines as { edges: { node: Record<string, unknown> }[] }).edges
    .map(({ node }) => node)
    .filter((node) => node.auditCycleId === 'cycle-clash');
  expect(nodes).toEqual([
    { auditCycleId: 'cycle-clash', certificateId: 'cert-beta', certificate: null },
  ]);
  const listed = (data.certificate as { deadlines: { auditCycleId: string | null }[] }).deadlines;
  expect(listed.map((deadline) => deadline.auditCycleId)).not.toContain('cycle-clash');
});

it("lists no event of another organisation's audit cycle in a certificate's history, whoever asks", async () => {
  const beta = api.createKey(Role.CLIENT, 'person-beta', 'org-beta');
  for (const caller of [{ key: beta }, Role.ADMIN] as const) {
    const data = dataOf(
      await api.query(caller, '{ certificate(id: "cert-beta") { history { type auditCycleId } } }'),
    );
    const history = (data.certificate as { history: { type: string; auditCycleId: string }[] })
      .history;
    expect(history.map((entry) => entry.auditCycleId)).toContain('cycle-beta');
    expect(history.map((entry) => entry.auditCycleId)).not.toContain('cycle-clash');
  }
});

it('names no certificate of another organisation in a reminder of its deadlines', () => {
  const reminded = [...openDeadlines(api.db, d('2024-03-01'), { withinDays: 3660 })].filter(
    (deadline) => deadline.organisationId === 'org-acme' && deadline.certificateId === 'cert-beta',
  );
  expect(reminded.length).toBeGreaterThan(0);
  for (const deadline of reminded) {
    expect(deadline).toMatchObject({
      certificateNumber: null,
      certificateStatus: null,
      version: null,
    });
  }
});
