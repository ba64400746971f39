import {
  certificateHistory,
  certificateStatusOn,
  type CertificateEvent,
  CertificateExpiredError,
  ChangeBeforeLastChangeError,
  expiryToRecord,
  type IssuedCertificateState,
} from '../../../src/domain';
import {
  d,
  expire,
  extendScope,
  fold,
  issueCommand,
  reduceScope,
  reinstate,
  run,
  spec,
  suspend,
  withdraw,
} from './certificate-fixtures';

/** Issued 2024-03-15, effective 2024-03-20, expiring 2027-03-19; the scan records the expiry on 2027-03-21. */
const expiryRecorded = (...before: Parameters<typeof run>): CertificateEvent[] =>
  run(issueCommand(), ...before, expire('2027-03-21'));

const issuedState = (events: CertificateEvent[]): IssuedCertificateState =>
  fold(events) as IssuedCertificateState;

describe('a change decided on or before the expiry date, entered after the scan recorded the expiry', () => {
  it('records a suspension dated on the expiry date', () => {
    spec(expiryRecorded())
      .when(suspend('2027-03-19'))
      .then([
        expect.objectContaining({
          type: 'CertificateSuspended',
          data: expect.objectContaining({ suspendedOn: '2027-03-19' }) as unknown,
        }) as CertificateEvent,
      ]);
  });

  it('leaves the suspended certificate expired from the day after, as if entered before the scan', () => {
    const late = issuedState(run(issueCommand(), expire('2027-03-21'), suspend('2027-02-01')));
    const inTime = issuedState(run(issueCommand(), suspend('2027-02-01'), expire('2027-03-21')));
    expect(late).toEqual(inTime);
    expect(late.status).toBe('EXPIRED');
    expect(certificateStatusOn(late, d('2027-02-01'))).toBe('SUSPENDED');
    expect(certificateStatusOn(late, d('2027-03-20'))).toBe('EXPIRED');
  });

  it('records a reinstatement of a suspension the expiry ended, dated before the expiry date', () => {
    spec(expiryRecorded(suspend('2027-01-10')))
      .when(reinstate('2027-03-01'))
      .then([
        expect.objectContaining({
          type: 'CertificateReinstated',
          data: expect.objectContaining({
            reinstatedOn: '2027-03-01',
            suspendedOn: '2027-01-10',
          }) as unknown,
        }) as CertificateEvent,
      ]);
    const late = issuedState(
      run(issueCommand(), suspend('2027-01-10'), expire('2027-03-21'), reinstate('2027-03-01')),
    );
    const inTime = issuedState(
      run(issueCommand(), suspend('2027-01-10'), reinstate('2027-03-01'), expire('2027-03-21')),
    );
    expect(late).toEqual(inTime);
    expect(certificateStatusOn(late, d('2027-03-01'))).toBe('ACTIVE');
  });

  it('records a scope extension and a scope reduction dated before the expiry date', () => {
    spec(expiryRecorded())
      .when(extendScope('2027-03-10'))
      .then([
        expect.objectContaining({
          type: 'CertificateScopeExtended',
          data: expect.objectContaining({ decisionDate: '2027-03-10', revision: 2 }) as unknown,
        }) as CertificateEvent,
      ]);
    spec(expiryRecorded(extendScope('2027-03-10')))
      .when(reduceScope('2027-03-15'))
      .then([
        expect.objectContaining({
          type: 'CertificateScopeReduced',
          data: expect.objectContaining({ decisionDate: '2027-03-15', revision: 3 }) as unknown,
        }) as CertificateEvent,
      ]);
    const late = issuedState(run(issueCommand(), expire('2027-03-21'), extendScope('2027-03-10')));
    const inTime = issuedState(expiryRecorded(extendScope('2027-03-10')));
    expect(late).toEqual(inTime);
    expect(late.status).toBe('EXPIRED');
    expect(late.revision).toBe(2);
  });

  it('records a withdrawal dated before the expiry date: withdrawn from then, never expired', () => {
    spec(expiryRecorded())
      .when(withdraw('2027-03-19'))
      .then([
        expect.objectContaining({
          type: 'CertificateWithdrawn',
          data: expect.objectContaining({ withdrawnOn: '2027-03-19' }) as unknown,
        }) as CertificateEvent,
      ]);
    const late = issuedState(run(issueCommand(), expire('2027-03-21'), withdraw('2027-03-01')));
    const { voidedExpiries, ...certificate } = late;
    expect({ ...certificate, voidedExpiries: [] }).toEqual(
      issuedState(run(issueCommand(), withdraw('2027-03-01'))),
    );
    expect(late.status).toBe('WITHDRAWN');
    expect(late.lapses).toEqual([]);
    expect(voidedExpiries).toEqual([
      {
        expiryDate: '2027-03-19',
        expiredOn: '2027-03-20',
        voidedBy: { withdrawal: late.withdrawal },
      },
    ]);
    expect(certificateStatusOn(late, d('2027-03-20'))).toBe('WITHDRAWN');
    expect(certificateHistory(late).at(-1)).toMatchObject({
      status: 'WITHDRAWN',
      from: '2027-03-01',
    });
    expect(expiryToRecord(late, d('2027-03-22'), 'scanner')).toBeNull();
  });

  it('still refuses each dated after the expiry date (the certificate had expired)', () => {
    const given = expiryRecorded(suspend('2027-01-10'));
    spec(expiryRecorded()).when(suspend('2027-03-20')).thenThrows(CertificateExpiredError);
    spec(given).when(reinstate('2027-03-20')).thenThrows(CertificateExpiredError);
    spec(expiryRecorded()).when(withdraw('2027-03-20')).thenThrows(CertificateExpiredError);
    spec(expiryRecorded()).when(extendScope('2027-03-20')).thenThrows(CertificateExpiredError);
    spec(expiryRecorded()).when(reduceScope('2027-03-20')).thenThrows(CertificateExpiredError);
  });

  it('still refuses one dated before a change recorded before the expiry', () => {
    spec(expiryRecorded(suspend('2027-01-10'), reinstate('2027-02-01')))
      .when(withdraw('2027-01-31'))
      .thenThrows(ChangeBeforeLastChangeError, { rule: 'CHANGE_BEFORE_LAST_CHANGE' });
  });
});
