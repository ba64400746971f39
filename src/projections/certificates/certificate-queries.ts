import type { Database } from 'better-sqlite3';
import {
  type CalendarDate,
  calendarDate,
  type CertificateRevision,
  type CertificateStatus,
  catalogHint,
  catalogIdentifierOrCode,
  STANDARDS,
  standardCode,
} from '../../domain';
import {
  objectRows,
  type Page,
  type PageInput,
  pageKey,
  pageSize,
  perDatabase,
  ReadCache,
  type RowReader,
  toPage,
} from '../support';
import { certificateNumberKey, certificateNumberParts } from './certificate-number-parts';
import { closestByNumber } from './closest-by-number';
import {
  type CertificateRow,
  type CertificateView,
  certificateView,
  statusPeriodsOfRow,
} from './certificate-view';
import { statusOnFromPeriods } from './status-periods';

/**
 * Certificates kept between requests: more than the pages of a few dashboards link to. Each costs
 * a few kB (its view, and the object GraphQL makes of it once).
 */
const CERTIFICATES_KEPT = 500;

export const CERTIFICATE_STATUSES: readonly CertificateStatus[] = [
  'DRAFT',
  'ACTIVE',
  'SUSPENDED',
  'WITHDRAWN',
  'EXPIRED',
];

export interface CertificateFilter {
  /** Status as of the query's date. */
  status?: CertificateStatus | null;
  /** `ISO/IEC 20000-1` (any version) or `ISO/IEC 20000-1:2018`. */
  standard?: string | null;
  organisationId?: string | null;
  /** `expiryDate`, of the revision in force on the list's date, strictly before it. */
  expiringBefore?: CalendarDate | null;
}

/** Bad filter values (status, dates) for a certificate list. */
export class InvalidCertificateFilterError extends Error {
  override readonly name = 'InvalidCertificateFilterError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const statements = perDatabase((db: Database) => ({
  byId: objectRows(
    db.prepare<[string], CertificateRow>('SELECT * FROM rm_certificates WHERE certificate_id = ?'),
  ),
  byNumberKey: objectRows(
    db.prepare<[string], CertificateRow>(
      'SELECT * FROM rm_certificates WHERE number_key = ? ORDER BY certificate_id',
    ),
  ),
  byIds: objectRows(
    db.prepare<[string], CertificateRow>(
      'SELECT * FROM rm_certificates WHERE certificate_id IN (SELECT value FROM json_each(?))',
    ),
  ),
  revisions: db
    .prepare<[string], string>(
      'SELECT revisions FROM rm_certificate_revisions WHERE certificate_id = ?',
    )
    .pluck(),
  /** Periods run on without gaps from the first decision: the last begun by a date holds it. */
  revisionOn: db.prepare<[string, string], { revision: number; revisions: string }>(
    `SELECT r.revision, v.revisions FROM rm_certificate_revision_periods r
       CROSS JOIN rm_certificate_revisions v ON v.certificate_id = r.certificate_id
     WHERE r.certificate_id = ? AND r.from_date <= ? ORDER BY r.from_date DESC LIMIT 1`,
  ),
  lists: new Map<string, RowReader<[Record<string, unknown>], CertificateRow>>(),
  /** Certificates read by id since the read models last changed. */
  byIdKept: new ReadCache<string, CertificateView>(db, CERTIFICATES_KEPT),
  autoSuspends: db
    .prepare<[string], number>(
      'SELECT auto_suspends_on_missed_surveillance FROM rm_certificates WHERE certificate_id = ?',
    )
    .pluck(),
  idsOfOrganisation: db
    .prepare<[string], string>(
      'SELECT certificate_id FROM rm_certificates WHERE organisation_id = ?',
    )
    .pluck(),
}));

/** The ids of every certificate the organisation holds or held, whatever its status. */
export const certificateIdsOfOrganisation = (db: Database, organisationId: string): string[] =>
  statements(db).idsOfOrganisation.all(organisationId);

/**
 * Whether the policy recorded at the certificate's application suspends it for a missed
 * surveillance audit (false for a certificate the read model does not hold).
 */
export const suspendsOnMissedSurveillance = (db: Database, certificateId: string): boolean =>
  statements(db).autoSuspends.get(certificateId) === 1;

export const findCertificate = (db: Database, certificateId: string): CertificateView | null => {
  const row = statements(db).byId.get(certificateId);
  return row ? certificateView(row) : null;
};

/** The certificates among `certificateIds`, by id, in one query; unknown ids are absent. */
export const findCertificates = (
  db: Database,
  certificateIds: readonly string[],
): ReadonlyMap<string, CertificateView> =>
  statements(db).byIdKept.getMany(certificateIds, (missing) => {
    const rows = statements(db).byIds.all(JSON.stringify(missing));
    return new Map(rows.map((row) => [row.certificate_id, certificateView(row)]));
  });

/** Every revision decided, in order, one a withdrawal means never takes effect included. */
export const certificateRevisions = (
  db: Database,
  certificateId: string,
): CertificateRevision[] => {
  const revisions = statements(db).revisions.get(certificateId);
  return revisions === undefined ? [] : (JSON.parse(revisions) as CertificateRevision[]);
};

/**
 * The revision in force on `date` (the first from its decision until it takes effect, as
 * `revisionPeriods` has it); null before the first decision and for an unknown certificate.
 */
export const certificateRevisionOn = (
  db: Database,
  certificateId: string,
  date: CalendarDate,
): CertificateRevision | null => {
  const row = statements(db).revisionOn.get(certificateId, calendarDate(date));
  if (row === undefined) return null;
  const revisions = JSON.parse(row.revisions) as CertificateRevision[];
  return revisions.find((r) => r.revision === row.revision) ?? null;
};

/**
 * By number, with or without a revision suffix (`CN-20000-00042/R2`), whatever its case or
 * separators (`closestByNumber`); given `organisationId` (a CLIENT key's), only its certificates
 * answer, and another holder's neither answers nor makes its own number ambiguous. A suffix names a revision the
 * certificate must have had (`revisionNamedByNumber` says which).
 */
export const findCertificateByNumber = (
  db: Database,
  number: string,
  organisationId?: string,
): CertificateView | null => {
  const parts = certificateNumberParts(number);
  const row = closestByNumber(
    statements(db).byNumberKey.all(parts.key),
    (candidate) => candidate.number,
    parts.number,
    (candidate) => organisationId === undefined || candidate.organisation_id === organisationId,
  );
  if (!row) return null;
  const { revision } = parts;
  if (
    revision !== null &&
    !certificateRevisions(db, row.certificate_id).some((r) => r.revision === revision)
  ) {
    return null;
  }
  return certificateView(row);
};

/**
 * The revision of `certificate` whose document bears `number` as typed, as `verifyCertificate`
 * reads it: the one its suffix names, else the first (printed without a suffix); null when
 * `number`, whatever its case or separators, is not the certificate's, or names a revision it
 * never had.
 */
export const revisionNamedByNumber = (
  db: Database,
  certificate: { certificateId: string; number: string },
  number: string,
): number | null => {
  const parts = certificateNumberParts(number);
  if (parts.key !== certificateNumberKey(certificate.number)) return null;
  const revision = parts.revision ?? 1;
  const revisions = certificateRevisions(db, certificate.certificateId);
  return revisions.some((r) => r.revision === revision) ? revision : null;
};

/** Status on a date (past or future); null for an unknown certificate. */
export const certificateStatusOn = (
  db: Database,
  certificateId: string,
  asOf: CalendarDate,
): CertificateStatus | null => {
  const row = statements(db).byId.get(certificateId);
  return row ? statusOnFromPeriods(statusPeriodsOfRow(row), calendarDate(asOf)) : null;
};

/** Only ACTIVE is valid; null for an unknown certificate. */
export const validOn = (
  db: Database,
  certificateId: string,
  date: CalendarDate,
): boolean | null => {
  const status = certificateStatusOn(db, certificateId, date);
  return status === null ? null : status === 'ACTIVE';
};

const AS_OF_STATUS = `EXISTS (SELECT 1 FROM rm_certificate_status_periods p
  WHERE p.certificate_id = c.certificate_id AND p.status = :status AND p.from_date <= :asOf
    AND (p.to_date IS NULL OR p.to_date >= :asOf))`;

/**
 * The revision in force on the list's date; no row holds a date before the first decision, so a
 * certificate first decided after it is not listed (it did not exist yet).
 */
const IN_FORCE_ON = 'r.from_date <= :asOf AND (r.until_date IS NULL OR r.until_date > :asOf)';

/**
 * Filtered on the revisions in force, a standard filter reads the revision periods by their
 * standard's index in number order; otherwise the certificates are read in number order (or by
 * organisation) and each one's period on the date by its key. CROSS JOIN keeps that order.
 */
const IN_FORCE_FROM = {
  c: `rm_certificates c
    CROSS JOIN rm_certificate_revision_periods r ON r.certificate_id = c.certificate_id`,
  r: `rm_certificate_revision_periods r
    CROSS JOIN rm_certificates c ON c.certificate_id = r.certificate_id`,
};

/** A list's SQL for its filter's shape: `standardCode`, a standard with its version; `after`, a key. */
export const certificateListSql = (
  filter: CertificateFilter,
  standardCode: boolean,
  after: boolean,
): string => {
  const key = filter.standard != null ? 'r' : 'c';
  const where: string[] = [IN_FORCE_ON];
  if (filter.status === 'DRAFT') where.push('c.first_effective_date > :asOf');
  else if (filter.status) where.push(AS_OF_STATUS);
  if (filter.standard != null) {
    where.push(`r.${standardCode ? 'standard_code' : 'standard_identifier'} = :standard`);
  }
  if (filter.organisationId != null) where.push('c.organisation_id = :organisationId');
  if (filter.expiringBefore) where.push('r.expiry_date < :expiringBefore');
  if (after) where.push(`(${key}.number, ${key}.certificate_id) > (:afterNumber, :afterId)`);
  return `SELECT c.* FROM ${IN_FORCE_FROM[key]}
    WHERE ${where.join(' AND ')}
    ORDER BY ${key}.number, ${key}.certificate_id LIMIT :limit`;
};

const withExpiringBefore = (filter: CertificateFilter): CertificateFilter =>
  filter.expiringBefore
    ? { ...filter, expiringBefore: calendarDate(filter.expiringBefore) }
    : filter;

/** The filter checked, its standard as the catalog spells it (typed in any case or spacing). */
const validFilter = (filter: CertificateFilter): CertificateFilter => {
  if (filter.status && !CERTIFICATE_STATUSES.includes(filter.status)) {
    throw new InvalidCertificateFilterError(
      'status',
      `status must be one of ${CERTIFICATE_STATUSES.join(', ')}, got ${String(filter.status)}`,
    );
  }
  if (filter.standard == null) return withExpiringBefore(filter);
  const standard = catalogIdentifierOrCode(filter.standard);
  if (standard === null) {
    const identifiers = [...new Set(STANDARDS.map((s) => s.identifier))];
    throw new InvalidCertificateFilterError(
      'standard',
      `standard ${JSON.stringify(filter.standard)} is not in the standards catalog ` +
        `(${catalogHint(filter.standard)}): give an identifier (${identifiers.join(', ')}) or ` +
        `one with its version (${standardCode(STANDARDS[0]!)}); case and spacing do not matter`,
    );
  }
  return withExpiringBefore({ ...filter, standard });
};

/**
 * Certificates decided on or before `asOf` matching the filter, status as of `asOf` (DRAFT:
 * decided, not yet in force), `standard` and `expiringBefore` those of the revision in force on
 * `asOf` (the first, from its decision until it takes effect: see `revisionPeriods`), never of one
 * decided or taking effect after it; ordered by number. Each shows its latest revision, as
 * `findCertificate` does (the one in force on a date: `certificateRevisionOn`). Key: [number,
 * certificate id].
 */
export const listCertificates = (
  db: Database,
  filter: CertificateFilter,
  asOf: CalendarDate,
  page: PageInput = {},
): Page<CertificateView> => {
  const valid = validFilter(filter);
  const date = calendarDate(asOf);
  const size = pageSize(page.first);
  const after = pageKey(page.after, ['string', 'string']);
  const byCode = valid.standard?.includes(':') ?? false;
  const sql = certificateListSql(valid, byCode, after !== undefined);
  const { lists } = statements(db);
  let statement = lists.get(sql);
  if (!statement) {
    statement = objectRows(db.prepare<[Record<string, unknown>], CertificateRow>(sql));
    lists.set(sql, statement);
  }
  const parameters: Record<string, unknown> = { asOf: date, limit: size + 1 };
  if (valid.status && valid.status !== 'DRAFT') parameters.status = valid.status;
  if (valid.standard != null) parameters.standard = valid.standard;
  if (valid.organisationId != null) parameters.organisationId = valid.organisationId;
  if (valid.expiringBefore) parameters.expiringBefore = valid.expiringBefore;
  if (after) [parameters.afterNumber, parameters.afterId] = after;
  return toPage(
    statement.all(parameters),
    size,
    (row) => [row.number, row.certificate_id],
    certificateView,
  );
};
