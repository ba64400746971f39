import {
  type AuditCycle,
  AuditOrderError,
  type CalendarDate,
  type CertificateState,
  cycleFollowedBy,
  isCalendarDate,
} from '../../domain';
import type { EventStore } from '../../eventstore';
import { certificateOfCycle, checkNotAfterWithdrawal } from './not-after-withdrawal';

/**
 * A renewal or restoration begins a new audit cycle at its decision (domain.md §2), which ends
 * the programme of the cycle before it: no audit of that earlier cycle is planned or done from
 * that day on (AUDIT_ORDER), so a surveillance audit misfiled there cannot look done.
 */
const checkNotAfterRenewal = (
  state: CertificateState,
  cycle: AuditCycle,
  date: CalendarDate,
  what: string,
): void => {
  if (cycle.decision?.decision !== 'GRANTED' || state.status === 'NOT_ISSUED') return;
  const { auditCycleId } = cycle.application;
  const following = cycleFollowedBy(state, auditCycleId, date);
  if (!following) return;
  const beginning = following.cause === 'RESTORED' ? 'restoration' : 'renewal';
  throw new AuditOrderError(
    `audit cycle ${auditCycleId} was followed by audit cycle ${following.auditCycleId}, which ` +
      `began with the ${beginning} decided on ${following.decisionDate}: ${what} on ${date} ` +
      `belongs to that cycle`,
  );
};

/**
 * An audit of the cycle on `date`: not after its certificate's withdrawal, nor once a renewal or
 * restoration began a later cycle (one read of the certificate's stream). A malformed date is
 * left to the decider, which names it.
 */
export const requireAuditInCycle = async (
  store: EventStore,
  cycle: AuditCycle,
  date: unknown,
  what: string,
): Promise<void> => {
  if (!isCalendarDate(date)) return;
  const state = await certificateOfCycle(store, cycle);
  checkNotAfterWithdrawal(state, date, what);
  checkNotAfterRenewal(state, cycle, date, what);
};
