import type { CalendarDate } from '../calendar';
import type { CertificateEvent } from './certificate-events';

/**
 * The day a certificate event's fact happened in the CB's world, not the day it was recorded: a
 * decision's date, a suspension's, reinstatement's or withdrawal's day, an expiry's first day
 * without certification.
 */
export const certificateEventDate = (event: CertificateEvent): CalendarDate => {
  switch (event.type) {
    case 'CertificateExpired':
      return event.data.expiredOn;
    case 'CertificateSuspended':
      return event.data.suspendedOn;
    case 'CertificateReinstated':
      return event.data.reinstatedOn;
    case 'CertificateWithdrawn':
      return event.data.withdrawnOn;
    default:
      return event.data.decisionDate;
  }
};
