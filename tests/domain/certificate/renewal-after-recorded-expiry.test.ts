import {
  certificateDeadlines,
  certificateStatusOn,
  type CertificateEvent,
  CertificateSuspendedError,
  ChangeBeforeLastChangeError,
  type IssuedCertificateState,
  lapsedForGoodOn,
  RenewalAfterExpiryError,
} from '../../../src/domain';
import {
  d,
  expire,
  fold,
  issueCommand,
  reinstate,
  renew,
  run,
  spec,
  suspend,
} from './certificate-fixtures';

/** Issued 2024-03-15, effective 2024-03-20, expiring 2027-03-19; the scan records the expiry on 2027-03-21. */
const expiryRecorded = (...before: Parameters<typeof run>): CertificateEvent[] =>
  run(issueCommand(), ...before, expire('2027-03-21'));

describe('a renewal decided in time and recorded after the scan recorded the expiry', () => {
  it('is recorded: the decision, on the expiry date, came before the certificate expired', () => {
    const events = spec(expiryRecorded()).when(renew('2027-03-19', '2027-03-20'));
    events.then([
      expect.objectContaining({
        type: 'CertificateRenewed',
        data: expect.objectContaining({
          decisionDate: '2027-03-19',
          effectiveDate: '2027-03-20',
          expiryDate: '2030-03-19',
        }) as unknown,
      }) as CertificateEvent,
    ]);
  });

  it('leaves a certificate that never expired: active, no gap, no lapse, no restoration window', () => {
    const state = fold(
      run(issueCommand(), expire('2027-03-21'), renew('2027-03-19', '2027-03-20')),
    );
    const issued = state as IssuedCertificateState;
    expect(issued.status).toBe('ACTIVE');
    expect(issued.lapses).toEqual([]);
    expect(certificateStatusOn(state, d('2027-03-20'))).toBe('ACTIVE');
    // The renewed term's own (expiry 2030-03-19, window to 2030-09-19), not the first term's.
    expect(lapsedForGoodOn(issued)).toBe('2030-09-20');
    // Only the renewed term may lapse: its window opens the day after 2030-03-19.
    const windows = certificateDeadlines(issued, { recertificationAudits: {} })
      .filter((x) => x.type === 'RESTORATION_WINDOW_END')
      .map(({ key, openedOn }) => ({ key, openedOn }));
    expect(windows).toEqual([{ key: 'RESTORATION_WINDOW_END:2030-03-19', openedOn: '2030-03-20' }]);
  });

  it('still refuses one decided after the expiry date (that is a restoration)', () => {
    spec(expiryRecorded())
      .when(renew('2027-03-20'))
      .thenThrows(RenewalAfterExpiryError, { rule: 'RENEWAL_AFTER_EXPIRY' });
  });

  it('still refuses one of a certificate suspended when it expired', () => {
    spec(expiryRecorded(suspend('2027-01-10')))
      .when(renew('2027-03-19', '2027-03-20'))
      .thenThrows(CertificateSuspendedError, {
        rule: 'CERTIFICATE_SUSPENDED',
        message: 'suspended since 2027-01-10; a renewal needs it reinstated first',
      });
  });

  it('still refuses one dated before a change recorded before the expiry', () => {
    spec(expiryRecorded(suspend('2027-01-10'), reinstate('2027-02-01')))
      .when(renew('2027-01-31', '2027-03-20'))
      .thenThrows(ChangeBeforeLastChangeError, {
        rule: 'CHANGE_BEFORE_LAST_CHANGE',
        message: 'change recorded on 2027-02-01; a renewal on 2027-01-31 cannot precede it',
      });
  });
});
