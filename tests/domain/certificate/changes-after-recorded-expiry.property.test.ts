import fc from 'fast-check';
import {
  addDays,
  type CalendarDate,
  certificateDeadlines,
  certificateHistory,
  certificateStatusOn,
  type CertificateCommand,
  type CertificateEvent,
  type CertificateState,
  expiryToRecord,
  type IssuedCertificateState,
  fromEpochDay,
  maxDate,
  toEpochDay,
} from '../../../src/domain';
import { dayBetween } from '../../support/calendar-arbitraries';
import {
  d,
  decide,
  fold,
  ISMS_2013,
  ISMS_2022,
  issueCommand,
  reinstate,
  renew,
  run,
  suspend,
  transition,
  withdraw,
} from './certificate-fixtures';

/** ISO/IEC 27001:2022, the version a transition moves to, was published on this day. */
const ISMS_2022_PUBLISHED = d('2022-10-25');

/** A day from `from` to `to`, both included, picked by a fraction. */
const dayIn = (from: CalendarDate, to: CalendarDate, fraction: number): CalendarDate =>
  fromEpochDay(toEpochDay(from) + Math.floor(fraction * (toEpochDay(to) - toEpochDay(from) + 1)));

const earlier = (a: CalendarDate, b: CalendarDate): CalendarDate => (a < b ? a : b);

type Changes =
  | 'SUSPENDED'
  | 'REINSTATED'
  | 'WITHDRAWN'
  | 'SUSPENDED_THEN_WITHDRAWN'
  | 'TRANSITIONED'
  | 'TRANSITIONED_THEN_SUSPENDED'
  | 'RENEWED_TO_OLD_VERSION'
  | 'RENEWED_TO_OLD_VERSION_THEN_SUSPENDED';

const toOldVersion = (kind: Changes): boolean =>
  kind.startsWith('TRANSITIONED') || kind.startsWith('RENEWED');

/**
 * A certificate to ISO/IEC 27001:2013 for the transitions and the renewals to that version, capped
 * at its transition end or not: a renewal to it is capped there too, so it keeps a capped expiry.
 */
const issue = (kind: Changes, effective: CalendarDate) =>
  issueCommand({
    decisionDate: effective,
    effectiveDate: effective,
    ...(toOldVersion(kind) ? { standard: ISMS_2013 } : {}),
  });

const renewedToOldVersion = (decided: CalendarDate) =>
  renew(decided, decided, { standard: ISMS_2013 });

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
    case 'TRANSITIONED':
      return [transition(first, ISMS_2022)];
    case 'TRANSITIONED_THEN_SUSPENDED':
      return [transition(first, ISMS_2022), suspend(second)];
    case 'RENEWED_TO_OLD_VERSION':
      return [renewedToOldVersion(first)];
    case 'RENEWED_TO_OLD_VERSION_THEN_SUSPENDED':
      return [renewedToOldVersion(first), suspend(second)];
  }
};

const entered = (events: CertificateEvent[], command: CertificateCommand): CertificateEvent[] => [
  ...events,
  ...decide(events, command),
];

/** The scan on `recordedOn`: it records the expiry in force if that has passed, unrecorded. */
const scanned = (events: CertificateEvent[], recordedOn: CalendarDate): CertificateEvent[] => {
  const expiry = expiryToRecord(fold(events), recordedOn, 'scanner');
  return expiry ? entered(events, expiry) : events;
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
        dayBetween('2019-11-01', '2025-10-30'),
        fc.constantFrom<Changes>(
          'SUSPENDED',
          'REINSTATED',
          'WITHDRAWN',
          'SUSPENDED_THEN_WITHDRAWN',
          'TRANSITIONED',
          'TRANSITIONED_THEN_SUSPENDED',
          'RENEWED_TO_OLD_VERSION',
          'RENEWED_TO_OLD_VERSION_THEN_SUSPENDED',
        ),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 400 }),
        (anyDay, ismsDay, kind, firstAt, secondAt, enteredInTime, recordedAfter) => {
          const effective = toOldVersion(kind) ? ismsDay : anyDay;
          const issued = run(issue(kind, effective));
          const expiry = (fold(issued) as IssuedCertificateState).expiryDate;
          const from = toOldVersion(kind) ? maxDate(effective, ISMS_2022_PUBLISHED) : effective;
          const changes = changesOf(kind, dayIn(from, expiry, firstAt), expiry, secondAt);
          const recordedOn = addDays(expiry, recordedAfter);
          const withdrawn = changes.some((c) => c.type === 'WithdrawCertificate');
          const inTime = fold(
            scanned(changes.reduce(entered, issued), recordedOn),
          ) as IssuedCertificateState;
          // Entered before the scan, a withdrawal (always the last change) leaves nothing to record.
          const split = Math.min(enteredInTime, changes.length - (withdrawn ? 1 : 0));
          const lateLog = scanned(
            changes
              .slice(split)
              .reduce(
                entered,
                scanned(changes.slice(0, split).reduce(entered, issued), recordedOn),
              ),
            recordedOn,
          );
          const late = fold(lateLog) as IssuedCertificateState;
          // The same, but for the records the late changes voided, which it keeps as such.
          expect({ ...late, voidedExpiries: [] }).toEqual(inTime);
          // Scanned again, it records only an expiry the late changes moved, never one twice.
          const recorded = lateLog.flatMap((e) =>
            e.type === 'CertificateExpired' ? [e.data.expiryDate] : [],
          );
          expect(new Set(recorded).size).toBe(recorded.length);
          // Each record is a lapse of the certificate or voided, never both.
          expect(
            [...late.lapses, ...late.voidedExpiries].map((expired) => expired.expiryDate).sort(),
          ).toEqual([...recorded].sort());
          // A transition lifting the old version's cap, or a renewal of an uncapped certificate to it,
          // leaves a later expiry, maybe not yet passed.
          expect(late.status === 'EXPIRED').toBe(!withdrawn && late.expiryDate < recordedOn);
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
          [d('2024-02-29'), d('2023-06-01'), 'WITHDRAWN', 0.999, 0, 0, 1],
          [d('2024-03-20'), d('2023-06-01'), 'REINSTATED', 0.999, 0.999, 1, 400],
          [d('2024-03-20'), d('2023-06-01'), 'SUSPENDED_THEN_WITHDRAWN', 0.99, 0.999, 1, 2],
          [d('2024-03-20'), d('2023-06-01'), 'TRANSITIONED', 0.999, 0, 0, 1],
          [d('2024-03-20'), d('2022-06-01'), 'TRANSITIONED_THEN_SUSPENDED', 0.99, 0.999, 0, 1],
          [d('2024-03-20'), d('2023-06-01'), 'TRANSITIONED_THEN_SUSPENDED', 0.99, 0.999, 1, 400],
          [d('2024-03-20'), d('2023-06-01'), 'RENEWED_TO_OLD_VERSION', 0.99, 0, 0, 1],
          [d('2024-03-20'), d('2022-06-01'), 'RENEWED_TO_OLD_VERSION', 0.99, 0, 0, 400],
          [
            d('2024-03-20'),
            d('2023-06-01'),
            'RENEWED_TO_OLD_VERSION_THEN_SUSPENDED',
            0.9,
            0.999,
            1,
            2,
          ],
        ],
      },
    );
  });
});
