import type { Database } from 'better-sqlite3';
import type {
  AdministrativePenalty,
  CalendarDate,
  ConsultancyFacts,
  PolicyProfile,
} from '../../domain';
import {
  objectRows,
  type Page,
  type PageInput,
  pageKey,
  pageSize,
  perDatabase,
  ReadCache,
  toPage,
} from '../support';
import { foldedName } from './folded-name';

export interface OrganisationSiteView {
  siteId: string;
  name: string;
  address: string;
  country: string;
  addedOn: CalendarDate;
  removedOn: CalendarDate | null;
}

export interface OrganisationView {
  organisationId: string;
  legalName: string;
  registrationNumber: string | null;
  country: string;
  address: string;
  registeredOn: CalendarDate;
  policyProfile: PolicyProfile;
  readiness: {
    managementSystemOperatingSince: CalendarDate | null;
    lastInternalAuditCompletedOn: CalendarDate | null;
    lastManagementReviewCompletedOn: CalendarDate | null;
    administrativePenalties: AdministrativePenalty[];
    consultancy: ConsultancyFacts | null;
  };
  /** Stream version: the `expectedVersion` of the next command. */
  version: number;
}

interface OrganisationRow {
  organisation_id: string;
  legal_name: string;
  sort_name: string;
  registration_number: string | null;
  country: string;
  address: string;
  registered_on: string;
  policy_profile: string;
  management_system_operating_since: string | null;
  last_internal_audit_completed_on: string | null;
  last_management_review_completed_on: string | null;
  administrative_penalties: string;
  consultancy: string | null;
  version: number;
}

interface SiteRow {
  site_id: string;
  name: string;
  address: string;
  country: string;
  added_on: string;
  removed_on: string | null;
}

const COLUMNS = `organisation_id, legal_name, sort_name, registration_number, country, address,
  registered_on, policy_profile, management_system_operating_since,
  last_internal_audit_completed_on, last_management_review_completed_on,
  administrative_penalties, consultancy, version`;

/** Organisations kept between requests: the ones dashboards link to. */
const ORGANISATIONS_KEPT = 500;

const statements = perDatabase((db: Database) => ({
  byId: objectRows(
    db.prepare<[string], OrganisationRow>(
      `SELECT ${COLUMNS} FROM rm_organisations WHERE organisation_id = ?`,
    ),
  ),
  byIds: objectRows(
    db.prepare<[string], OrganisationRow>(
      `SELECT ${COLUMNS} FROM rm_organisations
     WHERE organisation_id IN (SELECT value FROM json_each(?))`,
    ),
  ),
  sitesOfMany: objectRows(
    db.prepare<[string], SiteRow & { organisation_id: string }>(
      `SELECT organisation_id, site_id, name, address, country, added_on, removed_on
     FROM rm_organisation_sites WHERE organisation_id IN (SELECT value FROM json_each(?))
     ORDER BY organisation_id, removed_on IS NOT NULL, added_on, site_id`,
    ),
  ),
  search: objectRows(
    db.prepare<
      { term: string; afterName: string | null; afterId: string | null; limit: number },
      OrganisationRow
    >(
      `SELECT ${COLUMNS} FROM rm_organisations
     WHERE (:term = '' OR instr(search_text, :term) > 0)
       AND (:afterName IS NULL OR (sort_name, organisation_id) > (:afterName, :afterId))
     ORDER BY sort_name, organisation_id LIMIT :limit`,
    ),
  ),
  /** Organisations read by id since the read models last changed. */
  byIdKept: new ReadCache<string, OrganisationView>(db, ORGANISATIONS_KEPT),
}));

const toSite = (site: SiteRow): OrganisationSiteView => ({
  siteId: site.site_id,
  name: site.name,
  address: site.address,
  country: site.country,
  addedOn: site.added_on as CalendarDate,
  removedOn: site.removed_on as CalendarDate | null,
});

const toView = (row: OrganisationRow): OrganisationView => ({
  organisationId: row.organisation_id,
  legalName: row.legal_name,
  registrationNumber: row.registration_number,
  country: row.country,
  address: row.address,
  registeredOn: row.registered_on as CalendarDate,
  policyProfile: row.policy_profile as PolicyProfile,
  readiness: {
    managementSystemOperatingSince: row.management_system_operating_since as CalendarDate | null,
    lastInternalAuditCompletedOn: row.last_internal_audit_completed_on as CalendarDate | null,
    lastManagementReviewCompletedOn: row.last_management_review_completed_on as CalendarDate | null,
    administrativePenalties: JSON.parse(row.administrative_penalties) as AdministrativePenalty[],
    consultancy:
      row.consultancy === null ? null : (JSON.parse(row.consultancy) as ConsultancyFacts),
  },
  version: row.version,
});

export const findOrganisation = (db: Database, organisationId: string): OrganisationView | null => {
  const row = statements(db).byId.get(organisationId);
  return row ? toView(row) : null;
};

/** The organisations among `organisationIds`, by id, in one query; unknown ids are absent. */
export const findOrganisations = (
  db: Database,
  organisationIds: readonly string[],
): ReadonlyMap<string, OrganisationView> =>
  statements(db).byIdKept.getMany(
    organisationIds,
    (missing) =>
      new Map(
        statements(db)
          .byIds.all(JSON.stringify(missing))
          .map((row) => [row.organisation_id, toView(row)]),
      ),
  );

/**
 * The sites of each organisation among `organisationIds`, in one query: current sites first (in
 * the order added), then removed ones.
 */
export const sitesOfOrganisations = (
  db: Database,
  organisationIds: readonly string[],
): Map<string, OrganisationSiteView[]> => {
  const sites = new Map<string, OrganisationSiteView[]>(organisationIds.map((id) => [id, []]));
  const ids = JSON.stringify([...new Set(organisationIds)]);
  for (const site of statements(db).sitesOfMany.all(ids)) {
    sites.get(site.organisation_id)?.push(toSite(site));
  }
  return sites;
};

/**
 * Organisations whose legal name or registration number contains `search` (ignoring case and
 * accents; empty: all), ordered by name. Key: [folded name, organisation id].
 */
export const searchOrganisations = (
  db: Database,
  search: string,
  page: PageInput = {},
): Page<OrganisationView> => {
  const size = pageSize(page.first);
  const after = pageKey(page.after, ['string', 'string']);
  const rows = statements(db).search.all({
    term: foldedName(search.trim()),
    afterName: (after?.[0] as string | undefined) ?? null,
    afterId: (after?.[1] as string | undefined) ?? null,
    limit: size + 1,
  });
  return toPage(rows, size, (row) => [row.sort_name, row.organisation_id], toView);
};
