import {
  CertificateAlreadyIssuedError,
  CertificateSuspendedError,
  DEFAULT_POLICY,
  StandardVersionNotAllowedError,
  TransferNotAllowedError,
  TransitionAfterEndError,
  TransitionAuditMissingError,
  type TransferCertificateIn,
} from '../../../src/domain';
import {
  CERTIFICATE_ID,
  d,
  decide,
  ISMS_2013,
  ISMS_2022,
  issueCommand,
  issued,
  reinstate,
  SITES,
  SMS_2018,
  spec,
  suspend,
  transition,
} from './certificate-fixtures';

const isms2013 = () =>
  issued({
    standard: ISMS_2013,
    numbering: { pattern: 'CN-{standardNumber}-{sequence:5}', sequence: 9 },
    decisionDate: d('2023-06-01'),
    effectiveDate: d('2023-06-01'),
  });

describe('TransitionStandardVersion', () => {
  it('moves to the superseding version with the cycle uncapped expiry', () => {
    const [event] = spec(isms2013()).when(transition('2025-02-10', ISMS_2022)).events();
    expect(event).toEqual({
      type: 'CertificateTransitioned',
      data: {
        certificateId: CERTIFICATE_ID,
        number: 'CN-27001-00009',
        revision: 2,
        previousStandard: ISMS_2013,
        standard: ISMS_2022,
        scope: issueCommand().data.scope,
        sites: SITES,
        decisionDate: '2025-02-10',
        effectiveDate: '2025-02-10',
        expiryDate: '2026-05-31',
        uncappedExpiryDate: '2026-05-31',
        actor: 'decider-1',
      },
    });
  });

  it('records the version typed in another case or spacing as the catalog spells it', () => {
    const typed = { identifier: 'iso/iec 27001 ', version: ' 2022' };
    const [event] = spec(isms2013()).when(transition('2025-02-10', typed)).events();
    expect(event?.data).toMatchObject({ standard: ISMS_2022 });
  });

  it('accepts a transition effective on the transition end', () => {
    expect(spec(isms2013()).when(transition('2025-10-31', ISMS_2022)).events()).toHaveLength(1);
  });

  it('refuses a transition after the transition end', () => {
    spec(isms2013()).when(transition('2025-11-01', ISMS_2022)).thenThrows(TransitionAfterEndError, {
      rule: 'TRANSITION_AFTER_END',
      message:
        'the transition from ISO/IEC 27001:2013 ended on 2025-10-31; a transition on 2025-11-01 is too late',
    });
  });

  it('refuses a version that is not the successor', () => {
    spec(isms2013())
      .when(transition('2025-02-10', ISMS_2013))
      .thenThrows(StandardVersionNotAllowedError, {
        message: 'cannot move to ISO/IEC 27001:2013 (allowed: ISO/IEC 27001:2022)',
      });
  });

  it('refuses a transition without a completed transition audit, or decided before its last day', () => {
    const command = transition('2025-02-10', ISMS_2022);
    const without = { ...command, data: { ...command.data, transitionAuditLastDay: null } };
    spec(isms2013())
      .when(without as typeof command)
      .thenThrows(TransitionAuditMissingError, {
        rule: 'TRANSITION_AUDIT_REQUIRED',
        message:
          'certificate CN-27001-00009 moves to ISO/IEC 27001:2022 after a transition audit (IAF transition resolutions); its audit cycle has no completed transition audit',
      });
    const early = {
      ...command,
      data: { ...command.data, transitionAuditLastDay: d('2025-02-11') },
    };
    spec(isms2013())
      .when(early as typeof command)
      .thenThrows(TransitionAuditMissingError, {
        message: /the decision of 2025-02-10 comes before the audit's last day, 2025-02-11/,
      });
  });

  it('refuses a transition while the certificate is suspended, and allows it once reinstated', () => {
    const suspended = [...isms2013(), ...decide(isms2013(), suspend('2025-05-01'))];
    spec(suspended)
      .when(transition('2025-06-05', ISMS_2022))
      .thenThrows(CertificateSuspendedError, {
        rule: 'CERTIFICATE_SUSPENDED',
        message:
          'certificate CN-27001-00009 is suspended since 2025-05-01; a transition needs it reinstated first',
      });
    const reinstated = [...suspended, ...decide(suspended, reinstate('2025-06-04'))];
    expect(spec(reinstated).when(transition('2025-06-05', ISMS_2022)).events()).toHaveLength(1);
  });

  it('refuses a transition of a version that is not superseded', () => {
    spec(issued())
      .when(transition('2025-02-10', SMS_2018))
      .thenThrows(StandardVersionNotAllowedError, {
        rule: 'STANDARD_VERSION_NOT_ALLOWED',
        message: 'none: the version is not superseded',
      });
  });
});

const transferCommand = (
  previous: Partial<TransferCertificateIn['data']['previous']> = {},
): TransferCertificateIn => ({
  type: 'TransferCertificateIn',
  data: {
    ...issueCommand({
      auditCycleId: 'transfer-cycle',
      decisionDate: d('2025-05-05'),
      effectiveDate: d('2025-05-06'),
    }).data,
    previous: {
      certificationBodyName: 'Other CB',
      number: 'OCB-123',
      accredited: true,
      suspended: false,
      withdrawn: false,
      expiryDate: d('2026-11-30'),
      originalCertificationDate: d('2020-12-01'),
      cycleDecisionDate: d('2023-11-20'),
      ...previous,
    },
  },
});

describe('TransferCertificateIn', () => {
  it('issues our own number with the previous cycle, expiry and original date', () => {
    spec([])
      .when(transferCommand())
      .then([
        {
          type: 'CertificateTransferredIn',
          data: {
            certificateId: CERTIFICATE_ID,
            organisationId: 'org-1',
            auditCycleId: 'transfer-cycle',
            number: 'CN-20000-00042',
            revision: 1,
            standard: SMS_2018,
            scope: issueCommand().data.scope,
            sites: SITES,
            organisationName: 'Acme IT Ltd',
            organisationLocation: 'Beijing, CN',
            certificationBodyName: 'Example Certification Co',
            decisionDate: d('2025-05-05'),
            effectiveDate: d('2025-05-06'),
            expiryDate: d('2026-11-30'),
            uncappedExpiryDate: d('2026-11-30'),
            originalCertificationDate: d('2020-12-01'),
            cycleDecisionDate: d('2023-11-20'),
            policy: DEFAULT_POLICY,
            actor: 'decider-1',
            previousCertificationBodyName: 'Other CB',
            previousCertificateNumber: 'OCB-123',
          },
        },
      ]);
  });

  it.each([
    [{ suspended: true }, 'it is suspended'],
    [{ withdrawn: true }, 'it is withdrawn'],
    [{ accredited: false }, 'it was not issued under accreditation'],
    [
      { expiryDate: d('2025-05-05') },
      'it expired after 2025-05-05, before the transfer effective on 2025-05-06',
    ],
  ])('refuses a certificate that is not transferable (%o)', (previous, message) => {
    spec([])
      .when(transferCommand(previous))
      .thenThrows(TransferNotAllowedError, {
        rule: 'TRANSFER_NOT_ALLOWED',
        message: `certificate OCB-123 of Other CB cannot be transferred (IAF MD 2): ${message}`,
      });
  });

  it('refuses a transfer into an issued certificate', () => {
    spec(issued()).when(transferCommand()).thenThrows(CertificateAlreadyIssuedError);
  });
});
