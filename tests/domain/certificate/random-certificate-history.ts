import fc from 'fast-check';
import {
  addDays,
  type CalendarDate,
  type CertificateCommand,
  type CertificateEvent,
  certificateDecider,
  isDomainError,
  type StandardReference,
} from '../../../src/domain';
import {
  d,
  expire,
  extendScope,
  fold,
  ISMS_2013,
  ISMS_2022,
  issueCommand,
  reduceScope,
  reinstate,
  renew,
  restore,
  run,
  SMS_2018,
  suspend,
  withdraw,
} from './certificate-fixtures';

const commandAt = (
  kind: number,
  date: CalendarDate,
  standard: StandardReference,
): CertificateCommand => {
  switch (kind) {
    case 0:
      return suspend(date);
    case 1:
      return reinstate(date);
    case 2:
      return renew(date, addDays(date, 3), { standard });
    case 3:
      return expire(date);
    case 4:
      return restore(date, { standard });
    case 5:
      return extendScope(date);
    case 6:
      return reduceScope(date);
    default:
      return withdraw(date);
  }
};

/** Days between commands: mostly within two months, sometimes over a year. */
const someDays = fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 61, max: 500 }));

/**
 * Random command sequences after `opening` (an issue, and what follows it), the first on or after
 * `from`, `gaps` days apart, each renewal or restoration to one of `standards`; refused commands
 * are dropped, accepted ones kept.
 */
const historyOf = (
  opening: readonly [CertificateCommand, ...CertificateCommand[]],
  from: CalendarDate,
  standards: readonly [StandardReference, ...StandardReference[]],
  gaps: fc.Arbitrary<number> = someDays,
): fc.Arbitrary<CertificateEvent[]> =>
  fc
    .array(
      fc.tuple(
        fc.oneof(
          { arbitrary: fc.constantFrom(0, 1, 3, 4, 5, 6), weight: 12 },
          { arbitrary: fc.constant(2), weight: 2 },
          { arbitrary: fc.constant(7), weight: 1 },
        ),
        gaps,
        fc.constantFrom(...standards),
      ),
      { maxLength: 30 },
    )
    .map((steps) => {
      let date = from;
      let events = run(...opening);
      for (const [kind, gap, standard] of steps) {
        date = addDays(date, gap);
        try {
          events = [
            ...events,
            ...certificateDecider.decide(commandAt(kind, date, standard), fold(events)),
          ];
        } catch (error) {
          if (!isDomainError(error)) throw error;
        }
      }
      return events;
    });

/** Histories of a certificate to ISO/IEC 20000-1:2018, effective 2024-03-20. */
export const randomHistory = historyOf([issueCommand()], d('2024-03-20'), [SMS_2018]);

/**
 * Histories of a certificate to ISO/IEC 27001:2013 expiring 2022-09-30, shortly before its
 * successor was published (2022-10-25): it may expire, and be restored to either version, on
 * either side of the publication.
 */
export const randomSupersededVersionHistory = historyOf(
  [
    issueCommand({
      standard: ISMS_2013,
      decisionDate: d('2019-10-01'),
      effectiveDate: d('2019-10-01'),
    }),
  ],
  d('2022-08-01'),
  [ISMS_2013, ISMS_2022],
);

/**
 * Histories of a certificate to ISO/IEC 27001:2013 that expired after 2025-09-30, after its
 * successor was published and a month before its transition end (2025-10-31), commands days
 * apart: it may be restored to the old version for what is left of that month, or to the new one.
 */
export const randomLateSupersededVersionHistory = historyOf(
  [
    issueCommand({
      standard: ISMS_2013,
      decisionDate: d('2022-10-01'),
      effectiveDate: d('2022-10-01'),
    }),
    expire('2025-10-01'),
  ],
  d('2025-10-01'),
  [ISMS_2013, ISMS_2022],
  fc.integer({ min: 1, max: 6 }),
);
