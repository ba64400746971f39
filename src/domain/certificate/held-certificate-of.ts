import type { CalendarDate } from '../calendar';
import type { StandardReference } from '../standards';
import type { CertificateState } from './certificate-state';
import { type CertificateStatus, certificateStatusOn, latestRevision } from './certificate-status';
import { formerCertificateOf } from './former-certificate-of';

/** What an application for a new certificate needs to know of one the organisation holds. */
export interface HeldCertificate {
  certificateId: string;
  number: string;
  /** The standard and version of its latest revision that takes effect. */
  standard: StandardReference;
  /** Its status on the application date. */
  status: CertificateStatus;
  expiryDate: CalendarDate;
  /** The last day a restoration could be decided; null: none could. */
  restorationWindowEnd: CalendarDate | null;
}

/** The certificate as it stands on `date` (the application's); null before it is issued. */
export const heldCertificateOf = (
  state: CertificateState,
  date: CalendarDate,
): HeldCertificate | null => {
  if (state.status === 'NOT_ISSUED') return null;
  return {
    certificateId: state.certificateId,
    number: state.number,
    standard: latestRevision(state).standard,
    status: certificateStatusOn(state, date),
    expiryDate: state.expiryDate,
    restorationWindowEnd: formerCertificateOf(state)?.restorationWindowEnd ?? null,
  };
};
