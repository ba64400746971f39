import type { Database } from 'better-sqlite3';
import type { OrganisationEvent } from '../../domain';
import type { RecordedEvent } from '../../eventstore';
import { eachEvent, type Projection } from '../runner';
import { domainEvent, perDatabase, queryIndexes, streamOf } from '../support';
import { foldedName, organisationSearchText } from './folded-name';

const TABLES = `
CREATE TABLE IF NOT EXISTS rm_organisations (
  organisation_id TEXT PRIMARY KEY,
  legal_name TEXT NOT NULL,
  sort_name TEXT NOT NULL,
  search_text TEXT NOT NULL,
  registration_number TEXT,
  country TEXT NOT NULL,
  address TEXT NOT NULL,
  registered_on TEXT NOT NULL,
  policy_profile TEXT NOT NULL,
  management_system_operating_since TEXT,
  last_internal_audit_completed_on TEXT,
  last_management_review_completed_on TEXT,
  administrative_penalties TEXT NOT NULL DEFAULT '[]',
  consultancy TEXT,
  version INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS rm_organisation_sites (
  organisation_id TEXT NOT NULL,
  site_id TEXT NOT NULL,
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  country TEXT NOT NULL,
  added_on TEXT NOT NULL,
  removed_on TEXT,
  PRIMARY KEY (organisation_id, site_id)
) STRICT, WITHOUT ROWID;
`;

const statements = perDatabase((db: Database) => ({
  register: db.prepare<
    [string, string, string, string, string | null, string, string, string, string, number]
  >(
    `INSERT INTO rm_organisations (organisation_id, legal_name, sort_name, search_text,
       registration_number, country, address, registered_on, policy_profile, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  current: db.prepare<[string], { legal_name: string; registration_number: string | null }>(
    'SELECT legal_name, registration_number FROM rm_organisations WHERE organisation_id = ?',
  ),
  details: db.prepare<
    [string, string, string, string | null, string | null, string | null, number, string]
  >(
    `UPDATE rm_organisations SET legal_name = ?, sort_name = ?, search_text = ?,
       registration_number = ?, country = COALESCE(?, country), address = COALESCE(?, address),
       version = ?
     WHERE organisation_id = ?`,
  ),
  readiness: db.prepare<
    [
      string | null,
      string | null,
      string | null,
      string | null,
      string | null,
      string | null,
      number,
      string,
    ]
  >(
    `UPDATE rm_organisations SET
       management_system_operating_since = COALESCE(?, management_system_operating_since),
       last_internal_audit_completed_on = COALESCE(?, last_internal_audit_completed_on),
       last_management_review_completed_on = COALESCE(?, last_management_review_completed_on),
       administrative_penalties = CASE WHEN ? IS NULL THEN administrative_penalties
         ELSE json_insert(administrative_penalties, '$[#]', json(?)) END,
       consultancy = COALESCE(?, consultancy),
       version = ?
     WHERE organisation_id = ?`,
  ),
  version: db.prepare<[number, string]>(
    'UPDATE rm_organisations SET version = ? WHERE organisation_id = ?',
  ),
  addSite: db.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO rm_organisation_sites (organisation_id, site_id, name, address, country, added_on)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ),
  removeSite: db.prepare<[string, string, string]>(
    'UPDATE rm_organisation_sites SET removed_on = ? WHERE organisation_id = ? AND site_id = ?',
  ),
}));

const orNull = <T>(value: T | undefined): T | null => value ?? null;

const apply = (recorded: RecordedEvent, db: Database): void => {
  const { category, id } = streamOf(recorded);
  if (category !== 'organisation') return;
  const s = statements(db);
  const event = domainEvent<OrganisationEvent>(recorded);
  const version = recorded.version;
  switch (event.type) {
    case 'OrganisationRegistered': {
      const { legalName, registrationNumber, country, address, registeredOn, policy } = event.data;
      s.register.run(
        id,
        legalName,
        foldedName(legalName),
        organisationSearchText(legalName, registrationNumber),
        registrationNumber,
        country,
        address,
        registeredOn,
        policy.profile,
        version,
      );
      return;
    }
    case 'OrganisationDetailsUpdated': {
      const current = s.current.get(id);
      if (!current) return;
      const { data } = event;
      const legalName = data.legalName ?? current.legal_name;
      const number =
        data.registrationNumber === undefined
          ? current.registration_number
          : data.registrationNumber;
      s.details.run(
        legalName,
        foldedName(legalName),
        organisationSearchText(legalName, number),
        number,
        data.country ?? null,
        data.address ?? null,
        version,
        id,
      );
      return;
    }
    case 'SiteAdded': {
      const { siteId, name, address, country, addedOn } = event.data;
      s.addSite.run(id, siteId, name, address, country, addedOn);
      s.version.run(version, id);
      return;
    }
    case 'SiteRemoved':
      s.removeSite.run(event.data.removedOn, id, event.data.siteId);
      s.version.run(version, id);
      return;
    case 'ReadinessRecorded': {
      const { data } = event;
      const penalty = data.administrativePenalty
        ? JSON.stringify(data.administrativePenalty)
        : null;
      s.readiness.run(
        orNull(data.managementSystemOperatingSince),
        orNull(data.lastInternalAuditCompletedOn),
        orNull(data.lastManagementReviewCompletedOn),
        penalty,
        penalty,
        data.consultancy ? JSON.stringify(data.consultancy) : null,
        version,
        id,
      );
      return;
    }
  }
};

/**
 * Organisations with their details, readiness facts and sites (current and removed). Version 2:
 * names sort and match without accents (`foldedName`).
 */
export const organisationsProjection: Projection = {
  name: 'organisations',
  version: 2,
  setup: (db) => db.exec(TABLES),
  queryIndexes: queryIndexes({
    rm_organisations_by_name: 'ON rm_organisations (sort_name, organisation_id)',
    rm_organisations_by_registration_number: 'ON rm_organisations (registration_number)',
  }),
  reset: (db) => db.exec('DELETE FROM rm_organisations; DELETE FROM rm_organisation_sites;'),
  applyBatch: eachEvent(apply),
};
