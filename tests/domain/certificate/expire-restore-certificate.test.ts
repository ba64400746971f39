import {
  CertificateAlreadyExpiredError,
  CertificateExpiredError,
  CertificateNotYetExpiredError,
  CertificateWithdrawnError,
  RestorationNotAllowedError,
  RestorationWindowPassedError,
} from '../../../src/domain';
import {
  CN_POLICY,
  d,
  expire,
  ISMS_2013,
  ISMS_2022,
  issueCommand,
  issued,
  reinstate,
  restore,
  run,
  SITES,
  SMS_2018,
  spec,
  suspend,
  withdraw,
} from './certificate-fixtures';

describe('ExpireCertificate', () => {
  it('records the expiry from the day after the expiry date', () => {
    spec(issued())
      .when(expire('2027-03-20'))
      .then([
        {
          type: 'CertificateExpired',
          data: {
            certificateId: 'cert-42',
            number: 'CN-20000-00042',
            expiryDate: d('2027-03-19'),
            expiredOn: d('2027-03-20'),
            recordedOn: d('2027-03-20'),
            actor: 'scanner',
          },
        },
      ]);
  });

  it('refuses to record an expiry on the expiry date itself', () => {
    spec(issued()).when(expire('2027-03-19')).thenThrows(CertificateNotYetExpiredError, {
      rule: 'CERTIFICATE_NOT_YET_EXPIRED',
      message: 'valid until 2027-03-19; recording the expiry on 2027-03-19',
    });
  });

  it('refuses to record the same expiry twice', () => {
    spec(run(issueCommand(), expire('2027-03-21')))
      .when(expire('2027-03-22'))
      .thenThrows(CertificateAlreadyExpiredError, {
        rule: 'CERTIFICATE_ALREADY_EXPIRED',
        message: 'expired after 2027-03-19 and was recorded as expired on 2027-03-21',
      });
  });

  it('expires a suspended certificate and ends its suspension', () => {
    const events = run(issueCommand(), suspend('2027-01-10'), expire('2027-04-01'));
    expect(events.at(-1)?.type).toBe('CertificateExpired');
  });

  it('refuses to record the expiry of a withdrawn certificate', () => {
    spec(run(issueCommand(), withdraw('2026-01-10')))
      .when(expire('2027-04-01'))
      .thenThrows(CertificateWithdrawnError, { rule: 'CERTIFICATE_WITHDRAWN' });
  });
});

describe('RestoreCertificate', () => {
  it('restores within 6 months: effective on the decision, expiry + 3 years, the gap recorded', () => {
    spec(run(issueCommand(), expire('2027-03-20')))
      .when(restore('2027-05-10'))
      .then([
        {
          type: 'CertificateRestored',
          data: {
            certificateId: 'cert-42',
            auditCycleId: 'cycle-2',
            number: 'CN-20000-00042',
            revision: 2,
            standard: SMS_2018,
            scope: 'Operation of IT services for retail banking customers',
            sites: SITES,
            decisionDate: d('2027-05-10'),
            effectiveDate: d('2027-05-10'),
            previousExpiryDate: d('2027-03-19'),
            expiryDate: d('2030-03-19'),
            uncappedExpiryDate: d('2030-03-19'),
            originalCertificationDate: d('2024-03-20'),
            cycleDecisionDate: d('2027-05-10'),
            organisationName: 'Acme IT Ltd',
            organisationLocation: 'Beijing, CN',
            gap: { from: d('2027-03-20'), to: d('2027-05-09') },
            actor: 'decider-2',
          },
        },
      ]);
  });

  it("restores a certificate that expired at its version's transition end from the cycle's own expiry", () => {
    const expiredAtTransitionEnd = run(
      issueCommand({
        standard: ISMS_2013,
        decisionDate: d('2023-06-10'),
        effectiveDate: d('2023-06-10'),
      }),
      expire('2025-11-01'),
    );
    const [event] = spec(expiredAtTransitionEnd)
      .when(restore('2025-11-05', { standard: ISMS_2022 }))
      .events();
    expect(event?.data).toMatchObject({
      previousExpiryDate: '2025-10-31',
      expiryDate: '2029-06-09',
      gap: { from: '2025-11-01', to: '2025-11-04' },
    });
  });

  it('restores to a standard typed in another case or spacing, recorded as the catalog spells it', () => {
    const typed = { identifier: ' ISO/iec 20000\u20131', version: '2018 ' };
    const [event] = spec(issued())
      .when(restore('2027-05-10', { standard: typed }))
      .events();
    expect(event?.data).toMatchObject({ standard: SMS_2018, expiryDate: '2030-03-19' });
  });

  it('restores without a recorded expiry, and with no gap the day after expiry', () => {
    const [event] = spec(issued()).when(restore('2027-03-20')).events();
    expect(event?.data).toMatchObject({ gap: null, effectiveDate: '2027-03-20' });
  });

  it('accepts the last day of the window', () => {
    const [event] = spec(issued()).when(restore('2027-09-19')).events();
    expect(event?.type).toBe('CertificateRestored');
  });

  it('refuses a restoration after the window', () => {
    spec(issued()).when(restore('2027-09-20')).thenThrows(RestorationWindowPassedError, {
      rule: 'RESTORATION_WINDOW_PASSED',
      message:
        'expired after 2027-03-19; restoration had to be decided by 2027-09-19 (decision on 2027-09-20)',
    });
  });

  it('refuses a restoration before expiry', () => {
    spec(issued()).when(restore('2027-03-19')).thenThrows(CertificateNotYetExpiredError, {
      message: 'valid until 2027-03-19; a restoration on 2027-03-19',
    });
  });

  it('refuses any restoration under the CN profile', () => {
    spec(issued({ policy: CN_POLICY }))
      .when(restore('2027-04-01'))
      .thenThrows(RestorationNotAllowedError, {
        rule: 'RESTORATION_NOT_ALLOWED',
        message: 'policy CN_CNCA allows no restoration',
      });
  });

  it.each([
    ['with its expiry recorded', [issueCommand(), suspend('2027-01-10'), expire('2027-03-21')]],
    ['before its expiry is recorded', [issueCommand(), suspend('2027-01-10')]],
  ])(
    'refuses to restore a certificate that was suspended when it expired, %s',
    (_when, history) => {
      spec(run(...history))
        .when(restore('2027-04-01'))
        .thenThrows(RestorationNotAllowedError, {
          rule: 'RESTORATION_NOT_ALLOWED',
          message:
            'certificate CN-20000-00042 cannot be restored: it was suspended (since 2027-01-10) when ' +
            'it expired after 2027-03-19, and a restoration brings back a certification that was in ' +
            'force (a new certification from stage 2 is needed)',
        });
    },
  );

  it('restores a certificate reinstated before it expired', () => {
    const events = run(
      issueCommand(),
      suspend('2027-01-10'),
      reinstate('2027-02-01'),
      expire('2027-03-21'),
      restore('2027-04-01'),
    );
    expect(events.at(-1)?.type).toBe('CertificateRestored');
  });

  it('refuses to restore a withdrawn certificate', () => {
    spec(run(issueCommand(), withdraw('2026-01-10')))
      .when(restore('2027-04-01'))
      .thenThrows(CertificateWithdrawnError);
  });

  it('refuses a suspension during the gap', () => {
    spec(run(issueCommand(), expire('2027-03-20')))
      .when(suspend('2027-04-01'))
      .thenThrows(CertificateExpiredError, {
        rule: 'CERTIFICATE_EXPIRED',
        message: 'expired after 2027-03-19; a suspension on 2027-04-01 is refused',
      });
  });
});
