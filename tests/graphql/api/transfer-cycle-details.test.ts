import { Role } from '../../../src/graphql';
import { type ApiHarness, personOf, startApiHarness } from '../support/api-harness';
import { mutate } from '../mutations/lifecycle-over-http';
import { dataOf, registerReadyOrganisation } from './api-lifecycle';

let api: ApiHarness;

beforeAll(async () => {
  api = await startApiHarness({ now: '2025-01-10T02:00:00Z' });
  await registerReadyOrganisation(api.service, 'org-moving', 'Moving Co.', '91110000MA0M000001');
}, 60_000);
afterAll(() => api.close());

const transferCycle = async () =>
  dataOf(
    await api.query(
      Role.VIEWER,
      `{ auditCycle(id: "cycle-moving") {
          transferApplication {
            previousCertificationBody previousCertificateNumber previousCycleDecisionDate
            originalCertificationDate certificateExpiryDate
            surveillanceProgramme { completedSurveillances lastSurveillanceLastDay } }
          transferReview {
            reviewedOn reviewedBy certificateStatus accredited reasonsForTransfer
            outstandingNonconformities { reference grade description } lastReports complaints } } }`,
    ),
  ).auditCycle;

it('shows the transfer application and its pre-transfer review on the audit cycle', async () => {
  await mutate(api, Role.ADMIN, 'transferCertificateIn', {
    organisationId: 'org-moving',
    auditCycleId: 'cycle-moving',
    standard: { identifier: 'ISO/IEC 20000-1', version: '2018' },
    scope: { text: 'IT services', services: ['hosting'], customers: ['all'], locations: ['BJ'] },
    sites: ['site-bj'],
    previousCertificationBody: 'Other CB Ltd',
    previousCertificateNumber: 'OCB-77',
    previousCycleDecisionDate: '2024-03-20',
    certificateExpiryDate: '2027-03-19',
    surveillanceProgramme: { completedSurveillances: 0 },
    submittedOn: '2025-01-06',
  });
  await mutate(api, Role.ADMIN, 'reviewApplication', {
    auditCycleId: 'cycle-moving',
    outcome: 'ACCEPTED',
    reasons: [],
    reviewedOn: '2025-01-07',
  });
  const application = {
    previousCertificationBody: 'Other CB Ltd',
    previousCertificateNumber: 'OCB-77',
    previousCycleDecisionDate: '2024-03-20',
    originalCertificationDate: '2024-03-20',
    certificateExpiryDate: '2027-03-19',
    surveillanceProgramme: { completedSurveillances: 0, lastSurveillanceLastDay: null },
  };
  expect(await transferCycle()).toEqual({ transferApplication: application, transferReview: null });

  const outstanding = {
    reference: 'NC-7',
    grade: 'MINOR',
    description: 'no risk assessment record',
  };
  await mutate(api, Role.DECISION_MAKER, 'recordTransferReview', {
    auditCycleId: 'cycle-moving',
    reviewedOn: '2025-01-08',
    accredited: true,
    certificateStatus: 'VALID',
    reasonsForTransfer: ['consolidating certification bodies'],
    outstandingNonconformities: [outstanding],
    lastReports: ['surveillance 2024'],
    complaints: [],
  });
  expect(await transferCycle()).toEqual({
    transferApplication: application,
    transferReview: {
      reviewedOn: '2025-01-08',
      reviewedBy: personOf(Role.DECISION_MAKER),
      certificateStatus: 'VALID',
      accredited: true,
      reasonsForTransfer: ['consolidating certification bodies'],
      outstandingNonconformities: [outstanding],
      lastReports: ['surveillance 2024'],
      complaints: [],
    },
  });
}, 60_000);

it("hides from the organisation's CLIENT key who recorded the pre-transfer review", async () => {
  const client = { key: api.createKey(Role.CLIENT, 'person-moving', 'org-moving') };
  const response = await api.query(
    client,
    '{ auditCycle(id: "cycle-moving") { transferReview { reviewedOn reviewedBy } } }',
  );
  expect(dataOf(response).auditCycle).toEqual({
    transferReview: { reviewedOn: '2025-01-08', reviewedBy: null },
  });
});
