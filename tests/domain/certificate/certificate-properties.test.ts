import fc from 'fast-check';
import { Temporal } from '@js-temporal/polyfill';
import {
  addDays,
  addYears,
  type CalendarDate,
  certificateDecider,
  certificateHistory,
  certificateStatusOn,
  DEFAULT_POLICY,
  fromEpochDay,
  isValidOn,
  toEpochDay,
} from '../../../src/domain';
import { randomHistory } from './random-certificate-history';
import { d, fold, issueCommand, renew } from './certificate-fixtures';

const dateBetween = (from: string, to: string) =>
  fc.integer({ min: toEpochDay(d(from)), max: toEpochDay(d(to)) }).map(fromEpochDay);

const plain = (date: CalendarDate) => Temporal.PlainDate.from(date);

const issueOn = (effectiveDate: CalendarDate) =>
  fold(
    certificateDecider.decide(
      issueCommand({ decisionDate: effectiveDate, effectiveDate }),
      fold([]),
    ),
  );

describe('certificate date properties', () => {
  it('expiry is (effective - 1 day) + 3 years, checked against Temporal', () => {
    fc.assert(
      fc.property(dateBetween('1990-01-01', '2090-12-31'), (effective) => {
        const state = issueOn(effective);
        const oracle = plain(effective).subtract({ days: 1 }).add({ years: 3 }).toString();
        expect(state.status !== 'NOT_ISSUED' && state.expiryDate).toBe(oracle);
      }),
      { examples: [[d('2024-02-29')], [d('2025-03-01')], [d('2000-02-29')]] },
    );
  });

  it('expiry is (effective - 1 day) + 3 years on the domain examples and month ends', () => {
    const cases = [
      ['2024-03-20', '2027-03-19'],
      ['2024-02-29', '2027-02-28'],
      ['2024-03-01', '2027-02-28'],
      ['2025-03-01', '2028-02-28'],
      ['2025-01-01', '2027-12-31'],
      ['2023-12-31', '2026-12-30'],
    ];
    for (const [effective, expiry] of cases) {
      expect(issueOn(d(effective!))).toMatchObject({ expiryDate: expiry });
    }
  });

  it('expiry is the day before the third anniversary (29 February: 1 March in a common year), except a 1 March start into a leap year', () => {
    fc.assert(
      fc.property(dateBetween('1990-01-01', '2090-12-31'), (effective) => {
        const state = issueOn(effective);
        if (state.status === 'NOT_ISSUED') throw new Error('not issued');
        const start = plain(effective);
        const target = start.add({ years: 3 });
        const anniversary =
          start.month === 2 && start.day === 29 && !target.inLeapYear
            ? target.with({ month: 3, day: 1 })
            : target;
        if (effective.endsWith('-03-01') && anniversary.inLeapYear) {
          expect(state.expiryDate).toBe(`${anniversary.year}-02-28`);
        } else {
          expect(state.expiryDate).toBe(anniversary.subtract({ days: 1 }).toString());
        }
      }),
      { examples: [[d('2024-02-29')], [d('2025-03-01')], [d('2024-03-01')]] },
    );
  });

  it('renewal keeps the cycle anniversary: new expiry = old expiry + 3 years', () => {
    fc.assert(
      fc.property(
        dateBetween('2000-01-01', '2080-12-31'),
        fc.nat(),
        fc.integer({ min: 0, max: 1 }),
        (effective, offset, late) => {
          const events = certificateDecider.decide(
            issueCommand({ decisionDate: effective, effectiveDate: effective }),
            fold([]),
          );
          const state = fold(events);
          if (state.status === 'NOT_ISSUED') throw new Error('not issued');
          const span = toEpochDay(state.expiryDate) - toEpochDay(effective);
          const decision = addDays(effective, offset % (span + 1));
          const effectiveRenewal = late === 1 ? addDays(state.expiryDate, 1) : decision;
          const [renewed] = certificateDecider.decide(renew(decision, effectiveRenewal), state);
          expect(renewed?.data).toMatchObject({
            expiryDate: addYears(state.expiryDate, 3),
            originalCertificationDate: effective,
          });
          expect(renewed?.data).toMatchObject({
            expiryDate: plain(state.expiryDate).add({ years: 3 }).toString(),
          });
        },
      ),
    );
  });

  it('expiry is the third anniversary itself under the ANNIVERSARY convention', () => {
    const policy = { ...DEFAULT_POLICY, expiryConvention: 'ANNIVERSARY' as const };
    fc.assert(
      fc.property(dateBetween('1990-01-01', '2090-12-31'), (effective) => {
        const state = fold(
          certificateDecider.decide(
            issueCommand({ decisionDate: effective, effectiveDate: effective, policy }),
            fold([]),
          ),
        );
        expect(state.status !== 'NOT_ISSUED' && state.expiryDate).toBe(
          plain(effective).add({ years: 3 }).toString(),
        );
      }),
    );
  });
});

describe('status on a date', () => {
  it('is valid only inside ACTIVE periods of the history, and matches the period status', () => {
    fc.assert(
      fc.property(randomHistory, dateBetween('2024-01-01', '2040-12-31'), (events, date) => {
        const state = fold(events);
        const periods = certificateHistory(state);
        const period = periods.find((p) => p.from <= date && (p.to === null || date <= p.to));
        expect(certificateStatusOn(state, date)).toBe(period?.status ?? 'DRAFT');
        expect(isValidOn(state, date)).toBe(period?.status === 'ACTIVE');
        periods.slice(1).forEach((p, i) => {
          expect(periods[i]!.to).toBe(addDays(p.from, -1));
        });
      }),
      { numRuns: 500 },
    );
  });
});
