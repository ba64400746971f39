import { Role } from '../../../src/graphql';
import { mutate } from '../mutations/lifecycle-over-http';
import type { ApiHarness } from '../support/api-harness';

/**
 * A transfer in of a certificate to ISO/IEC 20000-1:2018 of Other CB Ltd, whose cycle was decided
 * on 2024-03-20 (expiry 2027-03-19) and whose surveillance 1 was done (surveillance 2 due by
 * 2026-03-20), applied for on 2025-06-02: add the organisation's, cycle's and certificate's ids.
 */
export const TRANSFER_2025 = {
  standard: { identifier: 'ISO/IEC 20000-1', version: '2018' },
  scope: { text: 'IT services', services: ['hosting'], customers: ['all'], locations: ['BJ'] },
  sites: ['site-bj'],
  previousCertificationBody: 'Other CB Ltd',
  previousCycleDecisionDate: '2024-03-20',
  certificateExpiryDate: '2027-03-19',
  surveillanceProgramme: { completedSurveillances: 1, lastSurveillanceLastDay: '2025-02-11' },
  submittedOn: '2025-06-02',
};

/** The transfer's application accepted on 2025-06-05 and found transferable on 2025-06-10. */
export const transfer2025Reviewed = async (api: ApiHarness, auditCycleId: string) => {
  await mutate(api, Role.ADMIN, 'reviewApplication', {
    auditCycleId,
    outcome: 'ACCEPTED',
    reasons: [],
    reviewedOn: '2025-06-05',
  });
  await mutate(api, Role.DECISION_MAKER, 'recordTransferReview', {
    auditCycleId,
    reviewedOn: '2025-06-10',
    accredited: true,
    certificateStatus: 'VALID',
    reasonsForTransfer: ['consolidating certification bodies'],
    outstandingNonconformities: [],
    lastReports: ['surveillance 1 report 2025-02-11'],
    complaints: [],
  });
};
