import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { auditDone, d, granted20000 } from './api-lifecycle';
import { deadlineViewsOn } from './deadline-views';

let api: ApiHarness;

const CYCLE = 'cycle-unrecorded';

/**
 * Granted 2024-03-20 (expiry 2027-03-19), surveillance 1 done, surveillance 2 never, nothing
 * renewed; today is 2027-04-10 and the expiry scanner has not recorded the expiry yet.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2027-04-10T02:00:00Z' });
  await granted20000(
    api,
    { organisationId: 'org-unrecorded', auditCycleId: CYCLE, certificateId: 'cert-unrecorded' },
    'Unrecorded Hosting Co.',
    '91110000MA0U000001',
  );
  await auditDone(
    api.service,
    CYCLE,
    'surveillance-1',
    'SURVEILLANCE',
    '2025-02-10',
    '2025-02-10',
    1,
  );
  await api.settle();
}, 60_000);
afterAll(() => api.close());

const DATES = ['2027-03-19', '2027-03-20', '2027-04-10', '2027-09-19', '2027-09-20'];

const viewsOnEachDate = () =>
  Promise.all(DATES.map((asOf) => deadlineViewsOn(api, 'cert-unrecorded', asOf)));

it('reads the deadlines of a certificate past its expiry from the dates, before the scanner records it', async () => {
  const [, dayAfter, today, windowEnd, lapsed] = await viewsOnEachDate();
  expect(dayAfter!.status).toBe('EXPIRED');
  expect(today!.open).toEqual([
    'SURVEILLANCE_AUDIT_DUE:2 OVERDUE',
    'RECERTIFICATION_AUDIT_DUE:2027-03-19 OVERDUE',
    'CERTIFICATE_EXPIRY:2027-03-19 OVERDUE',
    'RESTORATION_WINDOW_END:2027-03-19 UPCOMING',
  ]);
  expect(windowEnd!.ofCertificate['RESTORATION_WINDOW_END:2027-03-19']).toBe('DUE_TODAY -');
  expect(lapsed!.open).toEqual([]);
  expect(lapsed!.ofCertificate).toMatchObject({
    'CERTIFICATE_EXPIRY:2027-03-19': 'ENDED -',
    'RECERTIFICATION_AUDIT_DUE:2027-03-19': 'ENDED -',
    'RESTORATION_WINDOW_END:2027-03-19': 'ENDED -',
  });
}, 60_000);

it('answers the same as of every date once the scanner records the expiry', async () => {
  const unrecorded = await viewsOnEachDate();
  await api.service.expireCertificate(
    { certificateId: 'cert-unrecorded', recordedOn: d('2027-04-10') },
    { actor: 'deadline-scanner' },
  );
  await api.settle();
  expect(await viewsOnEachDate()).toEqual(unrecorded);
}, 60_000);
