import type { CalendarDate } from '../calendar';
import { findStandard, standardCode } from '../standards';
import type { PlanAudit } from './audit-cycle-commands';
import type { AuditPlanned } from './audit-cycle-events';
import {
  openAuditCycle,
  requireAcceptedApplication,
  requireAfterAcceptance,
  requireStage2AfterStage1,
  requireStage2WithinWindow,
  requireSurveillanceOrder,
} from './audit-cycle-guards';
import { requireVersionOpenForAudit } from './closed-standard-version';
import {
  completedSurveillance,
  currentStage2,
  findAudit,
  isSuperseded,
  latestAudit,
  stage2MustBeRepeated,
  startsAtStage2,
  surveillancesCompleted,
} from './audit-cycle-queries';
import type { AuditCycle, AuditCycleState } from './audit-cycle-state';
import type { AuditKind, AuditMode, SurveillanceNumber } from './audit-cycle-types';
import { AuditKindNotAllowedError, AuditOrderError, DuplicateAuditError } from './audit-errors';
import { InvalidAuditCycleInputError } from './application-errors';
import {
  requireDate,
  requireOneOf,
  requireOrderedDates,
  requireTeam,
  requireText,
  requireTextList,
} from './input-validation';

const AUDIT_KINDS: readonly AuditKind[] = [
  'STAGE1',
  'STAGE2',
  'SURVEILLANCE',
  'RECERTIFICATION',
  'SPECIAL',
  'TRANSITION',
];
const MODES: readonly AuditMode[] = ['ON_SITE', 'REMOTE', 'HYBRID'];

/** The certificate exists: granted in this cycle, or carried over by a transfer. */
const certificateInForce = (cycle: AuditCycle): boolean =>
  cycle.status === 'CERTIFICATION_GRANTED' || cycle.application.kind === 'TRANSFER';

const requireBeforeDecision = (cycle: AuditCycle, kind: AuditKind): void => {
  if (cycle.decision !== null) {
    throw new AuditOrderError(
      `no ${kind} audit after the certification decision of ${cycle.decision.decidedOn}`,
    );
  }
};

const requireCycleKind = (cycle: AuditCycle, kind: AuditKind): void => {
  const expected = kind === 'RECERTIFICATION' ? 'RECERTIFICATION' : 'INITIAL';
  if (cycle.application.kind !== expected) {
    throw new AuditKindNotAllowedError(
      `a ${kind} audit belongs to ${expected} cycles; audit cycle ` +
        `${cycle.application.auditCycleId} is ${cycle.application.kind === 'INITIAL' ? 'an' : 'a'} ` +
        `${cycle.application.kind} cycle`,
    );
  }
};

const requireNoneOpen = (cycle: AuditCycle, kind: AuditKind, number: SurveillanceNumber | null) => {
  const open = cycle.audits.find(
    (a) =>
      a.kind === kind &&
      a.surveillanceNumber === number &&
      a.completion === null &&
      !isSuperseded(cycle, a),
  );
  if (open) {
    throw new AuditOrderError(
      `${kind} audit ${open.auditId} is already planned (${open.plannedStart} to ${open.plannedEnd})`,
    );
  }
};

const checkStage1 = (cycle: AuditCycle, plannedStart: CalendarDate): void => {
  requireCycleKind(cycle, 'STAGE1');
  requireBeforeDecision(cycle, 'STAGE1');
  requireNoneOpen(cycle, 'STAGE1', null);
  const stage2 = currentStage2(cycle);
  if (stage2?.completion && !stage2MustBeRepeated(cycle, stage2, plannedStart)) {
    throw new AuditOrderError(
      `stage 1 cannot be repeated: stage 2 ${stage2.auditId} was completed on ${stage2.completion.lastDay}`,
    );
  }
};

/**
 * Stage 2 follows a completed stage 1 (starting after its last day and planned to end within the
 * policy window), unless the cycle starts at stage 2; a stage 2 that repeats a completed stage 2
 * follows that stage 2, not the window.
 */
const checkStage2 = (
  cycle: AuditCycle,
  plannedStart: CalendarDate,
  plannedEnd: CalendarDate,
): void => {
  requireCycleKind(cycle, 'STAGE2');
  requireBeforeDecision(cycle, 'STAGE2');
  const stage1 = latestAudit(cycle, 'STAGE1');
  if (!stage1?.completion && !startsAtStage2(cycle)) {
    throw new AuditOrderError(
      stage1
        ? `stage 2 follows stage 1: stage 1 ${stage1.auditId} (planned ${stage1.plannedStart}) is not completed`
        : 'stage 2 follows stage 1: no stage 1 audit is planned (only an application naming the ' +
            "organisation's lapsed certificate may start at stage 2)",
    );
  }
  if (stage1?.completion) {
    requireStage2AfterStage1(stage1.completion.lastDay, plannedStart, 'planned to start');
  }
  requireNoneOpen(cycle, 'STAGE2', null);
  const stage2 = currentStage2(cycle);
  if (!stage2?.completion) {
    if (stage1?.completion) {
      requireStage2WithinWindow(cycle, stage1.completion.lastDay, plannedEnd, 'planned to end');
    }
    return;
  }
  if (!stage2MustBeRepeated(cycle, stage2, plannedStart)) {
    throw new AuditOrderError(
      `stage 2 ${stage2.auditId} was completed on ${stage2.completion.lastDay}; it is repeated only ` +
        `when a major nonconformity misses its verification limit`,
    );
  }
};

const checkRecertification = (cycle: AuditCycle): void => {
  requireCycleKind(cycle, 'RECERTIFICATION');
  requireBeforeDecision(cycle, 'RECERTIFICATION');
  requireNoneOpen(cycle, 'RECERTIFICATION', null);
  const done = latestAudit(cycle, 'RECERTIFICATION')?.completion;
  if (done) {
    throw new AuditOrderError(`the recertification audit was already completed on ${done.lastDay}`);
  }
};

/**
 * Surveillance follows a granted decision (or a transfer's programme), in order, and starts as
 * planned as when held (`requireSurveillanceOrder`): from the cycle's decision date, not the
 * certificate's effective date.
 */
const checkSurveillance = (
  cycle: AuditCycle,
  number: SurveillanceNumber | undefined,
  plannedStart: CalendarDate,
) => {
  if (number !== 1 && number !== 2) {
    throw new InvalidAuditCycleInputError(
      'a surveillance audit needs surveillanceNumber 1 or 2; ' +
        (number == null ? 'none was given' : `got ${JSON.stringify(number)}`),
      'surveillanceNumber',
    );
  }
  if (!certificateInForce(cycle)) {
    throw new AuditOrderError(
      `surveillance audit ${number} comes after a granted certification decision; ` +
        `audit cycle ${cycle.application.auditCycleId} has none`,
    );
  }
  requireSurveillanceOrder(
    cycle,
    number,
    `surveillance audit ${number} planned to start`,
    plannedStart,
  );
  requireNoneOpen(cycle, 'SURVEILLANCE', number);
  const completed = surveillancesCompleted(cycle);
  if (number <= completed) {
    const own = completedSurveillance(cycle, number)?.completion?.lastDay;
    throw new AuditOrderError(
      own
        ? `surveillance audit ${number} was already completed on ${own}`
        : `surveillance audit ${number} was completed by the previous certification body`,
    );
  }
  if (number > completed + 1) {
    throw new AuditOrderError(
      `surveillance audit ${number} follows surveillance audit ${number - 1}, not yet completed`,
    );
  }
};

const checkTransition = (cycle: AuditCycle): void => {
  const { standard } = cycle.application;
  if (findStandard(standard).supersededBy === null) {
    throw new AuditKindNotAllowedError(
      `${standardCode(standard)} is not superseded: there is no transition audit for it`,
    );
  }
  if (!certificateInForce(cycle)) {
    throw new AuditOrderError(
      `a transition audit revises an existing certificate; audit cycle ` +
        `${cycle.application.auditCycleId} has no granted decision`,
    );
  }
  requireNoneOpen(cycle, 'TRANSITION', null);
  const done = latestAudit(cycle, 'TRANSITION')?.completion;
  if (done)
    throw new AuditOrderError(`the transition audit was already completed on ${done.lastDay}`);
};

export const planAudit = ({ data }: PlanAudit, state: AuditCycleState): AuditPlanned[] => {
  const cycle = openAuditCycle(state, data.auditCycleId);
  const kind = requireOneOf(data.kind, AUDIT_KINDS, 'kind');
  if (kind !== 'SURVEILLANCE' && data.surveillanceNumber != null) {
    throw new InvalidAuditCycleInputError(
      `surveillanceNumber is given only for a SURVEILLANCE audit; a ${kind} audit has none`,
      'surveillanceNumber',
    );
  }
  requireAcceptedApplication(cycle, `plan a ${kind} audit`);
  const auditId = requireText(data.auditId, 'auditId');
  const existing = findAudit(cycle, auditId);
  if (existing) {
    throw new DuplicateAuditError(
      `audit ${auditId} is already planned (${existing.kind}, from ${existing.plannedStart})`,
    );
  }
  const plannedStart = requireDate(data.plannedStart, 'plannedStart');
  const plannedEnd = requireDate(data.plannedEnd, 'plannedEnd');
  requireOrderedDates(plannedStart, plannedEnd, 'plannedStart', 'plannedEnd');
  requireAfterAcceptance(cycle, `${kind} audit planned to start`, plannedStart);
  const mode = requireOneOf(data.mode, MODES, 'mode');
  const team = requireTeam(data.leadAuditorId, data.team);
  const sites = requireTextList(data.sites, 'sites', { nonEmpty: true, ids: true });
  requireVersionOpenForAudit(cycle, kind, plannedStart);
  switch (kind) {
    case 'STAGE1':
      checkStage1(cycle, plannedStart);
      break;
    case 'STAGE2':
      checkStage2(cycle, plannedStart, plannedEnd);
      break;
    case 'RECERTIFICATION':
      checkRecertification(cycle);
      break;
    case 'SURVEILLANCE':
      checkSurveillance(cycle, data.surveillanceNumber, plannedStart);
      break;
    case 'TRANSITION':
      checkTransition(cycle);
      break;
    case 'SPECIAL':
      break;
  }
  return [
    {
      type: 'AuditPlanned',
      data: {
        auditCycleId: data.auditCycleId,
        auditId,
        kind,
        surveillanceNumber: data.surveillanceNumber ?? null,
        plannedStart,
        plannedEnd,
        mode,
        leadAuditorId: data.leadAuditorId,
        team,
        sites,
      },
    },
  ];
};
