import type { CalendarDate } from '../calendar';
import type { SuspendCertificate } from './certificate-commands';
import type { CertificateState } from './certificate-state';
import { certificateStatusOn } from './certificate-status';

export interface MissedSurveillance {
  /** The due date of the surveillance audit that was not completed. */
  surveillanceDueDate: CalendarDate;
  asOf: CalendarDate;
  /** e.g. "surveillance audit 1". */
  subject?: string;
}

/**
 * 17021-1 9.6.5 with policy `autoSuspendOnMissedSurveillance`: a surveillance overdue on `asOf`
 * (due date passed) suspends a certificate that is ACTIVE on that date.
 */
export const shouldAutoSuspend = (state: CertificateState, missed: MissedSurveillance): boolean =>
  state.status !== 'NOT_ISSUED' &&
  state.policy.autoSuspendOnMissedSurveillance &&
  missed.asOf > missed.surveillanceDueDate &&
  missed.asOf >= state.lastChangeOn &&
  certificateStatusOn(state, missed.asOf) === 'ACTIVE';

/** The suspension the reactor sends for a missed surveillance, or null when none is due. */
export const missedSurveillanceSuspension = (
  state: CertificateState,
  missed: MissedSurveillance,
  actor: string,
): SuspendCertificate | null =>
  state.status === 'NOT_ISSUED' || !shouldAutoSuspend(state, missed)
    ? null
    : {
        type: 'SuspendCertificate',
        data: {
          certificateId: state.certificateId,
          grounds: 'MISSED_SURVEILLANCE',
          details: `${missed.subject ?? 'the surveillance audit'} was due by ${missed.surveillanceDueDate}`,
          suspendedOn: missed.asOf,
          ownFault: true,
          actor,
        },
      };
