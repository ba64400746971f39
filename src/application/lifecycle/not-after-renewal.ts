import {
  type AuditCycle,
  AuditOrderError,
  certificateDecider,
  certificateStreamName,
  cycleFollowedBy,
  isCalendarDate,
} from '../../domain';
import type { EventStore } from '../../eventstore';
import { loadAggregate } from '../load-aggregate';

/**
 * A renewal or restoration begins a new audit cycle at its decision (domain.md §2), which ends
 * the programme of the cycle before it: no audit of that earlier cycle is planned or done from
 * that day on (AUDIT_ORDER), so a surveillance audit misfiled there cannot look done. A
 * malformed date is left to the decider, which names it.
 */
export const requireNotAfterRenewal = async (
  store: EventStore,
  cycle: AuditCycle,
  date: unknown,
  what: string,
): Promise<void> => {
  if (!isCalendarDate(date) || cycle.decision?.decision !== 'GRANTED') return;
  const { auditCycleId, certificateId } = cycle.application;
  const { state } = await loadAggregate(
    store,
    certificateStreamName(certificateId),
    certificateDecider,
  );
  if (state.status === 'NOT_ISSUED') return;
  const following = cycleFollowedBy(state, auditCycleId, date);
  if (!following) return;
  const beginning = following.cause === 'RESTORED' ? 'restoration' : 'renewal';
  throw new AuditOrderError(
    `audit cycle ${auditCycleId} was followed by audit cycle ${following.auditCycleId}, which ` +
      `began with the ${beginning} decided on ${following.decisionDate}: ${what} on ${date} ` +
      `belongs to that cycle`,
  );
};
