import {
  type AuditCycle,
  certificateDecider,
  type CertificateState,
  certificateStreamName,
  CertificateWithdrawnError,
  type CalendarDate,
  isCalendarDate,
} from '../../domain';
import type { EventStore } from '../../eventstore';
import { loadAggregate } from '../load-aggregate';

/** The state of the audit cycle's certificate (NOT_ISSUED while none was issued): one read. */
export const certificateOfCycle = async (
  store: EventStore,
  cycle: AuditCycle,
): Promise<CertificateState> =>
  (
    await loadAggregate(
      store,
      certificateStreamName(cycle.application.certificateId),
      certificateDecider,
    )
  ).state;

/**
 * Withdrawal is final (domain.md §2): no audit of the certificate is planned or done, and no
 * finding raised, after its withdrawal date (one dated before it may still be recorded late).
 */
export const checkNotAfterWithdrawal = (
  state: CertificateState,
  date: CalendarDate,
  what: string,
): void => {
  if (state.status !== 'NOT_ISSUED' && state.withdrawal && date > state.withdrawal.withdrawnOn) {
    throw new CertificateWithdrawnError(
      state.number,
      state.withdrawal.withdrawnOn,
      `${what} on ${date}`,
    );
  }
};

/**
 * `checkNotAfterWithdrawal` on the cycle's certificate. A malformed date is left to the decider,
 * which names it.
 */
export const requireNotAfterWithdrawal = async (
  store: EventStore,
  cycle: AuditCycle,
  date: unknown,
  what: string,
): Promise<void> => {
  if (!isCalendarDate(date)) return;
  checkNotAfterWithdrawal(await certificateOfCycle(store, cycle), date, what);
};
