import {
  CertificateAlreadyIssuedError,
  CertificateNotIssuedError,
  DEFAULT_POLICY,
  EffectiveBeforeDecisionError,
  EmptyScopeError,
  InvalidCertificateCommandError,
  InvalidCertificateNumberPatternError,
  StandardVersionEndedError,
  UnknownStandardError,
} from '../../../src/domain';
import {
  CERTIFICATE_ID,
  d,
  ISMS_2013,
  issueCommand,
  issued,
  SITES,
  SMS_2011,
  SMS_2018,
  spec,
  suspend,
} from './certificate-fixtures';

describe('IssueCertificate', () => {
  it('issues revision 1 expiring the day before the third anniversary of the effective date', () => {
    spec([])
      .when(issueCommand())
      .then([
        {
          type: 'CertificateIssued',
          data: {
            certificateId: CERTIFICATE_ID,
            organisationId: 'org-1',
            auditCycleId: 'cycle-1',
            number: 'CN-20000-00042',
            revision: 1,
            standard: SMS_2018,
            scope: 'Operation of IT services for retail banking customers',
            sites: SITES,
            organisationName: 'Acme IT Ltd',
            organisationLocation: 'Beijing, CN',
            certificationBodyName: 'Example Certification Co',
            decisionDate: d('2024-03-15'),
            effectiveDate: d('2024-03-20'),
            expiryDate: d('2027-03-19'),
            uncappedExpiryDate: d('2027-03-19'),
            originalCertificationDate: d('2024-03-20'),
            cycleDecisionDate: d('2024-03-15'),
            policy: DEFAULT_POLICY,
            actor: 'decider-1',
          },
        },
      ]);
  });

  it('counts 29 February to 28 February three years on', () => {
    const [event] = spec([])
      .when(issueCommand({ decisionDate: d('2024-02-29'), effectiveDate: d('2024-02-29') }))
      .events();
    expect(event?.data).toMatchObject({ expiryDate: '2027-02-28' });
  });

  it('uses the anniversary itself under the ANNIVERSARY convention', () => {
    const policy = { ...DEFAULT_POLICY, expiryConvention: 'ANNIVERSARY' as const };
    const [event] = spec([]).when(issueCommand({ policy })).events();
    expect(event?.data).toMatchObject({ expiryDate: '2027-03-20', policy });
  });

  it('caps the expiry of a superseded version at its transition end', () => {
    const [event] = spec([])
      .when(
        issueCommand({
          standard: ISMS_2013,
          numbering: { pattern: 'ISMS-{sequence:4}', sequence: 7 },
          decisionDate: d('2023-06-01'),
          effectiveDate: d('2023-06-01'),
        }),
      )
      .events();
    expect(event?.data).toMatchObject({
      number: 'ISMS-0007',
      expiryDate: '2025-10-31',
      uncappedExpiryDate: '2026-05-31',
    });
  });

  it('refuses an effective date before the decision', () => {
    spec([])
      .when(issueCommand({ effectiveDate: d('2024-03-14') }))
      .thenThrows(EffectiveBeforeDecisionError, {
        rule: 'EFFECTIVE_BEFORE_DECISION',
        message: 'effective on 2024-03-14, before its decision on 2024-03-15',
      });
  });

  it('refuses a version whose transition has ended', () => {
    spec([])
      .when(issueCommand({ standard: SMS_2011 }))
      .thenThrows(StandardVersionEndedError, {
        rule: 'STANDARD_VERSION_ENDED',
        message: 'ISO/IEC 20000-1:2011 are not valid after its transition end 2022-03-31',
      });
  });

  it('refuses a standard missing from the catalog as malformed input', () => {
    spec([])
      .when(issueCommand({ standard: { identifier: 'ISO 50001', version: '2018' } }))
      .thenThrows(UnknownStandardError, { rule: 'UNKNOWN_STANDARD', field: 'standard' });
  });

  it('records and numbers a standard typed in another case, width or spacing as the catalog spells it', () => {
    const [event] = spec([])
      .when(
        issueCommand({
          standard: { identifier: ' iso/iec 20000\u20131', version: '\uff12\uff10\uff11\uff18' },
          numbering: { pattern: 'CN-{standardNumber}-{standardVersion}-{sequence:3}', sequence: 7 },
        }),
      )
      .events();
    expect(event?.data).toMatchObject({ standard: SMS_2018, number: 'CN-20000-2018-007' });
  });

  it('refuses a certificate already issued', () => {
    spec(issued()).when(issueCommand()).thenThrows(CertificateAlreadyIssuedError, {
      rule: 'CERTIFICATE_ALREADY_ISSUED',
      message: 'already issued as CN-20000-00042 (effective 2024-03-20)',
    });
  });

  it('refuses an empty scope or no site', () => {
    spec([])
      .when(issueCommand({ scope: '  ' }))
      .thenThrows(EmptyScopeError, { rule: 'SCOPE_EMPTY' });
    spec([])
      .when(issueCommand({ sites: [] }))
      .thenThrows(EmptyScopeError, { rule: 'SCOPE_EMPTY' });
    spec([])
      .when(issueCommand({ sites: [{ ...SITES[0]!, scope: '' }] }))
      .thenThrows(EmptyScopeError);
  });

  it('refuses two sites with the same id', () => {
    spec([])
      .when(issueCommand({ sites: [SITES[0]!, SITES[0]!] }))
      .thenThrows(InvalidCertificateCommandError, { message: /distinct, non-blank site ids/ });
  });

  it('refuses a malformed date or a missing actor', () => {
    spec([])
      .when(issueCommand({ decisionDate: '2024-02-30' as never }))
      .thenThrows(InvalidCertificateCommandError, {
        rule: 'INVALID_CERTIFICATE_COMMAND',
        message: 'decisionDate must be a calendar date YYYY-MM-DD, got "2024-02-30"',
      });
    spec([])
      .when(issueCommand({ actor: '' }))
      .thenThrows(InvalidCertificateCommandError, { message: 'actor must be a non-blank text' });
  });

  it('refuses a number pattern without a sequence', () => {
    spec([])
      .when(issueCommand({ numbering: { pattern: 'CN-{year}', sequence: 1 } }))
      .thenThrows(InvalidCertificateNumberPatternError, { rule: 'CERTIFICATE_NUMBER_PATTERN' });
  });

  it('refuses every other command before the certificate is issued', () => {
    spec([]).when(suspend('2024-05-01')).thenThrows(CertificateNotIssuedError, {
      rule: 'CERTIFICATE_NOT_ISSUED',
      message:
        'certificate cert-42 has not been issued: SuspendCertificate needs an issued certificate',
    });
  });
});
