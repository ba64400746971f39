import {
  DEFAULT_POLICY,
  InvalidAuditCycleInputError,
  POLICY_PROFILES,
  RecertificationAuditNotCompletedError,
  RecertificationSupersededError,
  RestorationDecisionNotAllowedError,
  RestorationDecisionTooLateError,
  RestorationEffectiveDateError,
  StandardVersionClosedError,
} from '../../../src/domain';
import {
  AuditCycleHistory,
  d,
  decideCertification,
  planAudit,
  spec,
  submitRecertification,
} from './audit-cycle-fixtures';

const EXPIRY = d('2027-03-19');

const recertified = (policy = DEFAULT_POLICY) =>
  new AuditCycleHistory()
    .run(submitRecertification({ policy }))
    .accepted('2026-10-01')
    .audit('recert', 'RECERTIFICATION', '2026-11-02', '2026-11-04');

const decide = (decidedOn: string) =>
  decideCertification(decidedOn, {
    certificateExpiryDate: EXPIRY,
    certificateAuditCycleId: 'cycle-0',
  });

describe('recertification decisions', () => {
  it('records the previous cycle and the current expiry on the application', () => {
    const [event] = spec([]).when(submitRecertification()).events();
    expect(event?.data).toMatchObject({
      kind: 'RECERTIFICATION',
      recertification: { previousAuditCycleId: 'cycle-0', certificateExpiryDate: '2027-03-19' },
    });
  });

  it('renews before expiry: expiry = previous expiry + 3 years, new cycle from the decision', () => {
    const [event] = spec(recertified().events).when(decide('2027-01-10')).events();
    expect(event?.data).toMatchObject({
      kind: 'RECERTIFICATION',
      outcome: 'RENEW',
      decidedOn: '2027-01-10',
      effectiveOn: '2027-01-10',
      expiryDate: '2030-03-19',
      previousExpiryDate: '2027-03-19',
      cycleDecisionDate: '2027-01-10',
      surveillanceDue: [
        { number: 1, dueOn: '2028-01-10' },
        { number: 2, dueOn: '2029-01-10' },
      ],
    });
  });

  it('renews on the expiry date itself', () => {
    const [event] = spec(recertified().events).when(decide('2027-03-19')).events();
    expect(event?.data).toMatchObject({ outcome: 'RENEW' });
  });

  it('restores after expiry inside the 6-month window, keeping the expiry based on the previous one', () => {
    const [event] = spec(recertified().events).when(decide('2027-09-19')).events();
    expect(event?.data).toMatchObject({
      outcome: 'RESTORE',
      effectiveOn: '2027-09-19',
      expiryDate: '2030-03-19',
      previousExpiryDate: '2027-03-19',
    });
  });

  describe("a certificate capped by its version's transition end (27001:2013, capped 2025-10-31)", () => {
    const toNewVersion = () =>
      new AuditCycleHistory()
        .run(
          submitRecertification({
            standard: { identifier: 'ISO/IEC 27001', version: '2022' },
            submittedOn: d('2025-06-01'),
            recertification: {
              previousAuditCycleId: 'cycle-0',
              certificateExpiryDate: d('2025-10-31'),
            },
          }),
        )
        .accepted('2025-06-02')
        .audit('recert', 'RECERTIFICATION', '2025-07-10', '2025-07-10');
    const decideCapped = (decidedOn: string) =>
      decideCertification(decidedOn, {
        certificateExpiryDate: d('2025-10-31'),
        certificateUncappedExpiryDate: d('2026-04-19'),
        certificateAuditCycleId: 'cycle-0',
      });

    it("renews to the new version from the cycle's own expiry", () => {
      const [event] = spec(toNewVersion().events).when(decideCapped('2025-08-01')).events();
      expect(event?.data).toMatchObject({
        outcome: 'RENEW',
        expiryDate: '2029-04-19',
        previousExpiryDate: '2025-10-31',
      });
    });

    it('restores after the transition end, keeping the expiry of the cycle', () => {
      const [event] = spec(toNewVersion().events).when(decideCapped('2025-11-05')).events();
      expect(event?.data).toMatchObject({
        outcome: 'RESTORE',
        expiryDate: '2029-04-19',
        previousExpiryDate: '2025-10-31',
      });
    });
  });

  it('refuses a restoration effective on any day but its decision', () => {
    spec(recertified().events)
      .when(
        decideCertification('2027-05-10', {
          certificateExpiryDate: EXPIRY,
          certificateAuditCycleId: 'cycle-0',
          effectiveOn: d('2027-06-01'),
        }),
      )
      .thenThrows(RestorationEffectiveDateError, {
        rule: 'RESTORATION_EFFECTIVE_DATE',
        message: /effective on the restoration decision \(2027-05-10\), not on 2027-06-01/,
      });
    const [event] = spec(recertified().events)
      .when(
        decideCertification('2027-05-10', {
          certificateExpiryDate: EXPIRY,
          certificateAuditCycleId: 'cycle-0',
          effectiveOn: d('2027-05-10'),
        }),
      )
      .events();
    expect(event?.data).toMatchObject({ outcome: 'RESTORE', effectiveOn: '2027-05-10' });
  });

  it('refuses to grant a recertification the certificate has moved past (another cycle renewed it)', () => {
    spec(recertified().events)
      .when(
        decideCertification('2027-01-10', {
          certificateExpiryDate: EXPIRY,
          certificateAuditCycleId: 'cycle-other',
        }),
      )
      .thenThrows(RecertificationSupersededError, {
        rule: 'RECERTIFICATION_SUPERSEDED',
        message:
          /now in audit cycle cycle-other: this recertification of cycle cycle-0 was overtaken/,
      });
  });

  it('refuses a restoration after the window', () => {
    spec(recertified().events)
      .when(decide('2027-09-20'))
      .thenThrows(RestorationDecisionTooLateError, {
        rule: 'RESTORATION_WINDOW_PASSED',
        message: /expired after 2027-03-19.*window ended on 2027-09-19.*2027-09-20/,
      });
  });

  it('refuses any restoration under the CN profile', () => {
    spec(recertified(POLICY_PROFILES.CN_CNCA).events)
      .when(decide('2027-03-20'))
      .thenThrows(RestorationDecisionNotAllowedError, {
        rule: 'RESTORATION_NOT_ALLOWED',
        message: /expired after 2027-03-19.*CN_CNCA.*2027-03-20/,
      });
  });

  it('refuses a recertification decision without the current expiry date', () => {
    spec(recertified().events)
      .when(decideCertification('2027-01-10'))
      .thenThrows(InvalidAuditCycleInputError, {
        rule: 'INVALID_INPUT',
        message: /certificateExpiryDate/,
      });
  });

  it('refuses to decide before the recertification audit is completed', () => {
    const history = new AuditCycleHistory()
      .run(submitRecertification())
      .accepted('2026-10-01')
      .run(planAudit('recert', 'RECERTIFICATION', '2026-11-02', '2026-11-04'));
    spec(history.events)
      .when(decide('2027-01-10'))
      .thenThrows(RecertificationAuditNotCompletedError, {
        rule: 'RECERTIFICATION_AUDIT_NOT_COMPLETED',
        message: /2027-01-10.*planned 2026-11-02/,
      });
  });

  it('refuses a recertification application to a version past its last audit date', () => {
    spec([])
      .when(
        submitRecertification({
          standard: { identifier: 'ISO/IEC 27001', version: '2013' },
          submittedOn: d('2024-06-01'),
        }),
      )
      .thenThrows(StandardVersionClosedError, {
        rule: 'STANDARD_VERSION_CLOSED',
        message: /2024-06-01.*2024-04-30/,
      });
  });
});
