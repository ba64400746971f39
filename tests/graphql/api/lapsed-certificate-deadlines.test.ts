import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { auditDone, d, granted20000 } from './api-lifecycle';
import { deadlineViewsOn } from './deadline-views';

let api: ApiHarness;

const CYCLE = 'cycle-lapsed';

/**
 * Granted 2024-03-20 (expiry 2027-03-19), surveillance 1 done, surveillance 2 never; the expiry is
 * recorded and nothing restores it: its restoration window ends on 2027-09-19.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2028-06-01T02:00:00Z' });
  const { service } = api;
  await granted20000(
    api,
    { organisationId: 'org-lapsed', auditCycleId: CYCLE, certificateId: 'cert-lapsed' },
    'Lapsed Hosting Co.',
    '91110000MA0L000001',
  );
  await auditDone(service, CYCLE, 'surveillance-1', 'SURVEILLANCE', '2025-02-10', '2025-02-10', 1);
  await service.expireCertificate(
    { certificateId: 'cert-lapsed', recordedOn: d('2027-03-20') },
    {
      actor: 'deadline-scanner',
    },
  );
  await api.settle();
}, 60_000);
afterAll(() => api.close());

const viewsOn = async (asOf: string) => {
  const { status, ofCertificate, open, counts } = await deadlineViewsOn(api, 'cert-lapsed', asOf);
  const overdue = counts
    .filter((count) => count.overdue > 0)
    .map(({ type, overdue: n }) => `${type} ${n}`);
  const closed = counts
    .filter((count) => count.met + count.ended > 0)
    .map(({ type, met, ended }) => `${type} met ${met} ended ${ended}`);
  return { status, ofCertificate, open, overdue, closed };
};

it('keeps the lapsed term and its open surveillance overdue while the certificate may still be restored', async () => {
  const views = await viewsOn('2027-09-19');
  expect(views.status).toBe('EXPIRED');
  expect(views.open).toEqual([
    'SURVEILLANCE_AUDIT_DUE:2 OVERDUE',
    'RECERTIFICATION_AUDIT_DUE:2027-03-19 OVERDUE',
    'CERTIFICATE_EXPIRY:2027-03-19 OVERDUE',
    'RESTORATION_WINDOW_END:2027-03-19 DUE_TODAY',
  ]);
  expect(views.overdue).toEqual([
    'SURVEILLANCE_AUDIT_DUE 1',
    'RECERTIFICATION_AUDIT_DUE 1',
    'CERTIFICATE_EXPIRY 1',
  ]);
});

it('shows nothing of a certificate that can no longer be restored as overdue or open', async () => {
  for (const asOf of ['2027-09-20', '2028-06-01']) {
    const views = await viewsOn(asOf);
    expect(views.status).toBe('EXPIRED');
    expect(views.open).toEqual([]);
    expect(views.overdue).toEqual([]);
    expect(views.ofCertificate).toMatchObject({
      'SURVEILLANCE_AUDIT_DUE:1': 'MET 2025-02-10',
      'SURVEILLANCE_AUDIT_DUE:2': 'ENDED -',
      'RECERTIFICATION_AUDIT_DUE:2027-03-19': 'ENDED -',
      'CERTIFICATE_EXPIRY:2027-03-19': 'ENDED -',
      'RESTORATION_WINDOW_END:2027-03-19': 'ENDED -',
    });
    expect(views.closed).toEqual(
      expect.arrayContaining([
        'SURVEILLANCE_AUDIT_DUE met 1 ended 1',
        'RECERTIFICATION_AUDIT_DUE met 0 ended 1',
        'CERTIFICATE_EXPIRY met 0 ended 1',
        'RESTORATION_WINDOW_END met 0 ended 1',
      ]),
    );
  }
});
