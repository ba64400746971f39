import fc from 'fast-check';
import {
  addDays,
  type CalendarDate,
  certificateHistory,
  type IssuedCertificateState,
  toEpochDay,
  fromEpochDay,
} from '../../../src/domain';
import { dayBetween } from '../../support/calendar-arbitraries';
import { d, expire, fold, issueCommand, renew, run } from './certificate-fixtures';

const issue = (effective: CalendarDate) =>
  issueCommand({ decisionDate: effective, effectiveDate: effective });

/** A day from `from` to `to`, both included, picked by a fraction. */
const dayIn = (from: CalendarDate, to: CalendarDate, fraction: number): CalendarDate =>
  fromEpochDay(toEpochDay(from) + Math.floor(fraction * (toEpochDay(to) - toEpochDay(from) + 1)));

describe('a renewal decided in time, entered after the scan recorded the expiry (property)', () => {
  it('leaves the certificate as the same renewal entered before the record would', () => {
    fc.assert(
      fc.property(
        dayBetween('2000-01-01', '2090-12-31'),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 1, max: 400 }),
        (effective, decisionAt, effectiveAt, recordedAfter) => {
          const expiry = (fold(run(issue(effective))) as IssuedCertificateState).expiryDate;
          const decided = dayIn(effective, expiry, decisionAt);
          const renewedFrom = dayIn(decided, addDays(expiry, 1), effectiveAt);
          const recordedOn = addDays(expiry, recordedAfter);
          const inTime = fold(run(issue(effective), renew(decided, renewedFrom)));
          const late = fold(
            run(issue(effective), expire(recordedOn), renew(decided, renewedFrom)),
          ) as IssuedCertificateState;
          expect(certificateHistory(late)).toEqual(certificateHistory(inTime));
          expect(late.status).toBe('ACTIVE');
          expect(late.lapses).toEqual([]);
          expect(late.expiryDate).toBe((inTime as IssuedCertificateState).expiryDate);
        },
      ),
      {
        examples: [
          [d('2024-02-29'), 0.999, 0.999, 1],
          [d('2024-03-20'), 0.999, 0, 400],
        ],
      },
    );
  });
});
