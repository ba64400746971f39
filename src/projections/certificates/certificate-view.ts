import type {
  CalendarDate,
  CertificateSite,
  PolicyProfile,
  RecordedStatus,
  StandardReference,
  SuspensionRecord,
  TransferRecord,
  Withdrawal,
} from '../../domain';
import type { StatusPeriodView } from './status-periods';

export interface CertificateView {
  certificateId: string;
  organisationId: string;
  number: string;
  /**
   * The latest revision that takes effect (the domain's `latestRevision`), which may take effect
   * after today; standard, scope, sites, holder and decision, effective and expiry dates are its.
   */
  revision: number;
  /** The number as printed on that revision (`CN-20000-00042/R2`). */
  numberWithRevision: string;
  /** What the last event said; status on a date comes from `statusPeriods`. */
  recordedStatus: RecordedStatus;
  standard: StandardReference;
  scope: string;
  sites: CertificateSite[];
  organisationName: string;
  organisationLocation: string;
  certificationBodyName: string;
  originalCertificationDate: CalendarDate;
  decisionDate: CalendarDate;
  effectiveDate: CalendarDate;
  expiryDate: CalendarDate;
  cycleDecisionDate: CalendarDate;
  /** The first revision's decision in this CB: the certificate does not exist before it. */
  firstDecisionDate: CalendarDate;
  currentAuditCycleId: string;
  policyProfile: PolicyProfile;
  suspensions: SuspensionRecord[];
  withdrawal: Withdrawal | null;
  transfer: TransferRecord | null;
  /** Ordered, contiguous from the first effective date; use `statusOnFromPeriods`. */
  statusPeriods: StatusPeriodView[];
  /** Stream version: the `expectedVersion` of the next command. */
  version: number;
}

export interface CertificateRow {
  certificate_id: string;
  organisation_id: string;
  number: string;
  revision: number;
  number_with_revision: string;
  recorded_status: string;
  standard_identifier: string;
  standard_version: string;
  scope: string;
  sites: string;
  organisation_name: string;
  organisation_location: string;
  certification_body_name: string;
  original_certification_date: string;
  decision_date: string;
  effective_date: string;
  expiry_date: string;
  first_effective_date: string;
  /** The first revision's decision in this CB: the certificate does not exist before it. */
  first_decision_date: string;
  cycle_decision_date: string;
  audit_cycle_id: string;
  policy_profile: string;
  suspensions: string;
  withdrawal: string | null;
  transfer: string | null;
  /** JSON of the status periods, ordered. */
  status_periods: string;
  version: number;
}

/** The status periods a certificate row holds, ordered. */
export const statusPeriodsOfRow = (
  row: Pick<CertificateRow, 'status_periods'>,
): StatusPeriodView[] => JSON.parse(row.status_periods) as StatusPeriodView[];

const parsed = <T>(text: string | null): T | null =>
  text === null ? null : (JSON.parse(text) as T);

export const certificateView = (row: CertificateRow): CertificateView => ({
  certificateId: row.certificate_id,
  organisationId: row.organisation_id,
  number: row.number,
  revision: row.revision,
  numberWithRevision: row.number_with_revision,
  recordedStatus: row.recorded_status as RecordedStatus,
  standard: { identifier: row.standard_identifier, version: row.standard_version },
  scope: row.scope,
  sites: JSON.parse(row.sites) as CertificateSite[],
  organisationName: row.organisation_name,
  organisationLocation: row.organisation_location,
  certificationBodyName: row.certification_body_name,
  originalCertificationDate: row.original_certification_date as CalendarDate,
  decisionDate: row.decision_date as CalendarDate,
  effectiveDate: row.effective_date as CalendarDate,
  expiryDate: row.expiry_date as CalendarDate,
  cycleDecisionDate: row.cycle_decision_date as CalendarDate,
  firstDecisionDate: row.first_decision_date as CalendarDate,
  currentAuditCycleId: row.audit_cycle_id,
  policyProfile: row.policy_profile as PolicyProfile,
  suspensions: JSON.parse(row.suspensions) as SuspensionRecord[],
  withdrawal: parsed<Withdrawal>(row.withdrawal),
  transfer: parsed<TransferRecord>(row.transfer),
  statusPeriods: statusPeriodsOfRow(row),
  version: row.version,
});
