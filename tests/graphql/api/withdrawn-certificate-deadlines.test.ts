import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { d, granted20000 } from './api-lifecycle';
import { deadlineViewsOn } from './deadline-views';

let api: ApiHarness;

const ADMIN = { actor: 'admin-1' };
const CYCLE = 'cycle-withdrawn';

/**
 * Granted 2024-03-20 (expiry 2027-03-19); surveillance 1, due 2025-03-20, is never done; suspended
 * on 2025-05-01 (limit 2025-11-01) and withdrawn on 2025-12-01.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2026-06-01T02:00:00Z' });
  const { service } = api;
  await granted20000(
    api,
    { organisationId: 'org-wd', auditCycleId: CYCLE, certificateId: 'cert-wd' },
    'Withdrawn Hosting Co.',
    '91110000MA0W000001',
  );
  await service.suspendCertificate(
    {
      certificateId: 'cert-wd',
      grounds: 'MISSED_SURVEILLANCE',
      details: 'surveillance audit 1 not done',
      ownFault: true,
      suspendedOn: d('2025-05-01'),
    },
    ADMIN,
  );
  await service.withdrawCertificate(
    {
      certificateId: 'cert-wd',
      reason: 'surveillance still refused',
      ownFault: true,
      withdrawnOn: d('2025-12-01'),
    },
    ADMIN,
  );
  await api.settle();
}, 60_000);
afterAll(() => api.close());

const viewsOn = async (asOf: string) => {
  const { ofCertificate, open, counts } = await deadlineViewsOn(api, 'cert-wd', asOf);
  const closed = counts
    .filter(({ type }) => type !== 'STAGE2_DUE')
    .filter((count) => count.overdue + count.met + count.ended > 0)
    .map(({ type, overdue, met, ended }) => `${type} overdue ${overdue} met ${met} ended ${ended}`);
  return { ofCertificate, open, closed };
};

it('keeps the missed surveillance and the suspension limit overdue until the withdrawal', async () => {
  const views = await viewsOn('2025-11-30');
  expect(views.open).toEqual([
    'SURVEILLANCE_AUDIT_DUE:1 OVERDUE',
    'SUSPENSION_LIMIT:2025-05-01 OVERDUE',
    'SURVEILLANCE_AUDIT_DUE:2 UPCOMING',
  ]);
});

it('ends the audits the withdrawal leaves undone, unmet, and meets only the expiry and the suspension limit', async () => {
  for (const asOf of ['2025-12-01', '2026-06-01']) {
    const views = await viewsOn(asOf);
    expect(views.open).toEqual([]);
    expect(views.ofCertificate).toEqual({
      'SURVEILLANCE_AUDIT_DUE:1': 'ENDED -',
      'SURVEILLANCE_AUDIT_DUE:2': 'ENDED -',
      'RECERTIFICATION_AUDIT_DUE:2027-03-19': 'ENDED -',
      'CERTIFICATE_EXPIRY:2027-03-19': 'MET 2025-12-01',
      'SUSPENSION_LIMIT:2025-05-01': 'MET 2025-12-01',
      'STAGE2_DUE:stage1': 'MET 2024-03-06',
    });
    expect(views.closed).toEqual([
      'SURVEILLANCE_AUDIT_DUE overdue 0 met 0 ended 2',
      'RECERTIFICATION_AUDIT_DUE overdue 0 met 0 ended 1',
      'CERTIFICATE_EXPIRY overdue 0 met 1 ended 0',
      'SUSPENSION_LIMIT overdue 0 met 1 ended 0',
    ]);
  }
});
