import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { d, dataOf, granted20000 } from './api-lifecycle';

let api: ApiHarness;

const ADMIN = { actor: 'admin-1' };
const CYCLE = 'cycle-revised';
const REDUCED = 'IT service management of hosting services in Beijing';

/**
 * Granted 2024-03-20; suspended 2025-05-01; its scope reduced to Beijing on 2025-11-10 (a new
 * revision, still suspended); reinstated 2025-11-15.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2026-06-01T02:00:00Z' });
  const { service } = api;
  await granted20000(
    api,
    { organisationId: 'org-rv', auditCycleId: CYCLE, certificateId: 'cert-rv' },
    'Revised Hosting Co.',
    '91110000MA0R000001',
  );
  await service.suspendCertificate(
    {
      certificateId: 'cert-rv',
      grounds: 'PERSISTENT_FAILURE',
      details: 'Shanghai data centre outside the system',
      ownFault: true,
      suspendedOn: d('2025-05-01'),
    },
    ADMIN,
  );
  await service.reduceScope(
    {
      certificateId: 'cert-rv',
      decisionDate: d('2025-11-10'),
      scope: REDUCED,
      sites: [{ siteId: 'site-bj', scope: REDUCED }],
    },
    ADMIN,
  );
  await service.reinstateCertificate(
    { certificateId: 'cert-rv', reason: 'Beijing conforms', reinstatedOn: d('2025-11-15') },
    ADMIN,
  );
  await api.settle();
}, 60_000);
afterAll(() => api.close());

const publicPeriods = async (asOf: string) => {
  const data = dataOf(
    await api.query(
      'ANONYMOUS',
      `query ($asOf: CalendarDate!) {
        verifyCertificate(number: "CN-20000-00001", asOf: $asOf) { statusPeriods { status from to } } }`,
      { asOf },
    ),
  );
  return (data.verifyCertificate as { statusPeriods: unknown[] }).statusPeriods;
};

it('shows one suspension, not two, when the scope was reduced while the certificate was suspended', async () => {
  expect(await publicPeriods('2025-11-12')).toEqual([
    { status: 'ACTIVE', from: '2024-03-20', to: '2025-04-30' },
    { status: 'SUSPENDED', from: '2025-05-01', to: null },
  ]);
  expect(await publicPeriods('2026-06-01')).toEqual([
    { status: 'ACTIVE', from: '2024-03-20', to: '2025-04-30' },
    { status: 'SUSPENDED', from: '2025-05-01', to: '2025-11-14' },
    { status: 'ACTIVE', from: '2025-11-15', to: null },
  ]);
});
