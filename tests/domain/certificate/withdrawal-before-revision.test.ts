import {
  type CertificateCommand,
  type CertificateEvent,
  certificateHistory,
  certificateStatusOn,
  isIssued,
  latestRevision,
  revisionOn,
  revisionStatusOn,
} from '../../../src/domain';
import {
  d,
  extendScope,
  fold,
  issueCommand,
  reduceScope,
  renew,
  restore,
  run,
  spec,
  withdraw,
} from './certificate-fixtures';

/** given the events, when the withdrawal: the state after both. */
const withdrawnAfter = (given: CertificateEvent[], withdrawal: CertificateCommand) => {
  const produced = spec(given).when(withdrawal).events();
  expect(produced.map((event) => event.type)).toEqual(['CertificateWithdrawn']);
  return fold([...given, ...produced]);
};

const inForce = (state: ReturnType<typeof fold>, days: string[]) =>
  days.map((day) => revisionOn(state, d(day))?.revision);

const latest = (state: ReturnType<typeof fold>) =>
  isIssued(state) ? latestRevision(state).revision : undefined;

const periods = (state: ReturnType<typeof fold>) =>
  certificateHistory(state).map(({ status, from, to, revision }) => [status, from, to, revision]);

describe('a withdrawal before a revision takes effect', () => {
  const given = run(issueCommand(), extendScope('2025-01-10', { effectiveDate: d('2025-03-01') }));

  it('keeps the revision that took effect before it in force: the later one never takes effect', () => {
    const state = withdrawnAfter(given, withdraw('2025-02-15'));
    expect(inForce(state, ['2025-02-14', '2025-02-15', '2025-03-01', '2030-01-01'])).toEqual([
      1, 1, 1, 1,
    ]);
    expect(revisionStatusOn(state, 1, d('2025-03-01'))).toBe('CURRENT');
    expect(revisionStatusOn(state, 2, d('2025-03-01'))).toBe('DRAFT');
    expect(revisionStatusOn(state, 2, d('2030-01-01'))).toBe('DRAFT');
    expect(certificateStatusOn(state, d('2025-03-01'))).toBe('WITHDRAWN');
  });

  it('makes the last revision that takes effect the latest: the last decided until the withdrawal', () => {
    expect(latest(fold(given))).toBe(2);
    expect(latest(withdrawnAfter(given, withdraw('2025-02-15')))).toBe(1);
    expect(latest(withdrawnAfter(given, withdraw('2025-03-01')))).toBe(1);
    const extendedThenReduced = run(
      issueCommand(),
      extendScope('2025-01-10', { effectiveDate: d('2025-01-20') }),
      reduceScope('2025-01-20', { effectiveDate: d('2025-03-01') }),
    );
    expect(latest(withdrawnAfter(extendedThenReduced, withdraw('2025-02-15')))).toBe(2);
    const renewed = run(issueCommand(), renew('2027-02-01', '2027-03-20'));
    expect(latest(fold(renewed))).toBe(2);
    expect(latest(withdrawnAfter(renewed, withdraw('2027-02-15')))).toBe(1);
  });

  it('ends the history in one WITHDRAWN period of the revision in force', () => {
    expect(periods(withdrawnAfter(given, withdraw('2025-02-15')))).toEqual([
      ['ACTIVE', '2024-03-20', '2025-02-14', 1],
      ['WITHDRAWN', '2025-02-15', null, 1],
    ]);
  });

  it('never takes effect when due on the withdrawal day itself', () => {
    const state = withdrawnAfter(given, withdraw('2025-03-01'));
    expect(inForce(state, ['2025-02-28', '2025-03-01', '2025-03-02'])).toEqual([1, 1, 1]);
    expect(revisionStatusOn(state, 2, d('2025-03-01'))).toBe('DRAFT');
    expect(periods(state)).toEqual([
      ['ACTIVE', '2024-03-20', '2025-02-28', 1],
      ['WITHDRAWN', '2025-03-01', null, 1],
    ]);
  });

  it('keeps the last revision that took effect when several wait', () => {
    const state = withdrawnAfter(
      run(
        issueCommand(),
        extendScope('2025-01-10', { effectiveDate: d('2025-01-20') }),
        reduceScope('2025-01-20', { effectiveDate: d('2025-03-01') }),
      ),
      withdraw('2025-02-15'),
    );
    expect(inForce(state, ['2025-01-19', '2025-01-20', '2025-02-15', '2025-03-01'])).toEqual([
      1, 2, 2, 2,
    ]);
    expect(revisionStatusOn(state, 1, d('2025-03-01'))).toBe('SUPERSEDED');
    expect(revisionStatusOn(state, 2, d('2025-03-01'))).toBe('CURRENT');
    expect(revisionStatusOn(state, 3, d('2025-03-01'))).toBe('DRAFT');
    expect(periods(state)).toEqual([
      ['ACTIVE', '2024-03-20', '2025-01-19', 1],
      ['ACTIVE', '2025-01-20', '2025-02-14', 2],
      ['WITHDRAWN', '2025-02-15', null, 2],
    ]);
  });

  it('never starts a renewal due later either', () => {
    const state = withdrawnAfter(
      run(issueCommand(), renew('2027-02-01', '2027-03-20')),
      withdraw('2027-02-15'),
    );
    expect(inForce(state, ['2027-03-19', '2027-03-20', '2030-03-20'])).toEqual([1, 1, 1]);
    expect(revisionStatusOn(state, 2, d('2027-03-20'))).toBe('DRAFT');
    expect(periods(state)).toEqual([
      ['ACTIVE', '2024-03-20', '2027-02-14', 1],
      ['WITHDRAWN', '2027-02-15', null, 1],
    ]);
  });

  it('takes a restoration withdrawn on its own day into effect: the certificate was in force by it', () => {
    // Issued 2024-03-20, expired after 2027-03-19; without the restoration, no withdrawal that day.
    expect(() => run(issueCommand(), withdraw('2027-05-01'))).toThrow(/expired/i);
    const state = withdrawnAfter(
      run(issueCommand(), restore('2027-05-01')),
      withdraw('2027-05-01'),
    );
    expect(inForce(state, ['2027-04-30', '2027-05-01', '2028-01-01'])).toEqual([1, 2, 2]);
    expect(latest(state)).toBe(2);
    expect(revisionStatusOn(state, 2, d('2027-05-01'))).toBe('CURRENT');
    expect(periods(state)).toEqual([
      ['ACTIVE', '2024-03-20', '2027-03-19', 1],
      ['EXPIRED', '2027-03-20', '2027-04-30', 1],
      ['WITHDRAWN', '2027-05-01', null, 2],
    ]);
  });

  it('takes a renewal effective the day after the expiry it renews into effect when withdrawn that day', () => {
    expect(() => run(issueCommand(), withdraw('2027-03-20'))).toThrow(/expired/i);
    const renewed = run(issueCommand(), renew('2027-02-01', '2027-03-20'));
    const state = withdrawnAfter(renewed, withdraw('2027-03-20'));
    expect(inForce(state, ['2027-03-19', '2027-03-20'])).toEqual([1, 2]);
    expect(latest(state)).toBe(2);
    expect(periods(state)).toEqual([
      ['ACTIVE', '2024-03-20', '2027-03-19', 1],
      ['WITHDRAWN', '2027-03-20', null, 2],
    ]);
    // A day earlier the certificate was in force by revision 1: the renewal never takes effect.
    const earlier = withdrawnAfter(renewed, withdraw('2027-03-19'));
    expect(inForce(earlier, ['2027-03-19', '2027-03-20'])).toEqual([1, 1]);
    expect(latest(earlier)).toBe(1);
  });

  it('keeps the first revision of a certificate withdrawn on its first effective day', () => {
    const state = withdrawnAfter(run(issueCommand()), withdraw('2024-03-20'));
    expect(inForce(state, ['2024-03-19', '2024-03-20', '2025-01-01'])).toEqual([undefined, 1, 1]);
    expect(revisionStatusOn(state, 1, d('2025-01-01'))).toBe('CURRENT');
    expect(periods(state)).toEqual([['WITHDRAWN', '2024-03-20', null, 1]]);
  });
});
