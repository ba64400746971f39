import { addMonths, type CalendarDate, minDate } from '../calendar';
import { findStandard, lastAuditDay } from '../standards';
import type { Audit, AuditCycle, Nonconformity } from './audit-cycle-state';
import type { AuditKind, SurveillanceNumber } from './audit-cycle-types';

const lastOf = <T>(items: readonly T[]): T | undefined => items[items.length - 1];

export const latestAudit = (cycle: AuditCycle, kind: AuditKind): Audit | undefined =>
  lastOf(cycle.audits.filter((a) => a.kind === kind));

export const findAudit = (cycle: AuditCycle, auditId: string): Audit | undefined =>
  cycle.audits.find((a) => a.auditId === auditId);

/**
 * A stage audit replaced by a repetition: a stage 1 or stage 2 planned before the latest stage 1,
 * or a stage 2 planned before the latest stage 2. Its findings no longer count.
 */
export const isSuperseded = (cycle: AuditCycle, audit: Audit): boolean => {
  if (audit.kind !== 'STAGE1' && audit.kind !== 'STAGE2') return false;
  const index = cycle.audits.indexOf(audit);
  return cycle.audits.some(
    (later, laterIndex) =>
      laterIndex > index && (later.kind === 'STAGE1' || later.kind === audit.kind),
  );
};

/** The stage 2 that follows the latest stage 1, if any. */
export const currentStage2 = (cycle: AuditCycle): Audit | undefined => {
  const stage2 = latestAudit(cycle, 'STAGE2');
  return stage2 && !isSuperseded(cycle, stage2) ? stage2 : undefined;
};

/**
 * A new certification from stage 2 (domain.md 9.6.3): the application names the organisation's
 * lapsed certificate and no stage 1 was planned.
 */
export const startsAtStage2 = (cycle: AuditCycle): boolean =>
  Boolean(cycle.application.lapsedCertificate) && latestAudit(cycle, 'STAGE1') === undefined;

export const stage2DueDate = (stage1LastDay: CalendarDate, cycle: AuditCycle): CalendarDate =>
  addMonths(stage1LastDay, cycle.policy.stage2WindowMonths);

/**
 * The day stage 2 is due by (`STAGE2_DUE`): the policy window after stage 1's last day, or the last
 * day audits may be made to the cycle's superseded version when that comes first, since no stage 2
 * to that version starts after it.
 */
export const stage2DueBy = (stage1LastDay: CalendarDate, cycle: AuditCycle): CalendarDate => {
  const window = stage2DueDate(stage1LastDay, cycle);
  const lastDay = lastAuditDay(findStandard(cycle.application.standard));
  return lastDay === null ? window : minDate(window, lastDay);
};

/**
 * The last day of the cycle's completed transition audit (there is at most one), else null. Until
 * then a certificate of a cycle to a superseded version is valid until its transition end at the
 * latest (domain.md §2 Standard versions); from then on it may move to the new version and keep its
 * own expiry.
 */
export const transitionAuditLastDay = (cycle: AuditCycle): CalendarDate | null =>
  cycle.audits.find((audit) => audit.kind === 'TRANSITION' && audit.completion !== null)?.completion
    ?.lastDay ?? null;

export const majorNcVerificationLimit = (
  stage2LastDay: CalendarDate,
  cycle: AuditCycle,
): CalendarDate => addMonths(stage2LastDay, cycle.policy.majorNcVerificationMonths);

/** Nonconformities that still count: those of superseded stage audits do not. */
export const currentNonconformities = (cycle: AuditCycle): Nonconformity[] =>
  cycle.nonconformities.filter((nc) => {
    const audit = findAudit(cycle, nc.auditId);
    return audit !== undefined && !isSuperseded(cycle, audit);
  });

/** A stage-2 major not verified by its limit, as of `asOf`. */
export const majorMissingVerificationLimit = (
  nc: Nonconformity,
  asOf: CalendarDate,
): nc is Nonconformity & { verificationLimitOn: CalendarDate } =>
  nc.grade === 'MAJOR' &&
  nc.verificationLimitOn !== null &&
  (nc.verifiedOn === null ? asOf > nc.verificationLimitOn : nc.verifiedOn > nc.verificationLimitOn);

/** A completed stage 2 is repeated only when one of its majors missed the verification limit. */
export const stage2MustBeRepeated = (
  cycle: AuditCycle,
  stage2: Audit,
  asOf: CalendarDate,
): boolean =>
  cycle.nonconformities.some(
    (nc) => nc.auditId === stage2.auditId && majorMissingVerificationLimit(nc, asOf),
  );

/**
 * The last day of the stage audit that repeated this one: the first of its kind completed after it
 * (null: not a stage audit, or no repetition completed yet).
 */
export const repetitionLastDay = (cycle: AuditCycle, audit: Audit): CalendarDate | null =>
  audit.kind === 'STAGE1' || audit.kind === 'STAGE2'
    ? (cycle.audits
        .slice(cycle.audits.indexOf(audit) + 1)
        .find((later) => later.kind === audit.kind && later.completion !== null)?.completion
        ?.lastDay ?? null)
    : null;

type CompletedAudit = Audit & { completion: NonNullable<Audit['completion']> };

/** The completed stage 2 a stage audit repeats: the latest one planned before it, if any. */
export const repeatedStage2 = (cycle: AuditCycle, audit: Audit): CompletedAudit | undefined =>
  lastOf(
    cycle.audits
      .slice(0, cycle.audits.indexOf(audit))
      .filter((a): a is CompletedAudit => a.kind === 'STAGE2' && a.completion !== null),
  );

export const completedSurveillance = (
  cycle: AuditCycle,
  number: SurveillanceNumber,
): Audit | undefined =>
  cycle.audits.find(
    (a) => a.kind === 'SURVEILLANCE' && a.surveillanceNumber === number && a.completion !== null,
  );

/** Surveillances completed so far in the cycle's programme (TRANSFER: the previous CB's count too). */
export const surveillancesCompleted = (cycle: AuditCycle): number =>
  (cycle.application.transfer?.surveillanceProgramme.completedSurveillances ?? 0) +
  cycle.audits.filter((a) => a.kind === 'SURVEILLANCE' && a.completion !== null).length;

/** Last day of surveillance `number` of the programme, wherever it was done. */
export const surveillanceLastDay = (
  cycle: AuditCycle,
  number: SurveillanceNumber,
): CalendarDate | null => {
  const own = completedSurveillance(cycle, number)?.completion?.lastDay;
  if (own) return own;
  const programme = cycle.application.transfer?.surveillanceProgramme;
  return programme && programme.completedSurveillances === number
    ? programme.lastSurveillanceLastDay
    : null;
};

/** The date the surveillance programme counts from, once known. */
export const cycleDecisionDate = (cycle: AuditCycle): CalendarDate | null =>
  cycle.decision?.cycleDecisionDate ??
  (cycle.application.transfer && cycle.status !== 'APPLICATION_SUBMITTED'
    ? cycle.application.transfer.previousCycleDecisionDate
    : null);
