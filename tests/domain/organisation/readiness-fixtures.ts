import {
  type CertificationPolicy,
  DEFAULT_POLICY,
  NO_READINESS_FACTS,
  type ReadinessFacts,
} from '../../../src/domain';
import { day } from './organisation-fixtures';

/** An organisation ready to apply on 2025-06-01 under the default policy. */
export const readyFacts = (overrides: Partial<ReadinessFacts> = {}): ReadinessFacts => ({
  ...NO_READINESS_FACTS,
  legalRegistrationNumber: '91310000MA1K4XXX0Q',
  managementSystemOperatingSince: day('2024-09-01'),
  lastInternalAuditCompletedOn: day('2025-03-15'),
  lastManagementReviewCompletedOn: day('2025-04-20'),
  ...overrides,
});

export const policyWith = (
  overrides: Partial<CertificationPolicy> = {},
  readiness: Partial<CertificationPolicy['readiness']> = {},
): CertificationPolicy => ({
  ...DEFAULT_POLICY,
  ...overrides,
  readiness: { ...DEFAULT_POLICY.readiness, ...readiness },
});
