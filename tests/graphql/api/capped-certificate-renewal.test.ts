import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { mutate } from '../mutations/lifecycle-over-http';
import { dataOf, grantedIsms2013, ismsRecertificationAuditedOverHttp } from './api-lifecycle';

let api: ApiHarness;

/**
 * ISO/IEC 27001:2013, granted 2024-03-20: its cycle expires 2027-03-19, capped at the transition
 * end, 2025-10-31. Today is 2025-08-05.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2025-08-05T02:00:00Z' });
  await grantedIsms2013(api);
}, 60_000);
afterAll(() => api.close());

it("renews a certificate capped by the transition end to the new version from its cycle's expiry", async () => {
  await ismsRecertificationAuditedOverHttp(api, '2022', {
    submittedOn: '2025-06-02',
    reviewedOn: '2025-06-03',
    audited: ['2025-07-10', '2025-07-11'],
  });
  await mutate(api, Role.DECISION_MAKER, 'decideCertification', {
    auditCycleId: 'cycle-isms-2',
    decision: 'GRANTED',
    decidedOn: '2025-08-01',
    reasons: ['met'],
  });

  const renewed = dataOf(
    await api.query(
      Role.VIEWER,
      `{ certificate(id: "cert-isms") {
          numberWithRevision expiryDate standard { code }
          currentAuditCycle { decision { outcome expiryDate previousExpiryDate } }
          deadlines { key dueDate state } } }`,
    ),
  ).certificate as {
    numberWithRevision: string;
    deadlines: { key: string; dueDate: string; state: string }[];
  };
  expect(renewed).toMatchObject({
    expiryDate: '2030-03-19',
    standard: { code: 'ISO/IEC 27001:2022' },
    currentAuditCycle: {
      decision: { outcome: 'RENEW', expiryDate: '2030-03-19', previousExpiryDate: '2025-10-31' },
    },
  });
  expect(renewed.deadlines.filter(({ state }) => state !== 'MET' && state !== 'ENDED')).toEqual([
    { key: 'SURVEILLANCE_AUDIT_DUE:1', dueDate: '2026-08-01', state: 'UPCOMING' },
    { key: 'SURVEILLANCE_AUDIT_DUE:2', dueDate: '2027-08-01', state: 'UPCOMING' },
    { key: 'RECERTIFICATION_AUDIT_DUE:2030-03-19', dueDate: '2029-12-19', state: 'UPCOMING' },
    { key: 'CERTIFICATE_EXPIRY:2030-03-19', dueDate: '2030-03-19', state: 'UPCOMING' },
  ]);
  const verified = dataOf(
    await api.query(
      'ANONYMOUS',
      `query ($number: String!) { verifyCertificate(number: $number) { expiryDate valid } }`,
      { number: renewed.numberWithRevision },
    ),
  );
  expect(verified.verifyCertificate).toEqual({ expiryDate: '2030-03-19', valid: true });
}, 60_000);
