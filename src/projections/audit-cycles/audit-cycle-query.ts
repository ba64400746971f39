import type { Database } from 'better-sqlite3';
import type { AuditCycleKind, AuditCycleStatus, CalendarDate, PolicyProfile } from '../../domain';
import { objectRows, perDatabase } from '../support';
import type {
  AuditRowValues as AuditRow,
  CycleRowValues as CycleRow,
  NonconformityRowValues as NonconformityRow,
} from './audit-cycle-rows';
import type {
  ApplicationView,
  AuditCycleView,
  AuditView,
  DecisionView,
  NonconformityView,
} from './audit-cycle-view';

const statements = perDatabase((db: Database) => ({
  cycle: objectRows(
    db.prepare<[string], CycleRow>('SELECT * FROM rm_audit_cycles WHERE audit_cycle_id = ?'),
  ),
  escalatesOverdueMinors: db
    .prepare<[string], number>(
      'SELECT escalates_overdue_minors FROM rm_audit_cycles WHERE audit_cycle_id = ?',
    )
    .pluck(),
  idsOfCertificate: db
    .prepare<[string], string>(
      'SELECT audit_cycle_id FROM rm_audit_cycles WHERE certificate_id = ?',
    )
    .pluck(),
  openIdsOfOrganisation: db
    .prepare<[string], string>(
      `SELECT audit_cycle_id FROM rm_audit_cycles WHERE organisation_id = ?
       AND status IN ('APPLICATION_SUBMITTED', 'APPLICATION_ACCEPTED')`,
    )
    .pluck(),
  audits: objectRows(
    db.prepare<[string], AuditRow>(
      'SELECT * FROM rm_audits WHERE audit_cycle_id = ? ORDER BY planned_as',
    ),
  ),
  nonconformities: objectRows(
    db.prepare<[string], NonconformityRow>(
      'SELECT * FROM rm_nonconformities WHERE audit_cycle_id = ? ORDER BY raised_as',
    ),
  ),
}));

const parsed = <T>(text: string | null): T | null =>
  text === null ? null : (JSON.parse(text) as T);

const date = (value: string | null) => value as CalendarDate | null;

const auditView = (row: AuditRow): AuditView => ({
  auditId: row.audit_id,
  kind: row.kind as AuditView['kind'],
  surveillanceNumber: row.surveillance_number,
  plannedStart: row.planned_start as CalendarDate,
  plannedEnd: row.planned_end as CalendarDate,
  mode: row.mode as AuditView['mode'],
  leadAuditorId: row.lead_auditor_id,
  team: JSON.parse(row.completed_team ?? row.team) as string[],
  sites: JSON.parse(row.completed_sites ?? row.sites) as string[],
  firstDay: date(row.first_day),
  lastDay: date(row.last_day),
});

const nonconformityView = (row: NonconformityRow): NonconformityView => ({
  ncId: row.nc_id,
  auditId: row.audit_id,
  auditKind: row.audit_kind as NonconformityView['auditKind'],
  grade: row.grade as NonconformityView['grade'],
  clause: row.clause,
  description: row.description,
  raisedOn: row.raised_on as CalendarDate,
  responseDueOn: row.response_due_on as CalendarDate,
  verificationLimitOn: date(row.verification_limit_on),
  planAcceptedOn: date(row.plan_accepted_on),
  plan: row.plan,
  verifiedOn: date(row.verified_on),
  escalatedOn: date(row.escalated_on),
});

/** The audits of a cycle, in the order planned (completed team and sites once completed). */
export const auditsOfCycle = (db: Database, auditCycleId: string): AuditView[] =>
  statements(db).audits.all(auditCycleId).map(auditView);

/** The findings of a cycle, in the order raised. */
export const nonconformitiesOfCycle = (db: Database, auditCycleId: string): NonconformityView[] =>
  statements(db).nonconformities.all(auditCycleId).map(nonconformityView);

/**
 * Whether the policy recorded at the cycle's application escalates overdue minor nonconformities
 * (false for a cycle the read model does not hold).
 */
export const escalatesOverdueMinors = (db: Database, auditCycleId: string): boolean =>
  statements(db).escalatesOverdueMinors.get(auditCycleId) === 1;

/** The ids of every audit cycle of the certificate, whatever its kind or status. */
export const auditCycleIdsOfCertificate = (db: Database, certificateId: string): string[] =>
  statements(db).idsOfCertificate.all(certificateId);

/**
 * The ids of the organisation's audit cycles whose application is open (submitted or accepted,
 * neither rejected nor decided, which are final), whatever their kind.
 */
export const openAuditCycleIdsOfOrganisation = (db: Database, organisationId: string): string[] =>
  statements(db).openIdsOfOrganisation.all(organisationId);

/** An audit cycle: application, review, transfer review and decision (audits and findings apart). */
export const findAuditCycle = (db: Database, auditCycleId: string): AuditCycleView | null => {
  const row = statements(db).cycle.get(auditCycleId);
  if (!row) return null;
  const application = JSON.parse(row.application) as ApplicationView;
  return {
    auditCycleId: row.audit_cycle_id,
    organisationId: row.organisation_id,
    certificateId: row.certificate_id,
    kind: row.kind as AuditCycleKind,
    status: row.status as AuditCycleStatus,
    standard: { identifier: row.standard_identifier, version: row.standard_version },
    scope: application.scope,
    submittedOn: row.submitted_on as CalendarDate,
    application,
    policyProfile: row.policy_profile as PolicyProfile,
    review: parsed(row.review),
    transferReview: parsed(row.transfer_review),
    decision: parsed<DecisionView>(row.decision),
    version: row.version,
  };
};
