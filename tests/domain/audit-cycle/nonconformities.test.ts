import {
  AuditNotCompletedError,
  AuditOrderError,
  CorrectiveActionPlanAlreadyAcceptedError,
  DEFAULT_POLICY,
  DuplicateNonconformityError,
  type EscalateOverdueNonconformity,
  EscalationDisabledError,
  NonconformityClosedError,
  NonconformityNotFoundError,
  NonconformityNotOverdueError,
  NotAMinorNonconformityError,
} from '../../../src/domain';
import {
  AuditCycleHistory,
  CYCLE_ID,
  d,
  LEAD,
  planAudit,
  raiseNonconformity,
  spec,
  verifyNonconformity,
} from './audit-cycle-fixtures';

const escalate = (ncId: string, escalatedOn: string): EscalateOverdueNonconformity => ({
  type: 'EscalateOverdueNonconformity',
  data: { auditCycleId: CYCLE_ID, ncId, escalatedOn: d(escalatedOn) },
});

const escalatingPolicy = { ...DEFAULT_POLICY, escalateOverdueMinor: true };

describe('raising nonconformities', () => {
  it('records the grade and a response due 90 days after the audit last day', () => {
    spec(AuditCycleHistory.initial().accepted().stage1().stage2().events)
      .when(raiseNonconformity('nc-1', 'stage2', 'MINOR', '2024-03-06'))
      .then([
        {
          type: 'NonconformityRaised',
          data: {
            auditCycleId: CYCLE_ID,
            ncId: 'nc-1',
            auditId: 'stage2',
            auditKind: 'STAGE2',
            grade: 'MINOR',
            clause: '8.2.3',
            description: 'service level targets not monitored',
            raisedOn: d('2024-03-06'),
            raisedBy: LEAD,
            responseDueOn: d('2024-06-04'),
            verificationLimitOn: null,
          },
        },
      ]);
  });

  it('gives a stage-2 major its verification limit, 6 months after stage 2 last day', () => {
    const [event] = spec(AuditCycleHistory.readyForDecision().events)
      .when(raiseNonconformity('nc-1', 'stage2', 'MAJOR', '2024-03-06'))
      .events();
    expect(event?.data).toMatchObject({
      responseDueOn: '2024-06-04',
      verificationLimitOn: '2024-09-06',
    });
  });

  it('refuses a finding on an audit not yet completed', () => {
    const history = AuditCycleHistory.initial()
      .accepted()
      .run(planAudit('stage1', 'STAGE1', '2024-02-05', '2024-02-06'));
    spec(history.events)
      .when(raiseNonconformity('nc-1', 'stage1', 'MINOR', '2024-02-06'))
      .thenThrows(AuditNotCompletedError, {
        rule: 'AUDIT_NOT_COMPLETED',
        message: /2024-02-05 to 2024-02-06/,
      });
  });

  it('refuses a finding raised after the response it would be due by', () => {
    const stage2 = AuditCycleHistory.readyForDecision();
    const [event] = spec(stage2.events)
      .when(raiseNonconformity('nc-late', 'stage2', 'MINOR', '2024-06-04'))
      .events();
    expect(event?.data).toMatchObject({ raisedOn: '2024-06-04', responseDueOn: '2024-06-04' });
    spec(stage2.events)
      .when(raiseNonconformity('nc-late', 'stage2', 'MAJOR', '2024-06-05'))
      .thenThrows(AuditOrderError, {
        rule: 'AUDIT_ORDER',
        message:
          'a nonconformity raised on 2024-06-05, after the response it is due by (2024-06-04, 90 days after audit stage2 ended on 2024-03-06): findings are reported with their audit',
      });
  });

  it('refuses a duplicate nonconformity id', () => {
    const history = AuditCycleHistory.readyForDecision().nonconformity(
      'nc-1',
      'stage2',
      'MINOR',
      '2024-03-06',
    );
    spec(history.events)
      .when(raiseNonconformity('nc-1', 'stage2', 'MAJOR', '2024-03-06'))
      .thenThrows(DuplicateNonconformityError, {
        rule: 'DUPLICATE_NONCONFORMITY',
        message: /2024-03-06/,
      });
  });
});

describe('answering nonconformities', () => {
  const withMinor = () =>
    AuditCycleHistory.readyForDecision().nonconformity('nc-1', 'stage2', 'MINOR', '2024-03-06');

  it('accepts a corrective action plan', () => {
    spec(withMinor().events)
      .when({
        type: 'AcceptCorrectiveActionPlan',
        data: {
          auditCycleId: CYCLE_ID,
          ncId: 'nc-1',
          acceptedOn: d('2024-03-15'),
          acceptedBy: LEAD,
          plan: 'p',
        },
      })
      .then([
        {
          type: 'CorrectiveActionPlanAccepted',
          data: {
            auditCycleId: CYCLE_ID,
            ncId: 'nc-1',
            acceptedOn: d('2024-03-15'),
            acceptedBy: LEAD,
            plan: 'p',
          },
        },
      ]);
  });

  it('refuses a second plan acceptance', () => {
    spec(withMinor().planAccepted('nc-1', '2024-03-15').events)
      .when({
        type: 'AcceptCorrectiveActionPlan',
        data: {
          auditCycleId: CYCLE_ID,
          ncId: 'nc-1',
          acceptedOn: d('2024-03-16'),
          acceptedBy: LEAD,
          plan: 'p',
        },
      })
      .thenThrows(CorrectiveActionPlanAlreadyAcceptedError, {
        rule: 'CORRECTIVE_ACTION_PLAN_ALREADY_ACCEPTED',
        message: /2024-03-15/,
      });
  });

  it('verifies correction and corrective action, closing the nonconformity', () => {
    const [event] = spec(withMinor().events)
      .when(verifyNonconformity('nc-1', '2024-03-18'))
      .events();
    expect(event).toMatchObject({
      type: 'NonconformityVerified',
      data: { verifiedOn: '2024-03-18' },
    });
  });

  it('refuses a verification dated before the accepted corrective-action plan', () => {
    spec(withMinor().planAccepted('nc-1', '2024-03-20').events)
      .when(verifyNonconformity('nc-1', '2024-03-18'))
      .thenThrows(AuditOrderError, {
        rule: 'AUDIT_ORDER',
        message:
          "verification on 2024-03-18 precedes the acceptance of nonconformity nc-1's corrective-action plan on 2024-03-20",
      });
  });

  it('refuses to act on a closed nonconformity', () => {
    spec(withMinor().verified('nc-1', '2024-03-18').events)
      .when({
        type: 'AcceptCorrectiveActionPlan',
        data: {
          auditCycleId: CYCLE_ID,
          ncId: 'nc-1',
          acceptedOn: d('2024-03-19'),
          acceptedBy: LEAD,
          plan: 'p',
        },
      })
      .thenThrows(NonconformityClosedError, {
        rule: 'NONCONFORMITY_CLOSED',
        message: /closed on 2024-03-18/,
      });
  });

  it('refuses an unknown nonconformity', () => {
    spec(withMinor().events)
      .when(verifyNonconformity('nc-9', '2024-03-18'))
      .thenThrows(NonconformityNotFoundError, { rule: 'NONCONFORMITY_NOT_FOUND', message: /nc-9/ });
  });
});

describe('escalating an overdue minor nonconformity', () => {
  const withMinor = (policy = escalatingPolicy) =>
    AuditCycleHistory.readyForDecision(policy).nonconformity(
      'nc-1',
      'stage2',
      'MINOR',
      '2024-03-06',
    );

  it('is refused when the policy does not escalate (the default)', () => {
    spec(withMinor(DEFAULT_POLICY).events)
      .when(escalate('nc-1', '2024-06-05'))
      .thenThrows(EscalationDisabledError, { rule: 'ESCALATION_DISABLED', message: /ISO_17021/ });
  });

  it('is refused on or before the response due date', () => {
    spec(withMinor().events)
      .when(escalate('nc-1', '2024-06-04'))
      .thenThrows(NonconformityNotOverdueError, {
        rule: 'NONCONFORMITY_NOT_OVERDUE',
        message: /not overdue on 2024-06-04.*due by 2024-06-04/,
      });
  });

  it('is refused once the plan is accepted', () => {
    spec(withMinor().planAccepted('nc-1', '2024-03-15').events)
      .when(escalate('nc-1', '2024-06-05'))
      .thenThrows(NonconformityNotOverdueError, {
        rule: 'NONCONFORMITY_NOT_OVERDUE',
        message: /2024-03-15/,
      });
  });

  it('turns an overdue minor into a major with the stage-2 verification limit', () => {
    spec(withMinor().events)
      .when(escalate('nc-1', '2024-06-05'))
      .then([
        {
          type: 'NonconformityEscalated',
          data: {
            auditCycleId: CYCLE_ID,
            ncId: 'nc-1',
            escalatedOn: d('2024-06-05'),
            fromGrade: 'MINOR',
            toGrade: 'MAJOR',
            responseDueOn: d('2024-06-04'),
            verificationLimitOn: d('2024-09-06'),
          },
        },
      ]);
  });

  it('is refused for a major', () => {
    spec(withMinor().run(escalate('nc-1', '2024-06-05')).events)
      .when(escalate('nc-1', '2024-06-06'))
      .thenThrows(NotAMinorNonconformityError, {
        rule: 'NOT_A_MINOR_NONCONFORMITY',
        message: /nc-1/,
      });
  });
});
