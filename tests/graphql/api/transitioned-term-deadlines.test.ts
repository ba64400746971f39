import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { grantedIsms2013, ismsTransitionedOverHttp } from './api-lifecycle';
import { deadlineViewsOn } from './deadline-views';

let api: ApiHarness;

/**
 * ISO/IEC 27001:2013, granted 2024-03-20: its cycle expires 2027-03-19, capped at the transition
 * end, 2025-10-31 (recertification audit due 2025-08-02). A transition audit on 2025-09-01/02, the
 * transition to 2022 decided on 2025-09-05 lifts the cap. Today is 2025-09-20.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2025-09-20T02:00:00Z' });
  await grantedIsms2013(api);
  await ismsTransitionedOverHttp(api, ['2025-09-01', '2025-09-02'], '2025-09-05');
}, 60_000);
afterAll(() => api.close());

const TERM_TYPES = ['CERTIFICATE_EXPIRY', 'RECERTIFICATION_AUDIT_DUE'];

const viewsOn = async (asOf: string) => {
  const { ofCertificate, open, counts } = await deadlineViewsOn(api, 'cert-isms', asOf, 3660);
  return {
    ofCertificate,
    listed: open.filter((line) => TERM_TYPES.some((type) => line.startsWith(type))),
    counts: counts.filter(({ type }) => TERM_TYPES.includes(type)),
  };
};

it('replaces the capped term’s expiry and recertification audit with the new expiry’s, unmet', async () => {
  const views = await viewsOn('2025-09-20');
  expect(views.ofCertificate).toMatchObject({
    'CERTIFICATE_EXPIRY:2025-10-31': 'ENDED -',
    'RECERTIFICATION_AUDIT_DUE:2025-10-31': 'ENDED -',
    'CERTIFICATE_EXPIRY:2027-03-19': 'UPCOMING -',
    'RECERTIFICATION_AUDIT_DUE:2027-03-19': 'UPCOMING -',
    'TRANSITION_DEADLINE:ISO/IEC 27001:2013': 'MET 2025-09-05',
  });
  expect(views.listed).toEqual([
    'RECERTIFICATION_AUDIT_DUE:2027-03-19 UPCOMING',
    'CERTIFICATE_EXPIRY:2027-03-19 UPCOMING',
  ]);
  expect(views.counts).toEqual([
    { type: 'RECERTIFICATION_AUDIT_DUE', upcoming: 1, overdue: 0, met: 0, ended: 1 },
    { type: 'CERTIFICATE_EXPIRY', upcoming: 1, overdue: 0, met: 0, ended: 1 },
  ]);
}, 60_000);

it('answers as of a date before the transition as it did then', async () => {
  const views = await viewsOn('2025-08-10');
  expect(views.ofCertificate).toMatchObject({
    'CERTIFICATE_EXPIRY:2025-10-31': 'UPCOMING -',
    'RECERTIFICATION_AUDIT_DUE:2025-10-31': 'OVERDUE -',
    'TRANSITION_DEADLINE:ISO/IEC 27001:2013': 'UPCOMING -',
  });
  expect(views.ofCertificate).not.toHaveProperty(['CERTIFICATE_EXPIRY:2027-03-19']);
  expect(views.listed).toEqual([
    'RECERTIFICATION_AUDIT_DUE:2025-10-31 OVERDUE',
    'CERTIFICATE_EXPIRY:2025-10-31 UPCOMING',
  ]);
}, 60_000);
