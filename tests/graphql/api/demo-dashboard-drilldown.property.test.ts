import fc from 'fast-check';
import { Role } from '../../../src/graphql';
import { startDemoApiHarness } from '../support/demo-harness';
import { type ApiHarness, type Caller } from '../support/api-harness';
import { dataOf } from './api-lifecycle';

/**
 * On the demo data, what a dashboard counts as of a date is what the lists it drills into list
 * as of that date: certificates by status, deadlines by type and state, for the whole CB, one
 * organisation and that organisation's CLIENT key; and a listed certificate's status is the one
 * `certificate(id).status(asOf)` and the public check answer for that date (the public check
 * answers a DRAFT one as unknown, and the number of the revision in force then, which a check of
 * the printed number names, valid when ACTIVE).
 */

const STATUSES = ['DRAFT', 'ACTIVE', 'SUSPENDED', 'WITHDRAWN', 'EXPIRED'] as const;
type Scope = (typeof scopes)[number];
const WINDOWS: number[] = [0, 1, 7, 30, 90, 365];
const CERT_SEARCH: Record<string, string> = {
  ACTIVE: 'Active',
  SUSPENDED: 'Suspended',
  WITHDRAWN: 'Withdrawn',
  EXPIRED: 'Expired',
};
const ORGANISATION = 'org-maple';

interface Page<T> {
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface ListedCertificate {
  id: string;
  number: string;
  organisationId: string;
  status: string;
}
interface PublicCheck {
  status: string;
  certSearchStatus: string;
  numberWithRevisionInForce: string;
  valid: boolean;
}
interface ListedDeadline {
  id: string;
  type: string;
  state: string;
}
interface DeadlineCounts {
  type: string;
  overdue: number;
  dueToday: number;
  upcoming: number;
}
interface Dashboard {
  certificatesByStatus: { status: string; count: number }[];
  deadlinesByType: DeadlineCounts[];
}

const CERTIFICATES = `query ($asOf: CalendarDate, $filter: CertificateFilterInput, $after: String) {
  certificates(asOf: $asOf, filter: $filter, first: 4, after: $after) {
    edges { node { id number organisationId status(asOf: $asOf) } } pageInfo { hasNextPage endCursor } } }`;
const DEADLINES = `query ($asOf: CalendarDate, $withinDays: Int!, $types: [DeadlineType!],
    $includeOverdue: Boolean!, $organisationId: ID, $after: String) {
  upcomingDeadlines(asOf: $asOf, withinDays: $withinDays, types: $types,
      includeOverdue: $includeOverdue, organisationId: $organisationId, first: 4, after: $after) {
    edges { node { id type state } } pageInfo { hasNextPage endCursor } } }`;
const DASHBOARD = `query ($asOf: CalendarDate, $withinDays: Int!, $organisationId: ID) {
  dashboard(asOf: $asOf, withinDays: $withinDays, organisationId: $organisationId) {
    certificatesByStatus { status count }
    deadlinesByType { type overdue dueToday upcoming } } }`;

let api: ApiHarness;
let client: { key: string };
/** Days the demo's statuses and deadlines change on, and the days either side: tried first. */
let boundaries: string[] = [];

const addDays = (date: string, days: number): string => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
};

const everyPage = async <T>(
  caller: Caller | { key: string },
  document: string,
  field: string,
  variables: Record<string, unknown>,
): Promise<T[]> => {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page = dataOf(await api.query(caller, document, { ...variables, after }))[
      field
    ] as Page<T>;
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
};

beforeAll(async () => {
  api = await startDemoApiHarness();
  client = { key: api.createKey(Role.CLIENT, 'person-maple', ORGANISATION) };
  const data = dataOf(
    await api.query(
      Role.ADMIN,
      `{ certificates(asOf: "2030-12-31", first: 100) { edges { node {
          revisions { decisionDate effectiveDate expiryDate }
          statusPeriods { from to }
          deadlines(asOf: "2030-12-31") { dueDate openedOn metOn closesOn } } } }
         nairobi: auditCycle(id: "cycle-nairobi-1") {
           deadlines(asOf: "2030-12-31") { dueDate openedOn metOn closesOn } } }`,
    ),
  );
  const days = new Set<string>();
  const items: Record<string, unknown>[] = [];
  for (const { node } of (data.certificates as Page<Record<string, Record<string, unknown>[]>>)
    .edges) {
    items.push(...node.revisions!, ...node.statusPeriods!, ...node.deadlines!);
  }
  items.push(...(data.nairobi as { deadlines: Record<string, unknown>[] }).deadlines);
  for (const item of items) {
    for (const value of Object.values(item)) {
      if (typeof value === 'string') for (const k of [-1, 0, 1]) days.add(addDays(value, k));
    }
  }
  boundaries = [...days].sort();
}, 120_000);
afterAll(() => api.close());

const asOfDates = () =>
  fc.oneof(
    fc.constantFrom(...boundaries),
    fc.integer({ min: 0, max: 4017 }).map((days) => addDays('2020-01-01', days)),
  );

const scopes = [
  { caller: Role.ADMIN, organisationId: null },
  { caller: Role.ADMIN, organisationId: ORGANISATION },
  { caller: 'client', organisationId: null },
] as const;

it('has the demo seeded with the days its statuses and deadlines change on', () => {
  expect(boundaries.length).toBeGreaterThan(50);
});

it('counts on the dashboard what the certificate lists list, on any date', async () => {
  await fc.assert(
    fc.asyncProperty(asOfDates(), fc.constantFrom(...scopes), async (asOf, scope) => {
      const caller = scope.caller === 'client' ? client : scope.caller;
      const own = scope.organisationId ? { organisationId: scope.organisationId } : {};
      const dashboard = dataOf(await api.query(caller, DASHBOARD, { asOf, withinDays: 90, ...own }))
        .dashboard as Dashboard;
      const all = await everyPage<ListedCertificate>(caller, CERTIFICATES, 'certificates', {
        asOf,
        filter: own,
      });
      if (scope.caller === 'client' || scope.organisationId) {
        expect(all.every((certificate) => certificate.organisationId === ORGANISATION)).toBe(true);
      }
      for (const { status, count } of dashboard.certificatesByStatus) {
        const listed = await everyPage<ListedCertificate>(caller, CERTIFICATES, 'certificates', {
          asOf,
          filter: { ...own, status },
        });
        expect({ asOf, status, listed: listed.length }).toEqual({ asOf, status, listed: count });
        expect(listed.every((certificate) => certificate.status === status)).toBe(true);
        expect(all.filter((certificate) => certificate.status === status)).toHaveLength(count);
      }
      expect(dashboard.certificatesByStatus.map((row) => row.status).sort()).toEqual(
        [...STATUSES].sort(),
      );
    }),
    {
      numRuns: boundaries.length + 40,
      examples: boundaries.map((day): [string, Scope] => [day, scopes[0]]),
    },
  );
}, 120_000);

it('counts on the dashboard what upcomingDeadlines lists, by type and state, on any date', async () => {
  await fc.assert(
    fc.asyncProperty(
      asOfDates(),
      fc.constantFrom(...WINDOWS),
      fc.constantFrom(...scopes),
      async (asOf, withinDays, scope) => {
        const caller = scope.caller === 'client' ? client : scope.caller;
        const own = scope.organisationId ? { organisationId: scope.organisationId } : {};
        const dashboard = dataOf(await api.query(caller, DASHBOARD, { asOf, withinDays, ...own }))
          .dashboard as Dashboard;
        for (const includeOverdue of [true, false]) {
          const listed = await everyPage<ListedDeadline>(caller, DEADLINES, 'upcomingDeadlines', {
            asOf,
            withinDays,
            includeOverdue,
            ...own,
          });
          for (const row of dashboard.deadlinesByType) {
            const ofType = listed.filter((deadline) => deadline.type === row.type);
            const inState = (state: string) => ofType.filter((d) => d.state === state).length;
            expect({ asOf, withinDays, includeOverdue, type: row.type, counts: row }).toEqual({
              asOf,
              withinDays,
              includeOverdue,
              type: row.type,
              counts: {
                type: row.type,
                overdue: includeOverdue ? inState('OVERDUE') : row.overdue,
                dueToday: inState('DUE_TODAY'),
                upcoming: inState('UPCOMING'),
              },
            });
            expect(inState('OVERDUE') + inState('DUE_TODAY') + inState('UPCOMING')).toBe(
              ofType.length,
            );
            if (!includeOverdue) expect(inState('OVERDUE')).toBe(0);
          }
        }
      },
    ),
    {
      numRuns: boundaries.length + 40,
      examples: boundaries.map((day): [string, number, Scope] => [day, 90, scopes[0]]),
    },
  );
}, 120_000);

it('gives a listed certificate the status its own page and the public check give that date', async () => {
  await fc.assert(
    fc.asyncProperty(asOfDates(), async (asOf) => {
      const listed = await everyPage<ListedCertificate>(Role.ADMIN, CERTIFICATES, 'certificates', {
        asOf,
        filter: {},
      });
      for (const certificate of listed) {
        const direct = dataOf(
          await api.query(
            Role.ADMIN,
            'query ($id: ID!, $asOf: CalendarDate) { certificate(id: $id) { status(asOf: $asOf) } }',
            { id: certificate.id, asOf },
          ),
        ).certificate as { status: string };
        const check = async (number: string) =>
          dataOf(
            await api.query(
              'ANONYMOUS',
              `query ($number: String!, $asOf: CalendarDate) {
                verifyCertificate(number: $number, asOf: $asOf) {
                  status certSearchStatus numberWithRevisionInForce valid } }`,
              { number, asOf },
            ),
          ).verifyCertificate as PublicCheck | null;
        const printed = await check(certificate.number);
        const inForce = printed && (await check(printed.numberWithRevisionInForce));
        const checked = inForce && {
          status: inForce.status,
          certSearchStatus: inForce.certSearchStatus,
          valid: inForce.valid,
        };
        expect({ asOf, id: certificate.id, direct: direct.status, checked }).toEqual({
          asOf,
          id: certificate.id,
          direct: certificate.status,
          checked:
            certificate.status === 'DRAFT'
              ? null
              : {
                  status: certificate.status,
                  certSearchStatus: CERT_SEARCH[certificate.status],
                  valid: certificate.status === 'ACTIVE',
                },
        });
      }
    }),
    { numRuns: boundaries.length + 30, examples: boundaries.map((day): [string] => [day]) },
  );
}, 120_000);
