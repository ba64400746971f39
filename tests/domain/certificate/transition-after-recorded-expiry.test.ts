import {
  certificateDeadlines,
  certificateHistory,
  certificateStatusOn,
  type CertificateEvent,
  CertificateExpiredError,
  CertificateSuspendedError,
  ChangeBeforeLastChangeError,
  expiryToRecord,
  type IssuedCertificateState,
  TransitionAfterEndError,
} from '../../../src/domain';
import {
  d,
  expire,
  extendScope,
  fold,
  ISMS_2013,
  ISMS_2022,
  issueCommand,
  run,
  spec,
  suspend,
  transition,
} from './certificate-fixtures';

/** ISO/IEC 27001:2013 from 2022-06-01: its own expiry, 2025-05-31, is before the transition end. */
const uncapped = () =>
  issueCommand({
    standard: ISMS_2013,
    decisionDate: d('2022-06-01'),
    effectiveDate: d('2022-06-01'),
  });

/** ISO/IEC 27001:2013 from 2023-06-01: 2026-05-31 capped at the transition end, 2025-10-31. */
const capped = () =>
  issueCommand({
    standard: ISMS_2013,
    decisionDate: d('2023-06-01'),
    effectiveDate: d('2023-06-01'),
  });

const issuedState = (events: CertificateEvent[]): IssuedCertificateState =>
  fold(events) as IssuedCertificateState;

const audits = { recertificationAudits: {} };

describe('a transition decided on or before the expiry date, entered after the scan recorded the expiry', () => {
  it('records a transition keeping the expiry, and the certificate still expires then', () => {
    spec(run(uncapped(), expire('2025-06-02')))
      .when(transition('2025-05-20', ISMS_2022))
      .then([
        expect.objectContaining({
          type: 'CertificateTransitioned',
          data: expect.objectContaining({
            decisionDate: '2025-05-20',
            revision: 2,
            standard: ISMS_2022,
            expiryDate: '2025-05-31',
          }) as unknown,
        }) as CertificateEvent,
      ]);
    const late = issuedState(
      run(uncapped(), expire('2025-06-02'), transition('2025-05-20', ISMS_2022)),
    );
    const inTime = issuedState(
      run(uncapped(), transition('2025-05-20', ISMS_2022), expire('2025-06-02')),
    );
    expect(late).toEqual(inTime);
    expect(late.status).toBe('EXPIRED');
    expect(certificateStatusOn(late, d('2025-06-01'))).toBe('EXPIRED');
    expect(certificateDeadlines(late, audits)).toEqual(certificateDeadlines(inTime, audits));
  });

  it("records a transition lifting the old version's cap: the term never ended on the transition end", () => {
    spec(run(capped(), expire('2025-11-02')))
      .when(transition('2025-10-20', ISMS_2022))
      .then([
        expect.objectContaining({
          type: 'CertificateTransitioned',
          data: expect.objectContaining({
            decisionDate: '2025-10-20',
            standard: ISMS_2022,
            expiryDate: '2026-05-31',
          }) as unknown,
        }) as CertificateEvent,
      ]);
    const late = issuedState(
      run(capped(), expire('2025-11-02'), transition('2025-10-20', ISMS_2022)),
    );
    const inTime = issuedState(run(capped(), transition('2025-10-20', ISMS_2022)));
    expect({ ...late, voidedExpiries: [] }).toEqual(inTime);
    expect(late.status).toBe('ACTIVE');
    expect(late.lapses).toEqual([]);
    expect(late.voidedExpiries).toEqual([
      {
        expiryDate: '2025-10-31',
        expiredOn: '2025-11-01',
        voidedBy: {
          revision: expect.objectContaining({
            cause: 'TRANSITIONED',
            decisionDate: '2025-10-20',
            expiryDate: '2026-05-31',
          }) as unknown,
        },
      },
    ]);
    expect(late.expiryDate).toBe('2026-05-31');
    expect(certificateStatusOn(late, d('2025-11-01'))).toBe('ACTIVE');
    expect(certificateHistory(late)).toEqual(certificateHistory(inTime));
    expect(certificateDeadlines(late, audits)).toEqual(certificateDeadlines(inTime, audits));
    expect(expiryToRecord(late, d('2025-11-03'), 'scanner')).toBeNull();
    expect(expiryToRecord(late, d('2026-06-01'), 'scanner')).not.toBeNull();
  });

  it('still refuses a certificate suspended when it expired', () => {
    spec(run(capped(), suspend('2025-09-01'), expire('2025-11-02')))
      .when(transition('2025-10-20', ISMS_2022))
      .thenThrows(CertificateSuspendedError, { rule: 'CERTIFICATE_SUSPENDED' });
  });

  it('still refuses one dated after the expiry date, or before a change recorded before it', () => {
    spec(run(uncapped(), expire('2025-06-02')))
      .when(transition('2025-06-01', ISMS_2022))
      .thenThrows(CertificateExpiredError);
    spec(run(capped(), expire('2025-11-02')))
      .when(transition('2025-11-01', ISMS_2022))
      .thenThrows(TransitionAfterEndError);
    spec(run(uncapped(), extendScope('2025-05-10'), expire('2025-06-02')))
      .when(transition('2025-05-09', ISMS_2022))
      .thenThrows(ChangeBeforeLastChangeError, { rule: 'CHANGE_BEFORE_LAST_CHANGE' });
  });
});
