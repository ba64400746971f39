import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { grantedIsms2013 } from './api-lifecycle';
import { deadlineViewsOn } from './deadline-views';

let api: ApiHarness;

/**
 * ISO/IEC 27001:2013, granted 2024-03-20: its cycle expires 2027-03-19, capped at the transition
 * end, 2025-10-31. Nothing transitions or renews it. Today is 2025-11-05.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2025-11-05T02:00:00Z' });
  await grantedIsms2013(api);
}, 60_000);
afterAll(() => api.close());

const CERTIFICATE_TYPES = [
  'RECERTIFICATION_AUDIT_DUE',
  'CERTIFICATE_EXPIRY',
  'RESTORATION_WINDOW_END',
  'TRANSITION_DEADLINE',
];

const viewsOn = async (asOf: string) => {
  const { status, ofCertificate, open, counts } = await deadlineViewsOn(api, 'cert-isms', asOf);
  return {
    status,
    transition: ofCertificate['TRANSITION_DEADLINE:ISO/IEC 27001:2013'],
    open: open.filter((line) => !line.startsWith('SURVEILLANCE')),
    counts: counts.filter(({ type }) => CERTIFICATE_TYPES.includes(type)),
  };
};

it('shows the missed transition of a capped certificate as its expiry, overdue, once the transition end has passed', async () => {
  expect(await viewsOn('2025-10-31')).toMatchObject({
    status: 'ACTIVE',
    transition: 'DUE_TODAY -',
  });
  expect(await viewsOn('2025-11-05')).toEqual({
    status: 'EXPIRED',
    transition: 'ENDED -',
    open: [
      'RECERTIFICATION_AUDIT_DUE:2025-10-31 OVERDUE',
      'CERTIFICATE_EXPIRY:2025-10-31 OVERDUE',
      'RESTORATION_WINDOW_END:2025-10-31 UPCOMING',
    ],
    counts: [
      { type: 'RECERTIFICATION_AUDIT_DUE', upcoming: 0, overdue: 1, met: 0, ended: 0 },
      { type: 'CERTIFICATE_EXPIRY', upcoming: 0, overdue: 1, met: 0, ended: 0 },
      { type: 'RESTORATION_WINDOW_END', upcoming: 1, overdue: 0, met: 0, ended: 0 },
      { type: 'TRANSITION_DEADLINE', upcoming: 0, overdue: 0, met: 0, ended: 1 },
    ],
  });
}, 60_000);
