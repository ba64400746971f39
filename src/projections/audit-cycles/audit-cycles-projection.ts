import type { Database } from 'better-sqlite3';
import type { AuditCycleEvent, CertificationGranted, CertificationRefused } from '../../domain';
import type { RecordedEvent } from '../../eventstore';
import type { Projection } from '../runner';
import { domainEvent, dropTableWithout, streamOf } from '../support';
import { cycleRows, flushCycleRows, forgetCycleRows } from './audit-cycle-rows';
import { AUDIT_CYCLE_QUERY_INDEXES, AUDIT_CYCLE_TABLES } from './audit-cycle-tables';
import type { DecisionView } from './audit-cycle-view';

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
  const rows = cycleRows(db);
  const cycleKey = { audit_cycle_id: id };
  if (event.type === 'ApplicationSubmitted') {
    const { data } = event;
    const { policy, ...application } = data;
    rows.add('cycle', {
      audit_cycle_id: id,
      organisation_id: data.organisationId,
      certificate_id: data.certificateId,
      kind: data.kind,
      status: 'APPLICATION_SUBMITTED',
      standard_identifier: data.standard.identifier,
      standard_version: data.standard.version,
      submitted_on: data.submittedOn,
      application: JSON.stringify(application),
      policy_profile: policy.profile,
      escalates_overdue_minors: policy.escalateOverdueMinor ? 1 : 0,
      review: null,
      transfer_review: null,
      decision: null,
      version,
    });
    return;
  }
  const cycle = rows.get('cycle', cycleKey);
  if (cycle) cycle.version = version;
  switch (event.type) {
    case 'ApplicationAccepted':
    case 'ApplicationRejected': {
      const { reviewedOn, reviewedBy, reasons } = event.data;
      if (!cycle) return;
      cycle.status =
        event.type === 'ApplicationAccepted' ? 'APPLICATION_ACCEPTED' : 'APPLICATION_REJECTED';
      cycle.review = JSON.stringify({ reviewedOn, reviewedBy, reasons });
      return;
    }
    case 'AuditPlanned': {
      const { data } = event;
      rows.add('audit', {
        audit_cycle_id: id,
        audit_id: data.auditId,
        planned_as: version,
        kind: data.kind,
        surveillance_number: data.surveillanceNumber,
        planned_start: data.plannedStart,
        planned_end: data.plannedEnd,
        mode: data.mode,
        lead_auditor_id: data.leadAuditorId,
        team: JSON.stringify(data.team),
        sites: JSON.stringify(data.sites),
        first_day: null,
        last_day: null,
        completed_team: null,
        completed_sites: null,
      });
      return;
    }
    case 'AuditCompleted': {
      const { data } = event;
      const audit = rows.get('audit', { ...cycleKey, audit_id: data.auditId });
      if (!audit) return;
      audit.first_day = data.firstDay;
      audit.last_day = data.lastDay;
      audit.lead_auditor_id = data.leadAuditorId;
      audit.completed_team = JSON.stringify(data.team);
      audit.completed_sites = JSON.stringify(data.sites);
      return;
    }
    case 'NonconformityRaised': {
      const { data } = event;
      rows.add('nonconformity', {
        audit_cycle_id: id,
        nc_id: data.ncId,
        raised_as: version,
        audit_id: data.auditId,
        audit_kind: data.auditKind,
        grade: data.grade,
        clause: data.clause,
        description: data.description,
        raised_on: data.raisedOn,
        response_due_on: data.responseDueOn,
        verification_limit_on: data.verificationLimitOn,
        plan_accepted_on: null,
        plan: null,
        verified_on: null,
        escalated_on: null,
      });
      return;
    }
    case 'CorrectiveActionPlanAccepted':
    case 'NonconformityVerified':
    case 'NonconformityEscalated': {
      const nonconformity = rows.get('nonconformity', { ...cycleKey, nc_id: event.data.ncId });
      if (!nonconformity) return;
      if (event.type === 'CorrectiveActionPlanAccepted') {
        nonconformity.plan_accepted_on = event.data.acceptedOn;
        nonconformity.plan = event.data.plan;
      } else if (event.type === 'NonconformityVerified') {
        nonconformity.verified_on = event.data.verifiedOn;
      } else {
        const { data } = event;
        nonconformity.grade = data.toGrade;
        nonconformity.escalated_on = data.escalatedOn;
        nonconformity.response_due_on = data.responseDueOn;
        nonconformity.verification_limit_on = data.verificationLimitOn;
      }
      return;
    }
    case 'TransferReviewRecorded':
      if (cycle) cycle.transfer_review = JSON.stringify(event.data);
      return;
    case 'CertificationGranted':
    case 'CertificationRefused':
      if (!cycle) return;
      cycle.status =
        event.type === 'CertificationGranted' ? 'CERTIFICATION_GRANTED' : 'CERTIFICATION_REFUSED';
      cycle.decision = JSON.stringify(decisionRecord(event));
      return;
  }
};

const applyBatch = (events: readonly RecordedEvent[], db: Database): void => {
  forgetCycleRows(db);
  for (const recorded of events) {
    const { category, id } = streamOf(recorded);
    if (category !== 'auditcycle') continue;
    applyEvent(db, id, recorded.version, domainEvent<AuditCycleEvent>(recorded));
  }
  flushCycleRows(db);
};

/**
 * Audit cycles: application, review, audits, nonconformities, transfer review, decision. Version 2:
 * each cycle row says whether the policy recorded at its application escalates overdue minor
 * nonconformities, so the deadline scan asks only those cycles.
 */
export const auditCyclesProjection: Projection = {
  name: 'audit_cycles',
  version: 2,
  setup: (db) => {
    dropTableWithout(db, 'rm_audit_cycles', 'escalates_overdue_minors');
    db.exec(AUDIT_CYCLE_TABLES);
  },
  queryIndexes: AUDIT_CYCLE_QUERY_INDEXES,
  reset: (db) => {
    db.exec('DELETE FROM rm_audit_cycles; DELETE FROM rm_audits; DELETE FROM rm_nonconformities;');
    forgetCycleRows(db);
  },
  applyBatch,
  rollback: forgetCycleRows,
};
