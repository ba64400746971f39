import {
  AuditAlreadyCompletedError,
  AuditKindNotAllowedError,
  AuditNotFoundError,
  AuditOrderError,
  DEFAULT_POLICY,
  DuplicateAuditError,
  InvalidAuditCycleInputError,
  Stage2WindowExceededError,
} from '../../../src/domain';
import {
  AUDITOR,
  AuditCycleHistory,
  CYCLE_ID,
  completeAudit,
  d,
  decideCertification,
  LEAD,
  planAudit,
  spec,
  submitRecertification,
} from './audit-cycle-fixtures';

const accepted = () => AuditCycleHistory.initial().accepted();

describe('planning audits', () => {
  it('plans stage 1 with its team, mode and sites', () => {
    spec(accepted().events)
      .when(planAudit('stage1', 'STAGE1', '2024-02-05', '2024-02-06', { mode: 'HYBRID' }))
      .then([
        {
          type: 'AuditPlanned',
          data: {
            auditCycleId: CYCLE_ID,
            auditId: 'stage1',
            kind: 'STAGE1',
            surveillanceNumber: null,
            plannedStart: d('2024-02-05'),
            plannedEnd: d('2024-02-06'),
            mode: 'HYBRID',
            leadAuditorId: LEAD,
            team: [LEAD, AUDITOR],
            sites: ['site-hq'],
          },
        },
      ]);
  });

  it('refuses an empty team', () => {
    spec(accepted().events)
      .when(planAudit('stage1', 'STAGE1', '2024-02-05', '2024-02-06', { team: [] }))
      .thenThrows(InvalidAuditCycleInputError, { rule: 'INVALID_INPUT', message: /team/ });
  });

  it('refuses a lead auditor who is not on the team', () => {
    spec(accepted().events)
      .when(planAudit('stage1', 'STAGE1', '2024-02-05', '2024-02-06', { team: [AUDITOR] }))
      .thenThrows(InvalidAuditCycleInputError, { rule: 'INVALID_INPUT', message: /p-lead/ });
  });

  it('refuses a team that names a person twice, as it refuses a site named twice', () => {
    spec(accepted().events)
      .when(
        planAudit('stage1', 'STAGE1', '2024-02-05', '2024-02-06', { team: [LEAD, AUDITOR, LEAD] }),
      )
      .thenThrows(InvalidAuditCycleInputError, {
        rule: 'INVALID_INPUT',
        field: 'team',
        message: /team names p-lead twice/,
      });
  });

  it('refuses an actual team that names a person twice', () => {
    const history = accepted().run(planAudit('stage1', 'STAGE1', '2024-02-05', '2024-02-06'));
    spec(history.events)
      .when(completeAudit('stage1', '2024-02-05', '2024-02-06', { team: [LEAD, AUDITOR, AUDITOR] }))
      .thenThrows(InvalidAuditCycleInputError, { field: 'team', message: /p-auditor twice/ });
  });

  it('refuses a planned end before the planned start', () => {
    spec(accepted().events)
      .when(planAudit('stage1', 'STAGE1', '2024-02-06', '2024-02-05'))
      .thenThrows(InvalidAuditCycleInputError, {
        rule: 'INVALID_INPUT',
        message: /2024-02-05.*2024-02-06/,
      });
  });

  it('refuses stage 2 before stage 1 is completed', () => {
    const history = accepted().run(planAudit('stage1', 'STAGE1', '2024-02-05', '2024-02-06'));
    spec(history.events)
      .when(planAudit('stage2', 'STAGE2', '2024-03-04', '2024-03-06'))
      .thenThrows(AuditOrderError, {
        rule: 'AUDIT_ORDER',
        message: /stage1.*2024-02-05.*not completed/,
      });
  });

  it('refuses stage 2 without any stage 1', () => {
    spec(accepted().events)
      .when(planAudit('stage2', 'STAGE2', '2024-03-04', '2024-03-06'))
      .thenThrows(AuditOrderError, { rule: 'AUDIT_ORDER', message: /no stage 1/ });
  });

  it('refuses a second open stage 1', () => {
    const history = accepted().run(planAudit('stage1', 'STAGE1', '2024-02-05', '2024-02-06'));
    spec(history.events)
      .when(planAudit('stage1-b', 'STAGE1', '2024-02-12', '2024-02-13'))
      .thenThrows(AuditOrderError, {
        rule: 'AUDIT_ORDER',
        message: /already planned \(2024-02-05/,
      });
  });

  it('refuses a duplicate audit id', () => {
    const history = accepted().run(planAudit('stage1', 'STAGE1', '2024-02-05', '2024-02-06'));
    spec(history.events)
      .when(planAudit('stage1', 'SPECIAL', '2024-02-12', '2024-02-13'))
      .thenThrows(DuplicateAuditError, { rule: 'DUPLICATE_AUDIT', message: /2024-02-05/ });
  });

  it('refuses stage audits in a recertification cycle', () => {
    const history = new AuditCycleHistory().run(submitRecertification()).accepted('2026-10-01');
    spec(history.events)
      .when(planAudit('stage1', 'STAGE1', '2026-11-02', '2026-11-03'))
      .thenThrows(AuditKindNotAllowedError, {
        rule: 'AUDIT_KIND_NOT_ALLOWED',
        message: /INITIAL cycles.*RECERTIFICATION cycle/,
      });
  });

  it('refuses a recertification audit in an initial cycle', () => {
    spec(accepted().events)
      .when(planAudit('recert', 'RECERTIFICATION', '2024-02-05', '2024-02-06'))
      .thenThrows(AuditKindNotAllowedError, {
        rule: 'AUDIT_KIND_NOT_ALLOWED',
        message: /RECERTIFICATION cycles; audit cycle \S+ is an INITIAL cycle$/,
      });
  });

  it('refuses surveillance before a granted decision', () => {
    spec(AuditCycleHistory.readyForDecision().events)
      .when(planAudit('s1', 'SURVEILLANCE', '2025-02-10', '2025-02-11', { surveillanceNumber: 1 }))
      .thenThrows(AuditOrderError, {
        rule: 'AUDIT_ORDER',
        message: /surveillance audit 1.*granted/,
      });
  });

  it('plans surveillance 1 after the grant', () => {
    const [event] = spec(AuditCycleHistory.grantedCycle().events)
      .when(planAudit('s1', 'SURVEILLANCE', '2025-02-10', '2025-02-11', { surveillanceNumber: 1 }))
      .events();
    expect(event?.data).toMatchObject({ kind: 'SURVEILLANCE', surveillanceNumber: 1 });
  });

  it('refuses a surveillance audit planned to start before the certification decision', () => {
    spec(AuditCycleHistory.grantedCycle().events)
      .when(planAudit('s1', 'SURVEILLANCE', '2024-03-19', '2024-03-20', { surveillanceNumber: 1 }))
      .thenThrows(AuditOrderError, {
        rule: 'AUDIT_ORDER',
        message:
          'surveillance audit 1 planned to start on 2024-03-19 precedes the certification decision of 2024-03-20',
      });
  });

  it('plans surveillance 1 from the decision day on, before the certificate takes effect too', () => {
    const granted = AuditCycleHistory.readyForDecision().run(
      decideCertification('2024-03-20', { effectiveOn: d('2024-06-01') }),
    );
    const [event] = spec(granted.events)
      .when(planAudit('s1', 'SURVEILLANCE', '2024-03-20', '2024-03-21', { surveillanceNumber: 1 }))
      .events();
    expect(event?.data).toMatchObject({ kind: 'SURVEILLANCE', plannedStart: '2024-03-20' });
  });

  it('refuses surveillance 2 planned to start on or before surveillance 1 ended, as its completion is', () => {
    spec(AuditCycleHistory.grantedCycle().surveillance(1, '2025-02-10', '2025-02-11').events)
      .when(planAudit('s2', 'SURVEILLANCE', '2025-02-11', '2025-02-12', { surveillanceNumber: 2 }))
      .thenThrows(AuditOrderError, {
        rule: 'AUDIT_ORDER',
        message:
          'surveillance audit 2 planned to start on 2025-02-11 must follow surveillance audit 1, whose last day was 2025-02-11',
      });
  });

  it('plans surveillance 2 from the day after surveillance 1 ended', () => {
    const [event] = spec(
      AuditCycleHistory.grantedCycle().surveillance(1, '2025-02-10', '2025-02-11').events,
    )
      .when(planAudit('s2', 'SURVEILLANCE', '2025-02-12', '2025-02-13', { surveillanceNumber: 2 }))
      .events();
    expect(event?.data).toMatchObject({ kind: 'SURVEILLANCE', surveillanceNumber: 2 });
  });

  it('refuses surveillance 2 before surveillance 1 is completed', () => {
    spec(AuditCycleHistory.grantedCycle().events)
      .when(planAudit('s2', 'SURVEILLANCE', '2026-02-10', '2026-02-11', { surveillanceNumber: 2 }))
      .thenThrows(AuditOrderError, {
        rule: 'AUDIT_ORDER',
        message: /surveillance audit 2 follows surveillance audit 1/,
      });
  });

  it('refuses a surveillance audit without its number', () => {
    spec(AuditCycleHistory.grantedCycle().events)
      .when(planAudit('s1', 'SURVEILLANCE', '2025-02-10', '2025-02-11'))
      .thenThrows(InvalidAuditCycleInputError, {
        rule: 'INVALID_INPUT',
        message: 'a surveillance audit needs surveillanceNumber 1 or 2; none was given',
      });
  });

  it('refuses a surveillance number for an audit that is not a surveillance, naming the field', () => {
    spec(accepted().events)
      .when(planAudit('special', 'SPECIAL', '2024-02-05', '2024-02-06', { surveillanceNumber: 2 }))
      .thenThrows(InvalidAuditCycleInputError, {
        rule: 'INVALID_INPUT',
        message:
          'surveillanceNumber is given only for a SURVEILLANCE audit; a SPECIAL audit has none',
      });
  });

  it('refuses a surveillance audit that was already completed', () => {
    const history = AuditCycleHistory.grantedCycle().surveillance(1, '2025-02-10', '2025-02-11');
    spec(history.events)
      .when(
        planAudit('s1-again', 'SURVEILLANCE', '2025-03-10', '2025-03-11', {
          surveillanceNumber: 1,
        }),
      )
      .thenThrows(AuditOrderError, {
        rule: 'AUDIT_ORDER',
        message: /already completed on 2025-02-11/,
      });
  });

  it('refuses stage audits after the decision', () => {
    spec(AuditCycleHistory.grantedCycle().events)
      .when(planAudit('stage1-b', 'STAGE1', '2024-05-05', '2024-05-06'))
      .thenThrows(AuditOrderError, { rule: 'AUDIT_ORDER', message: /decision of 2024-03-20/ });
  });

  it('refuses a transition audit for a standard that is not superseded', () => {
    spec(AuditCycleHistory.grantedCycle().events)
      .when(planAudit('transition', 'TRANSITION', '2024-05-05', '2024-05-06'))
      .thenThrows(AuditKindNotAllowedError, {
        rule: 'AUDIT_KIND_NOT_ALLOWED',
        message: /20000-1:2018 is not superseded/,
      });
  });

  it('plans stage 2 ending on the last day of its window after stage 1', () => {
    const [event] = spec(accepted().stage1().events)
      .when(planAudit('stage2', 'STAGE2', '2024-08-05', '2024-08-06'))
      .events();
    expect(event?.data).toMatchObject({ kind: 'STAGE2', plannedEnd: '2024-08-06' });
  });

  it('refuses to plan stage 2 ending after its window: stage 1 must be repeated', () => {
    spec(accepted().stage1().events)
      .when(planAudit('stage2', 'STAGE2', '2024-08-06', '2024-08-07'))
      .thenThrows(Stage2WindowExceededError, {
        rule: 'STAGE2_WINDOW_EXCEEDED',
        message:
          "stage 2 planned to end on 2024-08-07 is more than 6 months after stage 1's last day " +
          '2024-02-06 (stage 2 was due by 2024-08-06): stage 1 must be repeated',
      });
  });

  it('plans a stage 2 that repeats a stage 2 after its window, as the repetition is due', () => {
    const history = accepted()
      .stage1()
      .stage2('2024-03-04', '2024-03-06')
      .nonconformity('nc-1', 'stage2', 'MAJOR', '2024-03-06');
    const [event] = spec(history.events)
      .when(planAudit('stage2-repeat', 'STAGE2', '2024-10-01', '2024-10-02'))
      .events();
    expect(event?.data).toMatchObject({ auditId: 'stage2-repeat', kind: 'STAGE2' });
  });

  it('plans special audits at any time after acceptance', () => {
    const [event] = spec(accepted().events)
      .when(planAudit('special', 'SPECIAL', '2024-01-20', '2024-01-20', { mode: 'REMOTE' }))
      .events();
    expect(event?.data).toMatchObject({ kind: 'SPECIAL', mode: 'REMOTE' });
  });
});

describe('completing audits', () => {
  const stage1Done = () => accepted().stage1();

  it('records the actual days and team, and when stage 2 is due', () => {
    spec(accepted().run(planAudit('stage1', 'STAGE1', '2024-02-05', '2024-02-06')).events)
      .when(completeAudit('stage1', '2024-02-05', '2024-02-07', { team: [LEAD] }))
      .then([
        {
          type: 'AuditCompleted',
          data: {
            auditCycleId: CYCLE_ID,
            auditId: 'stage1',
            kind: 'STAGE1',
            surveillanceNumber: null,
            firstDay: d('2024-02-05'),
            lastDay: d('2024-02-07'),
            leadAuditorId: LEAD,
            team: [LEAD],
            sites: ['site-hq'],
            stage2DueOn: d('2024-08-07'),
            majorNcVerificationLimitOn: null,
            nextSurveillance: null,
          },
        },
      ]);
  });

  it('completes stage 2 on the last day of the window', () => {
    const history = stage1Done().run(planAudit('stage2', 'STAGE2', '2024-08-05', '2024-08-06'));
    const [event] = spec(history.events)
      .when(completeAudit('stage2', '2024-08-05', '2024-08-06'))
      .events();
    expect(event?.data).toMatchObject({
      lastDay: '2024-08-06',
      majorNcVerificationLimitOn: '2025-02-06',
    });
  });

  it('refuses stage 2 ending more than 6 months after stage 1: stage 1 must be repeated', () => {
    const history = stage1Done().run(planAudit('stage2', 'STAGE2', '2024-08-05', '2024-08-06'));
    spec(history.events)
      .when(completeAudit('stage2', '2024-08-06', '2024-08-07'))
      .thenThrows(Stage2WindowExceededError, {
        rule: 'STAGE2_WINDOW_EXCEEDED',
        message: /2024-08-07.*2024-02-06.*due by 2024-08-06.*stage 1 must be repeated/,
      });
  });

  it('allows stage 1 to be repeated after the window, and measures stage 2 from the repetition', () => {
    const history = stage1Done()
      .run(planAudit('stage2', 'STAGE2', '2024-08-05', '2024-08-06'))
      .stage1('2024-09-02', '2024-09-03', 'stage1-repeat')
      .run(planAudit('stage2-repeat', 'STAGE2', '2024-10-01', '2024-10-02'));
    const [event] = spec(history.events)
      .when(completeAudit('stage2-repeat', '2024-10-01', '2024-10-02'))
      .events();
    expect(event?.data).toMatchObject({ auditId: 'stage2-repeat', kind: 'STAGE2' });
  });

  it('refuses to complete a stage 2 replaced by a repeated stage 1', () => {
    const history = stage1Done()
      .run(planAudit('stage2', 'STAGE2', '2024-08-05', '2024-08-06'))
      .stage1('2024-09-02', '2024-09-03', 'stage1-repeat');
    spec(history.events)
      .when(completeAudit('stage2', '2024-09-10', '2024-09-11'))
      .thenThrows(AuditOrderError, { rule: 'AUDIT_ORDER', message: /stage2 was replaced/ });
  });

  it('refuses an audit planned or held before the application was accepted', () => {
    const accepted = AuditCycleHistory.initial().accepted('2024-01-15');
    spec(accepted.events)
      .when(planAudit('stage1', 'STAGE1', '2024-01-14', '2024-01-16'))
      .thenThrows(AuditOrderError, {
        rule: 'AUDIT_ORDER',
        message:
          'STAGE1 audit planned to start on 2024-01-14 precedes the acceptance of the application on 2024-01-15',
      });
    spec(accepted.run(planAudit('stage1', 'STAGE1', '2024-01-15', '2024-01-16')).events)
      .when(completeAudit('stage1', '2024-01-10', '2024-01-11'))
      .thenThrows(AuditOrderError, {
        rule: 'AUDIT_ORDER',
        message:
          'STAGE1 audit stage1 starting on 2024-01-10 precedes the acceptance of the application on 2024-01-15',
      });
  });

  it('refuses stage 2 starting before stage 1 ended, planned or actual', () => {
    spec(stage1Done().events)
      .when(planAudit('stage2', 'STAGE2', '2024-02-06', '2024-02-07'))
      .thenThrows(AuditOrderError, {
        rule: 'AUDIT_ORDER',
        message:
          'stage 2 planned to start on 2024-02-06 must follow stage 1, whose last day was 2024-02-06',
      });
    const history = stage1Done().run(planAudit('stage2', 'STAGE2', '2024-02-07', '2024-02-08'));
    spec(history.events)
      .when(completeAudit('stage2', '2024-02-06', '2024-02-07'))
      .thenThrows(AuditOrderError, { rule: 'AUDIT_ORDER', message: /2024-02-06.*2024-02-06/ });
  });

  it('refuses to repeat stage 1 once stage 2 is completed', () => {
    spec(stage1Done().stage2().events)
      .when(planAudit('stage1-b', 'STAGE1', '2024-04-01', '2024-04-02'))
      .thenThrows(AuditOrderError, {
        rule: 'AUDIT_ORDER',
        message: /stage2 was completed on 2024-03-06/,
      });
  });

  it('refuses to complete an audit twice', () => {
    spec(stage1Done().events)
      .when(completeAudit('stage1', '2024-02-05', '2024-02-06'))
      .thenThrows(AuditAlreadyCompletedError, {
        rule: 'AUDIT_ALREADY_COMPLETED',
        message: /2024-02-06/,
      });
  });

  it('refuses to complete an audit that was never planned', () => {
    spec(stage1Done().events)
      .when(completeAudit('ghost', '2024-02-05', '2024-02-06'))
      .thenThrows(AuditNotFoundError, { rule: 'AUDIT_NOT_FOUND', message: /ghost/ });
  });

  it('refuses a surveillance audit that starts before the certification decision', () => {
    const history = AuditCycleHistory.grantedCycle().run(
      planAudit('s1', 'SURVEILLANCE', '2024-03-25', '2024-03-26', { surveillanceNumber: 1 }),
    );
    spec(history.events)
      .when(completeAudit('s1', '2024-03-18', '2024-03-19'))
      .thenThrows(AuditOrderError, { rule: 'AUDIT_ORDER', message: /2024-03-18.*2024-03-20/ });
  });

  it('records when surveillance 2 is due when surveillance 1 completes', () => {
    const history = AuditCycleHistory.grantedCycle().run(
      planAudit('s1', 'SURVEILLANCE', '2025-02-10', '2025-02-11', { surveillanceNumber: 1 }),
    );
    const [event] = spec(history.events)
      .when(completeAudit('s1', '2025-02-10', '2025-02-11'))
      .events();
    expect(event?.data).toMatchObject({ nextSurveillance: { number: 2, dueOn: '2026-03-20' } });
  });

  it('counts surveillance 2 from surveillance 1 under PREVIOUS_PLUS_12_MONTHS', () => {
    const cn = { ...DEFAULT_POLICY, surveillanceRule: 'PREVIOUS_PLUS_12_MONTHS' as const };
    const history = AuditCycleHistory.grantedCycle(cn).run(
      planAudit('s1', 'SURVEILLANCE', '2025-02-10', '2025-02-11', { surveillanceNumber: 1 }),
    );
    const [event] = spec(history.events)
      .when(completeAudit('s1', '2025-02-10', '2025-02-11'))
      .events();
    expect(event?.data).toMatchObject({ nextSurveillance: { number: 2, dueOn: '2026-02-11' } });
  });
});
