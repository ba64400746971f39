import {
  DecisionBeforeAuditEndError,
  EffectiveDateTooLateError,
  InvalidAuditCycleInputError,
  TransferSurveillanceOverdueError,
} from '../../../src/domain';
import {
  AuditCycleHistory,
  d,
  decideCertification,
  recordTransferReview,
  spec,
  submitTransfer,
} from './audit-cycle-fixtures';

/**
 * The fixture's transfer: the previous cycle decided on 2024-03-20, expiry 2027-03-19, surveillance
 * 1 done on 2025-02-11, so surveillance 2 is due by 2026-03-20; reviewed on 2025-06-10.
 */
const reviewedTransfer = () =>
  new AuditCycleHistory().run(submitTransfer()).accepted('2025-06-05').run(recordTransferReview());

/** The same certificate applied for once the previous CB did both surveillance audits. */
const reviewedSurveilledTransfer = () =>
  new AuditCycleHistory()
    .run(
      submitTransfer({
        submittedOn: d('2026-06-02'),
        transfer: {
          ...submitTransfer().data.transfer!,
          surveillanceProgramme: {
            completedSurveillances: 2,
            lastSurveillanceLastDay: d('2026-03-02'),
          },
        },
      }),
    )
    .accepted('2026-06-05')
    .run(recordTransferReview({ reviewedOn: d('2026-06-10') }));

describe("a transfer's effective date (IAF MD 2)", () => {
  it('grants a transfer taking effect the day before the next surveillance of its programme is due', () => {
    const [event] = spec(reviewedTransfer().events)
      .when(decideCertification('2025-06-20', { effectiveOn: d('2026-03-19') }))
      .events();
    expect(event?.data).toMatchObject({ outcome: 'TRANSFER', effectiveOn: '2026-03-19' });
  });

  it('refuses a transfer taking effect on or after the day the next surveillance is due', () => {
    for (const effectiveOn of ['2026-03-20', '2027-02-28']) {
      spec(reviewedTransfer().events)
        .when(decideCertification('2025-06-20', { effectiveOn: d(effectiveOn) }))
        .thenThrows(EffectiveDateTooLateError, {
          rule: 'EFFECTIVE_DATE_TOO_LATE',
          message:
            `effectiveOn ${effectiveOn} is too late: the transfer continues the cycle decided on ` +
            '2024-03-20 and surveillance audit 2 of its programme is due by 2026-03-20, so it ' +
            'takes effect before 2026-03-20',
        });
    }
  });

  it('bounds a transfer with no surveillance left by the expiry of the certificate', () => {
    const [event] = spec(reviewedSurveilledTransfer().events)
      .when(decideCertification('2026-06-20', { effectiveOn: d('2027-03-19') }))
      .events();
    expect(event?.data).toMatchObject({ effectiveOn: '2027-03-19', surveillanceDue: [] });
    spec(reviewedSurveilledTransfer().events)
      .when(decideCertification('2026-06-20', { effectiveOn: d('2027-03-20') }))
      .thenThrows(EffectiveDateTooLateError, {
        message:
          'effectiveOn 2027-03-20 is too late: the transfer continues the cycle decided on ' +
          '2024-03-20 and the certificate expires after 2027-03-19, so it takes effect before ' +
          '2027-03-20',
      });
  });

  it('leaves a transfer effective on its decision to the rules of the review and certificate', () => {
    const dueOnReview = new AuditCycleHistory()
      .run(submitTransfer())
      .accepted('2025-06-05')
      .run(recordTransferReview({ reviewedOn: d('2026-03-20') }));
    const [event] = spec(dueOnReview.events).when(decideCertification('2026-03-20')).events();
    expect(event?.data).toMatchObject({ effectiveOn: '2026-03-20' });
    spec(dueOnReview.events)
      .when(decideCertification('2026-03-20', { effectiveOn: d('2026-03-21') }))
      .thenThrows(EffectiveDateTooLateError, {
        message: /is due by 2026-03-20, so it takes effect on the decision of 2026-03-20$/,
      });
  });
});

describe("a transfer whose programme's next surveillance fell due by the decision (IAF MD 2)", () => {
  it('refuses the transfer while that surveillance is not completed, naming its due date', () => {
    for (const effectiveOn of [undefined, d('2026-03-24')]) {
      spec(reviewedTransfer().events)
        .when(decideCertification('2026-03-23', effectiveOn ? { effectiveOn } : {}))
        .thenThrows(TransferSurveillanceOverdueError, {
          rule: 'TRANSFER_SURVEILLANCE_OVERDUE',
          message:
            'certificate OCB-20000-0099 of Other CB Ltd is not transferred on 2026-03-23: ' +
            'surveillance audit 2 of its programme was due by 2026-03-20 and is not completed. ' +
            'Complete it in this transfer cycle (a SURVEILLANCE audit, surveillanceNumber 2) ' +
            'before deciding, or refuse the transfer (decideCertification REFUSED) and treat the ' +
            'client as a new client (an initial application)',
        });
    }
  });

  it('grants it on the due day, and once that surveillance is completed in the transfer cycle', () => {
    const [onDueDay] = spec(reviewedTransfer().events)
      .when(decideCertification('2026-03-20'))
      .events();
    expect(onDueDay?.data).toMatchObject({ outcome: 'TRANSFER', effectiveOn: '2026-03-20' });
    const surveilled = reviewedTransfer().surveillance(2, '2026-03-30', '2026-03-31');
    const [afterSurveillance] = spec(surveilled.events)
      .when(decideCertification('2026-04-02'))
      .events();
    expect(afterSurveillance?.data).toMatchObject({
      outcome: 'TRANSFER',
      effectiveOn: '2026-04-02',
      surveillanceDue: [],
    });
  });

  it('does not count that surveillance for a decision dated before its last day', () => {
    const surveilled = reviewedTransfer().surveillance(2, '2026-03-30', '2026-03-31');
    spec(surveilled.events)
      .when(decideCertification('2026-03-30'))
      .thenThrows(DecisionBeforeAuditEndError, {
        rule: 'DECISION_BEFORE_AUDIT_END',
        message:
          'the decision of 2026-03-30 precedes the end of SURVEILLANCE audit surveillance-2 on ' +
          '2026-03-31',
      });
  });
});

describe('a transfer application (IAF MD 2)', () => {
  it('refuses a certificate already expired when the transfer is applied for, naming the field', () => {
    spec([])
      .when(submitTransfer({ submittedOn: d('2027-03-20') }))
      .thenThrows(InvalidAuditCycleInputError, {
        field: 'certificateExpiryDate',
        message:
          'certificateExpiryDate 2027-03-19 is before the application on 2027-03-20: the ' +
          'certificate had expired, and only a valid certificate is transferred (IAF MD 2)',
      });
  });

  it('accepts a transfer applied for on the last day of the certificate', () => {
    const [event] = spec([])
      .when(submitTransfer({ submittedOn: d('2027-03-19') }))
      .events();
    expect(event?.data).toMatchObject({ kind: 'TRANSFER', submittedOn: '2027-03-19' });
  });
});
