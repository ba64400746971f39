import {
  ApplicationAlreadyReviewedError,
  ApplicationNotAcceptedError,
  AuditCycleAlreadyExistsError,
  AuditCycleClosedError,
  ConsultancyCoolingOffError,
  DEFAULT_POLICY,
  InvalidAuditCycleInputError,
  ReadinessNotMetError,
  ReapplicationBarredError,
  RejectionReasonsRequiredError,
  type ReviewApplication,
  StandardVersionClosedError,
  UnknownStandardError,
} from '../../../src/domain';
import {
  AuditCycleHistory,
  CYCLE_ID,
  d,
  planAudit,
  readyOrganisation,
  spec,
  submitApplication,
  submitRecertification,
  submitTransfer,
} from './audit-cycle-fixtures';

const review = (
  outcome: 'ACCEPTED' | 'REJECTED',
  reviewedOn: string,
  reasons: string[] = [],
): ReviewApplication => ({
  type: 'ReviewApplication',
  data: {
    auditCycleId: CYCLE_ID,
    outcome,
    reviewedOn: d(reviewedOn),
    reviewedBy: 'p-reviewer',
    reasons,
  },
});

const relatedConsultancy = (endedOn: string | null) => ({
  ...readyOrganisation,
  consultancy: {
    used: true,
    relatedToCertificationBody: true,
    endedOn: endedOn === null ? null : d(endedOn),
  },
});

describe('submitting an application', () => {
  it('refuses a site named twice, though other lists may repeat a text', () => {
    const [accepted] = spec([])
      .when(
        submitApplication({
          scope: {
            text: 'IT services',
            services: ['hosting'],
            customers: ['retail', 'retail'],
            locations: ['Beijing'],
          },
        }),
      )
      .events();
    expect(accepted?.type).toBe('ApplicationSubmitted');
    spec([])
      .when(submitApplication({ sites: ['site-bj', 'site-sh', 'site-bj '] }))
      .thenThrows(InvalidAuditCycleInputError, {
        rule: 'INVALID_INPUT',
        message: 'sites names site-bj twice',
      });
  });

  it('records the standard, scope, sites, evaluated readiness checklist and the full policy', () => {
    const [event] = spec([]).when(submitApplication()).events();
    expect(event?.type).toBe('ApplicationSubmitted');
    const data = event!.data as Record<string, unknown>;
    expect(data).toMatchObject({
      auditCycleId: CYCLE_ID,
      organisationId: 'org-1',
      certificateId: 'cert-1',
      kind: 'INITIAL',
      standard: { identifier: 'ISO/IEC 20000-1', version: '2018' },
      sites: ['site-hq'],
      submittedOn: '2024-01-10',
      policy: DEFAULT_POLICY,
      recertification: null,
      transfer: null,
      consultancy: { used: false, coolingOffApplies: false, coolingOffEndsOn: null },
    });
    const checks = data.readinessChecks as { item: string; met: boolean }[];
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((check) => check.met)).toBe(true);
  });

  it('computes when a related consultancy cooling-off ends (2 years after it ended)', () => {
    const [event] = spec([])
      .when(submitApplication({ readiness: relatedConsultancy('2023-02-28') }))
      .events();
    expect(event!.data).toMatchObject({
      consultancy: {
        coolingOffApplies: true,
        endedOn: '2023-02-28',
        coolingOffEndsOn: '2025-02-28',
      },
    });
  });

  it('refuses a standard that is not in the catalog', () => {
    spec([])
      .when(submitApplication({ standard: { identifier: 'ISO 22301', version: '2019' } }))
      .thenThrows(UnknownStandardError, { rule: 'UNKNOWN_STANDARD', message: /ISO 22301:2019/ });
  });

  it('records a standard typed in another case, width or spacing as the catalog spells it', () => {
    const [event] = spec([])
      .when(
        submitApplication({
          standard: { identifier: ' iso/iec  27001\u3000', version: '\uff12\uff10\uff12\uff12' },
        }),
      )
      .events();
    expect(event!.data).toMatchObject({
      standard: { identifier: 'ISO/IEC 27001', version: '2022' },
    });
  });

  it('refuses an application to a version after its last audit date', () => {
    spec([])
      .when(
        submitApplication({
          standard: { identifier: 'ISO/IEC 27001', version: '2013' },
          submittedOn: d('2024-05-01'),
        }),
      )
      .thenThrows(StandardVersionClosedError, {
        rule: 'STANDARD_VERSION_CLOSED',
        message: /27001:2013 on 2024-05-01.*until 2024-04-30/,
      });
  });

  it('accepts an application to a superseded version up to its last audit date', () => {
    const [event] = spec([])
      .when(
        submitApplication({
          standard: { identifier: 'ISO/IEC 27001', version: '2013' },
          submittedOn: d('2024-04-30'),
        }),
      )
      .events();
    expect(event?.type).toBe('ApplicationSubmitted');
  });

  it('refuses a new application [CN] before an own-fault suspension or withdrawal bar ends', () => {
    const reapplicationBar = {
      certificateNumber: 'CN-20000-00042',
      cause: 'WITHDRAWAL' as const,
      on: d('2023-01-11'),
      until: d('2024-01-11'),
    };
    spec([])
      .when(submitApplication({ reapplicationBar }))
      .thenThrows(ReapplicationBarredError, {
        rule: 'REAPPLICATION_BARRED',
        message:
          /no new application before 2024-01-11: certificate CN-20000-00042 was withdrawn for the organisation's own fault on 2023-01-11/,
      });
    const [onTheDay] = spec([])
      .when(submitApplication({ reapplicationBar, submittedOn: d('2024-01-11') }))
      .events();
    expect(onTheDay?.type).toBe('ApplicationSubmitted');
    const [recertification] = spec([])
      .when(submitRecertification({ reapplicationBar, submittedOn: d('2023-06-01') }))
      .events();
    expect(recertification?.type).toBe('ApplicationSubmitted');
  });

  it('refuses a second application on the same audit cycle', () => {
    spec(AuditCycleHistory.initial().events)
      .when(submitApplication())
      .thenThrows(AuditCycleAlreadyExistsError, {
        rule: 'AUDIT_CYCLE_EXISTS',
        message: /2024-01-10/,
      });
  });

  it('refuses a recertification application without the certificate expiry', () => {
    spec([])
      .when(submitApplication({ kind: 'RECERTIFICATION' }))
      .thenThrows(InvalidAuditCycleInputError, { rule: 'INVALID_INPUT' });
  });

  it('refuses a malformed date', () => {
    spec([])
      .when(submitApplication({ submittedOn: '2024-02-30' as never }))
      .thenThrows(InvalidAuditCycleInputError, { rule: 'INVALID_INPUT', message: /2024-02-30/ });
  });

  it('refuses an application without sites', () => {
    spec([])
      .when(submitApplication({ sites: [] }))
      .thenThrows(InvalidAuditCycleInputError, { rule: 'INVALID_INPUT', message: /sites/ });
  });
});

describe('reviewing an application', () => {
  const submitted = () => AuditCycleHistory.initial().events;

  it('accepts a ready application', () => {
    spec(submitted())
      .when(review('ACCEPTED', '2024-01-15'))
      .then([
        {
          type: 'ApplicationAccepted',
          data: {
            auditCycleId: CYCLE_ID,
            reviewedOn: d('2024-01-15'),
            reviewedBy: 'p-reviewer',
            reasons: [],
          },
        },
      ]);
  });

  it('rejects with the reasons', () => {
    spec(submitted())
      .when(review('REJECTED', '2024-01-15', ['scope outside accreditation']))
      .then([
        {
          type: 'ApplicationRejected',
          data: {
            auditCycleId: CYCLE_ID,
            reviewedOn: d('2024-01-15'),
            reviewedBy: 'p-reviewer',
            reasons: ['scope outside accreditation'],
          },
        },
      ]);
  });

  it('refuses a rejection without reasons', () => {
    spec(submitted())
      .when(review('REJECTED', '2024-01-15'))
      .thenThrows(RejectionReasonsRequiredError, {
        rule: 'REJECTION_REASONS_REQUIRED',
        field: 'reasons',
        message: /2024-01-15/,
      });
  });

  it('refuses acceptance when a readiness item is unmet, listing the items with dates', () => {
    const notReady = {
      ...readyOrganisation,
      managementSystemOperatingSince: d('2023-11-01'),
      lastInternalAuditCompletedOn: null,
    };
    spec(new AuditCycleHistory().run(submitApplication({ readiness: notReady })).events)
      .when(review('ACCEPTED', '2024-01-15'))
      .thenThrows(ReadinessNotMetError, {
        rule: 'READINESS_NOT_MET',
        message:
          /submitted on 2024-01-10.*MANAGEMENT_SYSTEM_OPERATING \(.*2023-11-01.*2024-02-01.*\).*INTERNAL_AUDIT_COMPLETED.*record the missing facts \(or let the periods the checklist asks for pass\) and submit a new application, with another certificateId if this one named one$/,
      });
  });

  it('accepts a transfer without what its certification shows, not without the other items', () => {
    const noFacts = {
      ...readyOrganisation,
      managementSystemOperatingSince: null,
      lastInternalAuditCompletedOn: null,
      lastManagementReviewCompletedOn: null,
    };
    const [event] = spec(new AuditCycleHistory().run(submitTransfer({ readiness: noFacts })).events)
      .when(review('ACCEPTED', '2025-06-05'))
      .events();
    expect(event?.type).toBe('ApplicationAccepted');
    const penalised = {
      ...noFacts,
      administrativePenalties: [{ imposedOn: d('2025-01-10'), description: 'late filing' }],
    };
    spec(new AuditCycleHistory().run(submitTransfer({ readiness: penalised })).events)
      .when(review('ACCEPTED', '2025-06-05'))
      .thenThrows(ReadinessNotMetError, {
        message: /readiness checklist not met: NO_RECENT_ADMINISTRATIVE_PENALTY \(/,
      });
  });

  it('accepts a recertification (of a transferred-in certificate) without what its certification shows', () => {
    const noFacts = {
      ...readyOrganisation,
      managementSystemOperatingSince: null,
      lastInternalAuditCompletedOn: null,
      lastManagementReviewCompletedOn: null,
    };
    const [event] = spec(
      new AuditCycleHistory().run(submitRecertification({ readiness: noFacts })).events,
    )
      .when(review('ACCEPTED', '2026-09-20'))
      .events();
    expect(event?.type).toBe('ApplicationAccepted');
    const penalised = {
      ...noFacts,
      administrativePenalties: [{ imposedOn: d('2026-05-10'), description: 'late filing' }],
    };
    spec(new AuditCycleHistory().run(submitRecertification({ readiness: penalised })).events)
      .when(review('ACCEPTED', '2026-09-20'))
      .thenThrows(ReadinessNotMetError, {
        message: /readiness checklist not met: NO_RECENT_ADMINISTRATIVE_PENALTY \(/,
      });
  });

  it('refuses acceptance during the consultancy cooling-off, naming the date it ends', () => {
    const history = new AuditCycleHistory().run(
      submitApplication({ readiness: relatedConsultancy('2023-03-31') }),
    );
    spec(history.events)
      .when(review('ACCEPTED', '2024-01-15'))
      .thenThrows(ConsultancyCoolingOffError, {
        rule: 'CONSULTANCY_COOLING_OFF',
        message: /2024-01-15.*ended on 2023-03-31.*ends on 2025-03-31/,
      });
  });

  it('refuses acceptance while related consultancy has not ended', () => {
    const history = new AuditCycleHistory().run(
      submitApplication({ readiness: relatedConsultancy(null) }),
    );
    spec(history.events)
      .when(review('ACCEPTED', '2024-01-15'))
      .thenThrows(ConsultancyCoolingOffError, {
        rule: 'CONSULTANCY_COOLING_OFF',
        message: /2024-01-15.*not ended/,
      });
  });

  it('accepts once the cooling-off has ended, even if it was running on the application date', () => {
    const history = new AuditCycleHistory().run(
      submitApplication({ readiness: relatedConsultancy('2022-01-20') }),
    );
    const [event] = spec(history.events).when(review('ACCEPTED', '2024-01-20')).events();
    expect(event?.type).toBe('ApplicationAccepted');
  });

  it('refuses a second review', () => {
    spec(AuditCycleHistory.initial().accepted().events)
      .when(review('REJECTED', '2024-01-16', ['changed our mind']))
      .thenThrows(ApplicationAlreadyReviewedError, {
        rule: 'APPLICATION_ALREADY_REVIEWED',
        message: /2024-01-15/,
      });
  });

  it('refuses a review dated before the application', () => {
    spec(submitted())
      .when(review('ACCEPTED', '2024-01-09'))
      .thenThrows(InvalidAuditCycleInputError, {
        rule: 'INVALID_INPUT',
        message: /2024-01-09.*2024-01-10/,
      });
  });

  it('closes the cycle when the application is rejected', () => {
    const rejected = AuditCycleHistory.initial().run(
      review('REJECTED', '2024-01-15', ['no scope']),
    );
    spec(rejected.events)
      .when(planAudit('stage1', 'STAGE1', '2024-02-05', '2024-02-06'))
      .thenThrows(AuditCycleClosedError, {
        rule: 'AUDIT_CYCLE_CLOSED',
        message: /rejected on 2024-01-15/,
      });
  });

  it('plans no audit before the application is accepted', () => {
    spec(submitted())
      .when(planAudit('stage1', 'STAGE1', '2024-02-05', '2024-02-06'))
      .thenThrows(ApplicationNotAcceptedError, {
        rule: 'APPLICATION_NOT_ACCEPTED',
        message: /submitted on 2024-01-10/,
      });
  });
});
