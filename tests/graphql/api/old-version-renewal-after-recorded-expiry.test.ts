import { Role } from '../../../src/graphql';
import { mutate } from '../mutations/lifecycle-over-http';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { d, dataOf, grantedIsms2013, ismsRecertificationAuditedOverHttp } from './api-lifecycle';

/**
 * ISO/IEC 27001:2013, granted 2024-03-20, its expiry 2027-03-19 capped at the transition end,
 * 2025-10-31. Recertification to 2013 audited on 2024-04-22/23 (audits to 2013 ended 2024-04-30),
 * granted on 2025-10-20: the renewed term is capped at 2025-10-31 too. Today is 2025-11-10.
 */
const recertifiedToOldVersion = async (api: ApiHarness) => {
  await grantedIsms2013(api);
  await ismsRecertificationAuditedOverHttp(api, '2013', {
    submittedOn: '2024-04-01',
    reviewedOn: '2024-04-02',
    audited: ['2024-04-22', '2024-04-23'],
  });
};

const granted = (api: ApiHarness) =>
  mutate(api, Role.DECISION_MAKER, 'decideCertification', {
    auditCycleId: 'cycle-isms-2',
    decision: 'GRANTED',
    decidedOn: '2025-10-20',
    reasons: ['recertification audit satisfactory'],
  });

const scanned = async (api: ApiHarness) => {
  const recorded = await api.service.recordExpiry('cert-isms', d('2025-11-01'));
  await api.settle();
  return recorded;
};

const read = async (api: ApiHarness) => {
  const { certificate } = dataOf(
    await api.query(
      Role.VIEWER,
      `{ certificate(id: "cert-isms") {
          recordedStatus status(asOf: "2025-11-05") expiryDate numberWithRevision
          statusPeriods { status from to }
          deadlines(asOf: "2025-11-05") { key dueDate state }
          history { type date summary } } }`,
    ),
  ) as { certificate: { numberWithRevision: string } & Record<string, unknown> };
  const { verifyCertificate } = dataOf(
    await api.query(
      'ANONYMOUS',
      `query ($number: String!) {
        verifyCertificate(number: $number, asOf: "2025-11-05") {
          status valid expiryDate statusPeriods { status from to } } }`,
      { number: certificate.numberWithRevision },
    ),
  );
  return { certificate, verifyCertificate };
};

let inTime: ApiHarness;
let late: ApiHarness;
beforeAll(async () => {
  inTime = await startApiHarness({ now: '2025-11-10T02:00:00Z' });
  await recertifiedToOldVersion(inTime);
  await granted(inTime);
  await scanned(inTime);
  late = await startApiHarness({ now: '2025-11-10T02:00:00Z' });
  await recertifiedToOldVersion(late);
  await scanned(late);
  await granted(late);
  await late.settle();
}, 120_000);
afterAll(async () => {
  await inTime.close();
  await late.close();
});

it('reads a renewal keeping the capped expiry, entered after its record, as one entered before it', async () => {
  const answer = await read(late);
  expect(answer.certificate).toMatchObject({
    recordedStatus: 'EXPIRED',
    status: 'EXPIRED',
    expiryDate: '2025-10-31',
    numberWithRevision: 'CN-27001-00001/R2',
    statusPeriods: [
      { status: 'ACTIVE', from: '2024-03-20', to: '2025-10-19' },
      { status: 'ACTIVE', from: '2025-10-20', to: '2025-10-31' },
      { status: 'EXPIRED', from: '2025-11-01', to: null },
    ],
  });
  expect(answer.verifyCertificate).toEqual({
    status: 'EXPIRED',
    valid: false,
    expiryDate: '2025-10-31',
    statusPeriods: [
      { status: 'ACTIVE', from: '2024-03-20', to: '2025-10-31' },
      { status: 'EXPIRED', from: '2025-11-01', to: null },
    ],
  });
  const expected = await read(inTime);
  const { history, ...certificate } = answer.certificate;
  const { history: inTimeHistory, ...inTimeCertificate } = expected.certificate;
  expect(certificate).toEqual(inTimeCertificate);
  expect(answer.verifyCertificate).toEqual(expected.verifyCertificate);
  // The same entries, the expiry's recorded before the renewal's, as entered.
  expect(new Set(history as unknown[])).toEqual(new Set(inTimeHistory as unknown[]));
  // The scan has nothing more to record: no second expiry, no second certificate.expired.
  expect(await scanned(late)).toBeNull();
}, 60_000);
