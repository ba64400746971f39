import type { Database } from 'better-sqlite3';
import type {
  AdministrativePenalty,
  CalendarDate,
  ConsultancyFacts,
  PolicyProfile,
} from '../../domain';
import { type Page, type PageInput, pageKey, pageSize, perDatabase, toPage } from '../support';

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
  /** Current sites first (in the order added), then removed ones. */
  sites: OrganisationSiteView[];
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

const statements = perDatabase((db: Database) => ({
  byId: db.prepare<[string], OrganisationRow>(
    `SELECT ${COLUMNS} FROM rm_organisations WHERE organisation_id = ?`,
  ),
  sites: db.prepare<[string], SiteRow>(
    `SELECT site_id, name, address, country, added_on, removed_on FROM rm_organisation_sites
     WHERE organisation_id = ? ORDER BY removed_on IS NOT NULL, added_on, site_id`,
  ),
  search: db.prepare<
    { term: string; afterName: string | null; afterId: string | null; limit: number },
    OrganisationRow
  >(
    `SELECT ${COLUMNS} FROM rm_organisations
     WHERE (:term = '' OR instr(search_text, :term) > 0)
       AND (:afterName IS NULL OR (sort_name, organisation_id) > (:afterName, :afterId))
     ORDER BY sort_name, organisation_id LIMIT :limit`,
  ),
}));

const toView = (db: Database, row: OrganisationRow): OrganisationView => ({
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
  sites: statements(db)
    .sites.all(row.organisation_id)
    .map((site) => ({
      siteId: site.site_id,
      name: site.name,
      address: site.address,
      country: site.country,
      addedOn: site.added_on as CalendarDate,
      removedOn: site.removed_on as CalendarDate | null,
    })),
  version: row.version,
});

export const findOrganisation = (db: Database, organisationId: string): OrganisationView | null => {
  const row = statements(db).byId.get(organisationId);
  return row ? toView(db, row) : null;
};

/**
 * Organisations whose legal name or registration number contains `search` (case-insensitive;
 * empty: all), ordered by name. Key: [lower-cased name, organisation id].
 */
export const searchOrganisations = (
  db: Database,
  search: string,
  page: PageInput = {},
): Page<OrganisationView> => {
  const size = pageSize(page.first);
  const after = pageKey(page.after, ['string', 'string']);
  const rows = statements(db).search.all({
    term: search.trim().toLowerCase(),
    afterName: (after?.[0] as string | undefined) ?? null,
    afterId: (after?.[1] as string | undefined) ?? null,
    limit: size + 1,
  });
  return toPage(
    rows,
    size,
    (row) => [row.sort_name, row.organisation_id],
    (row) => toView(db, row),
  );
};
