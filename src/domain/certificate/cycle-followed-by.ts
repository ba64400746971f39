import type { CalendarDate } from '../calendar';
import type { CertificateRevision, IssuedCertificateState } from './certificate-state';

/**
 * The first revision of a later audit cycle (a renewal or restoration began it) decided on or
 * before `date`, once the certificate was in audit cycle `auditCycleId`: from that decision on,
 * the earlier cycle's programme is over (domain.md §2: the new cycle begins at the decision).
 * Null when none followed by then, or when the cycle never issued a revision of this certificate.
 */
export const cycleFollowedBy = (
  state: IssuedCertificateState,
  auditCycleId: string,
  date: CalendarDate,
): CertificateRevision | null => {
  const first = state.revisions.findIndex((r) => r.auditCycleId === auditCycleId);
  if (first < 0) return null;
  return (
    state.revisions
      .slice(first)
      .find((r) => r.auditCycleId !== auditCycleId && r.decisionDate <= date) ?? null
  );
};
