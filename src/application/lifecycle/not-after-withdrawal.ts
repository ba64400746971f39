import {
  type AuditCycle,
  certificateStreamName,
  CertificateWithdrawnError,
  isCalendarDate,
} from '../../domain';
import type { EventStore } from '../../eventstore';
import { loadCertificate, streamExists } from './load-existing';

/**
 * Withdrawal is final (domain.md §2): no audit of the certificate is planned or done, and no
 * finding raised, after its withdrawal date (one dated before it may still be recorded late).
 * A cycle whose certificate is not issued has nothing to check; a malformed date is left to the
 * decider, which names it.
 */
export const requireNotAfterWithdrawal = async (
  store: EventStore,
  cycle: AuditCycle,
  date: unknown,
  what: string,
): Promise<void> => {
  const { certificateId } = cycle.application;
  if (!isCalendarDate(date) || !(await streamExists(store, certificateStreamName(certificateId))))
    return;
  const { number, withdrawal } = await loadCertificate(store, certificateId);
  if (withdrawal && date > withdrawal.withdrawnOn) {
    throw new CertificateWithdrawnError(number, withdrawal.withdrawnOn, `${what} on ${date}`);
  }
};
