import { DomainError } from '../../domain';

/** The sites of an application or a certificate must be current sites of the organisation. */
export class SiteNotListedError extends DomainError {
  override readonly name = 'SiteNotListedError';
  constructor(
    readonly organisationId: string,
    readonly siteIds: readonly string[],
    what: string,
  ) {
    super(
      'SITE_NOT_LISTED',
      `${what} names site ${siteIds.join(', ')}, which organisation ${organisationId} does not list ` +
        'among its current sites',
    );
  }
}
