import type { CalendarDate } from '../calendar';
import type { StandardReference } from '../standards';
import { ApplicationAlreadyOpenError } from './application-errors';
import type { AuditCycleState } from './audit-cycle-state';
import type { AuditCycleKind } from './audit-cycle-types';

/** An application still open: submitted or accepted, neither rejected nor decided. */
export interface OpenApplication {
  auditCycleId: string;
  kind: AuditCycleKind;
  standard: StandardReference;
  submittedOn: CalendarDate;
}

/** The kinds of application that lead to a new certificate of the organisation. */
export const NEW_CERTIFICATE_KINDS: readonly AuditCycleKind[] = ['INITIAL', 'TRANSFER'];

/** The cycle's application while it is open, else null. */
export const openApplicationOf = (state: AuditCycleState): OpenApplication | null => {
  if (state.status !== 'APPLICATION_SUBMITTED' && state.status !== 'APPLICATION_ACCEPTED') {
    return null;
  }
  const { auditCycleId, kind, standard, submittedOn } = state.application;
  return { auditCycleId, kind, standard, submittedOn };
};

/**
 * One management system, one certificate per standard: an INITIAL or TRANSFER application is
 * refused while another of the organisation for the same standard (any version) is open.
 */
export const requireNoOpenApplication = (
  kind: AuditCycleKind,
  standard: StandardReference,
  openApplications: readonly OpenApplication[],
): void => {
  if (!NEW_CERTIFICATE_KINDS.includes(kind)) return;
  const open = openApplications.find(
    (application) =>
      NEW_CERTIFICATE_KINDS.includes(application.kind) &&
      application.standard.identifier === standard.identifier,
  );
  if (open) throw new ApplicationAlreadyOpenError(open);
};
