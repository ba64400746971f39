import type { CalendarDate } from '../calendar';
import { findStandard, standardCode } from '../standards';
import {
  currentNonconformities,
  currentStage2,
  latestAudit,
  majorMissingVerificationLimit,
} from './audit-cycle-queries';
import type { AuditCycle, Nonconformity } from './audit-cycle-state';
import { StandardVersionClosedError } from './application-errors';
import {
  DecisionBeforeAuditEndError,
  ImpartialityError,
  MajorNcVerificationLimitError,
  OpenNonconformitiesError,
  RecertificationAuditNotCompletedError,
  Stage2NotCompletedError,
  TransferReviewMissingError,
} from './decision-errors';

/** The part a person took in a nonconformity's audit work: raising it or its follow-up. */
const nonconformityRole = (nc: Nonconformity, personId: string): string | null => {
  if (nc.raisedBy === personId) return 'raised';
  if (nc.planAcceptedBy === personId) return 'accepted the corrective-action plan of';
  if (nc.verifiedBy === personId) return 'verified';
  return null;
};

/**
 * [N] 9.5: whoever decides took part in no audit of the cycle: not on a planned or actual team,
 * and raised none of its nonconformities, accepted none of their plans and verified none.
 */
export const requireImpartialDecisionMaker = (cycle: AuditCycle, decisionMakerId: string) => {
  const audit = cycle.audits.find(
    (a) => a.team.includes(decisionMakerId) || a.completion?.team.includes(decisionMakerId),
  );
  if (audit) {
    const { completion } = audit;
    const part =
      completion === null
        ? `is on the planned audit team of ${audit.kind} audit ${audit.auditId} ` +
          `(planned ${audit.plannedStart} to ${audit.plannedEnd})`
        : completion.team.includes(decisionMakerId)
          ? `was on the audit team of ${audit.kind} audit ${audit.auditId} ` +
            `(${completion.firstDay} to ${completion.lastDay})`
          : `was on the planned audit team of ${audit.kind} audit ${audit.auditId} (planned ` +
            `${audit.plannedStart} to ${audit.plannedEnd}; not on the team that did it from ` +
            `${completion.firstDay} to ${completion.lastDay})`;
    throw new ImpartialityError(
      `decision maker ${decisionMakerId} ${part}: the certification decision must be made by a ` +
        `person who took no part in any audit of the cycle, planned or done (17021-1 9.5)`,
    );
  }
  for (const nc of cycle.nonconformities) {
    const role = nonconformityRole(nc, decisionMakerId);
    if (role === null) continue;
    throw new ImpartialityError(
      `decision maker ${decisionMakerId} ${role} nonconformity ${nc.ncId} of ` +
        `${nc.auditKind} audit ${nc.auditId}: the ` +
        `certification decision must be made by a person who took no part in any audit of the ` +
        `cycle, its findings and their follow-up included (17021-1 9.5)`,
    );
  }
};

/** The activity a granted decision rests on, and the date it ended. */
export const requireDecisiveActivity = (cycle: AuditCycle, decidedOn: CalendarDate): void => {
  const { kind } = cycle.application;
  let ended: { what: string; on: CalendarDate };
  if (kind === 'TRANSFER') {
    if (!cycle.transferReview) {
      throw new TransferReviewMissingError(
        `a transfer is decided after the pre-transfer review (IAF MD 2); none is recorded by ${decidedOn}`,
      );
    }
    ended = { what: 'the pre-transfer review', on: cycle.transferReview.reviewedOn };
  } else {
    const audit = kind === 'INITIAL' ? currentStage2(cycle) : latestAudit(cycle, 'RECERTIFICATION');
    if (!audit?.completion) {
      const planned = audit ? ` (${audit.auditId} planned ${audit.plannedStart})` : '';
      const message = `certification on ${decidedOn} requires a completed ${
        kind === 'INITIAL' ? 'stage 2' : 'recertification'
      } audit${planned}`;
      throw kind === 'INITIAL'
        ? new Stage2NotCompletedError(message)
        : new RecertificationAuditNotCompletedError(message);
    }
    ended = { what: `${audit.kind} audit ${audit.auditId}`, on: audit.completion.lastDay };
  }
  if (decidedOn < ended.on) {
    throw new DecisionBeforeAuditEndError(
      `the decision of ${decidedOn} precedes the end of ${ended.what} on ${ended.on}`,
    );
  }
};

/**
 * A decision, granted or refused, comes after the audits it rests on: on or after the last day of
 * every audit of the cycle completed by then (a follow-up audit included).
 */
export const requireAfterCompletedAudits = (cycle: AuditCycle, decidedOn: CalendarDate): void => {
  for (const { kind, auditId, completion } of cycle.audits) {
    if (completion && decidedOn < completion.lastDay) {
      throw new DecisionBeforeAuditEndError(
        `the decision of ${decidedOn} precedes the end of ${kind} audit ${auditId} on ${completion.lastDay}`,
      );
    }
  }
};

/** [N] A stage-2 major not verified within the limit sends the cycle back to stage 2. */
export const requireMajorsVerifiedInTime = (cycle: AuditCycle, decidedOn: CalendarDate): void => {
  const stage2 = currentStage2(cycle);
  if (!stage2?.completion) return;
  const missed = cycle.nonconformities.find(
    (nc) => nc.auditId === stage2.auditId && majorMissingVerificationLimit(nc, decidedOn),
  );
  if (missed?.verificationLimitOn) {
    const status = missed.verifiedOn
      ? `was verified only on ${missed.verifiedOn}`
      : `is still not verified on ${decidedOn}`;
    throw new MajorNcVerificationLimitError(
      `major nonconformity ${missed.ncId} from stage 2 audit ${stage2.auditId} (last day ` +
        `${stage2.completion.lastDay}) had to be verified by ${missed.verificationLimitOn} and ${status}: ` +
        `stage 2 must be repeated before certification`,
    );
  }
};

const isOpenOn = (nc: Nonconformity, date: CalendarDate): boolean => {
  const closedOn = nc.grade === 'MAJOR' ? nc.verifiedOn : (nc.planAcceptedOn ?? nc.verifiedOn);
  return closedOn === null || closedOn > date;
};

/** Majors verified, minors with an accepted plan (17021-1 9.5.3.2). */
export const requireNonconformitiesAnswered = (cycle: AuditCycle, decidedOn: CalendarDate) => {
  const open = currentNonconformities(cycle).filter((nc) => isOpenOn(nc, decidedOn));
  if (open.length > 0) {
    const listed = open.map(
      (nc) =>
        `${nc.ncId} (${nc.grade.toLowerCase()}, ${
          nc.grade === 'MAJOR' ? 'not verified' : 'no accepted plan'
        }, response due ${nc.responseDueOn})`,
    );
    throw new OpenNonconformitiesError(
      `cannot grant certification on ${decidedOn}: every major nonconformity must be verified and ` +
        `every minor must have an accepted plan; open: ${listed.join(', ')}`,
    );
  }
};

export const requireValidStandardVersion = (cycle: AuditCycle, decidedOn: CalendarDate) => {
  const { standard } = cycle.application;
  const { transitionEnd, transitionSource } = findStandard(standard);
  if (transitionEnd !== null && decidedOn > transitionEnd) {
    throw new StandardVersionClosedError(
      `no certification to ${standardCode(standard)} on ${decidedOn}: certificates to that ` +
        `version ended on ${transitionEnd} (${transitionSource ?? 'catalog'})`,
    );
  }
};
