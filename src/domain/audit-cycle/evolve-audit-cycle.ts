import type { AuditCycleEvent } from './audit-cycle-events';
import type { Audit, AuditCycle, AuditCycleState, Nonconformity } from './audit-cycle-state';

const updateNonconformity = (
  cycle: AuditCycle,
  ncId: string,
  change: Partial<Nonconformity>,
): AuditCycle => ({
  ...cycle,
  nonconformities: cycle.nonconformities.map((nc) =>
    nc.ncId === ncId ? { ...nc, ...change } : nc,
  ),
});

const evolveCycle = (cycle: AuditCycle, event: AuditCycleEvent): AuditCycle => {
  switch (event.type) {
    case 'ApplicationSubmitted':
      return cycle;
    case 'ApplicationAccepted':
    case 'ApplicationRejected': {
      const { reviewedOn, reviewedBy, reasons } = event.data;
      const status =
        event.type === 'ApplicationAccepted' ? 'APPLICATION_ACCEPTED' : 'APPLICATION_REJECTED';
      return { ...cycle, status, review: { reviewedOn, reviewedBy, reasons } };
    }
    case 'AuditPlanned': {
      const planned: Audit = {
        auditId: event.data.auditId,
        kind: event.data.kind,
        surveillanceNumber: event.data.surveillanceNumber,
        plannedStart: event.data.plannedStart,
        plannedEnd: event.data.plannedEnd,
        mode: event.data.mode,
        leadAuditorId: event.data.leadAuditorId,
        team: event.data.team,
        sites: event.data.sites,
        completion: null,
      };
      return { ...cycle, audits: [...cycle.audits, planned] };
    }
    case 'AuditCompleted': {
      const { auditId, firstDay, lastDay, leadAuditorId, team, sites } = event.data;
      const completion = { firstDay, lastDay, leadAuditorId, team, sites };
      return {
        ...cycle,
        audits: cycle.audits.map((a) => (a.auditId === auditId ? { ...a, completion } : a)),
      };
    }
    case 'NonconformityRaised': {
      const raised: Nonconformity = {
        ncId: event.data.ncId,
        auditId: event.data.auditId,
        auditKind: event.data.auditKind,
        grade: event.data.grade,
        clause: event.data.clause,
        description: event.data.description,
        raisedOn: event.data.raisedOn,
        raisedBy: event.data.raisedBy ?? null,
        responseDueOn: event.data.responseDueOn,
        verificationLimitOn: event.data.verificationLimitOn,
        planAcceptedOn: null,
        planAcceptedBy: null,
        verifiedOn: null,
        verifiedBy: null,
        escalatedOn: null,
      };
      return { ...cycle, nonconformities: [...cycle.nonconformities, raised] };
    }
    case 'CorrectiveActionPlanAccepted':
      return updateNonconformity(cycle, event.data.ncId, {
        planAcceptedOn: event.data.acceptedOn,
        planAcceptedBy: event.data.acceptedBy,
      });
    case 'NonconformityVerified':
      return updateNonconformity(cycle, event.data.ncId, {
        verifiedOn: event.data.verifiedOn,
        verifiedBy: event.data.verifiedBy,
      });
    case 'NonconformityEscalated':
      return updateNonconformity(cycle, event.data.ncId, {
        grade: event.data.toGrade,
        escalatedOn: event.data.escalatedOn,
        verificationLimitOn: event.data.verificationLimitOn,
      });
    case 'TransferReviewRecorded':
      return { ...cycle, transferReview: event.data };
    case 'CertificationGranted': {
      const { decidedOn, decisionMakerId, outcome, cycleDecisionDate } = event.data;
      return {
        ...cycle,
        status: 'CERTIFICATION_GRANTED',
        decision: { decision: 'GRANTED', decidedOn, decisionMakerId, outcome, cycleDecisionDate },
      };
    }
    case 'CertificationRefused': {
      const { decidedOn, decisionMakerId } = event.data;
      return {
        ...cycle,
        status: 'CERTIFICATION_REFUSED',
        decision: {
          decision: 'REFUSED',
          decidedOn,
          decisionMakerId,
          outcome: null,
          cycleDecisionDate: null,
        },
      };
    }
    default: {
      const unknown: never = event;
      throw new Error(`unknown audit cycle event ${JSON.stringify(unknown)}`);
    }
  }
};

export const evolveAuditCycle = (
  state: AuditCycleState,
  event: AuditCycleEvent,
): AuditCycleState => {
  if (event.type === 'ApplicationSubmitted') {
    return {
      status: 'APPLICATION_SUBMITTED',
      application: event.data,
      policy: event.data.policy,
      review: null,
      audits: [],
      nonconformities: [],
      transferReview: null,
      decision: null,
    };
  }
  if (state.status === 'NOT_STARTED') return state;
  return evolveCycle(state, event);
};
