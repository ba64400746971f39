import type { CertificateSite, CurrentSite, RegisteredOrganisation } from '../../domain';
import { SiteNotListedError } from './site-not-listed-error';

export interface SiteScope {
  siteId: string;
  /** The scope printed for this site; defaults to the certificate's scope text. */
  scope?: string;
}

/** The organisation's current sites with the given ids, or SiteNotListedError naming the missing ones. */
export const requireListedSites = (
  organisation: RegisteredOrganisation,
  siteIds: readonly string[],
  what: string,
): CurrentSite[] => {
  const found = siteIds.map((id) => organisation.sites.find((s) => s.siteId === id));
  const missing = siteIds.filter((_id, index) => found[index] === undefined);
  if (missing.length > 0) throw new SiteNotListedError(organisation.organisationId, missing, what);
  return found.filter((site): site is CurrentSite => site !== undefined);
};

/** Sites as printed on the certificate: name and address from the organisation, each with its scope. */
export const certificateSites = (
  organisation: RegisteredOrganisation,
  sites: readonly SiteScope[],
  scopeText: string,
  what: string,
): CertificateSite[] => {
  const listed = requireListedSites(
    organisation,
    sites.map((s) => s.siteId),
    what,
  );
  return listed.map((site, index) => ({
    siteId: site.siteId,
    name: site.name,
    address: site.address,
    scope: sites[index]?.scope ?? scopeText,
  }));
};

/** The organisation's location as printed on the certificate. */
export const organisationLocation = (organisation: RegisteredOrganisation): string =>
  `${organisation.address}, ${organisation.country}`;
