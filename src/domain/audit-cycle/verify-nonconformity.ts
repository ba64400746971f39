import type { VerifyNonconformity } from './audit-cycle-commands';
import type { NonconformityVerified } from './audit-cycle-events';
import { openAuditCycle } from './audit-cycle-guards';
import type { AuditCycleState } from './audit-cycle-state';
import { requireDate, requireText } from './input-validation';
import {
  openNonconformity,
  requireNotBeforePlan,
  requireNotBeforeRaised,
} from './nonconformity-guards';

/** Verifies correction and corrective action; closes the nonconformity. */
export const verifyNonconformity = (
  { data }: VerifyNonconformity,
  state: AuditCycleState,
): NonconformityVerified[] => {
  const cycle = openAuditCycle(state, data.auditCycleId);
  const nc = openNonconformity(cycle, data.ncId, 'verify it');
  const verifiedOn = requireDate(data.verifiedOn, 'verifiedOn');
  requireNotBeforeRaised(nc, verifiedOn, 'verification');
  requireNotBeforePlan(nc, verifiedOn);
  return [
    {
      type: 'NonconformityVerified',
      data: {
        auditCycleId: data.auditCycleId,
        ncId: nc.ncId,
        verifiedOn,
        verifiedBy: requireText(data.verifiedBy, 'verifiedBy'),
        correction: requireText(data.correction, 'correction'),
        correctiveAction: requireText(data.correctiveAction, 'correctiveAction'),
      },
    },
  ];
};
