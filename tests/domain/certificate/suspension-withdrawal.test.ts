import {
  CertificateExpiredError,
  CertificateNotSuspendedError,
  CertificateNotYetEffectiveError,
  CertificateSuspendedError,
  CertificateWithdrawnError,
  certificateHistory,
  certificateStatusOn,
  InvalidCertificateCommandError,
  RevisionBeforeLastRevisionError,
  SuspensionLimitPassedError,
  type CertificateCommand,
} from '../../../src/domain';
import {
  CN_POLICY,
  d,
  expire,
  extendScope,
  fold,
  issueCommand,
  issued,
  reduceScope,
  reinstate,
  renew,
  restore,
  run,
  spec,
  suspend,
  transition,
  withdraw,
} from './certificate-fixtures';

describe('SuspendCertificate', () => {
  it('suspends with grounds, details and a limit date 6 months on', () => {
    spec(issued())
      .when(suspend('2025-08-31'))
      .then([
        {
          type: 'CertificateSuspended',
          data: {
            certificateId: 'cert-42',
            number: 'CN-20000-00042',
            grounds: 'SERIOUS_FAILURE',
            details: 'major nonconformity in incident management not corrected',
            suspendedOn: d('2025-08-31'),
            limitDate: d('2026-02-28'),
            ownFault: true,
            reapplicationBarredUntil: null,
            actor: 'manager-1',
          },
        },
      ]);
  });

  it('bars a new application for 12 months after an own-fault suspension under the CN profile', () => {
    const [event] = spec(issued({ policy: CN_POLICY }))
      .when(suspend('2025-08-31'))
      .events();
    expect(event?.data).toMatchObject({ reapplicationBarredUntil: '2026-08-31' });
    const [voluntary] = spec(issued({ policy: CN_POLICY }))
      .when(suspend('2025-08-31', { grounds: 'VOLUNTARY_REQUEST', ownFault: false }))
      .events();
    expect(voluntary?.data).toMatchObject({ reapplicationBarredUntil: null });
  });

  it('refuses to suspend a suspended certificate', () => {
    spec(run(issueCommand(), suspend('2025-08-31')))
      .when(suspend('2025-09-15'))
      .thenThrows(CertificateSuspendedError, {
        rule: 'CERTIFICATE_SUSPENDED',
        message: 'suspended since 2025-08-31; another suspension needs it reinstated first',
      });
  });

  it('refuses to suspend before the certificate is effective', () => {
    spec(issued()).when(suspend('2024-03-18')).thenThrows(CertificateNotYetEffectiveError, {
      rule: 'CERTIFICATE_NOT_YET_EFFECTIVE',
      message: 'effective from 2024-03-20; a suspension on 2024-03-18 is too early',
    });
  });

  it('refuses to suspend after expiry, even with no expiry recorded', () => {
    spec(issued())
      .when(suspend('2027-03-20'))
      .thenThrows(CertificateExpiredError, { message: 'expired after 2027-03-19' });
  });

  it('refuses unknown grounds', () => {
    spec(issued())
      .when(suspend('2025-08-31', { grounds: 'BAD_MOOD' }))
      .thenThrows(InvalidCertificateCommandError, { message: /grounds must be one of/ });
  });

  it('never moves the expiry date', () => {
    const events = run(issueCommand(), suspend('2025-08-31'), reinstate('2025-10-01'));
    const [renewal] = spec(events).when(renew('2027-01-15')).events();
    expect(renewal?.data).toMatchObject({ previousExpiryDate: '2027-03-19' });
  });
});

describe('ReinstateCertificate', () => {
  it('reinstates a suspended certificate', () => {
    spec(run(issueCommand(), suspend('2025-08-31')))
      .when(reinstate('2025-10-01'))
      .then([
        {
          type: 'CertificateReinstated',
          data: {
            certificateId: 'cert-42',
            number: 'CN-20000-00042',
            reinstatedOn: d('2025-10-01'),
            suspendedOn: d('2025-08-31'),
            reason: 'corrective action verified',
            actor: 'manager-1',
          },
        },
      ]);
  });

  it('refuses to reinstate an active certificate', () => {
    spec(issued()).when(reinstate('2025-10-01')).thenThrows(CertificateNotSuspendedError, {
      rule: 'CERTIFICATE_NOT_SUSPENDED',
      message: 'not suspended on 2025-10-01',
    });
  });

  it('refuses to reinstate after the certificate expired during its suspension', () => {
    spec(run(issueCommand(), suspend('2027-01-10')))
      .when(reinstate('2027-03-20'))
      .thenThrows(CertificateExpiredError, { message: 'expired after 2027-03-19' });
  });

  it('reinstates up to the suspension limit, the limit day included', () => {
    const [event] = spec(run(issueCommand(), suspend('2025-08-31')))
      .when(reinstate('2026-02-28'))
      .events();
    expect(event?.type).toBe('CertificateReinstated');
  });

  it('refuses to reinstate once the suspension limit has passed', () => {
    spec(run(issueCommand(), suspend('2025-08-31')))
      .when(reinstate('2026-03-01'))
      .thenThrows(SuspensionLimitPassedError, {
        rule: 'SUSPENSION_LIMIT_PASSED',
        message:
          'suspended since 2025-08-31 and its limit 2026-02-28 passed before 2026-03-01: ' +
          'withdraw it, or reduce its scope before reinstating it',
      });
  });

  it('reinstates after the limit what remains of a scope reduced during the suspension', () => {
    const [event] = spec(run(issueCommand(), suspend('2025-08-31'), reduceScope('2026-03-01')))
      .when(reinstate('2026-03-02'))
      .events();
    expect(event?.type).toBe('CertificateReinstated');
  });

  it('does not count a scope reduction from before the suspension', () => {
    spec(run(issueCommand(), reduceScope('2025-06-01'), suspend('2025-08-31')))
      .when(reinstate('2026-03-01'))
      .thenThrows(SuspensionLimitPassedError, { rule: 'SUSPENSION_LIMIT_PASSED' });
  });
});

describe('WithdrawCertificate', () => {
  it('withdraws a suspended certificate', () => {
    const [event] = spec(run(issueCommand({ policy: CN_POLICY }), suspend('2025-08-31')))
      .when(withdraw('2026-02-28'))
      .events();
    expect(event).toEqual({
      type: 'CertificateWithdrawn',
      data: {
        certificateId: 'cert-42',
        number: 'CN-20000-00042',
        withdrawnOn: '2026-02-28',
        reason: 'suspension not resolved',
        ownFault: true,
        reapplicationBarredUntil: '2027-02-28',
        actor: 'manager-1',
      },
    });
  });

  it('refuses to withdraw an expired certificate', () => {
    spec(issued())
      .when(withdraw('2027-04-01'))
      .thenThrows(CertificateExpiredError, { rule: 'CERTIFICATE_EXPIRED' });
  });

  const later: [string, CertificateCommand][] = [
    ['suspension', suspend('2026-03-01')],
    ['reinstatement', reinstate('2026-03-01')],
    ['renewal', renew('2027-01-15')],
    ['restoration', restore('2027-04-01')],
    ['expiry', expire('2027-04-01')],
    ['second withdrawal', withdraw('2026-03-01')],
    ['scope extension', extendScope('2026-03-01')],
    ['scope reduction', reduceScope('2026-03-01')],
    ['transition', transition('2026-03-01')],
    ['command dated before the withdrawal', suspend('2025-01-01')],
  ];

  it.each(later)('is final: refuses a later %s', (_name, command) => {
    spec(run(issueCommand(), withdraw('2026-02-01')))
      .when(command)
      .thenThrows(CertificateWithdrawnError, {
        rule: 'CERTIFICATE_WITHDRAWN',
        message: 'certificate CN-20000-00042 was withdrawn on 2026-02-01; withdrawal is final',
      });
  });
});

describe('while a revision waits for its effective date', () => {
  it('suspends a certificate whose renewal takes effect later, and the suspension runs on into it', () => {
    const events = run(
      issueCommand(),
      renew('2027-02-01', '2027-03-20'),
      suspend('2027-02-15'),
      reinstate('2027-04-01'),
    );
    const state = fold(events);
    expect(
      ['2027-02-14', '2027-02-15', '2027-03-25', '2027-04-01'].map((day) =>
        certificateStatusOn(state, d(day)),
      ),
    ).toEqual(['ACTIVE', 'SUSPENDED', 'SUSPENDED', 'ACTIVE']);
    expect(
      certificateHistory(state).map(({ status, from, revision }) => [status, from, revision]),
    ).toEqual([
      ['ACTIVE', '2024-03-20', 1],
      ['SUSPENDED', '2027-02-15', 1],
      ['SUSPENDED', '2027-03-20', 2],
      ['ACTIVE', '2027-04-01', 2],
      ['EXPIRED', '2030-03-20', 2],
    ]);
  });

  it('withdraws it too', () => {
    const events = run(issueCommand(), renew('2027-02-01', '2027-03-20'), withdraw('2027-02-15'));
    expect(events.at(-1)?.type).toBe('CertificateWithdrawn');
  });

  it('refuses a revision taking effect before the one already recorded', () => {
    spec(run(issueCommand(), extendScope('2025-01-10', { effectiveDate: d('2025-03-01') })))
      .when(reduceScope('2025-01-20', { effectiveDate: d('2025-02-01') }))
      .thenThrows(RevisionBeforeLastRevisionError, {
        rule: 'CHANGE_BEFORE_LAST_CHANGE',
        message:
          'certificate CN-20000-00042 has a revision taking effect on 2025-03-01; a scope ' +
          'reduction taking effect on 2025-02-01 cannot precede it',
      });
  });
});
