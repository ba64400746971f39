import type { CalendarDate } from '../calendar';
import type { CompleteAudit } from './audit-cycle-commands';
import type { AuditCompleted } from './audit-cycle-events';
import {
  openAuditCycle,
  requireAfterAcceptance,
  requireStage2AfterStage1,
  requireStage2WithinWindow,
  requireSurveillanceOrder,
} from './audit-cycle-guards';
import {
  cycleDecisionDate,
  findAudit,
  isSuperseded,
  latestAudit,
  majorNcVerificationLimit,
  repeatedStage2,
  stage2DueBy,
  stage2MustBeRepeated,
  startsAtStage2,
} from './audit-cycle-queries';
import type { Audit, AuditCycle, AuditCycleState } from './audit-cycle-state';
import type { SurveillanceDue } from './audit-cycle-types';
import { AuditAlreadyCompletedError, AuditNotFoundError, AuditOrderError } from './audit-errors';
import {
  requireDate,
  requireOrderedDates,
  requireTeam,
  requireText,
  requireTextList,
} from './input-validation';
import { surveillanceDueDate } from './surveillance-due-date';
import { requireVersionOpenForAudit } from './closed-standard-version';

/**
 * A stage audit planned after a completed stage 2 repeats it: it is done after that stage 2, and
 * only once one of its majors has missed the verification limit (planning it as of a later start
 * does not make it so), else the unverified major would be dropped with the stage 2 it repeats.
 */
const checkRepetition = (cycle: AuditCycle, audit: Audit, firstDay: CalendarDate): void => {
  const repeated = repeatedStage2(cycle, audit);
  if (!repeated) return;
  if (firstDay <= repeated.completion.lastDay) {
    throw new AuditOrderError(
      `${audit.kind} audit ${audit.auditId} starting on ${firstDay} must follow stage 2 ` +
        `${repeated.auditId}, whose last day was ${repeated.completion.lastDay}`,
    );
  }
  if (!stage2MustBeRepeated(cycle, repeated, firstDay)) {
    throw new AuditOrderError(
      `stage 2 ${repeated.auditId} is repeated only when a major nonconformity misses its ` +
        `verification limit, and none has by ${firstDay}`,
    );
  }
};

/**
 * [CB] Stage 2 ends within the policy window after stage 1's last day, or stage 1 is repeated;
 * a cycle that starts at stage 2 has neither, and a stage 2 that repeats a stage 2 (after its
 * major missed the verification limit) follows that stage 2, not the window.
 */
const checkStage2 = (
  cycle: AuditCycle,
  audit: Audit,
  firstDay: CalendarDate,
  lastDay: CalendarDate,
): void => {
  if (startsAtStage2(cycle)) return;
  const stage1 = latestAudit(cycle, 'STAGE1');
  if (!stage1?.completion) throw new AuditOrderError('stage 2 follows a completed stage 1');
  requireStage2AfterStage1(stage1.completion.lastDay, firstDay, 'starting');
  const repeated = repeatedStage2(cycle, audit);
  if (repeated && cycle.audits.indexOf(repeated) > cycle.audits.indexOf(stage1)) return;
  requireStage2WithinWindow(cycle, stage1.completion.lastDay, lastDay, 'ending');
};

const nextSurveillance = (
  cycle: AuditCycle,
  audit: Audit,
  lastDay: CalendarDate,
): SurveillanceDue | null => {
  const decidedOn = cycleDecisionDate(cycle);
  if (audit.surveillanceNumber !== 1 || decidedOn === null) return null;
  const dueOn = surveillanceDueDate(cycle.policy.surveillanceRule, decidedOn, 2, lastDay);
  return dueOn === null ? null : { number: 2, dueOn };
};

export const completeAudit = (
  { data }: CompleteAudit,
  state: AuditCycleState,
): AuditCompleted[] => {
  const cycle = openAuditCycle(state, data.auditCycleId);
  const audit = findAudit(cycle, requireText(data.auditId, 'auditId'));
  if (!audit) throw new AuditNotFoundError(`audit ${data.auditId} is not planned in this cycle`);
  if (audit.completion) {
    throw new AuditAlreadyCompletedError(
      `audit ${audit.auditId} was already completed on ${audit.completion.lastDay}`,
    );
  }
  if (isSuperseded(cycle, audit)) {
    throw new AuditOrderError(
      `${audit.kind} audit ${audit.auditId} was replaced by a repeated stage audit and cannot be completed`,
    );
  }
  const firstDay = requireDate(data.firstDay, 'firstDay');
  const lastDay = requireDate(data.lastDay, 'lastDay');
  requireOrderedDates(firstDay, lastDay, 'firstDay', 'lastDay');
  requireAfterAcceptance(cycle, `${audit.kind} audit ${audit.auditId} starting`, firstDay);
  const team = requireTeam(data.leadAuditorId, data.team);
  const sites = requireTextList(data.sites, 'sites', { nonEmpty: true, ids: true });
  requireVersionOpenForAudit(cycle, audit.kind, firstDay);
  if (audit.kind === 'STAGE1' || audit.kind === 'STAGE2') checkRepetition(cycle, audit, firstDay);
  if (audit.kind === 'STAGE2') checkStage2(cycle, audit, firstDay, lastDay);
  if (audit.kind === 'SURVEILLANCE') {
    const number = audit.surveillanceNumber;
    requireSurveillanceOrder(cycle, number, `surveillance audit ${number} starting`, firstDay);
  }
  return [
    {
      type: 'AuditCompleted',
      data: {
        auditCycleId: data.auditCycleId,
        auditId: audit.auditId,
        kind: audit.kind,
        surveillanceNumber: audit.surveillanceNumber,
        firstDay,
        lastDay,
        leadAuditorId: data.leadAuditorId,
        team,
        sites,
        stage2DueOn: audit.kind === 'STAGE1' ? stage2DueBy(lastDay, cycle) : null,
        majorNcVerificationLimitOn:
          audit.kind === 'STAGE2' ? majorNcVerificationLimit(lastDay, cycle) : null,
        nextSurveillance:
          audit.kind === 'SURVEILLANCE' ? nextSurveillance(cycle, audit, lastDay) : null,
      },
    },
  ];
};
