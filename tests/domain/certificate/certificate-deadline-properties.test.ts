import fc from 'fast-check';
import {
  addDays,
  type CalendarDate,
  type CertificateEvent,
  certificateDeadlines,
  certificateEventDate,
  type Deadline,
  deadlineExistsOn,
  deadlineStateOn,
} from '../../../src/domain';
import { fold } from './certificate-fixtures';
import {
  randomHistory,
  randomLateSupersededVersionHistory,
  randomSupersededVersionHistory,
} from './random-certificate-history';

/**
 * The day the fact an event records became known: an expiry's record, any other event's date; as
 * of an earlier day it was not known.
 */
const factDate = (event: CertificateEvent): CalendarDate =>
  event.type === 'CertificateExpired' ? event.data.recordedOn : certificateEventDate(event);

/** Every day a deadline's state may turn on, and the day before each. */
const turningDays = (deadlines: readonly Deadline[]): CalendarDate[] =>
  deadlines
    .flatMap(({ openedOn, dueDate, metOn, closesOn }) => [openedOn, dueDate, metOn, closesOn])
    .filter((day): day is CalendarDate => day !== null)
    .flatMap((day) => [addDays(day, -1), day]);

/**
 * The deadlines set by `asOf`, as they read that day: a `closesOn` after that day is not given
 * (it is a forecast, as a suspension limit's is the expiry until a reinstatement).
 */
const readOn = (deadlines: readonly Deadline[], asOf: CalendarDate) =>
  deadlines
    .filter((deadline) => deadlineExistsOn(deadline, asOf))
    .map((deadline) => deadlineStateOn(deadline, asOf))
    .sort((a, b) => (a.key < b.key ? -1 : 1));

describe('certificate deadlines as of a date', () => {
  it('recording an expiry changes no deadline, however late the scanner records it', () => {
    fc.assert(
      fc.property(randomHistory, (events) => {
        events.forEach((event, index) => {
          if (event.type !== 'CertificateExpired') return;
          expect(certificateDeadlines(fold(events.slice(0, index + 1)))).toEqual(
            certificateDeadlines(fold(events.slice(0, index))),
          );
        });
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['', randomHistory],
    [
      ' (a superseded version, expired and restored on either side of its successor’s publication)',
      randomSupersededVersionHistory,
    ],
    [
      ' (a superseded version, expired after its successor’s publication and restored to either version)',
      randomLateSupersededVersionHistory,
    ],
  ])('read on any day before an event as they did before the event arrived%s', (_, histories) => {
    fc.assert(
      fc.property(histories, (events) => {
        for (let index = 1; index < events.length; index++) {
          const before = certificateDeadlines(fold(events.slice(0, index)));
          const after = certificateDeadlines(fold(events.slice(0, index + 1)));
          const known = factDate(events[index]!);
          for (const day of turningDays([...before, ...after]).filter((day) => day < known)) {
            expect(readOn(after, day)).toEqual(readOn(before, day));
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
