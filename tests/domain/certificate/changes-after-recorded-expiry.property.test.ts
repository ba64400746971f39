import fc from 'fast-check';
import {
  addDays,
  type CalendarDate,
  certificateDeadlines,
  certificateHistory,
  certificateStatusOn,
  type CertificateCommand,
  type CertificateState,
  type IssuedCertificateState,
  fromEpochDay,
  toEpochDay,
} from '../../../src/domain';
import { dayBetween } from '../../support/calendar-arbitraries';
import {
  d,
  expire,
  fold,
  issueCommand,
  reinstate,
  run,
  suspend,
  withdraw,
} from './certificate-fixtures';

const issue = (effective: CalendarDate) =>
  issueCommand({ decisionDate: effective, effectiveDate: effective });

/** A day from `from` to `to`, both included, picked by a fraction. */
const dayIn = (from: CalendarDate, to: CalendarDate, fraction: number): CalendarDate =>
  fromEpochDay(toEpochDay(from) + Math.floor(fraction * (toEpochDay(to) - toEpochDay(from) + 1)));

const earlier = (a: CalendarDate, b: CalendarDate): CalendarDate => (a < b ? a : b);

type Changes = 'SUSPENDED' | 'REINSTATED' | 'WITHDRAWN' | 'SUSPENDED_THEN_WITHDRAWN';

/** The changes, in date order, all dated from `first` to the expiry date. */
const changesOf = (
  kind: Changes,
  first: CalendarDate,
  expiry: CalendarDate,
  secondAt: number,
): CertificateCommand[] => {
  const second = dayIn(first, earlier(addDays(first, 150), expiry), secondAt);
  switch (kind) {
    case 'SUSPENDED':
      return [suspend(first)];
    case 'REINSTATED':
      return [suspend(first), reinstate(second)];
    case 'WITHDRAWN':
      return [withdraw(first)];
    case 'SUSPENDED_THEN_WITHDRAWN':
      return [suspend(first), withdraw(second)];
  }
};

const asOfEveryDay = (state: CertificateState, from: CalendarDate, to: CalendarDate) =>
  Array.from({ length: toEpochDay(to) - toEpochDay(from) + 1 }, (_, i) =>
    certificateStatusOn(state, addDays(from, i)),
  );

describe('changes decided in time, entered after the scan recorded the expiry (property)', () => {
  it('leave the certificate, its status periods and deadlines as entered before the record', () => {
    fc.assert(
      fc.property(
        dayBetween('2000-01-01', '2090-12-31'),
        fc.constantFrom<Changes>(
          'SUSPENDED',
          'REINSTATED',
          'WITHDRAWN',
          'SUSPENDED_THEN_WITHDRAWN',
        ),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 400 }),
        (effective, kind, firstAt, secondAt, enteredInTime, recordedAfter) => {
          const expiry = (fold(run(issue(effective))) as IssuedCertificateState).expiryDate;
          const changes = changesOf(kind, dayIn(effective, expiry, firstAt), expiry, secondAt);
          const recordedOn = addDays(expiry, recordedAfter);
          const withdrawn = changes.some((c) => c.type === 'WithdrawCertificate');
          const inTime = fold(
            run(issue(effective), ...changes, ...(withdrawn ? [] : [expire(recordedOn)])),
          ) as IssuedCertificateState;
          // Entered before the scan, a withdrawal (always the last change) leaves nothing to record.
          const split = Math.min(enteredInTime, changes.length - (withdrawn ? 1 : 0));
          const late = fold(
            run(
              issue(effective),
              ...changes.slice(0, split),
              expire(recordedOn),
              ...changes.slice(split),
            ),
          ) as IssuedCertificateState;
          expect(late).toEqual(inTime);
          expect(late.status).toBe(withdrawn ? 'WITHDRAWN' : 'EXPIRED');
          expect(certificateHistory(late)).toEqual(certificateHistory(inTime));
          expect(asOfEveryDay(late, addDays(expiry, -200), addDays(expiry, 200))).toEqual(
            asOfEveryDay(inTime, addDays(expiry, -200), addDays(expiry, 200)),
          );
          const audits = { recertificationAudits: {} };
          expect(certificateDeadlines(late, audits)).toEqual(certificateDeadlines(inTime, audits));
        },
      ),
      {
        examples: [
          [d('2024-02-29'), 'WITHDRAWN', 0.999, 0, 0, 1],
          [d('2024-03-20'), 'REINSTATED', 0.999, 0.999, 1, 400],
          [d('2024-03-20'), 'SUSPENDED_THEN_WITHDRAWN', 0.99, 0.999, 1, 2],
        ],
      },
    );
  });
});
