import {
  ApplicationNotAcceptedError,
  AuditCycleClosedError,
  AuditCycleNotFoundError,
} from './application-errors';
import type { AuditCycle, AuditCycleState } from './audit-cycle-state';

/** The cycle the command is addressed to, refused when it does not exist or is closed. */
export const openAuditCycle = (state: AuditCycleState, auditCycleId: string): AuditCycle => {
  if (state.status === 'NOT_STARTED') {
    throw new AuditCycleNotFoundError(`audit cycle ${auditCycleId} has no application`);
  }
  if (state.application.auditCycleId !== auditCycleId) {
    throw new AuditCycleNotFoundError(
      `command for audit cycle ${auditCycleId} sent to audit cycle ${state.application.auditCycleId}`,
    );
  }
  if (state.status === 'APPLICATION_REJECTED' && state.review) {
    throw new AuditCycleClosedError(
      `audit cycle ${auditCycleId} is closed: its application was rejected on ${state.review.reviewedOn}`,
    );
  }
  if (state.status === 'CERTIFICATION_REFUSED' && state.decision) {
    throw new AuditCycleClosedError(
      `audit cycle ${auditCycleId} is closed: certification was refused on ${state.decision.decidedOn}`,
    );
  }
  return state;
};

/** Refused until the application review accepted the application. */
export const requireAcceptedApplication = (cycle: AuditCycle, action: string): void => {
  if (cycle.status === 'APPLICATION_SUBMITTED') {
    throw new ApplicationNotAcceptedError(
      `cannot ${action}: the application of audit cycle ${cycle.application.auditCycleId} ` +
        `submitted on ${cycle.application.submittedOn} has not been accepted`,
    );
  }
};
