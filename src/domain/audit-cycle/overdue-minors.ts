import type { CalendarDate } from '../calendar';
import { currentNonconformities } from './audit-cycle-queries';
import type { AuditCycleState, Nonconformity } from './audit-cycle-state';

/**
 * [CB] policy `escalateOverdueMinor` (domain.md §2 Nonconformities, off by default): the minor
 * nonconformities of the cycle's current audits with no accepted plan and no verification after
 * their response due date (`asOf` later than it), which the deadline scan escalates to major. None
 * when the policy the cycle recorded at its application does not escalate.
 */
export const overdueMinorsToEscalate = (
  state: AuditCycleState,
  asOf: CalendarDate,
): Nonconformity[] =>
  state.status === 'NOT_STARTED' || !state.policy.escalateOverdueMinor
    ? []
    : currentNonconformities(state).filter(
        (nc) =>
          nc.grade === 'MINOR' &&
          nc.planAcceptedOn === null &&
          nc.verifiedOn === null &&
          asOf > nc.responseDueOn,
      );
