import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { auditDone, dataOf, recertified, seedLifecycle } from './api-lifecycle';

let api: ApiHarness;

/**
 * Acme (see seedLifecycle: granted 2024-03-20, expiry 2027-03-19, suspended 2024-09-02 and
 * reinstated 2024-10-15, in cycle-acme) is renewed by cycle-acme-2, applied for on 2026-09-01
 * and decided on 2026-12-01.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2026-12-02T02:00:00Z' });
  await seedLifecycle(api);
  const { service } = api;
  await auditDone(
    service,
    'cycle-acme',
    'surveillance-2',
    'SURVEILLANCE',
    '2026-02-10',
    '2026-02-11',
    2,
  );
  await recertified(
    api,
    { certificateId: 'cert-acme', auditCycleId: 'cycle-acme-2' },
    {
      submittedOn: '2026-09-01',
      reviewedOn: '2026-09-02',
      audited: ['2026-11-02', '2026-11-03'],
      decidedOn: '2026-12-01',
    },
  );
}, 60_000);
afterAll(() => api.close());

const keysOf = async (auditCycleId: string) => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `query ($id: ID!) { auditCycle(id: $id) { deadlines(asOf: "2026-12-02") { key } } }`,
      { id: auditCycleId },
    ),
  );
  return (data.auditCycle as { deadlines: { key: string }[] }).deadlines.map(({ key }) => key);
};

it('keeps the deadlines a certificate had in a cycle with that cycle once a later cycle renews it', async () => {
  expect(await keysOf('cycle-acme')).toEqual(
    expect.arrayContaining([
      'SUSPENSION_LIMIT:2024-09-02',
      'RECERTIFICATION_AUDIT_DUE:2027-03-19',
      'CERTIFICATE_EXPIRY:2027-03-19',
    ]),
  );
  expect(await keysOf('cycle-acme-2')).toEqual(
    expect.arrayContaining([
      'RECERTIFICATION_AUDIT_DUE:2030-03-19',
      'CERTIFICATE_EXPIRY:2030-03-19',
    ]),
  );
  expect(await keysOf('cycle-acme-2')).not.toContain('SUSPENSION_LIMIT:2024-09-02');
});

it('links a deadline listed as of a date before the renewal to the cycle the certificate was in then', async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `{ upcomingDeadlines(asOf: "2024-09-03", organisationId: "org-acme", withinDays: 3660) {
          edges { node { key auditCycleId auditCycle { id } } } } }`,
    ),
  );
  const nodes = (
    data.upcomingDeadlines as {
      edges: { node: { key: string; auditCycleId: string; auditCycle: { id: string } } }[];
    }
  ).edges.map(({ node }) => node);
  expect(nodes.map(({ key }) => key)).toContain('SUSPENSION_LIMIT:2024-09-02');
  for (const node of nodes) {
    expect(node).toMatchObject({ auditCycleId: 'cycle-acme', auditCycle: { id: 'cycle-acme' } });
  }
});
