import fc from 'fast-check';
import {
  addDays,
  type CalendarDate,
  type CertificateCommand,
  type CertificateEvent,
  certificateDecider,
  isDomainError,
} from '../../../src/domain';
import {
  d,
  expire,
  extendScope,
  fold,
  issueCommand,
  reduceScope,
  reinstate,
  renew,
  restore,
  suspend,
  withdraw,
} from './certificate-fixtures';

const commandAt = (kind: number, date: CalendarDate): CertificateCommand => {
  switch (kind) {
    case 0:
      return suspend(date);
    case 1:
      return reinstate(date);
    case 2:
      return renew(date, addDays(date, 3));
    case 3:
      return expire(date);
    case 4:
      return restore(date);
    case 5:
      return extendScope(date);
    case 6:
      return reduceScope(date);
    default:
      return withdraw(date);
  }
};

/** Random command sequences; refused commands are dropped, accepted ones kept. */
export const randomHistory = fc
  .array(
    fc.tuple(
      fc.oneof(
        { arbitrary: fc.constantFrom(0, 1, 3, 4, 5, 6), weight: 12 },
        { arbitrary: fc.constant(2), weight: 2 },
        { arbitrary: fc.constant(7), weight: 1 },
      ),
      fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 61, max: 500 })),
    ),
    { maxLength: 30 },
  )
  .map((steps) => {
    let date = d('2024-03-20');
    let events: CertificateEvent[] = certificateDecider.decide(issueCommand(), fold([]));
    for (const [kind, gap] of steps) {
      date = addDays(date, gap);
      try {
        events = [...events, ...certificateDecider.decide(commandAt(kind, date), fold(events))];
      } catch (error) {
        if (!isDomainError(error)) throw error;
      }
    }
    return events;
  });
