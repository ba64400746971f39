import {
  ConsultancyCoolingOffError,
  ApplicationNotAcceptedError,
  AuditOrderError,
  AuditCycleClosedError,
  CertificationAlreadyDecidedError,
  DecisionBeforeAuditEndError,
  DEFAULT_POLICY,
  EffectiveDateBeforeDecisionError,
  EffectiveDateTooLateError,
  ImpartialityError,
  InvalidAuditCycleInputError,
  MajorNcVerificationLimitError,
  OpenNonconformitiesError,
  RefusalReasonsRequiredError,
  Stage2NotCompletedError,
  StandardVersionClosedError,
} from '../../../src/domain';
import {
  AUDITOR,
  AuditCycleHistory,
  CYCLE_ID,
  completeAudit,
  d,
  DECIDER,
  decideCertification,
  LEAD,
  planAudit,
  spec,
  submitApplication,
} from './audit-cycle-fixtures';

describe('granting initial certification', () => {
  it('records everything the certificate needs, with the computed expiry and surveillance dates', () => {
    spec(AuditCycleHistory.readyForDecision().events)
      .when(decideCertification('2024-03-20'))
      .then([
        {
          type: 'CertificationGranted',
          data: {
            auditCycleId: CYCLE_ID,
            organisationId: 'org-1',
            certificateId: 'cert-1',
            kind: 'INITIAL',
            outcome: 'ISSUE',
            decisionMakerId: DECIDER,
            decidedOn: d('2024-03-20'),
            effectiveOn: d('2024-03-20'),
            expiryDate: d('2027-03-19'),
            previousExpiryDate: null,
            reasons: ['all requirements met'],
            standard: { identifier: 'ISO/IEC 20000-1', version: '2018' },
            scope: submitApplication().data.scope,
            sites: ['site-hq'],
            cycleDecisionDate: d('2024-03-20'),
            surveillanceDue: [
              { number: 1, dueOn: d('2025-03-20') },
              { number: 2, dueOn: d('2026-03-20') },
            ],
            transfer: null,
            policy: DEFAULT_POLICY,
          },
        },
      ]);
  });

  it('keeps the effective date asked for when it is after the decision', () => {
    const [event] = spec(AuditCycleHistory.readyForDecision().events)
      .when(
        decideCertification('2024-03-20', {
          effectiveOn: d('2024-04-01'),
        }),
      )
      .events();
    expect(event?.data).toMatchObject({ effectiveOn: '2024-04-01', expiryDate: '2027-03-31' });
  });

  it('refuses an effective date before the decision', () => {
    spec(AuditCycleHistory.readyForDecision().events)
      .when(decideCertification('2024-03-20', { effectiveOn: d('2024-03-19') }))
      .thenThrows(EffectiveDateBeforeDecisionError, {
        rule: 'EFFECTIVE_BEFORE_DECISION',
        message: /2024-03-19.*2024-03-20/,
      });
  });

  it('keeps an effective date the day before surveillance audit 1 is due', () => {
    const [event] = spec(AuditCycleHistory.readyForDecision().events)
      .when(decideCertification('2024-03-20', { effectiveOn: d('2025-03-19') }))
      .events();
    expect(event?.data).toMatchObject({ effectiveOn: '2025-03-19', expiryDate: '2028-03-18' });
  });

  it('refuses an effective date on or after the day surveillance audit 1 is due', () => {
    for (const effectiveOn of ['2025-03-20', '2034-03-20']) {
      spec(AuditCycleHistory.readyForDecision().events)
        .when(decideCertification('2024-03-20', { effectiveOn: d(effectiveOn) }))
        .thenThrows(EffectiveDateTooLateError, {
          rule: 'EFFECTIVE_DATE_TOO_LATE',
          message:
            `effectiveOn ${effectiveOn} is too late: the certificate's cycle begins at the ` +
            'decision of 2024-03-20 and surveillance audit 1 is due by 2025-03-20, so it takes ' +
            'effect before 2025-03-20',
        });
    }
  });

  it('refuses a decision before the application is accepted', () => {
    spec(AuditCycleHistory.initial().events)
      .when(decideCertification('2024-03-20'))
      .thenThrows(ApplicationNotAcceptedError, {
        rule: 'APPLICATION_NOT_ACCEPTED',
        message: /2024-01-10/,
      });
  });

  it('refuses to grant before stage 2 is completed', () => {
    const history = AuditCycleHistory.initial()
      .accepted()
      .stage1()
      .run(planAudit('stage2', 'STAGE2', '2024-03-04', '2024-03-06'));
    spec(history.events)
      .when(decideCertification('2024-03-20'))
      .thenThrows(Stage2NotCompletedError, {
        rule: 'STAGE2_NOT_COMPLETED',
        message: /2024-03-20.*stage 2.*planned 2024-03-04/,
      });
  });

  it('refuses a decision dated before the last day of stage 2', () => {
    spec(AuditCycleHistory.readyForDecision().events)
      .when(decideCertification('2024-03-05'))
      .thenThrows(DecisionBeforeAuditEndError, {
        rule: 'DECISION_BEFORE_AUDIT_END',
        message: /2024-03-05.*2024-03-06/,
      });
  });

  it('refuses a grant dated before the end of another audit of the cycle, as a refusal is', () => {
    const history = AuditCycleHistory.readyForDecision()
      .run(planAudit('follow-up', 'SPECIAL', '2024-03-25', '2024-03-26'))
      .run(completeAudit('follow-up', '2024-03-25', '2024-03-26'));
    spec(history.events)
      .when(decideCertification('2024-03-20'))
      .thenThrows(DecisionBeforeAuditEndError, {
        rule: 'DECISION_BEFORE_AUDIT_END',
        message: /2024-03-20 precedes the end of SPECIAL audit follow-up on 2024-03-26/,
      });
    const [event] = spec(history.events).when(decideCertification('2024-03-26')).events();
    expect(event?.type).toBe('CertificationGranted');
  });

  it('grants on the last day of stage 2', () => {
    const [event] = spec(AuditCycleHistory.readyForDecision().events)
      .when(decideCertification('2024-03-06'))
      .events();
    expect(event?.type).toBe('CertificationGranted');
  });

  it('refuses a decision dated before the application was accepted', () => {
    spec(AuditCycleHistory.readyForDecision().events)
      .when(decideCertification('2024-01-14'))
      .thenThrows(InvalidAuditCycleInputError, {
        rule: 'INVALID_INPUT',
        message: /2024-01-14.*2024-01-15/,
      });
  });

  it('refuses to grant while a major is unverified or a minor has no accepted plan, listing them', () => {
    const history = AuditCycleHistory.readyForDecision()
      .nonconformity('nc-major', 'stage2', 'MAJOR', '2024-03-06')
      .nonconformity('nc-minor', 'stage2', 'MINOR', '2024-03-06')
      .nonconformity('nc-answered', 'stage2', 'MINOR', '2024-03-06')
      .planAccepted('nc-major', '2024-03-10')
      .planAccepted('nc-answered', '2024-03-10');
    const error = spec(history.events)
      .when(decideCertification('2024-03-20'))
      .thenThrows(OpenNonconformitiesError, {
        rule: 'OPEN_NONCONFORMITIES',
        message: /2024-03-20.*nc-major \(major, not verified, response due 2024-06-04\).*nc-minor/,
      });
    expect(error.message).not.toMatch(/nc-answered/);
  });

  it('grants when every major is verified and every minor has an accepted plan', () => {
    const history = AuditCycleHistory.readyForDecision()
      .nonconformity('nc-major', 'stage2', 'MAJOR', '2024-03-06')
      .nonconformity('nc-minor', 'stage2', 'MINOR', '2024-03-06')
      .verified('nc-major', '2024-03-18')
      .planAccepted('nc-minor', '2024-03-12');
    const [event] = spec(history.events).when(decideCertification('2024-03-20')).events();
    expect(event?.type).toBe('CertificationGranted');
  });

  it('counts a verification dated after the decision as open', () => {
    const history = AuditCycleHistory.readyForDecision()
      .nonconformity('nc-major', 'stage2', 'MAJOR', '2024-03-06')
      .verified('nc-major', '2024-03-25');
    spec(history.events)
      .when(decideCertification('2024-03-20'))
      .thenThrows(OpenNonconformitiesError, { rule: 'OPEN_NONCONFORMITIES', message: /nc-major/ });
  });

  it('refuses a decision by a member of the audit team', () => {
    spec(AuditCycleHistory.readyForDecision().events)
      .when(decideCertification('2024-03-20', { decisionMakerId: AUDITOR }))
      .thenThrows(ImpartialityError, {
        rule: 'IMPARTIALITY',
        message: /p-auditor.*STAGE1 audit stage1 \(2024-02-05 to 2024-02-06\)/,
      });
  });

  it('refuses a decision by someone who joined an audit only on the day (actual team)', () => {
    const history = AuditCycleHistory.initial()
      .accepted()
      .stage1()
      .run(planAudit('stage2', 'STAGE2', '2024-03-04', '2024-03-06'))
      .run(completeAudit('stage2', '2024-03-04', '2024-03-06', { team: [LEAD, 'p-expert'] }));
    spec(history.events)
      .when(decideCertification('2024-03-20', { decisionMakerId: 'p-expert' }))
      .thenThrows(ImpartialityError, {
        rule: 'IMPARTIALITY',
        message: /p-expert.*STAGE2 audit stage2/,
      });
  });

  it('refuses a decision by someone only planned on a team, saying so', () => {
    const history = AuditCycleHistory.initial()
      .accepted()
      .stage1()
      .run(planAudit('stage2', 'STAGE2', '2024-03-04', '2024-03-06', { team: [LEAD, 'p-expert'] }))
      .run(completeAudit('stage2', '2024-03-05', '2024-03-06', { team: [LEAD] }));
    spec(history.events)
      .when(decideCertification('2024-03-20', { decisionMakerId: 'p-expert' }))
      .thenThrows(ImpartialityError, {
        rule: 'IMPARTIALITY',
        message:
          /p-expert was on the planned audit team of STAGE2 audit stage2 \(planned 2024-03-04 to 2024-03-06; not on the team that did it from 2024-03-05 to 2024-03-06\)/,
      });
  });

  it('refuses a decision by a member of a team of an audit not yet done, as planned', () => {
    const history = AuditCycleHistory.readyForDecision().run(
      planAudit('special', 'SPECIAL', '2024-03-25', '2024-03-25', {
        team: ['p-expert'],
        leadAuditorId: 'p-expert',
      }),
    );
    spec(history.events)
      .when(decideCertification('2024-03-20', { decisionMakerId: 'p-expert' }))
      .thenThrows(ImpartialityError, {
        message:
          /p-expert is on the planned audit team of SPECIAL audit special \(planned 2024-03-25 to 2024-03-25\)/,
      });
  });

  it('refuses a decision by the person who verified a nonconformity of the cycle', () => {
    const history = AuditCycleHistory.readyForDecision()
      .nonconformity('nc-major', 'stage2', 'MAJOR', '2024-03-06')
      .verified('nc-major', '2024-03-18', DECIDER);
    spec(history.events)
      .when(decideCertification('2024-03-20'))
      .thenThrows(ImpartialityError, {
        rule: 'IMPARTIALITY',
        message: new RegExp(`${DECIDER} verified nonconformity nc-major of STAGE2 audit stage2`),
      });
  });

  it('refuses a decision by the person who raised a nonconformity of the cycle, on no team', () => {
    const history = AuditCycleHistory.readyForDecision()
      .nonconformity('nc-minor', 'stage2', 'MINOR', '2024-03-06', DECIDER)
      .planAccepted('nc-minor', '2024-03-12');
    spec(history.events)
      .when(decideCertification('2024-03-20'))
      .thenThrows(ImpartialityError, {
        rule: 'IMPARTIALITY',
        message: new RegExp(`${DECIDER} raised nonconformity nc-minor of STAGE2 audit stage2`),
      });
  });

  it('refuses a refusal by the person who raised a nonconformity of the cycle too', () => {
    const history = AuditCycleHistory.readyForDecision().nonconformity(
      'nc-major',
      'stage2',
      'MAJOR',
      '2024-03-06',
      DECIDER,
    );
    spec(history.events)
      .when(decideCertification('2024-03-20', { decision: 'REFUSED' }))
      .thenThrows(ImpartialityError, { rule: 'IMPARTIALITY', message: /raised nonconformity/ });
  });

  it('refuses a decision by the person who accepted a corrective-action plan of the cycle', () => {
    const history = AuditCycleHistory.readyForDecision()
      .nonconformity('nc-minor', 'stage2', 'MINOR', '2024-03-06')
      .planAccepted('nc-minor', '2024-03-12', DECIDER);
    spec(history.events)
      .when(decideCertification('2024-03-20'))
      .thenThrows(ImpartialityError, {
        rule: 'IMPARTIALITY',
        message: new RegExp(
          `${DECIDER} accepted the corrective-action plan of nonconformity nc-minor`,
        ),
      });
  });

  it('lets a person who took no part in the audits or their findings decide', () => {
    const history = AuditCycleHistory.readyForDecision()
      .nonconformity('nc-minor', 'stage2', 'MINOR', '2024-03-06')
      .planAccepted('nc-minor', '2024-03-12');
    const [event] = spec(history.events).when(decideCertification('2024-03-20')).events();
    expect(event?.type).toBe('CertificationGranted');
  });

  it('refuses a refusal by a member of the audit team too', () => {
    spec(AuditCycleHistory.readyForDecision().events)
      .when(decideCertification('2024-03-20', { decision: 'REFUSED', decisionMakerId: LEAD }))
      .thenThrows(ImpartialityError, { rule: 'IMPARTIALITY', message: /p-lead/ });
  });

  it('refuses certification to a version past its transition end', () => {
    const history = AuditCycleHistory.version2011Stage1().stage2('2022-03-28', '2022-03-30');
    spec(history.events)
      .when(decideCertification('2022-04-01'))
      .thenThrows(StandardVersionClosedError, {
        rule: 'STANDARD_VERSION_CLOSED',
        message: /20000-1:2011 on 2022-04-01.*ended on 2022-03-31/,
      });
  });

  it('caps the expiry of a superseded version at its transition end', () => {
    const history = new AuditCycleHistory()
      .run(
        submitApplication({
          standard: { identifier: 'ISO/IEC 27001', version: '2013' },
          submittedOn: d('2024-01-10'),
        }),
      )
      .accepted()
      .stage1()
      .stage2();
    const [event] = spec(history.events).when(decideCertification('2024-03-20')).events();
    expect(event?.data).toMatchObject({ expiryDate: '2025-10-31' });
  });
});

describe('the 6-month limit for stage-2 major nonconformities', () => {
  const withMajor = () =>
    AuditCycleHistory.readyForDecision().nonconformity('nc-1', 'stage2', 'MAJOR', '2024-03-06');

  it('refuses to grant when the major was verified after the limit: stage 2 must be repeated', () => {
    spec(withMajor().verified('nc-1', '2024-09-07').events)
      .when(decideCertification('2024-09-10'))
      .thenThrows(MajorNcVerificationLimitError, {
        rule: 'MAJOR_NC_VERIFICATION_LIMIT',
        message:
          /nc-1.*2024-03-06.*verified by 2024-09-06.*only on 2024-09-07.*stage 2 must be repeated/,
      });
  });

  it('refuses to grant when the major is still open after the limit', () => {
    spec(withMajor().events)
      .when(decideCertification('2024-09-07'))
      .thenThrows(MajorNcVerificationLimitError, {
        rule: 'MAJOR_NC_VERIFICATION_LIMIT',
        message: /by 2024-09-06.*still not verified on 2024-09-07/,
      });
  });

  it('grants when the major was verified on the limit date', () => {
    const [event] = spec(withMajor().verified('nc-1', '2024-09-06').events)
      .when(decideCertification('2024-09-06'))
      .events();
    expect(event?.type).toBe('CertificationGranted');
  });

  it('allows stage 2 to be repeated once the limit has passed, and then grants', () => {
    const widerWindow = { ...DEFAULT_POLICY, stage2WindowMonths: 12 };
    const history = AuditCycleHistory.readyForDecision(widerWindow)
      .nonconformity('nc-1', 'stage2', 'MAJOR', '2024-03-06')
      .stage2('2024-09-16', '2024-09-17', 'stage2-repeat');
    const [event] = spec(history.events).when(decideCertification('2024-09-20')).events();
    expect(event?.type).toBe('CertificationGranted');
  });

  it('repeats stage 2 alone under the default policy, beyond the stage-2 window of stage 1', () => {
    const history = withMajor().stage2('2024-09-16', '2024-09-17', 'stage2-repeat');
    const [event] = spec(history.events).when(decideCertification('2024-09-20')).events();
    expect(event?.type).toBe('CertificationGranted');
  });

  it.each([
    ['STAGE2', 'stage2-early'],
    ['STAGE1', 'stage1-early'],
  ] as const)(
    'refuses to complete a repeated %s before the major has missed its limit, so it is not dropped',
    (kind, auditId) => {
      const planned = withMajor().run(planAudit(auditId, kind, '2024-09-10', '2024-09-11'));
      spec(planned.events)
        .when(completeAudit(auditId, '2024-04-02', '2024-04-03'))
        .thenThrows(AuditOrderError, {
          rule: 'AUDIT_ORDER',
          message:
            'stage 2 stage2 is repeated only when a major nonconformity misses its verification ' +
            'limit, and none has by 2024-04-02',
        });
      spec(planned.events)
        .when(completeAudit(auditId, '2024-03-05', '2024-03-05'))
        .thenThrows(AuditOrderError, {
          message: /must follow stage 2 stage2, whose last day was 2024-03-06/,
        });
    },
  );

  it('repeats stage 1 too when the repeated stage 2 would fall outside the stage-2 window', () => {
    const history = withMajor()
      .stage1('2024-09-09', '2024-09-10', 'stage1-repeat')
      .stage2('2024-10-07', '2024-10-08', 'stage2-repeat');
    const [event] = spec(history.events).when(decideCertification('2024-10-10')).events();
    expect(event?.type).toBe('CertificationGranted');
  });

  it('refuses to repeat stage 1 after a completed stage 2 without a missed limit', () => {
    spec(withMajor().events)
      .when(planAudit('stage1-repeat', 'STAGE1', '2024-09-06', '2024-09-06'))
      .thenThrows(AuditOrderError, { rule: 'AUDIT_ORDER', message: /2024-03-06/ });
  });

  it('refuses to repeat stage 2 while the major can still be verified in time', () => {
    spec(withMajor().events)
      .when(planAudit('stage2-repeat', 'STAGE2', '2024-09-06', '2024-09-07'))
      .thenThrows(AuditOrderError, { rule: 'AUDIT_ORDER', message: /2024-03-06/ });
  });
});

describe('consultancy at the decision (17021-1 5.2.7)', () => {
  const related = (endedOn: string | null) => ({
    used: true,
    relatedToCertificationBody: true,
    endedOn: endedOn === null ? null : d(endedOn),
  });

  it('refuses a grant while a related consultancy recorded after the application cools off', () => {
    spec(AuditCycleHistory.readyForDecision().events)
      .when(decideCertification('2024-03-20', { consultancy: related('2023-06-30') }))
      .thenThrows(ConsultancyCoolingOffError, {
        rule: 'CONSULTANCY_COOLING_OFF',
        message: /grant certification on 2024-03-20: .* ended on 2023-06-30; .* ends on 2025-06-30/,
      });
    spec(AuditCycleHistory.readyForDecision().events)
      .when(decideCertification('2024-03-20', { consultancy: related(null) }))
      .thenThrows(ConsultancyCoolingOffError, { message: /has not ended/ });
  });

  it('grants once the cooling-off is over, or when the consultancy was not by a related body', () => {
    for (const consultancy of [
      related('2022-03-19'),
      { ...related('2023-06-30'), relatedToCertificationBody: false },
    ]) {
      expect(
        AuditCycleHistory.readyForDecision()
          .run(decideCertification('2024-03-20', { consultancy }))
          .events.at(-1)?.type,
      ).toBe('CertificationGranted');
    }
  });
});

describe('refusing certification', () => {
  it('records the refusal with its reasons', () => {
    spec(AuditCycleHistory.readyForDecision().events)
      .when(
        decideCertification('2024-03-20', { decision: 'REFUSED', reasons: ['majors not closed'] }),
      )
      .then([
        {
          type: 'CertificationRefused',
          data: {
            auditCycleId: CYCLE_ID,
            decisionMakerId: DECIDER,
            decidedOn: d('2024-03-20'),
            reasons: ['majors not closed'],
          },
        },
      ]);
  });

  it('refuses a refusal dated before the last day of the audits it rests on', () => {
    spec(AuditCycleHistory.readyForDecision().events)
      .when(decideCertification('2024-03-05', { decision: 'REFUSED', reasons: ['x'] }))
      .thenThrows(DecisionBeforeAuditEndError, {
        rule: 'DECISION_BEFORE_AUDIT_END',
        message: /precedes the end of STAGE2 audit stage2 on 2024-03-06/,
      });
  });

  it('refuses a refusal given an effective date: a refusal issues no certificate', () => {
    spec(AuditCycleHistory.readyForDecision().events)
      .when(
        decideCertification('2024-03-20', {
          decision: 'REFUSED',
          reasons: ['majors not closed'],
          effectiveOn: d('2024-04-01'),
        }),
      )
      .thenThrows(InvalidAuditCycleInputError, {
        rule: 'INVALID_INPUT',
        field: 'effectiveOn',
        message: /refusal issues no certificate/,
      });
  });

  it('refuses a refusal without reasons', () => {
    spec(AuditCycleHistory.readyForDecision().events)
      .when(decideCertification('2024-03-20', { decision: 'REFUSED', reasons: [] }))
      .thenThrows(RefusalReasonsRequiredError, {
        rule: 'REFUSAL_REASONS_REQUIRED',
        field: 'reasons',
        message: /2024-03-20/,
      });
  });

  it('closes the cycle: no further audits after a refusal', () => {
    const refused = AuditCycleHistory.readyForDecision().run(
      decideCertification('2024-03-20', { decision: 'REFUSED', reasons: ['x'] }),
    );
    spec(refused.events)
      .when(planAudit('special', 'SPECIAL', '2024-04-01', '2024-04-01'))
      .thenThrows(AuditCycleClosedError, {
        rule: 'AUDIT_CYCLE_CLOSED',
        message: /refused on 2024-03-20/,
      });
  });
});

describe('deciding only once per cycle', () => {
  it('refuses a second decision after a grant', () => {
    spec(AuditCycleHistory.grantedCycle().events)
      .when(decideCertification('2024-03-21'))
      .thenThrows(CertificationAlreadyDecidedError, {
        rule: 'ALREADY_DECIDED',
        message: /granted on 2024-03-20/,
      });
  });

  it('refuses a second decision after a refusal', () => {
    const refused = AuditCycleHistory.readyForDecision().run(
      decideCertification('2024-03-20', { decision: 'REFUSED', reasons: ['x'] }),
    );
    spec(refused.events)
      .when(decideCertification('2024-04-20'))
      .thenThrows(CertificationAlreadyDecidedError, {
        rule: 'ALREADY_DECIDED',
        message: /refused on 2024-03-20/,
      });
  });
});
