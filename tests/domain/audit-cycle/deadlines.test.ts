import {
  auditCycleDeadlines,
  type Deadline,
  deadlineExistsOn,
  deadlineStateOn,
  DEFAULT_POLICY,
  POLICY_PROFILES,
} from '../../../src/domain';
import {
  AuditCycleHistory,
  completeAudit,
  CYCLE_ID,
  d,
  decideCertification,
  planAudit,
  recordTransferReview,
  submitTransfer,
} from './audit-cycle-fixtures';

const byKey = (deadlines: Deadline[], key: string): Deadline => {
  const found = deadlines.find((deadline) => deadline.key === key);
  if (!found) throw new Error(`no deadline ${key} in ${deadlines.map((x) => x.key).join(', ')}`);
  return found;
};

const escalate = (ncId: string, escalatedOn: string) =>
  ({
    type: 'EscalateOverdueNonconformity',
    data: { auditCycleId: CYCLE_ID, ncId, escalatedOn: d(escalatedOn) },
  }) as const;

const stateOn = (history: AuditCycleHistory, key: string, asOf: string) =>
  deadlineStateOn(byKey(auditCycleDeadlines(history.state), key), d(asOf)).state;

describe('audit cycle deadlines', () => {
  it('has none before stage 1 is completed', () => {
    expect(auditCycleDeadlines(AuditCycleHistory.initial().accepted().state)).toEqual([]);
  });

  it('makes stage 2 due 6 months after stage 1, met by stage 2', () => {
    const stage1 = AuditCycleHistory.initial().accepted().stage1();
    expect(auditCycleDeadlines(stage1.state)).toEqual([
      {
        type: 'STAGE2_DUE',
        key: 'STAGE2_DUE:stage1',
        dueDate: d('2024-08-06'),
        openedOn: d('2024-02-06'),
        closesOn: null,
        metOn: null,
        subject: 'stage 2 audit after stage 1 stage1',
      },
    ]);
    expect(stateOn(stage1, 'STAGE2_DUE:stage1', '2024-08-06')).toBe('DUE_TODAY');
    expect(stateOn(stage1, 'STAGE2_DUE:stage1', '2024-08-07')).toBe('OVERDUE');
    expect(stateOn(stage1.stage2(), 'STAGE2_DUE:stage1', '2024-08-07')).toBe('MET');
  });

  it('does not tell, as of a date, when the deadline will be met later', () => {
    const deadline = byKey(
      auditCycleDeadlines(AuditCycleHistory.initial().accepted().stage1().stage2().state),
      'STAGE2_DUE:stage1',
    );
    expect(deadline.metOn).toBe('2024-03-06');
    expect(deadlineStateOn(deadline, d('2024-03-05'))).toMatchObject({
      state: 'UPCOMING',
      metOn: null,
    });
    expect(deadlineStateOn(deadline, d('2024-03-06'))).toMatchObject({
      state: 'MET',
      metOn: '2024-03-06',
    });
  });

  it('gives each nonconformity a response deadline: a plan meets a minor, only verification a major', () => {
    const history = AuditCycleHistory.readyForDecision()
      .nonconformity('nc-major', 'stage2', 'MAJOR', '2024-03-06')
      .nonconformity('nc-minor', 'stage2', 'MINOR', '2024-03-06')
      .planAccepted('nc-major', '2024-03-10')
      .planAccepted('nc-minor', '2024-03-11');
    const deadlines = auditCycleDeadlines(history.state);
    expect(byKey(deadlines, 'NC_RESPONSE_DUE:nc-minor')).toEqual({
      type: 'NC_RESPONSE_DUE',
      key: 'NC_RESPONSE_DUE:nc-minor',
      dueDate: d('2024-06-04'),
      openedOn: d('2024-03-06'),
      closesOn: null,
      metOn: d('2024-03-11'),
      subject: 'minor nonconformity nc-minor',
    });
    expect(byKey(deadlines, 'NC_RESPONSE_DUE:nc-major').metOn).toBeNull();
    expect(stateOn(history, 'NC_RESPONSE_DUE:nc-major', '2024-06-05')).toBe('OVERDUE');
    expect(
      stateOn(history.verified('nc-major', '2024-03-18'), 'NC_RESPONSE_DUE:nc-major', '2024-06-05'),
    ).toBe('MET');
  });

  it('limits verification of stage-2 majors to 6 months after stage 2, met when all are verified', () => {
    const history = AuditCycleHistory.readyForDecision()
      .nonconformity('nc-1', 'stage2', 'MAJOR', '2024-03-06')
      .nonconformity('nc-2', 'stage2', 'MAJOR', '2024-03-06')
      .verified('nc-1', '2024-04-01');
    const key = 'MAJOR_NC_VERIFICATION_LIMIT:stage2';
    expect(byKey(auditCycleDeadlines(history.state), key)).toMatchObject({
      dueDate: '2024-09-06',
      metOn: null,
    });
    expect(stateOn(history, key, '2024-09-07')).toBe('OVERDUE');
    const allVerified = history.verified('nc-2', '2024-05-02');
    expect(byKey(auditCycleDeadlines(allVerified.state), key).metOn).toBe('2024-05-02');
  });

  it('leaves the major-NC verification limit overdue after a verification past it', () => {
    const late = AuditCycleHistory.readyForDecision()
      .nonconformity('nc-1', 'stage2', 'MAJOR', '2024-03-06')
      .verified('nc-1', '2024-09-07');
    const key = 'MAJOR_NC_VERIFICATION_LIMIT:stage2';
    expect(byKey(auditCycleDeadlines(late.state), key).metOn).toBeNull();
    expect(stateOn(late, key, '2024-09-10')).toBe('OVERDUE');
    const onTime = AuditCycleHistory.readyForDecision()
      .nonconformity('nc-1', 'stage2', 'MAJOR', '2024-03-06')
      .verified('nc-1', '2024-09-06');
    expect(byKey(auditCycleDeadlines(onTime.state), key).metOn).toBe('2024-09-06');
  });

  it('ends a missed major-NC verification limit, unmet, on the last day of the repeated stage 2', () => {
    const key = 'MAJOR_NC_VERIFICATION_LIMIT:stage2';
    const planned = AuditCycleHistory.readyForDecision()
      .nonconformity('nc-1', 'stage2', 'MAJOR', '2024-03-06')
      .verified('nc-1', '2024-09-07')
      .run(planAudit('stage2-repeat', 'STAGE2', '2024-09-16', '2024-09-17'));
    expect(byKey(auditCycleDeadlines(planned.state), key)).toMatchObject({
      dueDate: '2024-09-06',
      metOn: null,
      closesOn: null,
    });
    expect(stateOn(planned, key, '2024-09-20')).toBe('OVERDUE');
    const repeated = planned.run(completeAudit('stage2-repeat', '2024-09-16', '2024-09-17'));
    expect(byKey(auditCycleDeadlines(repeated.state), key).closesOn).toBe('2024-09-17');
    expect(stateOn(repeated, key, '2024-09-06')).toBe('DUE_TODAY');
    expect(stateOn(repeated, key, '2024-09-16')).toBe('OVERDUE');
    expect(
      deadlineStateOn(byKey(auditCycleDeadlines(repeated.state), key), d('2024-09-17')),
    ).toMatchObject({ state: 'ENDED', metOn: null });
    expect(stateOn(repeated.granted('2024-10-15'), key, '2024-10-15')).toBe('ENDED');
  });

  it('keeps the repeated stage 2 its own major-NC verification limit beside the first', () => {
    const repeated = AuditCycleHistory.readyForDecision()
      .nonconformity('nc-1', 'stage2', 'MAJOR', '2024-03-06')
      .run(planAudit('stage2-repeat', 'STAGE2', '2024-09-16', '2024-09-17'))
      .run(completeAudit('stage2-repeat', '2024-09-16', '2024-09-17'))
      .nonconformity('nc-2', 'stage2-repeat', 'MAJOR', '2024-09-17')
      .verified('nc-2', '2024-10-01');
    const deadlines = auditCycleDeadlines(repeated.state);
    expect(byKey(deadlines, 'MAJOR_NC_VERIFICATION_LIMIT:stage2')).toMatchObject({
      metOn: null,
      closesOn: '2024-09-17',
    });
    expect(byKey(deadlines, 'MAJOR_NC_VERIFICATION_LIMIT:stage2-repeat')).toMatchObject({
      dueDate: '2025-03-17',
      openedOn: '2024-09-17',
      metOn: '2024-10-01',
      closesOn: null,
    });
  });

  it('gives a stage-2 minor escalated to major a verification limit of its own, opened on the escalation', () => {
    const escalated = AuditCycleHistory.readyForDecision({
      ...DEFAULT_POLICY,
      escalateOverdueMinor: true,
    })
      .nonconformity('nc-1', 'stage2', 'MINOR', '2024-03-06')
      .run(escalate('nc-1', '2024-06-10'));
    const deadlines = auditCycleDeadlines(escalated.state);
    expect(deadlines.map(({ key }) => key)).not.toContain('MAJOR_NC_VERIFICATION_LIMIT:stage2');
    const limit = byKey(deadlines, 'MAJOR_NC_VERIFICATION_LIMIT:stage2:nc-1');
    expect(limit).toEqual({
      type: 'MAJOR_NC_VERIFICATION_LIMIT',
      key: 'MAJOR_NC_VERIFICATION_LIMIT:stage2:nc-1',
      dueDate: d('2024-09-06'),
      openedOn: d('2024-06-10'),
      closesOn: null,
      metOn: null,
      subject:
        'verification of minor nonconformity nc-1, escalated to major on 2024-06-10, of stage 2 stage2',
    });
    expect(deadlineExistsOn(limit, d('2024-06-09'))).toBe(false);
    expect(deadlineExistsOn(limit, d('2024-06-10'))).toBe(true);
    expect(byKey(deadlines, 'NC_RESPONSE_DUE:nc-1')).toMatchObject({
      openedOn: '2024-03-06',
      subject: 'minor nonconformity nc-1, escalated to major on 2024-06-10',
    });
  });

  it("keeps the stage-2 limit met on its majors' verification when a minor is escalated later", () => {
    const given = () =>
      AuditCycleHistory.readyForDecision({ ...DEFAULT_POLICY, escalateOverdueMinor: true })
        .nonconformity('nc-major', 'stage2', 'MAJOR', '2024-03-06')
        .nonconformity('nc-minor', 'stage2', 'MINOR', '2024-03-06')
        .verified('nc-major', '2024-04-01');
    const stageKey = 'MAJOR_NC_VERIFICATION_LIMIT:stage2';
    const escalatedKey = 'MAJOR_NC_VERIFICATION_LIMIT:stage2:nc-minor';
    const before = byKey(auditCycleDeadlines(given().state), stageKey);

    const escalated = given().run(escalate('nc-minor', '2024-06-10'));

    const deadlines = auditCycleDeadlines(escalated.state);
    expect(byKey(deadlines, stageKey)).toEqual(before);
    expect(before).toMatchObject({ openedOn: '2024-03-06', metOn: '2024-04-01', closesOn: null });
    expect(stateOn(escalated, stageKey, '2024-05-01')).toBe('MET');
    expect(byKey(deadlines, escalatedKey)).toMatchObject({
      dueDate: '2024-09-06',
      openedOn: '2024-06-10',
      metOn: null,
    });
    expect(stateOn(escalated, escalatedKey, '2024-09-07')).toBe('OVERDUE');
    const verified = escalated.verified('nc-minor', '2024-08-01');
    expect(byKey(auditCycleDeadlines(verified.state), escalatedKey).metOn).toBe('2024-08-01');
    expect(stateOn(verified, stageKey, '2024-08-01')).toBe('MET');
  });

  it('keeps an escalated major that missed the limit overdue until the repeated stage 2 ends it', () => {
    const escalatedKey = 'MAJOR_NC_VERIFICATION_LIMIT:stage2:nc-minor';
    const missed = AuditCycleHistory.readyForDecision({
      ...DEFAULT_POLICY,
      escalateOverdueMinor: true,
    })
      .nonconformity('nc-major', 'stage2', 'MAJOR', '2024-03-06')
      .nonconformity('nc-minor', 'stage2', 'MINOR', '2024-03-06')
      .verified('nc-major', '2024-04-01')
      .run(escalate('nc-minor', '2024-06-10'))
      .verified('nc-minor', '2024-09-07');
    expect(byKey(auditCycleDeadlines(missed.state), escalatedKey).metOn).toBeNull();
    expect(stateOn(missed, escalatedKey, '2024-09-10')).toBe('OVERDUE');

    const repeated = missed
      .run(planAudit('stage2-repeat', 'STAGE2', '2024-09-16', '2024-09-17'))
      .run(completeAudit('stage2-repeat', '2024-09-16', '2024-09-17'));

    expect(stateOn(repeated, escalatedKey, '2024-09-16')).toBe('OVERDUE');
    expect(stateOn(repeated, escalatedKey, '2024-09-17')).toBe('ENDED');
    expect(stateOn(repeated, 'MAJOR_NC_VERIFICATION_LIMIT:stage2', '2024-09-17')).toBe('MET');
  });

  it('keeps the findings of a repeated stage 2 open until the repeat is completed, which ends them unmet', () => {
    const planned = AuditCycleHistory.readyForDecision()
      .nonconformity('nc-major', 'stage2', 'MAJOR', '2024-03-06')
      .nonconformity('nc-minor', 'stage2', 'MINOR', '2024-03-06')
      .nonconformity('nc-answered', 'stage2', 'MINOR', '2024-03-06')
      .planAccepted('nc-answered', '2024-04-01')
      .run(planAudit('stage2-repeat', 'STAGE2', '2024-09-16', '2024-09-17'));
    for (const ncId of ['nc-major', 'nc-minor']) {
      const key = `NC_RESPONSE_DUE:${ncId}`;
      expect(byKey(auditCycleDeadlines(planned.state), key)).toMatchObject({
        dueDate: '2024-06-04',
        metOn: null,
        closesOn: null,
      });
      expect(stateOn(planned, key, '2024-09-10')).toBe('OVERDUE');
    }
    const repeated = planned.run(completeAudit('stage2-repeat', '2024-09-16', '2024-09-17'));
    const deadlines = auditCycleDeadlines(repeated.state);
    for (const ncId of ['nc-major', 'nc-minor']) {
      const deadline = byKey(deadlines, `NC_RESPONSE_DUE:${ncId}`);
      expect(deadline).toMatchObject({ metOn: null, closesOn: '2024-09-17' });
      expect(deadlineStateOn(deadline, d('2024-05-01')).state).toBe('UPCOMING');
      expect(deadlineStateOn(deadline, d('2024-09-16')).state).toBe('OVERDUE');
      expect(deadlineStateOn(deadline, d('2024-09-17'))).toMatchObject({
        state: 'ENDED',
        metOn: null,
      });
    }
    expect(byKey(deadlines, 'NC_RESPONSE_DUE:nc-answered')).toMatchObject({
      metOn: '2024-04-01',
      closesOn: null,
    });
    const answeredLate = repeated.planAccepted('nc-minor', '2024-09-20');
    expect(stateOn(answeredLate, 'NC_RESPONSE_DUE:nc-minor', '2024-09-20')).toBe('ENDED');
  });

  it("ends the findings of a repeated stage 1 on the repeat's last day", () => {
    const history = AuditCycleHistory.initial()
      .accepted()
      .stage1()
      .nonconformity('nc-1', 'stage1', 'MINOR', '2024-02-06')
      .stage1('2024-09-02', '2024-09-03', 'stage1-repeat');
    expect(byKey(auditCycleDeadlines(history.state), 'NC_RESPONSE_DUE:nc-1')).toMatchObject({
      dueDate: '2024-05-06',
      metOn: null,
      closesOn: '2024-09-03',
    });
    expect(stateOn(history, 'NC_RESPONSE_DUE:nc-1', '2024-09-02')).toBe('OVERDUE');
    expect(stateOn(history, 'NC_RESPONSE_DUE:nc-1', '2024-09-03')).toBe('ENDED');
  });

  it('keeps stage 2 met on the first stage 2 when stage 2 is repeated for a major past its limit', () => {
    const key = 'STAGE2_DUE:stage1';
    const withMajor = AuditCycleHistory.readyForDecision().nonconformity(
      'nc-1',
      'stage2',
      'MAJOR',
      '2024-03-06',
    );
    const planned = withMajor.run(planAudit('stage2-repeat', 'STAGE2', '2024-09-16', '2024-09-17'));
    expect(byKey(auditCycleDeadlines(planned.state), key).metOn).toBe('2024-03-06');
    expect(stateOn(planned, key, '2024-09-10')).toBe('MET');
    const repeated = planned.run(completeAudit('stage2-repeat', '2024-09-16', '2024-09-17'));
    expect(byKey(auditCycleDeadlines(repeated.state), key).metOn).toBe('2024-03-06');
    expect(stateOn(repeated, key, '2024-05-01')).toBe('MET');
  });

  it('makes surveillance 1 and 2 due on the decision anniversaries, met by their completion', () => {
    const history = AuditCycleHistory.grantedCycle();
    expect(stateOn(history, 'SURVEILLANCE_AUDIT_DUE:1', '2025-03-19')).toBe('UPCOMING');
    expect(stateOn(history, 'SURVEILLANCE_AUDIT_DUE:1', '2025-03-20')).toBe('DUE_TODAY');
    expect(stateOn(history, 'SURVEILLANCE_AUDIT_DUE:1', '2025-03-21')).toBe('OVERDUE');
    expect(byKey(auditCycleDeadlines(history.state), 'SURVEILLANCE_AUDIT_DUE:2').dueDate).toBe(
      '2026-03-20',
    );
    const afterS1 = history.surveillance(1, '2025-02-10', '2025-02-11');
    expect(stateOn(afterS1, 'SURVEILLANCE_AUDIT_DUE:1', '2025-02-11')).toBe('MET');
    expect(stateOn(afterS1, 'SURVEILLANCE_AUDIT_DUE:1', '2025-02-10')).toBe('UPCOMING');
    expect(stateOn(afterS1, 'SURVEILLANCE_AUDIT_DUE:2', '2026-03-21')).toBe('OVERDUE');
  });

  it('ends what is still open, unmet, when the certificate is withdrawn, and keeps what was met', () => {
    const afterS1 = AuditCycleHistory.grantedCycle().surveillance(1, '2025-02-10', '2025-02-11');
    const deadlines = auditCycleDeadlines(afterS1.state, {
      certificateWithdrawnOn: d('2025-06-30'),
    });
    expect(byKey(deadlines, 'SURVEILLANCE_AUDIT_DUE:1').metOn).toBe('2025-02-11');
    const s2 = byKey(deadlines, 'SURVEILLANCE_AUDIT_DUE:2');
    expect(s2).toMatchObject({ metOn: null, closesOn: '2025-06-30' });
    expect(deadlineStateOn(s2, d('2025-06-29')).state).toBe('UPCOMING');
    expect(deadlineStateOn(s2, d('2025-06-30'))).toMatchObject({ state: 'ENDED', metOn: null });
  });

  it('ends what is left of the surveillance programme when a later cycle renews it, as of that day', () => {
    const afterS1 = AuditCycleHistory.grantedCycle().surveillance(1, '2025-02-10', '2025-02-11');
    const deadlines = auditCycleDeadlines(afterS1.state, { renewedOn: d('2025-12-01') });
    expect(byKey(deadlines, 'SURVEILLANCE_AUDIT_DUE:1')).toMatchObject({
      metOn: '2025-02-11',
      closesOn: null,
    });
    const s2 = byKey(deadlines, 'SURVEILLANCE_AUDIT_DUE:2');
    expect(s2).toMatchObject({ metOn: null, closesOn: '2025-12-01' });
    expect(deadlineStateOn(s2, d('2025-11-30')).state).toBe('UPCOMING');
    expect(deadlineStateOn(s2, d('2025-12-01')).state).toBe('ENDED');
    expect(byKey(auditCycleDeadlines(afterS1.state), 'SURVEILLANCE_AUDIT_DUE:2').closesOn).toBe(
      null,
    );
  });

  it('ends on the renewal a surveillance audit done only after it, and a withdrawal leaves it so', () => {
    const lateS2 = AuditCycleHistory.grantedCycle()
      .surveillance(1, '2025-02-10', '2025-02-11')
      .surveillance(2, '2026-01-05', '2026-01-06');
    const renewed = auditCycleDeadlines(lateS2.state, { renewedOn: d('2025-12-01') });
    expect(byKey(renewed, 'SURVEILLANCE_AUDIT_DUE:2')).toMatchObject({
      metOn: '2026-01-06',
      closesOn: '2025-12-01',
    });
    expect(
      deadlineStateOn(byKey(renewed, 'SURVEILLANCE_AUDIT_DUE:2'), d('2026-02-01')),
    ).toMatchObject({ state: 'ENDED', metOn: null });
    const afterS1 = AuditCycleHistory.grantedCycle().surveillance(1, '2025-02-10', '2025-02-11');
    const withdrawnLater = auditCycleDeadlines(afterS1.state, {
      renewedOn: d('2025-12-01'),
      certificateWithdrawnOn: d('2027-03-01'),
    });
    expect(byKey(withdrawnLater, 'SURVEILLANCE_AUDIT_DUE:2')).toMatchObject({
      metOn: null,
      closesOn: '2025-12-01',
    });
    const withdrawnFirst = auditCycleDeadlines(afterS1.state, {
      renewedOn: d('2025-12-01'),
      certificateWithdrawnOn: d('2025-06-30'),
    });
    expect(byKey(withdrawnFirst, 'SURVEILLANCE_AUDIT_DUE:2')).toMatchObject({
      metOn: null,
      closesOn: '2025-06-30',
    });
  });

  it('ends what is still open, unmet, on the day the certificate lapsed for good, and keeps what was met', () => {
    const afterS1 = AuditCycleHistory.grantedCycle().surveillance(1, '2025-02-10', '2025-02-11');
    const deadlines = auditCycleDeadlines(afterS1.state, {
      certificateLapsedOn: d('2027-09-20'),
    });
    expect(byKey(deadlines, 'SURVEILLANCE_AUDIT_DUE:1')).toMatchObject({
      metOn: '2025-02-11',
      closesOn: null,
    });
    const s2 = byKey(deadlines, 'SURVEILLANCE_AUDIT_DUE:2');
    expect(s2).toMatchObject({ metOn: null, closesOn: '2027-09-20' });
    expect(deadlineStateOn(s2, d('2027-09-19')).state).toBe('OVERDUE');
    expect(deadlineStateOn(s2, d('2027-09-20'))).toMatchObject({ state: 'ENDED', metOn: null });
  });

  it('keeps surveillance 2 opened on the decision once surveillance 1 is done, under the dated rules', () => {
    for (const surveillanceRule of ['DECISION_ANNIVERSARY', 'CALENDAR_YEAR'] as const) {
      const history = AuditCycleHistory.grantedCycle({ ...DEFAULT_POLICY, surveillanceRule });
      const afterS1 = history.surveillance(1, '2025-02-10', '2025-02-11');
      const s2 = byKey(auditCycleDeadlines(afterS1.state), 'SURVEILLANCE_AUDIT_DUE:2');
      expect(s2.openedOn).toBe('2024-03-20');
      expect(deadlineStateOn(s2, d('2025-01-01')).state).toBe('UPCOMING');
    }
  });

  it('due dates follow the CALENDAR_YEAR rule, the first capped at decision + 12 months', () => {
    const history = AuditCycleHistory.grantedCycle({
      ...DEFAULT_POLICY,
      surveillanceRule: 'CALENDAR_YEAR',
    });
    const deadlines = auditCycleDeadlines(history.state);
    expect(byKey(deadlines, 'SURVEILLANCE_AUDIT_DUE:1').dueDate).toBe('2025-03-20');
    expect(byKey(deadlines, 'SURVEILLANCE_AUDIT_DUE:2').dueDate).toBe('2026-12-31');
  });

  it('under PREVIOUS_PLUS_12_MONTHS shows surveillance 2 once surveillance 1 is done', () => {
    const history = AuditCycleHistory.grantedCycle(POLICY_PROFILES.CN_CNCA);
    expect(auditCycleDeadlines(history.state).map((x) => x.key)).not.toContain(
      'SURVEILLANCE_AUDIT_DUE:2',
    );
    const afterS1 = history.surveillance(1, '2025-02-10', '2025-02-11');
    expect(byKey(auditCycleDeadlines(afterS1.state), 'SURVEILLANCE_AUDIT_DUE:2')).toMatchObject({
      dueDate: '2026-02-11',
      openedOn: '2025-02-11',
      closesOn: null,
    });
    expect(byKey(auditCycleDeadlines(afterS1.state), 'SURVEILLANCE_AUDIT_DUE:1').openedOn).toBe(
      '2024-03-20',
    );
  });

  it("has none of the previous CB's programme before the pre-transfer review is recorded", () => {
    const accepted = new AuditCycleHistory().run(submitTransfer()).accepted('2025-06-05');
    expect(auditCycleDeadlines(accepted.state)).toEqual([]);
  });

  it('continues the previous programme from the recorded pre-transfer review', () => {
    const reviewed = new AuditCycleHistory()
      .run(submitTransfer())
      .accepted('2025-06-05')
      .run(recordTransferReview());
    expect(auditCycleDeadlines(reviewed.state)).toEqual([
      {
        type: 'SURVEILLANCE_AUDIT_DUE',
        key: 'SURVEILLANCE_AUDIT_DUE:2',
        dueDate: d('2026-03-20'),
        openedOn: d('2025-06-10'),
        closesOn: null,
        metOn: null,
        subject: 'surveillance audit 2',
      },
    ]);
  });

  it("keeps a transfer's surveillance opened on the pre-transfer review once the transfer is granted", () => {
    const granted = new AuditCycleHistory()
      .run(submitTransfer())
      .accepted('2025-06-05')
      .run(recordTransferReview())
      .run(decideCertification('2025-06-20'));
    expect(granted.state.status).toBe('CERTIFICATION_GRANTED');
    expect(byKey(auditCycleDeadlines(granted.state), 'SURVEILLANCE_AUDIT_DUE:2')).toMatchObject({
      dueDate: '2026-03-20',
      openedOn: '2025-06-10',
    });
  });

  it('ends what is still open, unmet, when certification is refused, and keeps what was met', () => {
    const refused = AuditCycleHistory.readyForDecision()
      .nonconformity('nc-1', 'stage2', 'MAJOR', '2024-03-06')
      .run(decideCertification('2024-09-20', { decision: 'REFUSED', reasons: ['major open'] }));
    const deadlines = auditCycleDeadlines(refused.state);
    expect(deadlines.map(({ key, metOn, closesOn }) => ({ key, metOn, closesOn }))).toEqual([
      { key: 'STAGE2_DUE:stage1', metOn: '2024-03-06', closesOn: null },
      { key: 'NC_RESPONSE_DUE:nc-1', metOn: null, closesOn: '2024-09-20' },
      { key: 'MAJOR_NC_VERIFICATION_LIMIT:stage2', metOn: null, closesOn: '2024-09-20' },
    ]);
    expect(stateOn(refused, 'NC_RESPONSE_DUE:nc-1', '2024-09-19')).toBe('OVERDUE');
    expect(stateOn(refused, 'MAJOR_NC_VERIFICATION_LIMIT:stage2', '2024-09-19')).toBe('OVERDUE');
    expect(stateOn(refused, 'NC_RESPONSE_DUE:nc-1', '2024-09-20')).toBe('ENDED');
    expect(stateOn(refused, 'MAJOR_NC_VERIFICATION_LIMIT:stage2', '2024-09-20')).toBe('ENDED');
  });

  it('ends the stage-2 deadline of a stage 1 replaced by a repetition, unmet, when the repeat is completed', () => {
    const history = AuditCycleHistory.initial()
      .accepted()
      .stage1()
      .run(planAudit('stage2', 'STAGE2', '2024-08-05', '2024-08-06'))
      .stage1('2024-09-02', '2024-09-03', 'stage1-repeat');
    expect(auditCycleDeadlines(history.state).map((x) => x.key)).toEqual([
      'STAGE2_DUE:stage1',
      'STAGE2_DUE:stage1-repeat',
    ]);
    expect(byKey(auditCycleDeadlines(history.state), 'STAGE2_DUE:stage1')).toMatchObject({
      dueDate: '2024-08-06',
      metOn: null,
      closesOn: '2024-09-03',
    });
    expect(stateOn(history, 'STAGE2_DUE:stage1', '2024-09-02')).toBe('OVERDUE');
    expect(stateOn(history, 'STAGE2_DUE:stage1', '2024-09-03')).toBe('ENDED');
    expect(byKey(auditCycleDeadlines(history.state), 'STAGE2_DUE:stage1-repeat')).toMatchObject({
      dueDate: '2025-03-03',
      openedOn: '2024-09-03',
      metOn: null,
      closesOn: null,
    });
  });

  it('keeps an overdue stage-2 deadline while the repeated stage 1 is only planned', () => {
    const given = () => AuditCycleHistory.initial().accepted().stage1();
    const when = given().run(planAudit('stage1-repeat', 'STAGE1', '2024-09-02', '2024-09-03'));
    expect(auditCycleDeadlines(when.state)).toEqual(auditCycleDeadlines(given().state));
    expect(auditCycleDeadlines(when.state).map((x) => x.key)).toEqual(['STAGE2_DUE:stage1']);
    expect(stateOn(when, 'STAGE2_DUE:stage1', '2024-09-10')).toBe('OVERDUE');
  });
});
