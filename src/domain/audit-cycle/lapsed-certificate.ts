import type { CalendarDate } from '../calendar';
import type { FormerCertificate } from '../certificate';
import { InvalidAuditCycleInputError, FormerCertificateNotLapsedError } from './application-errors';
import type { AuditCycleKind, LapsedCertificate } from './audit-cycle-types';

interface Applicant {
  kind: AuditCycleKind;
  organisationId: string;
  standardIdentifier: string;
  submittedOn: CalendarDate;
}

/**
 * domain.md 9.6.3: after the restoration window "at least a new stage 2 is needed", so an INITIAL
 * application naming the organisation's lapsed certificate may skip stage 1. The certificate must
 * be the organisation's, to the same standard, expired (not withdrawn) and past its restoration
 * window by the application date: within the window the certificate is restored instead.
 */
export const lapsedCertificateOf = (
  former: FormerCertificate | null | undefined,
  { kind, organisationId, standardIdentifier, submittedOn }: Applicant,
): LapsedCertificate | null => {
  if (!former) return null;
  const { number } = former;
  if (kind !== 'INITIAL') {
    throw new InvalidAuditCycleInputError(
      `only an INITIAL application names a former certificate, not a ${kind} one`,
      'formerCertificateId',
    );
  }
  const refuse = (reason: string) =>
    new FormerCertificateNotLapsedError(
      `certificate ${number} does not let this certification start at stage 2: ${reason}`,
    );
  if (former.organisationId !== organisationId) {
    throw refuse(`it is organisation ${former.organisationId}'s, not ${organisationId}'s`);
  }
  if (former.standardIdentifier !== standardIdentifier) {
    throw refuse(`it certifies ${former.standardIdentifier}, not ${standardIdentifier}`);
  }
  if (former.withdrawnOn !== null) {
    throw refuse(
      `it was withdrawn on ${former.withdrawnOn}; a new certification starts at stage 1`,
    );
  }
  if (submittedOn <= former.expiryDate) {
    throw refuse(`it is valid until ${former.expiryDate}; renew it by recertification instead`);
  }
  const windowEnd = former.restorationWindowEnd;
  if (windowEnd !== null && submittedOn <= windowEnd) {
    throw refuse(
      `it may still be restored until ${windowEnd} (17021-1 9.6.3.2.5); a new certification ` +
        'from stage 2 comes after that window',
    );
  }
  return {
    certificateId: former.certificateId,
    number,
    expiryDate: former.expiryDate,
    restorationWindowEnd: windowEnd,
  };
};
