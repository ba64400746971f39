import type { Database } from 'better-sqlite3';
import type { AuditCycleEvent, CertificationGranted, CertificationRefused } from '../../domain';
import type { RecordedEvent } from '../../eventstore';
import type { Projection } from '../runner';
import { domainEvent, perDatabase, streamOf } from '../support';
import { AUDIT_CYCLE_TABLES } from './audit-cycle-tables';
import type { DecisionView } from './audit-cycle-view';

const statements = perDatabase((db: Database) => ({
  submitted: db.prepare(
    `INSERT INTO rm_audit_cycles (audit_cycle_id, organisation_id, certificate_id, kind, status,
       standard_identifier, standard_version, submitted_on, application, policy_profile, version)
     VALUES (:id, :organisationId, :certificateId, :kind, 'APPLICATION_SUBMITTED',
       :standardIdentifier, :standardVersion, :submittedOn, :application, :policyProfile, :version)`,
  ),
  reviewed: db.prepare<[string, string, number, string]>(
    'UPDATE rm_audit_cycles SET status = ?, review = ?, version = ? WHERE audit_cycle_id = ?',
  ),
  transferReview: db.prepare<[string, number, string]>(
    'UPDATE rm_audit_cycles SET transfer_review = ?, version = ? WHERE audit_cycle_id = ?',
  ),
  decided: db.prepare<[string, string, number, string]>(
    'UPDATE rm_audit_cycles SET status = ?, decision = ?, version = ? WHERE audit_cycle_id = ?',
  ),
  version: db.prepare<[number, string]>(
    'UPDATE rm_audit_cycles SET version = ? WHERE audit_cycle_id = ?',
  ),
  planned: db.prepare(
    `INSERT INTO rm_audits (audit_cycle_id, audit_id, planned_as, kind, surveillance_number,
       planned_start, planned_end, mode, lead_auditor_id, team, sites)
     VALUES (:id, :auditId, :version, :kind, :surveillanceNumber, :plannedStart, :plannedEnd,
       :mode, :leadAuditorId, :team, :sites)`,
  ),
  completed: db.prepare(
    `UPDATE rm_audits SET first_day = :firstDay, last_day = :lastDay,
       lead_auditor_id = :leadAuditorId, completed_team = :team, completed_sites = :sites
     WHERE audit_cycle_id = :id AND audit_id = :auditId`,
  ),
  raised: db.prepare(
    `INSERT INTO rm_nonconformities (audit_cycle_id, nc_id, raised_as, audit_id, audit_kind, grade,
       clause, description, raised_on, response_due_on, verification_limit_on)
     VALUES (:id, :ncId, :version, :auditId, :auditKind, :grade, :clause, :description, :raisedOn,
       :responseDueOn, :verificationLimitOn)`,
  ),
  planAccepted: db.prepare<[string, string, string, string]>(
    `UPDATE rm_nonconformities SET plan_accepted_on = ?, plan = ?
     WHERE audit_cycle_id = ? AND nc_id = ?`,
  ),
  verified: db.prepare<[string, string, string]>(
    'UPDATE rm_nonconformities SET verified_on = ? WHERE audit_cycle_id = ? AND nc_id = ?',
  ),
  escalated: db.prepare<[string, string, string, string | null, string, string]>(
    `UPDATE rm_nonconformities SET grade = ?, escalated_on = ?, response_due_on = ?,
       verification_limit_on = ? WHERE audit_cycle_id = ? AND nc_id = ?`,
  ),
}));

const decisionRecord = (event: CertificationGranted | CertificationRefused): DecisionView => {
  if (event.type === 'CertificationRefused') {
    const { decidedOn, decisionMakerId, reasons } = event.data;
    return { decision: 'REFUSED', decidedOn, decisionMakerId, reasons, granted: null };
  }
  const { data } = event;
  return {
    decision: 'GRANTED',
    decidedOn: data.decidedOn,
    decisionMakerId: data.decisionMakerId,
    reasons: data.reasons,
    granted: {
      outcome: data.outcome,
      effectiveOn: data.effectiveOn,
      expiryDate: data.expiryDate,
      previousExpiryDate: data.previousExpiryDate,
      cycleDecisionDate: data.cycleDecisionDate,
      surveillanceDue: data.surveillanceDue,
    },
  };
};

const applyEvent = (db: Database, id: string, version: number, event: AuditCycleEvent): void => {
  const s = statements(db);
  switch (event.type) {
    case 'ApplicationSubmitted': {
      const { data } = event;
      const { policy, ...application } = data;
      s.submitted.run({
        id,
        organisationId: data.organisationId,
        certificateId: data.certificateId,
        kind: data.kind,
        standardIdentifier: data.standard.identifier,
        standardVersion: data.standard.version,
        submittedOn: data.submittedOn,
        application: JSON.stringify(application),
        policyProfile: policy.profile,
        version,
      });
      return;
    }
    case 'ApplicationAccepted':
    case 'ApplicationRejected': {
      const { reviewedOn, reviewedBy, reasons } = event.data;
      const status =
        event.type === 'ApplicationAccepted' ? 'APPLICATION_ACCEPTED' : 'APPLICATION_REJECTED';
      s.reviewed.run(status, JSON.stringify({ reviewedOn, reviewedBy, reasons }), version, id);
      return;
    }
    case 'AuditPlanned': {
      const { data } = event;
      s.planned.run({
        id,
        version,
        auditId: data.auditId,
        kind: data.kind,
        surveillanceNumber: data.surveillanceNumber,
        plannedStart: data.plannedStart,
        plannedEnd: data.plannedEnd,
        mode: data.mode,
        leadAuditorId: data.leadAuditorId,
        team: JSON.stringify(data.team),
        sites: JSON.stringify(data.sites),
      });
      break;
    }
    case 'AuditCompleted': {
      const { data } = event;
      s.completed.run({
        id,
        auditId: data.auditId,
        firstDay: data.firstDay,
        lastDay: data.lastDay,
        leadAuditorId: data.leadAuditorId,
        team: JSON.stringify(data.team),
        sites: JSON.stringify(data.sites),
      });
      break;
    }
    case 'NonconformityRaised': {
      const { data } = event;
      s.raised.run({
        id,
        version,
        ncId: data.ncId,
        auditId: data.auditId,
        auditKind: data.auditKind,
        grade: data.grade,
        clause: data.clause,
        description: data.description,
        raisedOn: data.raisedOn,
        responseDueOn: data.responseDueOn,
        verificationLimitOn: data.verificationLimitOn,
      });
      break;
    }
    case 'CorrectiveActionPlanAccepted':
      s.planAccepted.run(event.data.acceptedOn, event.data.plan, id, event.data.ncId);
      break;
    case 'NonconformityVerified':
      s.verified.run(event.data.verifiedOn, id, event.data.ncId);
      break;
    case 'NonconformityEscalated': {
      const { data } = event;
      s.escalated.run(
        data.toGrade,
        data.escalatedOn,
        data.responseDueOn,
        data.verificationLimitOn,
        id,
        data.ncId,
      );
      break;
    }
    case 'TransferReviewRecorded':
      s.transferReview.run(JSON.stringify(event.data), version, id);
      return;
    case 'CertificationGranted':
    case 'CertificationRefused':
      s.decided.run(
        event.type === 'CertificationGranted' ? 'CERTIFICATION_GRANTED' : 'CERTIFICATION_REFUSED',
        JSON.stringify(decisionRecord(event)),
        version,
        id,
      );
      return;
  }
  s.version.run(version, id);
};

const apply = (recorded: RecordedEvent, db: Database): void => {
  const { category, id } = streamOf(recorded);
  if (category !== 'auditcycle') return;
  applyEvent(db, id, recorded.version, domainEvent<AuditCycleEvent>(recorded));
};

/** Audit cycles: application, review, audits, nonconformities, transfer review, decision. */
export const auditCyclesProjection: Projection = {
  name: 'audit_cycles',
  version: 1,
  setup: (db) => db.exec(AUDIT_CYCLE_TABLES),
  reset: (db) =>
    db.exec('DELETE FROM rm_audit_cycles; DELETE FROM rm_audits; DELETE FROM rm_nonconformities;'),
  apply,
};
