import { type CalendarDate, DomainError } from '../../domain';

/** A site that a certificate in force lists stays until the certificate's scope leaves it out. */
export class SiteOnCertificateError extends DomainError {
  override readonly name = 'SiteOnCertificateError';
  constructor(siteId: string, certificateNumber: string, status: string, on: CalendarDate) {
    super(
      'SITE_ON_CERTIFICATE',
      `site ${siteId} is on certificate ${certificateNumber} (${status} on ${on}): ` +
        (status === 'DRAFT'
          ? 'once the certificate has taken effect, reduce its scope to leave the site out'
          : "reduce the certificate's scope to leave the site out, effective by the removal"),
    );
  }
}
