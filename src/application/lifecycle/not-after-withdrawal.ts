import {
  type AuditCycle,
  certificateDecider,
  certificateStreamName,
  CertificateWithdrawnError,
  isCalendarDate,
} from '../../domain';
import type { EventStore } from '../../eventstore';
import { loadAggregate } from '../load-aggregate';

/**
 * Withdrawal is final (domain.md §2): no audit of the certificate is planned or done, and no
 * finding raised, after its withdrawal date (one dated before it may still be recorded late).
 * A cycle whose certificate is not issued has nothing to check (one read of its stream); a
 * malformed date is left to the decider, which names it.
 */
export const requireNotAfterWithdrawal = async (
  store: EventStore,
  cycle: AuditCycle,
  date: unknown,
  what: string,
): Promise<void> => {
  if (!isCalendarDate(date)) return;
  const { certificateId } = cycle.application;
  const { state } = await loadAggregate(
    store,
    certificateStreamName(certificateId),
    certificateDecider,
  );
  if (state.status !== 'NOT_ISSUED' && state.withdrawal && date > state.withdrawal.withdrawnOn) {
    throw new CertificateWithdrawnError(
      state.number,
      state.withdrawal.withdrawnOn,
      `${what} on ${date}`,
    );
  }
};
