import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { dataOf, errorOf, registerReadyOrganisation } from './api-lifecycle';

let api: ApiHarness;

/** Today is 2025-11-05, after the end of the ISO/IEC 27001:2013 transition (2025-10-31). */
beforeAll(async () => {
  api = await startApiHarness({ now: '2025-11-05T02:00:00Z' });
  await registerReadyOrganisation(
    api.service,
    'org-moving',
    'Moving Hosting Co.',
    '91110000MA0M000001',
  );
  await registerReadyOrganisation(
    api.service,
    'org-moving-2022',
    'Moving Hosting 2022 Co.',
    '91110000MA0M000002',
  );
}, 60_000);
afterAll(() => api.close());

/**
 * One organisation per version: an open transfer application to 27001 refuses another. Both
 * surveillance audits were done in time (the second was due by 2025-08-15).
 */
const transferApplied = async (auditCycleId: string, version: string) => {
  dataOf(
    await api.query(
      Role.ADMIN,
      `mutation ($input: TransferCertificateInInput!) { transferCertificateIn(input: $input) { id } }`,
      {
        input: {
          organisationId: version === '2013' ? 'org-moving' : 'org-moving-2022',
          auditCycleId,
          certificateId: `cert-${auditCycleId}`,
          standard: { identifier: 'ISO/IEC 27001', version },
          scope: {
            text: 'Information security of hosting services',
            services: ['hosting'],
            customers: ['external customers'],
            locations: ['Beijing'],
          },
          sites: ['site-bj'],
          previousCertificationBody: 'Other CB Ltd',
          previousCertificateNumber: `OCB-${auditCycleId}`,
          previousCycleDecisionDate: '2023-08-15',
          certificateExpiryDate: '2026-08-14',
          surveillanceProgramme: {
            completedSurveillances: 2,
            lastSurveillanceLastDay: '2025-07-20',
          },
          submittedOn: '2025-10-20',
        },
      },
    ),
  );
  dataOf(
    await api.query(
      Role.ADMIN,
      `mutation ($input: ReviewApplicationInput!) { reviewApplication(input: $input) { id } }`,
      { input: { auditCycleId, outcome: 'ACCEPTED', reasons: [], reviewedOn: '2025-10-24' } },
    ),
  );
};

const transferReview = (auditCycleId: string) =>
  api.query(
    Role.DECISION_MAKER,
    `mutation ($input: RecordTransferReviewInput!) {
      recordTransferReview(input: $input) { id version } }`,
    {
      input: {
        auditCycleId,
        accredited: true,
        certificateStatus: 'VALID',
        complaints: [],
        lastReports: ['surveillance 2024'],
        outstandingNonconformities: [],
        reasonsForTransfer: ['consolidating certification bodies'],
        reviewedOn: '2025-11-03',
      },
    },
  );

it('refuses the pre-transfer review of a certificate to ISO/IEC 27001:2013 after its transition end', async () => {
  await transferApplied('cycle-2013', '2013');
  expect(errorOf(await transferReview('cycle-2013'))).toMatchObject({
    code: 'DOMAIN_RULE_VIOLATION',
    rule: 'TRANSFER_NOT_ALLOWED',
    message:
      'certificate OCB-cycle-2013 of Other CB Ltd expired after 2025-10-31 (the transition end of ' +
      'ISO/IEC 27001:2013), before the review of 2025-11-03',
  });
});

it('records the pre-transfer review of the same certificate to ISO/IEC 27001:2022', async () => {
  await transferApplied('cycle-2022', '2022');
  expect(dataOf(await transferReview('cycle-2022'))).toEqual({
    recordTransferReview: { id: 'cycle-2022', version: 3 },
  });
});
