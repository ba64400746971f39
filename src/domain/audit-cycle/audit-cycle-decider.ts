import type { Decider } from '../decider';
import { acceptCorrectiveActionPlan } from './accept-corrective-action-plan';
import type { AuditCycleCommand } from './audit-cycle-commands';
import type { AuditCycleEvent } from './audit-cycle-events';
import { type AuditCycleState, initialAuditCycleState } from './audit-cycle-state';
import { completeAudit } from './complete-audit';
import { decideCertification } from './decide-certification';
import { escalateOverdueNonconformity } from './escalate-overdue-nonconformity';
import { evolveAuditCycle } from './evolve-audit-cycle';
import { planAudit } from './plan-audit';
import { raiseNonconformity } from './raise-nonconformity';
import { recordTransferReview } from './record-transfer-review';
import { reviewApplication } from './review-application';
import { submitApplication } from './submit-application';
import { verifyNonconformity } from './verify-nonconformity';

export const decideAuditCycle = (
  command: AuditCycleCommand,
  state: AuditCycleState,
): AuditCycleEvent[] => {
  switch (command.type) {
    case 'SubmitApplication':
      return submitApplication(command, state);
    case 'ReviewApplication':
      return reviewApplication(command, state);
    case 'PlanAudit':
      return planAudit(command, state);
    case 'CompleteAudit':
      return completeAudit(command, state);
    case 'RaiseNonconformity':
      return raiseNonconformity(command, state);
    case 'AcceptCorrectiveActionPlan':
      return acceptCorrectiveActionPlan(command, state);
    case 'VerifyNonconformity':
      return verifyNonconformity(command, state);
    case 'EscalateOverdueNonconformity':
      return escalateOverdueNonconformity(command, state);
    case 'RecordTransferReview':
      return recordTransferReview(command, state);
    case 'DecideCertification':
      return decideCertification(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown audit cycle command ${JSON.stringify(unknown)}`);
    }
  }
};

export const auditCycleDecider: Decider<AuditCycleState, AuditCycleCommand, AuditCycleEvent> = {
  decide: decideAuditCycle,
  evolve: evolveAuditCycle,
  initialState: initialAuditCycleState,
};

export const auditCycleStreamName = (auditCycleId: string): string => `auditcycle-${auditCycleId}`;
