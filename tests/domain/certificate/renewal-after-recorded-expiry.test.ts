import {
  certificateDeadlines,
  certificateHistory,
  certificateStatusOn,
  type CertificateEvent,
  CertificateSuspendedError,
  ChangeBeforeLastChangeError,
  expiryToRecord,
  type IssuedCertificateState,
  lapsedForGoodOn,
  RenewalAfterExpiryError,
} from '../../../src/domain';
import {
  d,
  expire,
  fold,
  ISMS_2013,
  ISMS_2022,
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
    // The record stays in the log: the certificate keeps it as voided by the renewal.
    expect(issued.voidedExpiries).toEqual([
      {
        expiryDate: '2027-03-19',
        expiredOn: '2027-03-20',
        voidedBy: { revision: issued.revisions.at(-1) },
      },
    ]);
    expect(issued.revisions.at(-1)).toMatchObject({ cause: 'RENEWED', decisionDate: '2027-03-19' });
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

/** ISO/IEC 27001:2013 from 2023-06-01: 2026-05-31 capped at the transition end, 2025-10-31. */
const capped = () =>
  issueCommand({
    standard: ISMS_2013,
    decisionDate: d('2023-06-01'),
    effectiveDate: d('2023-06-01'),
  });

/** Renewed to the old version: min(2029-05-31, 2025-10-31), the same capped expiry. */
const renewedToOldVersion = () => renew('2025-10-20', '2025-10-20', { standard: ISMS_2013 });

const audits = { recertificationAudits: {} };

describe('a renewal to the old version keeping the capped expiry, entered after the scan recorded it', () => {
  it('is recorded, and the certificate still expires after the transition end, as entered in time', () => {
    spec(run(capped(), expire('2025-11-02')))
      .when(renewedToOldVersion())
      .then([
        expect.objectContaining({
          type: 'CertificateRenewed',
          data: expect.objectContaining({
            decisionDate: '2025-10-20',
            revision: 2,
            standard: ISMS_2013,
            previousExpiryDate: '2025-10-31',
            expiryDate: '2025-10-31',
            uncappedExpiryDate: '2029-05-31',
          }) as unknown,
        }) as CertificateEvent,
      ]);
    const late = fold(
      run(capped(), expire('2025-11-02'), renewedToOldVersion()),
    ) as IssuedCertificateState;
    const inTime = fold(
      run(capped(), renewedToOldVersion(), expire('2025-11-02')),
    ) as IssuedCertificateState;
    expect(late).toEqual(inTime);
    expect(late.status).toBe('EXPIRED');
    expect(late.lapses).toEqual([expect.objectContaining({ expiryDate: '2025-10-31' })]);
    expect(certificateStatusOn(late, d('2025-11-01'))).toBe('EXPIRED');
    expect(certificateHistory(late)).toEqual(certificateHistory(inTime));
    expect(certificateDeadlines(late, audits)).toEqual(certificateDeadlines(inTime, audits));
    // Recorded once: the scan has no second expiry to record (nor a second certificate.expired).
    expect(expiryToRecord(late, d('2025-11-09'), 'scanner')).toBeNull();
  });

  it('reads a log holding a second record of that expiry (written before this rule) as recorded once', () => {
    const late = run(capped(), expire('2025-11-02'), renewedToOldVersion());
    const [, recorded] = late;
    const again = { ...recorded!, data: { ...recorded!.data, recordedOn: d('2025-11-09') } };
    const inTime = fold(run(capped(), renewedToOldVersion(), expire('2025-11-02')));
    expect(fold([...late, again as CertificateEvent])).toEqual(inTime);
  });

  it('still voids the record when the renewal is to the new version, whose expiry is later', () => {
    const toNewVersion = renew('2025-10-20', '2025-10-20', { standard: ISMS_2022 });
    const late = fold(run(capped(), expire('2025-11-02'), toNewVersion)) as IssuedCertificateState;
    expect({ ...late, voidedExpiries: [] }).toEqual(fold(run(capped(), toNewVersion)));
    expect(late).toMatchObject({ status: 'ACTIVE', lapses: [], expiryDate: '2029-05-31' });
    expect(late.voidedExpiries).toEqual([
      expect.objectContaining({ expiryDate: '2025-10-31', expiredOn: '2025-11-01' }),
    ]);
  });
});
