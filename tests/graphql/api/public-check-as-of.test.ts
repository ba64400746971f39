import fc from 'fast-check';
import { addDays } from '../../../src/domain';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { d, dataOf, seedLifecycle } from './api-lifecycle';

/**
 * Acme's certificate: in force 2024-03-20, suspended 2024-09-02, reinstated 2024-10-15, expiry
 * 2027-03-19. The public check as of a date shows its status history up to that date only.
 */
let api: ApiHarness;
let acmeNumber: string;
beforeAll(async () => {
  api = await startApiHarness();
  await seedLifecycle(api);
  const data = dataOf(
    await api.query('ANONYMOUS', '{ verifyCertificate(number: "CN-20000-00001") { number } }'),
  );
  acmeNumber = (data.verifyCertificate as { number: string }).number;
}, 60_000);
afterAll(() => api.close());

interface Period {
  status: string;
  from: string;
  to: string | null;
}

const FULL_HISTORY: Period[] = [
  { status: 'ACTIVE', from: '2024-03-20', to: '2024-09-01' },
  { status: 'SUSPENDED', from: '2024-09-02', to: '2024-10-14' },
  { status: 'ACTIVE', from: '2024-10-15', to: '2027-03-19' },
  { status: 'EXPIRED', from: '2027-03-20', to: null },
];

const publicCheck = async (asOf: string) => {
  const data = dataOf(
    await api.query(
      'ANONYMOUS',
      `query ($number: String!, $asOf: CalendarDate) {
         verifyCertificate(number: $number, asOf: $asOf) { status statusPeriods { status from to } } }`,
      { number: acmeNumber, asOf },
    ),
  );
  return data.verifyCertificate as { status: string; statusPeriods: Period[] } | null;
};

it.each([
  ['2024-03-20', [{ status: 'ACTIVE', from: '2024-03-20', to: null }]],
  ['2024-08-31', [{ status: 'ACTIVE', from: '2024-03-20', to: null }]],
  ['2024-09-01', [{ status: 'ACTIVE', from: '2024-03-20', to: null }]],
  [
    '2024-09-10',
    [
      { status: 'ACTIVE', from: '2024-03-20', to: '2024-09-01' },
      { status: 'SUSPENDED', from: '2024-09-02', to: null },
    ],
  ],
  [
    '2025-03-01',
    [
      { status: 'ACTIVE', from: '2024-03-20', to: '2024-09-01' },
      { status: 'SUSPENDED', from: '2024-09-02', to: '2024-10-14' },
      { status: 'ACTIVE', from: '2024-10-15', to: null },
    ],
  ],
  ['2027-06-01', FULL_HISTORY],
])('as of %s shows the periods up to that date, the last one running on', async (asOf, periods) => {
  expect((await publicCheck(asOf))?.statusPeriods).toEqual(periods);
});

it('shows, as of any date, a prefix of the history that tells nothing after that date', async () => {
  const dates = fc
    .integer({ min: 0, max: 1400 })
    .map((days) => addDays(d('2024-03-20'), days) as string);
  await fc.assert(
    fc.asyncProperty(dates, async (asOf) => {
      const check = await publicCheck(asOf);
      const periods = check?.statusPeriods ?? [];
      const last = periods.at(-1);
      expect(last).toMatchObject({ status: check?.status, to: null });
      expect(last!.from <= asOf).toBe(true);
      expect(periods.slice(0, -1).every(({ to }) => to !== null && to < asOf)).toBe(true);
      expect(periods.slice(0, -1)).toEqual(FULL_HISTORY.slice(0, periods.length - 1));
      expect(last).toEqual({ ...FULL_HISTORY[periods.length - 1], to: null });
    }),
    { numRuns: 60 },
  );
});
