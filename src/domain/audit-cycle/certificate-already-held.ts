import type { CalendarDate } from '../calendar';
import type { HeldCertificate } from '../certificate';
import { findStandard, standardCode, type StandardReference } from '../standards';
import { CertificateAlreadyHeldError } from './application-errors';
import type { AuditCycleKind } from './audit-cycle-types';
import { NEW_CERTIFICATE_KINDS } from './open-application';

/** In force or yet to be (DRAFT, ACTIVE, SUSPENDED), or expired and still restorable on `date`. */
const standsOn = (held: HeldCertificate, date: CalendarDate): boolean =>
  held.status === 'EXPIRED'
    ? held.restorationWindowEnd !== null && date <= held.restorationWindowEnd
    : held.status !== 'WITHDRAWN';

const standing = (held: HeldCertificate): string => {
  switch (held.status) {
    case 'DRAFT':
      return 'is decided and not yet in force';
    case 'EXPIRED':
      return (
        `has expired (valid until ${held.expiryDate}) but may still be restored until ` +
        `${held.restorationWindowEnd}`
      );
    default:
      return `is ${held.status.toLowerCase()}`;
  }
};

/** What to do instead: the certificate's own lifecycle; to a newer version, its transition. */
const instead = (held: HeldCertificate, applied: StandardReference): string => {
  const successor = findStandard(held.standard).supersededBy === applied.version;
  const to = successor ? ` to ${standardCode(applied)}` : '';
  switch (held.status) {
    case 'SUSPENDED':
      return 'reinstate it, or withdraw it before applying again';
    case 'EXPIRED':
      return `restore it${to} by recertification, or apply after ${held.restorationWindowEnd}`;
    default:
      return successor
        ? `move it to ${standardCode(applied)} by a transition audit (transitionStandardVersion), ` +
            'or renew it to that version by recertification'
        : 'renew it by recertification';
  }
};

/**
 * One management system, one certificate per standard (domain.md §2): an INITIAL or TRANSFER
 * application is refused while the organisation holds a certificate to the same standard, any
 * version, that is in force or yet to be on the application date, or expired and still restorable
 * (9.6.3.2.5). A withdrawn certificate, and one past its restoration window, refuse nothing.
 */
export const requireNoCertificateHeld = (
  kind: AuditCycleKind,
  standard: StandardReference,
  submittedOn: CalendarDate,
  certificates: readonly HeldCertificate[],
): void => {
  if (!NEW_CERTIFICATE_KINDS.includes(kind)) return;
  const held = certificates.find(
    (certificate) =>
      certificate.standard.identifier === standard.identifier && standsOn(certificate, submittedOn),
  );
  if (!held) return;
  throw new CertificateAlreadyHeldError(
    `the organisation already holds certificate ${held.number} to ${standardCode(held.standard)}, ` +
      `which on ${submittedOn} ${standing(held)}: one management system gets one certificate per ` +
      `standard, so no new ${kind.toLowerCase()} application; ${instead(held, standard)}`,
  );
};
