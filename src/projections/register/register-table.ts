import type { Database } from 'better-sqlite3';
import type { IssuedCertificateState } from '../../domain';
import type { StatusPeriodView } from '../certificates/status-periods';
import { perDatabase, queryIndexes } from '../support';

/**
 * The public register: only what a certificate states publicly and its status history.
 * `certificate_id` is kept to find the row again and is never returned.
 */
export const REGISTER_TABLES = `
CREATE TABLE IF NOT EXISTS rm_register (
  certificate_id TEXT PRIMARY KEY,
  number TEXT NOT NULL,
  revision INTEGER NOT NULL,
  organisation_name TEXT NOT NULL,
  organisation_location TEXT NOT NULL,
  certification_body_name TEXT NOT NULL,
  standard_identifier TEXT NOT NULL,
  standard_version TEXT NOT NULL,
  scope TEXT NOT NULL,
  sites TEXT NOT NULL,
  original_certification_date TEXT NOT NULL,
  effective_date TEXT NOT NULL,
  expiry_date TEXT NOT NULL,
  revisions TEXT NOT NULL,
  periods TEXT NOT NULL
) STRICT;
`;

/** Verification looks certificates up by number. */
export const REGISTER_QUERY_INDEXES = queryIndexes({
  rm_register_by_number: 'ON rm_register (number)',
});

const statements = perDatabase((db: Database) => ({
  upsert: db.prepare(
    `INSERT INTO rm_register (number, certificate_id, revision, organisation_name,
       organisation_location, certification_body_name, standard_identifier, standard_version,
       scope, sites, original_certification_date, effective_date, expiry_date, revisions, periods)
     VALUES (:number, :certificateId, :revision, :organisationName, :organisationLocation,
       :certificationBodyName, :standardIdentifier, :standardVersion, :scope, :sites,
       :originalCertificationDate, :effectiveDate, :expiryDate, :revisions, :periods)
     ON CONFLICT (certificate_id) DO UPDATE SET number = excluded.number,
       revision = excluded.revision, organisation_name = excluded.organisation_name,
       organisation_location = excluded.organisation_location,
       certification_body_name = excluded.certification_body_name,
       standard_identifier = excluded.standard_identifier,
       standard_version = excluded.standard_version, scope = excluded.scope,
       sites = excluded.sites, original_certification_date = excluded.original_certification_date,
       effective_date = excluded.effective_date, expiry_date = excluded.expiry_date,
       revisions = excluded.revisions, periods = excluded.periods`,
  ),
}));

/** Writes the public view of a certificate (sites without internal ids, periods without reasons). */
export const writeRegisterEntry = (
  db: Database,
  state: IssuedCertificateState,
  periods: readonly StatusPeriodView[],
): void => {
  statements(db).upsert.run({
    number: state.number,
    certificateId: state.certificateId,
    revision: state.revision,
    organisationName: state.organisationName,
    organisationLocation: state.organisationLocation,
    certificationBodyName: state.certificationBodyName,
    standardIdentifier: state.standard.identifier,
    standardVersion: state.standard.version,
    scope: state.scope,
    sites: JSON.stringify(
      state.sites.map(({ name, address, scope }) => ({ name, address, scope })),
    ),
    originalCertificationDate: state.originalCertificationDate,
    effectiveDate: state.effectiveDate,
    expiryDate: state.expiryDate,
    revisions: JSON.stringify(
      state.revisions.map(({ revision, effectiveDate, expiryDate }) => ({
        revision,
        effectiveDate,
        expiryDate,
      })),
    ),
    periods: JSON.stringify(periods.map(({ status, from, to }) => ({ status, from, to }))),
  });
};
