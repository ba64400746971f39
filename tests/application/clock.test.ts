import fc from 'fast-check';
import { SettableClock, calendarDateIn, today } from '../../src/application';

const ZONES = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Asia/Kolkata', 'Asia/Kathmandu'];

const dateByIntl = (instant: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);

describe('clock', () => {
  it('gives the calendar day in the CB time zone, not in UTC', () => {
    const instant = new Date('2026-03-31T16:30:00Z');
    expect(calendarDateIn(instant, 'UTC')).toBe('2026-03-31');
    expect(calendarDateIn(instant, 'Asia/Shanghai')).toBe('2026-04-01');
    expect(calendarDateIn(instant, 'America/Los_Angeles')).toBe('2026-03-31');
  });

  it('crosses midnight in the zone of the CB', () => {
    const clock = new SettableClock('2026-05-31T15:59:59Z');
    expect(today(clock, 'Asia/Shanghai')).toBe('2026-05-31');
    clock.set('2026-05-31T16:00:00Z');
    expect(today(clock, 'Asia/Shanghai')).toBe('2026-06-01');
  });

  it('agrees with a fresh formatter for runs of instants around midnights and DST changes', () => {
    // The UTC quarter hours (of the day) at which a midnight or a DST change of ZONES falls.
    const crossings = [0, 7 * 4, 8 * 4, 9 * 4, 10 * 4, 16 * 4, 18 * 4 + 1, 18 * 4 + 2];
    const base = fc
      .tuple(fc.integer({ min: 0, max: 20_000 }), fc.constantFrom(...crossings))
      .map(([day, quarter]) => Date.UTC(2000, 0, 1) + day * 86_400_000 + quarter * 900_000);
    const run = fc.array(
      fc.tuple(fc.integer({ min: -120_000, max: 120_000 }), fc.constantFrom(...ZONES)),
      { minLength: 1, maxLength: 20 },
    );
    fc.assert(
      fc.property(base, run, (at, calls) => {
        for (const [ms, zone] of calls) {
          const instant = new Date(at + ms);
          expect(calendarDateIn(instant, zone)).toBe(dateByIntl(instant, zone));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses an invalid instant', () => {
    expect(() => new SettableClock('not a date')).toThrow(/invalid clock instant/);
  });
});
