import fc from 'fast-check';
import { Role } from '../../../src/graphql';
import { dayBetween } from '../../support/calendar-arbitraries';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { dataOf, granted20000, grantedIsms2013, ismsTransitionedOverHttp } from './api-lifecycle';

let api: ApiHarness;

/**
 * `cert-isms` to ISO/IEC 27001:2013, granted 2024-03-20: its expiry 2027-03-19 is capped at the
 * transition end, 2025-10-31. After a transition audit on 2025-09-01/02, the transition to 2022 is
 * decided on 2025-09-05 to take effect on 2025-09-10 (R2, expiry 2027-03-19). Two certificates to
 * ISO/IEC 20000-1:2018 granted 2024-03-20 give the lists more to page through. Today is 2025-09-20.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2025-09-20T02:00:00Z' });
  await grantedIsms2013(api);
  for (const suffix of ['one', 'two']) {
    await granted20000(
      api,
      {
        organisationId: `org-${suffix}`,
        auditCycleId: `cycle-${suffix}`,
        certificateId: `cert-${suffix}`,
      },
      `Service ${suffix} Co.`,
      `91110000MA0${suffix.toUpperCase()}00001`,
    );
  }
  await ismsTransitionedOverHttp(api, ['2025-09-01', '2025-09-02'], '2025-09-05', '2025-09-10');
}, 120_000);
afterAll(() => api.close());

const PRINTED =
  'id revision numberWithRevision standard { code } decisionDate effectiveDate expiryDate';

const IN_FORCE = 'revision standard { code } decisionDate effectiveDate expiryDate';

const LIST = `query ($asOf: CalendarDate, $on: CalendarDate!, $filter: CertificateFilterInput, $first: Int, $after: String) {
  certificates(asOf: $asOf, filter: $filter, first: $first, after: $after) {
    edges { node { ${PRINTED} revisionOn(date: $on) { ${IN_FORCE} } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface InForce {
  revision: number;
  standard: { code: string };
  decisionDate: string;
  effectiveDate: string;
  expiryDate: string;
}

interface Printed extends InForce {
  id: string;
  numberWithRevision: string;
}

type Node = Printed & { revisionOn: InForce | null };

interface Filter {
  standard?: string;
  expiringBefore?: string;
}

const page = async (asOf: string | null, filter: Filter, first = 100, after?: string) => {
  const variables = { asOf, on: asOf ?? '2025-09-20', filter, first, after: after ?? null };
  const data = dataOf(await api.query(Role.VIEWER, LIST, variables)) as {
    certificates: {
      edges: { node: Node }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
  return data.certificates;
};

const nodes = async (asOf: string | null, filter: Filter): Promise<Node[]> =>
  (await page(asOf, filter)).edges.map(({ node }) => node);

const listedIds = async (asOf: string | null, filter: Filter): Promise<string[]> =>
  (await nodes(asOf, filter)).map(({ id }) => id);

const ismsNode = async (asOf: string | null, filter: Filter = {}): Promise<Node | undefined> =>
  (await nodes(asOf, filter)).find(({ id }) => id === 'cert-isms');

const ISMS_ON = `query ($on: CalendarDate!) {
  certificate(id: "cert-isms") { ${PRINTED} revisionOn(date: $on) { ${IN_FORCE} } }
}`;

/** `certificate(id)` with its revision in force on `on`. */
const byId = async (on: string): Promise<Node> => {
  const data = dataOf(await api.query(Role.VIEWER, ISMS_ON, { on })) as { certificate: Node };
  return data.certificate;
};

const printed = ({ revisionOn: _inForce, ...fields }: Node): Printed => fields;

const ismsNumber = async (): Promise<string> => {
  const data = dataOf(
    await api.query(Role.VIEWER, '{ certificate(id: "cert-isms") { number } }'),
  ) as { certificate: { number: string } };
  return data.certificate.number;
};

const FIRST_REVISION: InForce = {
  revision: 1,
  standard: { code: 'ISO/IEC 27001:2013' },
  decisionDate: '2024-03-20',
  effectiveDate: '2024-03-20',
  expiryDate: '2025-10-31',
};

const TRANSITIONED: InForce = {
  revision: 2,
  standard: { code: 'ISO/IEC 27001:2022' },
  decisionDate: '2025-09-05',
  effectiveDate: '2025-09-10',
  expiryDate: '2027-03-19',
};

describe('certificates as of a date filter on the revision in force then', () => {
  it.each(['2025-08-10', '2025-09-07'])(
    'as of %s (before the transition took effect) lists it under the 2013 revision with its capped expiry',
    async (asOf) => {
      expect(await listedIds(asOf, { standard: 'ISO/IEC 27001:2013' })).toEqual(['cert-isms']);
      expect(await listedIds(asOf, { standard: 'ISO/IEC 27001:2022' })).toEqual([]);
      expect(await listedIds(asOf, { standard: 'ISO/IEC 27001' })).toEqual(['cert-isms']);
      expect(await listedIds(asOf, { expiringBefore: '2025-11-01' })).toEqual(['cert-isms']);
    },
  );

  it.each(['2025-09-10', '2025-09-20'])(
    'as of %s (the transition in force) lists it under the 2022 revision',
    async (asOf) => {
      expect(await listedIds(asOf, { standard: 'ISO/IEC 27001:2022' })).toEqual(['cert-isms']);
      expect(await listedIds(asOf, { standard: 'ISO/IEC 27001:2013' })).toEqual([]);
      expect(await listedIds(asOf, { expiringBefore: '2025-11-01' })).toEqual([]);
    },
  );

  it('without asOf, filters on the revision in force today', async () => {
    expect(await listedIds(null, { standard: 'ISO/IEC 27001:2022' })).toEqual(['cert-isms']);
    expect(await listedIds(null, { standard: 'ISO/IEC 27001:2013' })).toEqual([]);
  });
});

describe('a node of a list as of a date is the certificate certificate(id) answers', () => {
  it.each([
    ['2025-08-10', { standard: 'ISO/IEC 27001:2013' }, FIRST_REVISION],
    ['2025-09-07', {}, FIRST_REVISION],
    ['2025-09-10', { standard: 'ISO/IEC 27001:2022' }, TRANSITIONED],
    ['2025-09-20', {}, TRANSITIONED],
  ])(
    'as of %s (filter %j) its own fields are the latest revision’s, and revisionOn(date: asOf) the one in force',
    async (asOf, filter, inForce) => {
      const node = await ismsNode(asOf, filter);
      const certificate = await byId(asOf);
      expect(printed(node!)).toEqual(printed(certificate));
      expect(printed(certificate)).toEqual({
        id: 'cert-isms',
        numberWithRevision: `${await ismsNumber()}/R2`,
        ...TRANSITIONED,
      });
      expect(node!.revisionOn).toEqual(inForce);
      expect(certificate.revisionOn).toEqual(inForce);
    },
  );

  it('answers revisionOn null for a date before the first decision', async () => {
    expect((await byId('2024-03-19')).revisionOn).toBeNull();
    expect((await byId('2024-03-20')).revisionOn).toEqual(FIRST_REVISION);
  });
});

describe('paging through a list as of a date', () => {
  const FILTERS: Filter[] = [
    {},
    { standard: 'ISO/IEC 27001' },
    { standard: 'ISO/IEC 27001:2013' },
    { standard: 'ISO/IEC 20000-1:2018' },
    { expiringBefore: '2026-01-01' },
  ];

  it('pages of any size give the whole list once, in number order', async () => {
    await fc.assert(
      fc.asyncProperty(
        dayBetween('2024-03-01', '2025-12-31'),
        fc.constantFrom(...FILTERS),
        fc.integer({ min: 1, max: 3 }),
        async (asOf, filter, size) => {
          const whole = await nodes(asOf, filter);
          const paged: Node[] = [];
          let after: string | undefined;
          for (;;) {
            const next = await page(asOf, filter, size, after);
            paged.push(...next.edges.map(({ node }) => node));
            if (!next.pageInfo.hasNextPage) break;
            after = next.pageInfo.endCursor ?? undefined;
          }
          expect(paged).toEqual(whole);
          const numbers = whole.map((node) => node.numberWithRevision.split('/')[0] ?? '');
          expect(numbers).toEqual([...numbers].sort());
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
