import type { AcceptCorrectiveActionPlan } from './audit-cycle-commands';
import type { CorrectiveActionPlanAccepted } from './audit-cycle-events';
import { openAuditCycle } from './audit-cycle-guards';
import type { AuditCycleState } from './audit-cycle-state';
import { requireDate, requireText } from './input-validation';
import { openNonconformity, requireNotBeforeRaised } from './nonconformity-guards';
import { CorrectiveActionPlanAlreadyAcceptedError } from './nonconformity-errors';

export const acceptCorrectiveActionPlan = (
  { data }: AcceptCorrectiveActionPlan,
  state: AuditCycleState,
): CorrectiveActionPlanAccepted[] => {
  const cycle = openAuditCycle(state, data.auditCycleId);
  const nc = openNonconformity(cycle, data.ncId, 'accept a corrective action plan');
  if (nc.planAcceptedOn !== null) {
    throw new CorrectiveActionPlanAlreadyAcceptedError(
      `the corrective action plan for nonconformity ${nc.ncId} was already accepted on ${nc.planAcceptedOn}`,
    );
  }
  const acceptedOn = requireDate(data.acceptedOn, 'acceptedOn');
  requireNotBeforeRaised(nc, acceptedOn, 'plan acceptance');
  return [
    {
      type: 'CorrectiveActionPlanAccepted',
      data: {
        auditCycleId: data.auditCycleId,
        ncId: nc.ncId,
        acceptedOn,
        acceptedBy: requireText(data.acceptedBy, 'acceptedBy'),
        plan: requireText(data.plan, 'plan'),
      },
    },
  ];
};
