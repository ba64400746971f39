import {
  certificateHistory,
  certificateStatusOn,
  certSearchStatus,
  certSearchStatusOn,
  initialCertificateState,
  isValidOn,
  revisionStatusOn,
} from '../../../src/domain';
import {
  d,
  expire,
  extendScope,
  fold,
  issueCommand,
  issued,
  reinstate,
  renew,
  restore,
  run,
  suspend,
  withdraw,
} from './certificate-fixtures';

describe('certificate status and history', () => {
  const state = fold(
    run(
      issueCommand(),
      suspend('2025-06-01'),
      reinstate('2025-08-15'),
      extendScope('2026-01-10'),
      expire('2027-03-25'),
      restore('2027-05-10'),
    ),
  );

  it.each([
    ['2024-03-14', 'DRAFT', false],
    ['2024-03-19', 'DRAFT', false],
    ['2024-03-20', 'ACTIVE', true],
    ['2025-05-31', 'ACTIVE', true],
    ['2025-06-01', 'SUSPENDED', false],
    ['2025-08-14', 'SUSPENDED', false],
    ['2025-08-15', 'ACTIVE', true],
    ['2027-03-19', 'ACTIVE', true],
    ['2027-03-20', 'EXPIRED', false],
    ['2027-05-09', 'EXPIRED', false],
    ['2027-05-10', 'ACTIVE', true],
    ['2030-03-19', 'ACTIVE', true],
    ['2030-03-20', 'EXPIRED', false],
  ] as const)('on %s reads %s (valid: %s)', (date, status, valid) => {
    expect(certificateStatusOn(state, d(date))).toBe(status);
    expect(isValidOn(state, d(date))).toBe(valid);
  });

  it('shows suspension, revisions and the restoration gap as periods', () => {
    expect(certificateHistory(state)).toEqual([
      {
        status: 'ACTIVE',
        from: '2024-03-20',
        to: '2025-05-31',
        revision: 1,
        restorationGap: false,
      },
      {
        status: 'SUSPENDED',
        from: '2025-06-01',
        to: '2025-08-14',
        revision: 1,
        restorationGap: false,
      },
      {
        status: 'ACTIVE',
        from: '2025-08-15',
        to: '2026-01-09',
        revision: 1,
        restorationGap: false,
      },
      {
        status: 'ACTIVE',
        from: '2026-01-10',
        to: '2027-03-19',
        revision: 2,
        restorationGap: false,
      },
      {
        status: 'EXPIRED',
        from: '2027-03-20',
        to: '2027-05-09',
        revision: 2,
        restorationGap: true,
      },
      {
        status: 'ACTIVE',
        from: '2027-05-10',
        to: '2030-03-19',
        revision: 3,
        restorationGap: false,
      },
      { status: 'EXPIRED', from: '2030-03-20', to: null, revision: 3, restorationGap: false },
    ]);
  });

  it('reads EXPIRED after the expiry date even when no expiry was recorded', () => {
    const active = fold(issued());
    expect(active.status).toBe('ACTIVE');
    expect(certificateStatusOn(active, d('2027-03-20'))).toBe('EXPIRED');
  });

  it('reads a renewed certificate ACTIVE across the old expiry', () => {
    const renewed = fold(run(issueCommand(), renew('2027-02-01', '2027-03-20')));
    expect(certificateStatusOn(renewed, d('2027-03-19'))).toBe('ACTIVE');
    expect(certificateStatusOn(renewed, d('2027-03-20'))).toBe('ACTIVE');
    expect(certificateStatusOn(renewed, d('2030-03-20'))).toBe('EXPIRED');
    expect(revisionStatusOn(renewed, 1, d('2027-03-19'))).toBe('CURRENT');
    expect(revisionStatusOn(renewed, 1, d('2027-03-20'))).toBe('SUPERSEDED');
    expect(revisionStatusOn(renewed, 2, d('2027-03-19'))).toBe('DRAFT');
  });

  it('reads WITHDRAWN from the withdrawal on, also after the expiry date', () => {
    const withdrawn = fold(run(issueCommand(), suspend('2025-06-01'), withdraw('2025-12-01')));
    expect(certificateStatusOn(withdrawn, d('2025-11-30'))).toBe('SUSPENDED');
    expect(certificateStatusOn(withdrawn, d('2025-12-01'))).toBe('WITHDRAWN');
    expect(certificateStatusOn(withdrawn, d('2028-01-01'))).toBe('WITHDRAWN');
    expect(certificateHistory(withdrawn).at(-1)).toEqual({
      status: 'WITHDRAWN',
      from: '2025-12-01',
      to: null,
      revision: 1,
      restorationGap: false,
    });
  });

  it('reads DRAFT before anything is issued', () => {
    expect(certificateStatusOn(initialCertificateState(), d('2025-01-01'))).toBe('DRAFT');
    expect(certificateHistory(initialCertificateState())).toEqual([]);
  });

  it('maps statuses to IAF CertSearch values', () => {
    expect(certSearchStatus('ACTIVE')).toBe('Active');
    expect(certSearchStatus('SUSPENDED')).toBe('Suspended');
    expect(certSearchStatus('WITHDRAWN')).toBe('Withdrawn');
    expect(certSearchStatus('EXPIRED')).toBe('Expired');
    expect(certSearchStatus('DRAFT')).toBe('Draft');
    expect(certSearchStatusOn(state, d('2027-04-01'))).toBe('Expired');
  });
});
