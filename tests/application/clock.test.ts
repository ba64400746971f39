import { SettableClock, calendarDateIn, today } from '../../src/application';

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

  it('refuses an invalid instant', () => {
    expect(() => new SettableClock('not a date')).toThrow(/invalid clock instant/);
  });
});
