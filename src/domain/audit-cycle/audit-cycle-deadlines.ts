import { type CalendarDate, maxDate } from '../calendar';
import { closedByWithdrawal, type Deadline } from '../deadlines';
import { findStandard } from '../standards';
import {
  cycleDecisionDate,
  findAudit,
  majorNcVerificationLimit,
  repetitionLastDay,
  stage2DueBy,
  surveillanceLastDay,
  transitionAuditLastDay,
} from './audit-cycle-queries';
import type { Audit, AuditCycle, AuditCycleState, Nonconformity } from './audit-cycle-state';
import { surveillanceDueDate } from './surveillance-due-date';

/**
 * One per completed stage 1, met by the first stage 2 completed after it: a stage 2 repeated later
 * for a major nonconformity that missed its verification limit does not move the day it was met.
 * One that no stage 2 met stays open (overdue past its window: domain.md §2, stage 1 must be
 * repeated) until a repeated stage 1 is completed, which ends it and sets the next. Due by the
 * superseded version's last audit day when that comes before the policy window ends.
 */
const stage2Due = (cycle: AuditCycle): Deadline[] => {
  if (cycle.application.kind !== 'INITIAL') return [];
  const stage1s = cycle.audits.flatMap((audit) =>
    audit.kind === 'STAGE1' && audit.completion
      ? [{ audit, lastDay: audit.completion.lastDay }]
      : [],
  );
  return stage1s.map(({ audit: stage1, lastDay }, index): Deadline => {
    const next = stage1s[index + 1];
    const firstStage2 = cycle.audits
      .slice(cycle.audits.indexOf(stage1) + 1, next ? cycle.audits.indexOf(next.audit) : undefined)
      .find((audit) => audit.kind === 'STAGE2' && audit.completion !== null);
    const metOn = firstStage2?.completion?.lastDay ?? null;
    return {
      type: 'STAGE2_DUE',
      key: `STAGE2_DUE:${stage1.auditId}`,
      dueDate: stage2DueBy(lastDay, cycle),
      openedOn: lastDay,
      closesOn: metOn === null ? (next?.lastDay ?? null) : null,
      metOn,
      subject: `stage 2 audit after stage 1 ${stage1.auditId}`,
    };
  });
};

const responseMetOn = (nc: Nonconformity): CalendarDate | null =>
  nc.grade === 'MAJOR' ? nc.verifiedOn : (nc.planAcceptedOn ?? nc.verifiedOn);

/**
 * What it was raised as and, once escalated, when: one string for every as-of date, so an
 * escalated finding's response deadline names the (dated) escalation as of earlier days too,
 * while its state and dates as of them stay what they were.
 */
const ncSubject = (nc: Nonconformity): string =>
  nc.escalatedOn === null
    ? `${nc.grade.toLowerCase()} nonconformity ${nc.ncId}`
    : `minor nonconformity ${nc.ncId}, escalated to major on ${nc.escalatedOn}`;

/**
 * One per nonconformity. Those of a stage audit that was repeated no longer count (the repeat's
 * findings replace them): one still unanswered stays open, overdue past its due date, until the
 * repeat is completed, which ends it, unmet, on its last day (an answer from then on meets nothing).
 */
const ncResponses = (cycle: AuditCycle): Deadline[] =>
  cycle.nonconformities.map((nc) => {
    const audit = findAudit(cycle, nc.auditId);
    const metOn = responseMetOn(nc);
    const repeatedOn = audit ? repetitionLastDay(cycle, audit) : null;
    return {
      type: 'NC_RESPONSE_DUE',
      key: `NC_RESPONSE_DUE:${nc.ncId}`,
      dueDate: nc.responseDueOn,
      openedOn: nc.raisedOn,
      closesOn: repeatedOn !== null && (metOn === null || metOn >= repeatedOn) ? repeatedOn : null,
      metOn,
      subject: ncSubject(nc),
    };
  });

/** The day the last of the majors was verified; null while one is not. */
const lastVerification = (majors: Nonconformity[]): CalendarDate | null =>
  majors.reduce<CalendarDate | null>((latest, { verifiedOn }) => {
    if (latest === null || verifiedOn === null) return null;
    return verifiedOn > latest ? verifiedOn : latest;
  }, majors[0]?.verifiedOn ?? null);

/** Met on the last verification when every one of the majors is verified by the limit. */
const verificationLimit = (
  majors: Nonconformity[],
  stage2: Audit,
  dueDate: CalendarDate,
  cycle: AuditCycle,
): Pick<Deadline, 'metOn' | 'closesOn'> => {
  const lastVerified = lastVerification(majors);
  const metOn = lastVerified !== null && lastVerified <= dueDate ? lastVerified : null;
  return { metOn, closesOn: metOn === null ? repetitionLastDay(cycle, stage2) : null };
};

/**
 * One per completed stage 2 with majors raised so, met when all are verified by the limit, and one
 * per stage-2 minor escalated to major, opened on the escalation, met when it is verified by the
 * same limit: an escalation never changes what the stage's limit said before it. Missed (a major
 * still unverified after it, or verified only later), stage 2 must be repeated (domain.md §2): it
 * stays overdue until a repeated stage 2 is completed, which ends it, unmet, on its last day.
 */
const majorVerificationLimits = (cycle: AuditCycle): Deadline[] =>
  cycle.audits.flatMap((stage2): Deadline[] => {
    if (stage2.kind !== 'STAGE2' || !stage2.completion) return [];
    const dueDate = majorNcVerificationLimit(stage2.completion.lastDay, cycle);
    const majors = cycle.nonconformities.filter(
      (nc) => nc.auditId === stage2.auditId && nc.grade === 'MAJOR',
    );
    const raisedMajors = majors.filter((nc) => nc.escalatedOn === null);
    const stageLimit: Deadline[] =
      raisedMajors.length === 0
        ? []
        : [
            {
              type: 'MAJOR_NC_VERIFICATION_LIMIT',
              key: `MAJOR_NC_VERIFICATION_LIMIT:${stage2.auditId}`,
              dueDate,
              openedOn: raisedMajors.map((nc) => nc.raisedOn).reduce((a, b) => (a < b ? a : b)),
              ...verificationLimit(raisedMajors, stage2, dueDate, cycle),
              subject: `verification of the major nonconformities of stage 2 ${stage2.auditId}`,
            },
          ];
    const escalatedLimits = majors.flatMap((nc): Deadline[] =>
      nc.escalatedOn === null
        ? []
        : [
            {
              type: 'MAJOR_NC_VERIFICATION_LIMIT',
              key: `MAJOR_NC_VERIFICATION_LIMIT:${stage2.auditId}:${nc.ncId}`,
              dueDate,
              openedOn: nc.escalatedOn,
              ...verificationLimit([nc], stage2, dueDate, cycle),
              subject: `verification of ${ncSubject(nc)}, of stage 2 ${stage2.auditId}`,
            },
          ],
    );
    return [...stageLimit, ...escalatedLimits];
  });

/**
 * The day a transfer's surveillance programme becomes ours: the pre-transfer review that found the
 * certificate transferable, after the application's acceptance; null before (or without) one, so a
 * review refused leaves the previous CB's programme off our deadlines. A grant does not move it.
 */
const transferProgrammeSetOn = (cycle: AuditCycle): CalendarDate | null => {
  const { review, transferReview } = cycle;
  if (review === null || transferReview === null) return null;
  return maxDate(review.reviewedOn, transferReview.reviewedOn);
};

/**
 * Surveillance n is due once the programme has started: set by our decision (a transfer's, by its
 * recorded pre-transfer review, and still so once the transfer is granted: a later event does
 * not move the day a deadline was set); PREVIOUS_PLUS_12_MONTHS sets n = 2 when surveillance 1 ends,
 * the other rules with n = 1, so completing surveillance 1 does not move when n = 2 was opened.
 * One due after the transition end of the cycle's superseded version is not set while the cycle has
 * no completed transition audit: the certificate expires by then (domain.md §2), before it is due;
 * the transition audit's last day sets it.
 */
const surveillances = (cycle: AuditCycle): Deadline[] => {
  const decidedOn = cycleDecisionDate(cycle);
  if (decidedOn === null) return [];
  const setOn = cycle.application.transfer
    ? transferProgrammeSetOn(cycle)
    : (cycle.decision?.decidedOn ?? decidedOn);
  if (setOn === null) return [];
  const fromPreviousCb =
    cycle.application.transfer?.surveillanceProgramme.completedSurveillances ?? 0;
  const { transitionEnd } = findStandard(cycle.application.standard);
  const transitionAudited = transitionAuditLastDay(cycle);
  const openedAfterPrevious = cycle.policy.surveillanceRule === 'PREVIOUS_PLUS_12_MONTHS';
  const deadlines: Deadline[] = [];
  for (const number of [1, 2] as const) {
    if (number <= fromPreviousCb) continue;
    const previous = number === 2 ? surveillanceLastDay(cycle, 1) : null;
    const dueDate = surveillanceDueDate(cycle.policy.surveillanceRule, decidedOn, number, previous);
    if (dueDate === null) break;
    const afterTransitionEnd = transitionEnd !== null && dueDate > transitionEnd;
    if (afterTransitionEnd && transitionAudited === null) break;
    const completed = cycle.audits.find(
      (a) => a.kind === 'SURVEILLANCE' && a.surveillanceNumber === number && a.completion,
    );
    let openedOn = setOn;
    if (openedAfterPrevious && previous !== null) openedOn = maxDate(openedOn, previous);
    if (afterTransitionEnd && transitionAudited !== null) {
      openedOn = maxDate(openedOn, transitionAudited);
    }
    deadlines.push({
      type: 'SURVEILLANCE_AUDIT_DUE',
      key: `SURVEILLANCE_AUDIT_DUE:${number}`,
      dueDate,
      openedOn,
      closesOn: null,
      metOn: completed?.completion?.lastDay ?? null,
      subject: `surveillance audit ${number}`,
    });
  }
  return deadlines;
};

/** Facts recorded elsewhere (the certificate, a later cycle) that close the cycle's deadlines. */
export interface AuditCycleDeadlineFacts {
  /**
   * Withdrawal is final: whatever the certificate's cycles still have open ends that day, unmet
   * (see closedByWithdrawal).
   */
  certificateWithdrawnOn?: CalendarDate | null;
  /**
   * The day a later cycle's certification decision renewed (or restored) the certificate: this
   * cycle's surveillance programme ends then, so a surveillance audit still open closes that day
   * (overdue before it, if it was due earlier).
   */
  renewedOn?: CalendarDate | null;
  /**
   * The day the cycle's certificate, its term run out unrenewed and unrestored, can no longer be
   * restored (`lapsedForGoodOn`, recorded expiry or not): what the cycle still has open ends by
   * itself then (its surveillance programme, or a recertification never decided).
   */
  certificateLapsedOn?: CalendarDate | null;
}

/** A surveillance audit not done by the renewal (not at all, or later) ends on the renewal. */
const endedBy = (renewedOn: CalendarDate | null) => (deadline: Deadline) =>
  renewedOn !== null && (deadline.metOn === null || deadline.metOn > renewedOn)
    ? { ...deadline, closesOn: renewedOn }
    : deadline;

/**
 * A deadline still open on the day the cycle closed (certification refused) or its certificate
 * lapsed for good ends then, unmet.
 */
const endedUnmetOn = (endsOn: CalendarDate | null) => (deadline: Deadline) =>
  endsOn !== null &&
  deadline.metOn === null &&
  (deadline.closesOn === null || deadline.closesOn > endsOn)
    ? { ...deadline, closesOn: endsOn }
    : deadline;

/**
 * The audit cycle's deadlines (domain.md §4), met or open; `deadlineStateOn` gives their state as of
 * a date. A cycle whose application was rejected has none; one whose certification was refused
 * keeps those it set, and what was still open ends, unmet, on the refusal.
 */
export const auditCycleDeadlines = (
  state: AuditCycleState,
  {
    certificateWithdrawnOn = null,
    renewedOn = null,
    certificateLapsedOn = null,
  }: AuditCycleDeadlineFacts = {},
): Deadline[] => {
  if (state.status === 'NOT_STARTED' || state.status === 'APPLICATION_REJECTED') return [];
  const refusedOn = state.decision?.decision === 'REFUSED' ? state.decision.decidedOn : null;
  return [
    ...stage2Due(state),
    ...ncResponses(state),
    ...majorVerificationLimits(state),
    ...surveillances(state).map(endedBy(renewedOn)),
  ]
    .map(endedUnmetOn(refusedOn))
    .map(endedUnmetOn(certificateLapsedOn))
    .map(closedByWithdrawal(certificateWithdrawnOn));
};
