import type { CalendarDate } from '../calendar';
import { restorationWindowEnd } from '../policy';
import type { CertificateState } from './certificate-state';
import { suspensionAtLapse } from './restorability';

/**
 * What an application needs to know of a certificate the organisation held before, to start a new
 * certification at stage 2 (domain.md 9.6.3: after the restoration window, at least a new stage 2).
 */
export interface FormerCertificate {
  certificateId: string;
  organisationId: string;
  number: string;
  standardIdentifier: string;
  expiryDate: CalendarDate;
  withdrawnOn: CalendarDate | null;
  /**
   * The last day a restoration could be decided; null: none could (its policy allows none, or it
   * was suspended when it expired).
   */
  restorationWindowEnd: CalendarDate | null;
}

/** The facts of an issued certificate; null before it is issued. */
export const formerCertificateOf = (state: CertificateState): FormerCertificate | null => {
  if (state.status === 'NOT_ISSUED') return null;
  return {
    certificateId: state.certificateId,
    organisationId: state.organisationId,
    number: state.number,
    standardIdentifier: state.standard.identifier,
    expiryDate: state.expiryDate,
    withdrawnOn: state.withdrawal?.withdrawnOn ?? null,
    restorationWindowEnd: suspensionAtLapse(state, state.expiryDate)
      ? null
      : restorationWindowEnd(state.expiryDate, state.policy),
  };
};
