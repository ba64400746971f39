import { addDays } from '../calendar';
import type { RaiseNonconformity } from './audit-cycle-commands';
import type { NonconformityRaised } from './audit-cycle-events';
import { openAuditCycle } from './audit-cycle-guards';
import { findAudit, isSuperseded, majorNcVerificationLimit } from './audit-cycle-queries';
import type { AuditCycleState } from './audit-cycle-state';
import type { NonconformityGrade } from './audit-cycle-types';
import { AuditNotCompletedError, AuditNotFoundError, AuditOrderError } from './audit-errors';
import { requireDate, requireOneOf, requireText } from './input-validation';
import { DuplicateNonconformityError } from './nonconformity-errors';

const GRADES: readonly NonconformityGrade[] = ['MAJOR', 'MINOR'];
const DECISIVE_KINDS = ['STAGE1', 'STAGE2', 'RECERTIFICATION'];

export const raiseNonconformity = (
  { data }: RaiseNonconformity,
  state: AuditCycleState,
): NonconformityRaised[] => {
  const cycle = openAuditCycle(state, data.auditCycleId);
  const ncId = requireText(data.ncId, 'ncId');
  const existing = cycle.nonconformities.find((nc) => nc.ncId === ncId);
  if (existing) {
    throw new DuplicateNonconformityError(
      `nonconformity ${ncId} was already raised on ${existing.raisedOn} (audit ${existing.auditId})`,
    );
  }
  const audit = findAudit(cycle, requireText(data.auditId, 'auditId'));
  if (!audit) throw new AuditNotFoundError(`audit ${data.auditId} is not planned in this cycle`);
  if (!audit.completion) {
    throw new AuditNotCompletedError(
      `nonconformities are raised on a completed audit; audit ${audit.auditId} ` +
        `(planned ${audit.plannedStart} to ${audit.plannedEnd}) is not completed`,
    );
  }
  if (isSuperseded(cycle, audit)) {
    throw new AuditOrderError(`${audit.kind} audit ${audit.auditId} was replaced by a repetition`);
  }
  if (cycle.decision !== null && DECISIVE_KINDS.includes(audit.kind)) {
    throw new AuditOrderError(
      `no new finding on ${audit.kind} audit ${audit.auditId} after the certification decision ` +
        `of ${cycle.decision.decidedOn}`,
    );
  }
  const raisedOn = requireDate(data.raisedOn, 'raisedOn');
  if (raisedOn < audit.completion.firstDay) {
    throw new AuditOrderError(
      `a nonconformity raised on ${raisedOn}, before audit ${audit.auditId} began on ` +
        `${audit.completion.firstDay}`,
    );
  }
  const { lastDay } = audit.completion;
  const responseDueOn = addDays(lastDay, cycle.policy.ncResponseDays);
  if (raisedOn > responseDueOn) {
    throw new AuditOrderError(
      `a nonconformity raised on ${raisedOn}, after the response it is due by ` +
        `(${responseDueOn}, ${cycle.policy.ncResponseDays} days after audit ${audit.auditId} ended ` +
        `on ${lastDay}): findings are reported with their audit`,
    );
  }
  const grade = requireOneOf(data.grade, GRADES, 'grade');
  return [
    {
      type: 'NonconformityRaised',
      data: {
        auditCycleId: data.auditCycleId,
        ncId,
        auditId: audit.auditId,
        auditKind: audit.kind,
        grade,
        clause: requireText(data.clause, 'clause'),
        description: requireText(data.description, 'description'),
        raisedOn,
        raisedBy: requireText(data.raisedBy, 'raisedBy'),
        responseDueOn,
        verificationLimitOn:
          grade === 'MAJOR' && audit.kind === 'STAGE2'
            ? majorNcVerificationLimit(lastDay, cycle)
            : null,
      },
    },
  ];
};
