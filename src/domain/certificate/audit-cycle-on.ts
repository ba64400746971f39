import type { CalendarDate } from '../calendar';
import type { IssuedCertificateState } from './certificate-state';

/**
 * The audit cycle the certificate was in on `date`: that of the latest revision decided on or
 * before it (a cycle begins at its decision; a scope change or transition stays in its cycle), the
 * first revision's before any was decided.
 */
export const auditCycleOn = (state: IssuedCertificateState, date: CalendarDate): string =>
  state.revisions.reduce<string | null>(
    (cycle, revision) => (revision.decisionDate <= date ? revision.auditCycleId : cycle),
    null,
  ) ??
  state.revisions[0]?.auditCycleId ??
  state.auditCycleId;
