import { findAudit, majorNcVerificationLimit } from './audit-cycle-queries';
import type { EscalateOverdueNonconformity } from './audit-cycle-commands';
import type { NonconformityEscalated } from './audit-cycle-events';
import { openAuditCycle } from './audit-cycle-guards';
import type { AuditCycleState } from './audit-cycle-state';
import { requireDate } from './input-validation';
import { openNonconformity } from './nonconformity-guards';
import {
  EscalationDisabledError,
  NonconformityNotOverdueError,
  NotAMinorNonconformityError,
} from './nonconformity-errors';

/** [CB] A minor whose plan was not accepted by its response due date becomes a major. */
export const escalateOverdueNonconformity = (
  { data }: EscalateOverdueNonconformity,
  state: AuditCycleState,
): NonconformityEscalated[] => {
  const cycle = openAuditCycle(state, data.auditCycleId);
  if (!cycle.policy.escalateOverdueMinor) {
    throw new EscalationDisabledError(
      `policy ${cycle.policy.profile} v${cycle.policy.version} does not escalate overdue minor nonconformities`,
    );
  }
  const nc = openNonconformity(cycle, data.ncId, 'escalate it');
  if (nc.grade !== 'MINOR') {
    throw new NotAMinorNonconformityError(`nonconformity ${nc.ncId} is already major`);
  }
  const escalatedOn = requireDate(data.escalatedOn, 'escalatedOn');
  if (nc.planAcceptedOn !== null) {
    throw new NonconformityNotOverdueError(
      `nonconformity ${nc.ncId} is answered: its plan was accepted on ${nc.planAcceptedOn} ` +
        `(response due by ${nc.responseDueOn})`,
    );
  }
  if (escalatedOn <= nc.responseDueOn) {
    throw new NonconformityNotOverdueError(
      `nonconformity ${nc.ncId} is not overdue on ${escalatedOn}: its response is due by ${nc.responseDueOn}`,
    );
  }
  const audit = findAudit(cycle, nc.auditId);
  const stage2LastDay = audit?.kind === 'STAGE2' ? audit.completion?.lastDay : undefined;
  return [
    {
      type: 'NonconformityEscalated',
      data: {
        auditCycleId: data.auditCycleId,
        ncId: nc.ncId,
        escalatedOn,
        fromGrade: 'MINOR',
        toGrade: 'MAJOR',
        responseDueOn: nc.responseDueOn,
        verificationLimitOn: stage2LastDay ? majorNcVerificationLimit(stage2LastDay, cycle) : null,
      },
    },
  ];
};
