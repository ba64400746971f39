import {
  type CertificateEvent,
  CertificateSuspendedError,
  CertificateWithdrawnError,
  ChangeBeforeLastChangeError,
  CertificateMismatchError,
  EffectiveBeforeDecisionError,
  RenewalAfterExpiryError,
  RenewalEffectiveDateError,
  StandardVersionNotAllowedError,
} from '../../../src/domain';
import {
  d,
  fold,
  ISMS_2013,
  ISMS_2022,
  issueCommand,
  issued,
  reinstate,
  renew,
  run,
  SITES,
  SMS_2018,
  spec,
  suspend,
  withdraw,
} from './certificate-fixtures';

describe('RenewCertificate', () => {
  it('renews before expiry as a new revision expiring the previous expiry + 3 years', () => {
    spec(issued())
      .when(renew('2027-02-10', '2027-03-20'))
      .then([
        {
          type: 'CertificateRenewed',
          data: {
            certificateId: 'cert-42',
            auditCycleId: 'cycle-2',
            number: 'CN-20000-00042',
            revision: 2,
            standard: SMS_2018,
            scope: 'Operation of IT services for retail banking customers',
            sites: SITES,
            decisionDate: d('2027-02-10'),
            effectiveDate: d('2027-03-20'),
            previousExpiryDate: d('2027-03-19'),
            expiryDate: d('2030-03-19'),
            uncappedExpiryDate: d('2030-03-19'),
            originalCertificationDate: d('2024-03-20'),
            cycleDecisionDate: d('2027-02-10'),
            organisationName: 'Acme IT Ltd',
            organisationLocation: 'Beijing, CN',
            actor: 'decider-2',
          },
        },
      ]);
  });

  it("prints the organisation's name and location of the renewal on its revision and after", () => {
    const renamed = { organisationName: 'Acme Cloud Ltd', organisationLocation: 'Shanghai, CN' };
    const before = fold(issued());
    const after = fold(run(issueCommand(), renew('2027-02-10', '2027-03-20', renamed)));
    expect(before).toMatchObject({ organisationName: 'Acme IT Ltd' });
    expect(after).toMatchObject(renamed);
    expect(
      after.status === 'NOT_ISSUED' ? [] : after.revisions.map((r) => r.organisationName),
    ).toEqual(['Acme IT Ltd', 'Acme Cloud Ltd']);
  });

  it('keeps the name and location issued when a renewal event recorded before carries none', () => {
    const [renewed] = spec(issued()).when(renew('2027-02-10', '2027-03-20')).events();
    const older = Object.fromEntries(
      Object.entries(renewed!.data).filter(([key]) => !key.startsWith('organisation')),
    );
    const state = fold([...issued(), { ...renewed!, data: older } as CertificateEvent]);
    expect(state).toMatchObject({
      organisationName: 'Acme IT Ltd',
      organisationLocation: 'Beijing, CN',
    });
  });

  it('accepts a decision on the expiry date itself', () => {
    const [event] = spec(issued()).when(renew('2027-03-19')).events();
    expect(event?.data).toMatchObject({ expiryDate: '2030-03-19', effectiveDate: '2027-03-19' });
  });

  it('refuses a renewal decided after expiry (that is a restoration)', () => {
    spec(issued()).when(renew('2027-03-20')).thenThrows(RenewalAfterExpiryError, {
      rule: 'RENEWAL_AFTER_EXPIRY',
      message:
        'certificate CN-20000-00042 expired after 2027-03-19; renewal must be decided on or before that date',
    });
  });

  it('refuses a renewal effective before its decision', () => {
    spec(issued())
      .when(renew('2027-02-10', '2027-02-09'))
      .thenThrows(EffectiveBeforeDecisionError, { rule: 'EFFECTIVE_BEFORE_DECISION' });
  });

  it('refuses a renewal effective later than the day after expiry', () => {
    spec(issued()).when(renew('2027-02-10', '2027-03-21')).thenThrows(RenewalEffectiveDateError, {
      rule: 'RENEWAL_EFFECTIVE_DATE',
      message: 'expires on 2027-03-19; a renewal effective on 2027-03-21',
    });
  });

  it('refuses to renew a suspended certificate', () => {
    spec(run(issueCommand(), suspend('2026-11-01')))
      .when(renew('2027-02-10'))
      .thenThrows(CertificateSuspendedError, {
        rule: 'CERTIFICATE_SUSPENDED',
        message: 'suspended since 2026-11-01; a renewal needs it reinstated first',
      });
  });

  it('refuses to renew a withdrawn certificate', () => {
    spec(run(issueCommand(), withdraw('2026-11-01')))
      .when(renew('2027-02-10'))
      .thenThrows(CertificateWithdrawnError, {
        rule: 'CERTIFICATE_WITHDRAWN',
        message: 'withdrawn on 2026-11-01; withdrawal is final',
      });
  });

  it('refuses a decision dated before the last recorded change', () => {
    spec(run(issueCommand(), suspend('2025-06-01'), reinstate('2025-07-01')))
      .when(renew('2025-06-15'))
      .thenThrows(ChangeBeforeLastChangeError, {
        rule: 'CHANGE_BEFORE_LAST_CHANGE',
        message: 'change recorded on 2025-07-01; a renewal on 2025-06-15 cannot precede it',
      });
  });

  it('refuses another standard or an older version', () => {
    spec(issued())
      .when(renew('2027-02-10', '2027-02-10', { standard: ISMS_2022 }))
      .thenThrows(StandardVersionNotAllowedError, {
        rule: 'STANDARD_VERSION_NOT_ALLOWED',
        message: 'is to ISO/IEC 20000-1:2018; it cannot move to ISO/IEC 27001:2022',
      });
  });

  it('renews to the same or the next version typed in another case or spacing, as the catalog spells it', () => {
    const [same] = spec(issued())
      .when(
        renew('2027-02-10', '2027-03-20', {
          standard: { identifier: 'iso/iec 20000-1 ', version: ' 2018' },
        }),
      )
      .events();
    expect(same?.data).toMatchObject({ standard: SMS_2018, expiryDate: '2030-03-19' });
    const isms2013 = run(
      issueCommand({
        standard: ISMS_2013,
        decisionDate: d('2022-01-10'),
        effectiveDate: d('2022-01-10'),
      }),
    );
    const [next] = spec(isms2013)
      .when(
        renew('2024-12-01', '2024-12-01', {
          standard: { identifier: 'Iso/Iec  27001', version: '2022' },
        }),
      )
      .events();
    expect(next?.data).toMatchObject({ standard: ISMS_2022 });
  });

  it('renews a superseded version to its successor, keeping the cycle anniversary', () => {
    const events = run(
      issueCommand({
        standard: ISMS_2013,
        decisionDate: d('2022-01-10'),
        effectiveDate: d('2022-01-10'),
      }),
    );
    const [event] = spec(events)
      .when(renew('2024-12-01', '2024-12-01', { standard: ISMS_2022 }))
      .events();
    expect(event?.data).toMatchObject({
      previousExpiryDate: '2025-01-09',
      expiryDate: '2028-01-09',
      standard: ISMS_2022,
    });
  });

  it("renews a certificate capped by its version's transition end from the cycle's own expiry", () => {
    const capped = issued({
      standard: ISMS_2013,
      decisionDate: d('2023-04-20'),
      effectiveDate: d('2023-04-20'),
    });
    const [event] = spec(capped)
      .when(renew('2025-08-01', '2025-08-01', { standard: ISMS_2022 }))
      .events();
    expect(event?.data).toMatchObject({
      previousExpiryDate: '2025-10-31',
      expiryDate: '2029-04-19',
      uncappedExpiryDate: '2029-04-19',
      standard: ISMS_2022,
    });
  });

  it('refuses a command sent to another certificate', () => {
    spec(issued())
      .when(renew('2027-02-10', '2027-02-10', { certificateId: 'cert-7' }))
      .thenThrows(CertificateMismatchError, { rule: 'CERTIFICATE_MISMATCH' });
  });
});
