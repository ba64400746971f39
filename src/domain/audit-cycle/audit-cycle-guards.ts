import {
  ApplicationNotAcceptedError,
  AuditCycleClosedError,
  AuditCycleNotFoundError,
} from './application-errors';
import type { CalendarDate } from '../calendar';
import type { AuditCycle, AuditCycleState } from './audit-cycle-state';
import { cycleDecisionDate, stage2DueDate, surveillanceLastDay } from './audit-cycle-queries';
import { AuditOrderError, Stage2WindowExceededError } from './audit-errors';

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

/** An audit takes place once the application review accepted the application (17021-1 9.1.2). */
export const requireAfterAcceptance = (cycle: AuditCycle, what: string, date: CalendarDate) => {
  const acceptedOn = cycle.review?.reviewedOn;
  if (acceptedOn !== undefined && date < acceptedOn) {
    throw new AuditOrderError(
      `${what} on ${date} precedes the acceptance of the application on ${acceptedOn}`,
    );
  }
};

/** Stage 2 starts after stage 1's last day, as planned (`planned to start`) and as held (`starting`). */
export const requireStage2AfterStage1 = (
  stage1LastDay: CalendarDate,
  start: CalendarDate,
  when: 'planned to start' | 'starting',
) => {
  if (start <= stage1LastDay) {
    throw new AuditOrderError(
      `stage 2 ${when} on ${start} must follow stage 1, whose last day was ${stage1LastDay}`,
    );
  }
};

/**
 * [CB] Stage 2 ends within the policy window after stage 1's last day, or stage 1 is repeated:
 * refused as planned (`planned to end`) and as held (`ending`).
 */
export const requireStage2WithinWindow = (
  cycle: AuditCycle,
  stage1LastDay: CalendarDate,
  end: CalendarDate,
  when: 'planned to end' | 'ending',
) => {
  const dueOn = stage2DueDate(stage1LastDay, cycle);
  if (end > dueOn) {
    throw new Stage2WindowExceededError(
      `stage 2 ${when} on ${end} is more than ${cycle.policy.stage2WindowMonths} months after ` +
        `stage 1's last day ${stage1LastDay} (stage 2 was due by ${dueOn}): stage 1 must be repeated`,
    );
  }
};

/**
 * A surveillance audit starts on or after the cycle's decision date (the cycle and its surveillance
 * programme begin there, 17021-1 9.1.3.2), and surveillance 2 after surveillance 1's last day; as
 * planned as when held. `what` names it as the message starts, e.g. "surveillance audit 2 starting".
 */
export const requireSurveillanceOrder = (
  cycle: AuditCycle,
  number: 1 | 2 | null,
  what: string,
  firstDay: CalendarDate,
): void => {
  const decidedOn = cycleDecisionDate(cycle);
  if (decidedOn !== null && firstDay < decidedOn) {
    throw new AuditOrderError(
      `${what} on ${firstDay} precedes the certification decision of ${decidedOn}`,
    );
  }
  const previous = number === 2 ? surveillanceLastDay(cycle, 1) : null;
  if (previous !== null && firstDay <= previous) {
    throw new AuditOrderError(
      `${what} on ${firstDay} must follow surveillance audit 1, whose last day was ${previous}`,
    );
  }
};
