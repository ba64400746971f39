import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { dataOf, seedLifecycle } from './api-lifecycle';
import { cacheConflicts, objectsReached } from './normalised-objects';

/**
 * Acme's certificate was suspended from 2024-09-02 to 2024-10-14; "today" is 2025-03-01, when it
 * is ACTIVE. A client cache keyed by type and id stores one value per field and arguments, so a
 * field without `asOf` answers today wherever its object is reached, dated lists included; a
 * deadline as of a date is an object of its own.
 */
let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
  await seedLifecycle(api);
}, 60_000);
afterAll(() => api.close());

const AS_OF = '2024-09-10';

const DEADLINE = '__typename id state daysRemaining metOn closesOn';
const CYCLE = `__typename id deadlines { ${DEADLINE} } certificate { __typename id status }`;
const CERTIFICATE = `__typename id status deadlines { ${DEADLINE} } currentAuditCycle { ${CYCLE} }`;

const DIRECT = [
  `{ certificate(id: "cert-acme") { ${CERTIFICATE} } auditCycle(id: "cycle-acme") { ${CYCLE} } }`,
  `{ upcomingDeadlines(withinDays: 3660, organisationId: "org-acme", first: 20) {
       edges { node { ${DEADLINE} certificate { ${CERTIFICATE} } } } } }`,
  `{ upcomingDeadlines(withinDays: 3660, organisationId: "org-acme", first: 20) {
       edges { node { ${DEADLINE} auditCycle { ${CYCLE} } } } } }`,
];

const DATED = [
  `query ($asOf: CalendarDate!) { certificates(asOf: $asOf, filter: { organisationId: "org-acme" }) {
       edges { node { ${CERTIFICATE} } } } }`,
  `query ($asOf: CalendarDate!) {
     upcomingDeadlines(asOf: $asOf, withinDays: 3660, organisationId: "org-acme", first: 20) {
       edges { node { ${DEADLINE} certificate { ${CERTIFICATE} } } } } }`,
  `query ($asOf: CalendarDate!) {
     upcomingDeadlines(asOf: $asOf, withinDays: 3660, organisationId: "org-acme", first: 20) {
       edges { node { ${DEADLINE} auditCycle { ${CYCLE} } } } } }`,
  `query ($asOf: CalendarDate!) { certificate(id: "cert-acme") { __typename id
       deadlinesAsOf: deadlines(asOf: $asOf) { ${DEADLINE} certificate { ${CERTIFICATE} } auditCycle { ${CYCLE} } } } }`,
  `query ($asOf: CalendarDate!) { auditCycle(id: "cycle-acme") { __typename id
       deadlinesAsOf: deadlines(asOf: $asOf) { ${DEADLINE} certificate { ${CERTIFICATE} } } } }`,
];

it('answers every field of an object reached through a dated list as the object reached directly', async () => {
  const answers = [];
  for (const query of DIRECT) answers.push(dataOf(await api.query(Role.VIEWER, query)));
  for (const query of DATED) {
    answers.push(dataOf(await api.query(Role.VIEWER, query, { asOf: AS_OF })));
  }
  const reached = objectsReached(...answers);
  expect(reached.get('Certificate:cert-acme')).toBeGreaterThan(10);
  expect(reached.get('AuditCycle:cycle-acme')).toBeGreaterThan(10);
  expect(cacheConflicts(...answers)).toEqual([]);
});

it('answers status and deadlines without asOf as today on a node of certificates(asOf), and as of the list’s date when asked for it', async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `query ($asOf: CalendarDate!) {
         certificates(asOf: $asOf, filter: { organisationId: "org-acme" }) {
           edges { node { status deadlines { key state } listed: status(asOf: $asOf)
             listedDeadlines: deadlines(asOf: $asOf) { key state } } } }
         today: certificate(id: "cert-acme") { deadlines { key state } }
         then: certificate(id: "cert-acme") { deadlines(asOf: $asOf) { key state } } }`,
      { asOf: AS_OF },
    ),
  ) as {
    certificates: { edges: { node: Record<string, unknown> }[] };
    today: { deadlines: unknown[] };
    then: { deadlines: unknown[] };
  };
  expect(data.today.deadlines).not.toEqual(data.then.deadlines);
  expect(data.certificates.edges.map(({ node }) => node)).toEqual([
    {
      status: 'ACTIVE',
      deadlines: data.today.deadlines,
      listed: 'SUSPENDED',
      listedDeadlines: data.then.deadlines,
    },
  ]);
});

it('answers one deadline as of two dates as two objects, each carrying its date', async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `query ($asOf: CalendarDate!) { certificate(id: "cert-acme") {
         today: deadlines { id key asOf state } then: deadlines(asOf: $asOf) { id key asOf state } } }`,
      { asOf: AS_OF },
    ),
  ) as {
    certificate: Record<'today' | 'then', { id: string; key: string; asOf: string }[]>;
  };
  const { today, then } = data.certificate;
  const key = 'SURVEILLANCE_AUDIT_DUE:1';
  expect(today.find((deadline) => deadline.key === key)).toMatchObject({
    id: `cycle-acme:${key}@2025-03-01`,
    asOf: '2025-03-01',
  });
  expect(then.find((deadline) => deadline.key === key)).toMatchObject({
    id: `cycle-acme:${key}@${AS_OF}`,
    asOf: AS_OF,
  });
  for (const deadline of [...today, ...then]) {
    expect(deadline.id.endsWith(`:${deadline.key}@${deadline.asOf}`)).toBe(true);
  }
});
