import type { Database } from 'better-sqlite3';
import {
  type CalendarDate,
  type IssuedCertificateState,
  type StandardReference,
  takesEffect,
} from '../../domain';
import { certificateNumberKey } from '../certificates/certificate-number-parts';
import type { StatusPeriodView } from '../certificates/status-periods';
import { dropTableWith, dropTableWithout, perDatabase, queryIndexes } from '../support';

/** What one revision of a certificate states publicly (sites without internal ids). */
export interface PublicRevision {
  revision: number;
  organisationName: string;
  organisationLocation: string;
  standard: StandardReference;
  scope: string;
  sites: { name: string; address: string; scope: string }[];
  effectiveDate: CalendarDate;
  expiryDate: CalendarDate;
  /** False for a revision the withdrawal means never takes effect (the domain's `takesEffect`). */
  takesEffect: boolean;
}

/**
 * A revision as the register stores it: its public content and its decision date, which is never
 * returned (verification reads it to leave out a certificate or revision not yet decided).
 */
export interface RegisterRevision extends PublicRevision {
  decisionDate: CalendarDate;
}

/**
 * The public register: only what a certificate states publicly, revision by revision (a verifier
 * may hold any of them, and the one in force depends on the date), and its status history.
 * `certificate_id` is kept to find the row again and is never returned, nor are the revisions'
 * decision dates. `number_key` is the number as `certificateNumberKey` reduces it (case and
 * separators set aside), which verification looks up.
 */
const REGISTER_TABLES = `
CREATE TABLE IF NOT EXISTS rm_register (
  certificate_id TEXT PRIMARY KEY,
  number TEXT NOT NULL,
  number_key TEXT NOT NULL,
  certification_body_name TEXT NOT NULL,
  original_certification_date TEXT NOT NULL,
  revisions TEXT NOT NULL,
  periods TEXT NOT NULL
) STRICT;
`;

/**
 * Creates the register, replacing one that kept only the latest revision's content, or one
 * without the numbers' keys.
 */
export const setupRegisterTable = (db: Database): void => {
  dropTableWith(db, 'rm_register', 'organisation_name');
  dropTableWithout(db, 'rm_register', 'number_key');
  db.exec(REGISTER_TABLES);
};

/** Verification looks certificates up by their number's key. */
export const REGISTER_QUERY_INDEXES = queryIndexes({
  rm_register_by_number_key: 'ON rm_register (number_key, certificate_id)',
});

const statements = perDatabase((db: Database) => ({
  upsert: db.prepare(
    `INSERT INTO rm_register (number, number_key, certificate_id, certification_body_name,
       original_certification_date, revisions, periods)
     VALUES (:number, :numberKey, :certificateId, :certificationBodyName, :originalCertificationDate,
       :revisions, :periods)
     ON CONFLICT (certificate_id) DO UPDATE SET number = excluded.number,
       number_key = excluded.number_key, certification_body_name = excluded.certification_body_name,
       original_certification_date = excluded.original_certification_date,
       revisions = excluded.revisions, periods = excluded.periods`,
  ),
}));

/**
 * Writes the public view of a certificate (sites without internal ids, periods without reasons),
 * with each revision's decision date.
 */
export const writeRegisterEntry = (
  db: Database,
  state: IssuedCertificateState,
  periods: readonly StatusPeriodView[],
): void => {
  const revisions = state.revisions.map((r): RegisterRevision => ({
    revision: r.revision,
    organisationName: r.organisationName,
    organisationLocation: r.organisationLocation,
    standard: r.standard,
    scope: r.scope,
    sites: r.sites.map(({ name, address, scope }) => ({ name, address, scope })),
    effectiveDate: r.effectiveDate,
    expiryDate: r.expiryDate,
    takesEffect: takesEffect(state, r),
    decisionDate: r.decisionDate,
  }));
  statements(db).upsert.run({
    number: state.number,
    numberKey: certificateNumberKey(state.number),
    certificateId: state.certificateId,
    certificationBodyName: state.certificationBodyName,
    originalCertificationDate: state.originalCertificationDate,
    revisions: JSON.stringify(revisions),
    periods: JSON.stringify(periods.map(({ status, from, to }) => ({ status, from, to }))),
  });
};
