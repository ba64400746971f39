import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { mutate } from '../mutations/lifecycle-over-http';
import { grantedIsms2013, ismsAuditOverHttp } from './api-lifecycle';
import { deadlineViewsOn } from './deadline-views';

let api: ApiHarness;

/**
 * ISO/IEC 27001:2013, granted 2024-03-20: its cycle expires 2027-03-19, capped at the transition
 * end, 2025-10-31 (recertification audit due 2025-08-02). The recertification applied for on
 * 2025-06-02 (against the capped expiry) has its audit on 2025-07-10/11; a transition audit on
 * 2025-07-28/29 and the transition decided on 2025-08-04 lift the cap. Today is 2025-08-05.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2025-08-05T02:00:00Z' });
  await grantedIsms2013(api);
  await mutate(api, Role.ADMIN, 'startRecertification', {
    certificateId: 'cert-isms',
    auditCycleId: 'cycle-isms-2',
    standard: { identifier: 'ISO/IEC 27001', version: '2022' },
    submittedOn: '2025-06-02',
  });
  await mutate(api, Role.ADMIN, 'reviewApplication', {
    auditCycleId: 'cycle-isms-2',
    outcome: 'ACCEPTED',
    reasons: [],
    reviewedOn: '2025-06-03',
  });
  await ismsAuditOverHttp(api, 'cycle-isms-2', 'recertification', 'RECERTIFICATION', [
    '2025-07-10',
    '2025-07-11',
  ]);
  await ismsAuditOverHttp(api, 'cycle-isms', 'transition', 'TRANSITION', [
    '2025-07-28',
    '2025-07-29',
  ]);
  await mutate(api, Role.DECISION_MAKER, 'transitionStandardVersion', {
    certificateId: 'cert-isms',
    decisionDate: '2025-08-04',
    standard: { identifier: 'ISO/IEC 27001', version: '2022' },
  });
}, 60_000);
afterAll(() => api.close());

const recertificationAuditsOn = async (asOf: string) => {
  const { ofCertificate, open } = await deadlineViewsOn(api, 'cert-isms', asOf, 3660);
  return {
    ofCertificate: Object.fromEntries(
      Object.entries(ofCertificate).filter(([key]) => key.startsWith('RECERTIFICATION')),
    ),
    listed: open.filter((line) => line.startsWith('RECERTIFICATION')),
  };
};

it('meets the lifted expiry’s recertification audit with the audit done against the capped one', async () => {
  expect(await recertificationAuditsOn('2025-08-05')).toEqual({
    ofCertificate: {
      'RECERTIFICATION_AUDIT_DUE:2025-10-31': 'MET 2025-07-11',
      'RECERTIFICATION_AUDIT_DUE:2027-03-19': 'MET 2025-07-11',
    },
    listed: [],
  });
  expect(await recertificationAuditsOn('2026-12-25')).toMatchObject({
    ofCertificate: { 'RECERTIFICATION_AUDIT_DUE:2027-03-19': 'MET 2025-07-11' },
    listed: [],
  });
}, 60_000);

it('answers as of a date before the transition as it did then', async () => {
  expect(await recertificationAuditsOn('2025-08-03')).toEqual({
    ofCertificate: { 'RECERTIFICATION_AUDIT_DUE:2025-10-31': 'MET 2025-07-11' },
    listed: [],
  });
}, 60_000);
