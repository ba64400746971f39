import { Role } from '../../../src/graphql';
import { type ApiHarness } from '../support/api-harness';
import { startDemoApiHarness } from '../support/demo-harness';
import { dataOf } from './api-lifecycle';

/**
 * On the demo data: Harbour's certificate was decided on 2025-03-27, after its stage 2 (last day
 * 2025-03-06) raised a finding; Andes' transfer-in was decided here on 2026-01-31, after its
 * pre-transfer review (2026-01-26) set the previous programme's surveillance audit 2. A deadline
 * listed as of a date before its certificate was first decided links to no certificate, as
 * `certificates`, `dashboard` and `verifyCertificate` have none then (the deadline as of that date
 * is an object of its own: its `id` ends with the date). Its audit cycle is the one `auditCycle(id)`
 * answers, whose `certificate` is not dated.
 */
let api: ApiHarness;
beforeAll(async () => {
  api = await startDemoApiHarness();
}, 120_000);
afterAll(() => api.close());

interface LinkedDeadline {
  key: string;
  certificate: { id: string; status: string } | null;
  auditCycle: { certificate: { id: string } | null };
}

const LINKS = `query ($asOf: CalendarDate!, $organisationId: ID!) {
  upcomingDeadlines(asOf: $asOf, organisationId: $organisationId, withinDays: 3660, first: 100) {
    edges { node { key certificate { id status(asOf: $asOf) } auditCycle { certificate { id } } } } }
  certificates(asOf: $asOf, filter: { organisationId: $organisationId }) { edges { node { id } } }
}`;

const linksOn = async (asOf: string, organisationId: string) => {
  const data = dataOf(await api.query(Role.VIEWER, LINKS, { asOf, organisationId })) as {
    upcomingDeadlines: { edges: { node: LinkedDeadline }[] };
    certificates: { edges: { node: { id: string } }[] };
  };
  return {
    deadlines: data.upcomingDeadlines.edges.map(({ node }) => node),
    listed: data.certificates.edges.map(({ node }) => node.id),
  };
};

it('links the deadlines of a stage audit listed before the decision to no certificate', async () => {
  const { deadlines, listed } = await linksOn('2025-03-10', 'org-harbour');
  expect(listed).toEqual([]);
  expect(deadlines.map((deadline) => deadline.key)).toContain(
    'NC_RESPONSE_DUE:cycle-harbour-1-nc-1',
  );
  for (const deadline of deadlines) {
    expect(deadline).toMatchObject({
      certificate: null,
      auditCycle: { certificate: { id: 'cert-harbour' } },
    });
  }
});

it('links a transfer’s surveillance audit listed before the transfer decision to no certificate', async () => {
  const { deadlines, listed } = await linksOn('2026-01-27', 'org-andes');
  expect(listed).toEqual([]);
  expect(deadlines).toEqual([
    {
      key: 'SURVEILLANCE_AUDIT_DUE:2',
      certificate: null,
      auditCycle: { certificate: { id: 'cert-andes' } },
    },
  ]);
});

it('links the certificate from the day it was decided, as of that day', async () => {
  const { deadlines, listed } = await linksOn('2025-03-27', 'org-harbour');
  expect(listed).toEqual(['cert-harbour']);
  expect(deadlines.length).toBeGreaterThan(0);
  for (const deadline of deadlines) {
    expect(deadline).toMatchObject({
      certificate: { id: 'cert-harbour', status: 'ACTIVE' },
      auditCycle: { certificate: { id: 'cert-harbour' } },
    });
  }
});

it('links no certificate from the deadlines a certificate lists as of a date before its decision', async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `{ certificate(id: "cert-harbour") {
           deadlines(asOf: "2025-03-10") { key certificate { id } } } }`,
    ),
  ) as { certificate: { deadlines: { key: string; certificate: unknown }[] } };
  expect(data.certificate.deadlines.length).toBeGreaterThan(0);
  for (const deadline of data.certificate.deadlines) expect(deadline.certificate).toBeNull();
});
