import {
  ApplicationNotAcceptedError,
  AuditKindNotAllowedError,
  AuditOrderError,
  CertificateNotTransferableError,
  DEFAULT_POLICY,
  InvalidAuditCycleInputError,
  NotATransferError,
  OutstandingMajorNonconformityError,
  POLICY_PROFILES,
  TransferReviewAlreadyRecordedError,
  TransferReviewMissingError,
  TransferSurveillanceOverdueError,
} from '../../../src/domain';
import {
  AuditCycleHistory,
  completeAudit,
  d,
  decideCertification,
  planAudit,
  spec,
  recordTransferReview,
  submitTransfer,
} from './audit-cycle-fixtures';

const acceptedTransfer = (policy = DEFAULT_POLICY) =>
  new AuditCycleHistory().run(submitTransfer({ policy })).accepted('2025-06-05');

describe('transfer in (IAF MD 2)', () => {
  it('records the previous CB, certificate and where its surveillance programme stands', () => {
    const [event] = spec([]).when(submitTransfer()).events();
    expect(event?.data).toMatchObject({
      kind: 'TRANSFER',
      transfer: {
        previousCertificationBody: 'Other CB Ltd',
        previousCertificateNumber: 'OCB-20000-0099',
        previousCycleDecisionDate: '2024-03-20',
        certificateExpiryDate: '2027-03-19',
        surveillanceProgramme: { completedSurveillances: 1, lastSurveillanceLastDay: '2025-02-11' },
        nextSurveillance: { number: 2, dueOn: '2026-03-20' },
      },
    });
  });

  it("keeps the client's original certification date, by default the previous cycle's decision", () => {
    const transfer = submitTransfer().data.transfer!;
    const [given] = spec([])
      .when(
        submitTransfer({ transfer: { ...transfer, originalCertificationDate: d('2018-05-02') } }),
      )
      .events();
    expect(given?.data).toMatchObject({ transfer: { originalCertificationDate: '2018-05-02' } });
    const [defaulted] = spec([]).when(submitTransfer()).events();
    expect(defaulted?.data).toMatchObject({
      transfer: { originalCertificationDate: '2024-03-20' },
    });
  });

  it("refuses an original certification date after the previous cycle's decision", () => {
    const transfer = submitTransfer().data.transfer!;
    spec([])
      .when(
        submitTransfer({ transfer: { ...transfer, originalCertificationDate: d('2024-03-21') } }),
      )
      .thenThrows(InvalidAuditCycleInputError, {
        field: 'originalCertificationDate',
        message: /2024-03-21 cannot come after the previous cycle's decision on 2024-03-20/,
      });
  });

  it.each([
    [
      'previousCycleDecisionDate',
      { previousCycleDecisionDate: d('2025-06-03') },
      /2025-06-03 cannot come after the application on 2025-06-02/,
    ],
    [
      'surveillanceProgramme.lastSurveillanceLastDay',
      {
        surveillanceProgramme: {
          completedSurveillances: 1,
          lastSurveillanceLastDay: d('2024-03-19'),
        },
      },
      /2024-03-19 cannot come before the previous cycle's decision on 2024-03-20/,
    ],
    [
      'surveillanceProgramme.lastSurveillanceLastDay',
      {
        surveillanceProgramme: {
          completedSurveillances: 1,
          lastSurveillanceLastDay: d('2025-06-03'),
        },
      },
      /2025-06-03 cannot come after the application on 2025-06-02/,
    ],
    [
      'certificateExpiryDate',
      { certificateExpiryDate: d('2099-01-09') },
      /2099-01-09 cannot come after the limit of 4 years from the previous cycle's decision on 2024-03-20, that is on 2028-03-20/,
    ],
    [
      'certificateExpiryDate',
      { certificateExpiryDate: d('2024-03-19') },
      /2024-03-19 cannot come before the previous cycle's decision on 2024-03-20/,
    ],
  ] as const)("refuses the previous CB's %s out of order", (field, change, message) => {
    const transfer = submitTransfer().data.transfer!;
    spec([])
      .when(submitTransfer({ transfer: { ...transfer, ...change } }))
      .thenThrows(InvalidAuditCycleInputError, { field, message });
  });

  it('continues a CN programme 12 months after the previous surveillance', () => {
    const [event] = spec([])
      .when(submitTransfer({ policy: POLICY_PROFILES.CN_CNCA }))
      .events();
    expect(event?.data).toMatchObject({
      transfer: { nextSurveillance: { number: 2, dueOn: '2026-02-11' } },
    });
  });

  it('records the pre-transfer review', () => {
    const [event] = spec(acceptedTransfer().events).when(recordTransferReview()).events();
    expect(event).toMatchObject({
      type: 'TransferReviewRecorded',
      data: {
        reviewedOn: '2025-06-10',
        certificateStatus: 'VALID',
        accredited: true,
        complaints: [],
      },
    });
  });

  it('refuses a suspended certificate', () => {
    spec(acceptedTransfer().events)
      .when(recordTransferReview({ certificateStatus: 'SUSPENDED' }))
      .thenThrows(CertificateNotTransferableError, {
        rule: 'TRANSFER_NOT_ALLOWED',
        message: /OCB-20000-0099.*suspended on 2025-06-10/,
      });
  });

  it('refuses a certificate not covered by accreditation', () => {
    spec(acceptedTransfer().events)
      .when(recordTransferReview({ accredited: false }))
      .thenThrows(CertificateNotTransferableError, {
        rule: 'TRANSFER_NOT_ALLOWED',
        message: /not covered by an accreditation.*2025-06-10/,
      });
  });

  it('refuses a review that finds a major nonconformity outstanding at the issuing CB', () => {
    spec(acceptedTransfer().events)
      .when(
        recordTransferReview({
          outstandingNonconformities: [
            { reference: 'OCB-NC-4', grade: 'MINOR', description: 'backup test record missing' },
            { reference: 'OCB-NC-5', grade: 'MAJOR', description: 'no risk assessment' },
          ],
        }),
      )
      .thenThrows(OutstandingMajorNonconformityError, {
        rule: 'TRANSFER_OUTSTANDING_MAJOR_NONCONFORMITY',
        message:
          /OCB-20000-0099 of Other CB Ltd has outstanding major nonconformities on 2025-06-10: OCB-NC-5 \(no risk assessment\)\. .*new client/,
      });
  });

  it('names malformed input before any rule the review would break', () => {
    spec(acceptedTransfer().events)
      .when(
        recordTransferReview({
          reviewedOn: d('2026-03-25'),
          reasonsForTransfer: [],
          outstandingNonconformities: [
            { reference: 'OCB-NC-5', grade: 'MAJOR', description: 'no risk assessment' },
          ],
        }),
      )
      .thenThrows(InvalidAuditCycleInputError, { field: 'reasonsForTransfer' });
  });

  it('records a review with outstanding minor nonconformities only', () => {
    const [event] = spec(acceptedTransfer().events).when(recordTransferReview()).events();
    expect(event?.data).toMatchObject({
      outstandingNonconformities: [{ reference: 'OCB-NC-4', grade: 'MINOR' }],
    });
  });

  it('refuses a certificate whose surveillance is overdue at the review (not in good standing)', () => {
    spec(acceptedTransfer().events)
      .when(recordTransferReview({ reviewedOn: d('2026-03-21') }))
      .thenThrows(TransferSurveillanceOverdueError, {
        rule: 'TRANSFER_SURVEILLANCE_OVERDUE',
        message:
          /OCB-20000-0099 of Other CB Ltd is not in good standing on 2026-03-21: surveillance audit 2 of its programme was due by 2026-03-20 and is not completed \(the application recorded 1 completed by the issuing CB\)/,
      });
  });

  it('records the review of a certificate whose surveillance is due on the review day', () => {
    const [event] = spec(acceptedTransfer().events)
      .when(recordTransferReview({ reviewedOn: d('2026-03-20') }))
      .events();
    expect(event).toMatchObject({ type: 'TransferReviewRecorded' });
  });

  it('counts the surveillance audit completed in the transfer cycle by its due date', () => {
    const surveilled = acceptedTransfer()
      .run(planAudit('s2', 'SURVEILLANCE', '2026-03-02', '2026-03-03', { surveillanceNumber: 2 }))
      .run(completeAudit('s2', '2026-03-02', '2026-03-03'));
    const [event] = spec(surveilled.events)
      .when(recordTransferReview({ reviewedOn: d('2026-03-25') }))
      .events();
    expect(event).toMatchObject({ type: 'TransferReviewRecorded' });
  });

  it('refuses a certificate whose surveillance was completed after its due date', () => {
    const late = acceptedTransfer()
      .run(planAudit('s2', 'SURVEILLANCE', '2026-03-23', '2026-03-24', { surveillanceNumber: 2 }))
      .run(completeAudit('s2', '2026-03-23', '2026-03-24'));
    spec(late.events)
      .when(recordTransferReview({ reviewedOn: d('2026-03-25') }))
      .thenThrows(TransferSurveillanceOverdueError, {
        message: /due by 2026-03-20 and was completed only on 2026-03-24/,
      });
  });

  it('refuses a certificate whose later surveillance is overdue, an earlier one done in time', () => {
    const none = { completedSurveillances: 0 as const, lastSurveillanceLastDay: null };
    const transfer = { ...submitTransfer().data.transfer!, surveillanceProgramme: none };
    const surveilled = new AuditCycleHistory()
      .run(submitTransfer({ submittedOn: d('2025-02-03'), transfer }))
      .accepted('2025-02-05')
      .run(planAudit('s1', 'SURVEILLANCE', '2025-03-10', '2025-03-11', { surveillanceNumber: 1 }))
      .run(completeAudit('s1', '2025-03-10', '2025-03-11'));
    spec(surveilled.events)
      .when(recordTransferReview({ reviewedOn: d('2026-03-20') }))
      .events();
    spec(surveilled.events)
      .when(recordTransferReview({ reviewedOn: d('2026-03-25') }))
      .thenThrows(TransferSurveillanceOverdueError, {
        message: /surveillance audit 2 of its programme was due by 2026-03-20 and is not completed/,
      });
  });

  it('refuses a certificate that expired before the review', () => {
    const expired = new AuditCycleHistory()
      .run(submitTransfer({ submittedOn: d('2027-03-01') }))
      .accepted('2027-03-05');
    spec(expired.events)
      .when(recordTransferReview({ reviewedOn: d('2027-03-20') }))
      .thenThrows(CertificateNotTransferableError, {
        rule: 'TRANSFER_NOT_ALLOWED',
        message: /expired after 2027-03-19.*2027-03-20/,
      });
  });

  it('refuses a certificate to a superseded version reviewed after its transition end', () => {
    const superseded = new AuditCycleHistory()
      .run(
        submitTransfer({
          standard: { identifier: 'ISO/IEC 27001', version: '2013' },
          submittedOn: d('2025-10-20'),
        }),
      )
      .accepted('2025-10-24');
    spec(superseded.events)
      .when(recordTransferReview({ reviewedOn: d('2025-10-31') }))
      .events();
    spec(superseded.events)
      .when(recordTransferReview({ reviewedOn: d('2025-11-03') }))
      .thenThrows(CertificateNotTransferableError, {
        rule: 'TRANSFER_NOT_ALLOWED',
        message:
          'certificate OCB-20000-0099 of Other CB Ltd expired after 2025-10-31 (the transition end ' +
          'of ISO/IEC 27001:2013), before the review of 2025-11-03',
      });
  });

  it('refuses a pre-transfer review before the application review accepted the application', () => {
    spec(new AuditCycleHistory().run(submitTransfer()).events)
      .when(recordTransferReview({ reviewedOn: d('2025-06-03') }))
      .thenThrows(ApplicationNotAcceptedError, {
        rule: 'APPLICATION_NOT_ACCEPTED',
        message:
          'cannot record the pre-transfer review: the application of audit cycle cycle-1 ' +
          'submitted on 2025-06-02 has not been accepted',
      });
  });

  it('refuses a pre-transfer review dated before the acceptance of the application', () => {
    spec(acceptedTransfer().events)
      .when(recordTransferReview({ reviewedOn: d('2025-06-04') }))
      .thenThrows(InvalidAuditCycleInputError, {
        field: 'reviewedOn',
        message: 'reviewedOn 2025-06-04 is before application accepted on 2025-06-05',
      });
  });

  it('refuses a pre-transfer review in a cycle that is not a transfer', () => {
    spec(AuditCycleHistory.initial().accepted().events)
      .when(recordTransferReview())
      .thenThrows(NotATransferError, { rule: 'NOT_A_TRANSFER', message: /INITIAL/ });
  });

  it('refuses a second pre-transfer review', () => {
    spec(acceptedTransfer().run(recordTransferReview()).events)
      .when(recordTransferReview({ reviewedOn: d('2025-06-11') }))
      .thenThrows(TransferReviewAlreadyRecordedError, {
        rule: 'TRANSFER_REVIEW_ALREADY_RECORDED',
        message: /2025-06-10/,
      });
  });

  it('refuses a transfer decision without the pre-transfer review', () => {
    spec(acceptedTransfer().events)
      .when(decideCertification('2025-06-20'))
      .thenThrows(TransferReviewMissingError, {
        rule: 'TRANSFER_REVIEW_MISSING',
        message: /2025-06-20/,
      });
  });

  it('grants the transfer keeping the cycle, the expiry and the surveillance programme', () => {
    const [event] = spec(acceptedTransfer().run(recordTransferReview()).events)
      .when(decideCertification('2025-06-20'))
      .events();
    expect(event?.data).toMatchObject({
      kind: 'TRANSFER',
      outcome: 'TRANSFER',
      decidedOn: '2025-06-20',
      effectiveOn: '2025-06-20',
      expiryDate: '2027-03-19',
      previousExpiryDate: null,
      cycleDecisionDate: '2024-03-20',
      surveillanceDue: [{ number: 2, dueOn: '2026-03-20' }],
      transfer: {
        previousCertificationBody: 'Other CB Ltd',
        previousCertificateNumber: 'OCB-20000-0099',
        surveillanceProgramme: { completedSurveillances: 1, lastSurveillanceLastDay: '2025-02-11' },
      },
    });
  });

  it('plans the next surveillance of the previous programme after acceptance', () => {
    const [event] = spec(acceptedTransfer().events)
      .when(planAudit('s2', 'SURVEILLANCE', '2026-02-02', '2026-02-03', { surveillanceNumber: 2 }))
      .events();
    expect(event?.data).toMatchObject({ kind: 'SURVEILLANCE', surveillanceNumber: 2 });
  });

  it('refuses a surveillance the previous CB already did', () => {
    spec(acceptedTransfer().events)
      .when(planAudit('s1', 'SURVEILLANCE', '2026-02-02', '2026-02-03', { surveillanceNumber: 1 }))
      .thenThrows(AuditOrderError, { rule: 'AUDIT_ORDER', message: /previous certification body/ });
  });

  it('refuses stage audits in a transfer cycle', () => {
    spec(acceptedTransfer().events)
      .when(planAudit('stage1', 'STAGE1', '2025-07-01', '2025-07-02'))
      .thenThrows(AuditKindNotAllowedError, {
        rule: 'AUDIT_KIND_NOT_ALLOWED',
        message: /TRANSFER cycle/,
      });
  });
});
