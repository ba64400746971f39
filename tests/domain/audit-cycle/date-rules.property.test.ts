import { Temporal } from '@js-temporal/polyfill';
import fc from 'fast-check';
import {
  type CalendarDate,
  calendarDate,
  daysInMonth,
  DEFAULT_POLICY,
  EffectiveDateTooLateError,
  fromEpochDay,
  Stage2WindowExceededError,
  surveillanceDueDate,
  toEpochDay,
} from '../../../src/domain';
import {
  AuditCycleHistory,
  completeAudit,
  decideCertification,
  planAudit,
  raiseNonconformity,
} from './audit-cycle-fixtures';
import { anySurveillanceRule } from './any-surveillance-rule';

const plain = (date: string) => Temporal.PlainDate.from(date);
const iso = (date: Temporal.PlainDate) => calendarDate(date.toString());

const anyDay = fc
  .integer({
    min: toEpochDay(calendarDate('2000-01-01')),
    max: toEpochDay(calendarDate('2090-12-31')),
  })
  .map(fromEpochDay);
const monthEnd = fc
  .record({ year: fc.integer({ min: 2000, max: 2090 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) =>
    calendarDate(
      `${year}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`,
    ),
  );
const leapDay = fc.integer({ min: 0, max: 22 }).map((n) => calendarDate(`${2000 + 4 * n}-02-29`));
const date: fc.Arbitrary<CalendarDate> = fc.oneof(anyDay, monthEnd, leapDay);
const rule = anySurveillanceRule;

describe('date rules of the audit cycle', () => {
  it('never makes the first surveillance due later than decision + 12 months, nor before it', () => {
    fc.assert(
      fc.property(date, rule, (decidedOn, surveillanceRule) => {
        const due = surveillanceDueDate(surveillanceRule, decidedOn, 1, null);
        const limit = iso(plain(decidedOn).add({ months: 12 }));
        expect(due).not.toBeNull();
        expect(due! <= limit).toBe(true);
        expect(due! > decidedOn).toBe(true);
      }),
    );
  });

  it('dates surveillance n at decision + 12·n months, clamped to the month end like Temporal', () => {
    fc.assert(
      fc.property(date, fc.constantFrom(1 as const, 2 as const), (decidedOn, n) => {
        expect(surveillanceDueDate('DECISION_ANNIVERSARY', decidedOn, n, null)).toBe(
          iso(plain(decidedOn).add({ months: 12 * n })),
        );
      }),
    );
    expect(surveillanceDueDate('DECISION_ANNIVERSARY', calendarDate('2024-02-29'), 1, null)).toBe(
      '2025-02-28',
    );
    expect(surveillanceDueDate('DECISION_ANNIVERSARY', calendarDate('2024-02-29'), 2, null)).toBe(
      '2026-02-28',
    );
  });

  it('dates CN surveillance 2 twelve months after surveillance 1 ended', () => {
    fc.assert(
      fc.property(date, date, (decidedOn, s1LastDay) => {
        expect(surveillanceDueDate('PREVIOUS_PLUS_12_MONTHS', decidedOn, 2, s1LastDay)).toBe(
          iso(plain(s1LastDay).add({ months: 12 })),
        );
      }),
    );
    expect(
      surveillanceDueDate(
        'PREVIOUS_PLUS_12_MONTHS',
        calendarDate('2023-03-01'),
        2,
        calendarDate('2024-02-29'),
      ),
    ).toBe('2025-02-28');
  });

  it('plans and completes stage 2 exactly up to 6 months after stage 1 last day, refuses it after', () => {
    const stage1LastDay = fc
      .integer({
        min: toEpochDay(calendarDate('2024-01-20')),
        max: toEpochDay(calendarDate('2030-12-31')),
      })
      .map(fromEpochDay);
    fc.assert(
      fc.property(
        fc.oneof(
          stage1LastDay,
          monthEnd.filter((x) => x > '2024-01-20' && x < '2031'),
        ),
        fc.integer({ min: 1, max: 260 }),
        (s1, offset) => {
          const history = AuditCycleHistory.initial().accepted().stage1(s1, s1);
          const first = fromEpochDay(toEpochDay(s1) + 1);
          const last = fromEpochDay(toEpochDay(s1) + offset);
          const withinWindow =
            last <= iso(plain(s1).add({ months: DEFAULT_POLICY.stage2WindowMonths }));
          const plan = () => history.run(planAudit('stage2-as-held', 'STAGE2', first, last));
          if (withinWindow) expect(plan).not.toThrow();
          else expect(plan).toThrow(Stage2WindowExceededError);
          const planned = AuditCycleHistory.initial()
            .accepted()
            .stage1(s1, s1)
            .run(planAudit('stage2', 'STAGE2', first, first));
          const complete = () => planned.run(completeAudit('stage2', first, last));
          if (withinWindow) expect(complete).not.toThrow();
          else expect(complete).toThrow(Stage2WindowExceededError);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('makes a nonconformity response due 90 days after the audit last day', () => {
    fc.assert(
      fc.property(
        fc
          .integer({
            min: toEpochDay(calendarDate('2024-03-07')),
            max: toEpochDay(calendarDate('2060-12-31')),
          })
          .map(fromEpochDay),
        (lastDay) => {
          const history = AuditCycleHistory.grantedCycle().audit(
            'special',
            'SPECIAL',
            lastDay,
            lastDay,
          );
          const [event] = history
            .run(raiseNonconformity('nc-1', 'special', 'MINOR', lastDay))
            .events.slice(-1);
          expect(event?.data).toMatchObject({
            responseDueOn: iso(plain(lastDay).add({ days: 90 })),
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('takes a new certificate effective from the decision until the day before surveillance 1 is due', () => {
    fc.assert(
      fc.property(
        rule,
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 800 }),
        (surveillanceRule, decisionOffset, effectiveOffset) => {
          const decidedOn = fromEpochDay(toEpochDay(calendarDate('2024-03-06')) + decisionOffset);
          const effectiveOn = fromEpochDay(toEpochDay(decidedOn) + effectiveOffset);
          const dueOn = surveillanceDueDate(surveillanceRule, decidedOn, 1, null);
          const history = AuditCycleHistory.readyForDecision({
            ...DEFAULT_POLICY,
            surveillanceRule,
          });
          const grant = () => history.run(decideCertification(decidedOn, { effectiveOn }));
          if (dueOn !== null && effectiveOn < dueOn) expect(grant).not.toThrow();
          else expect(grant).toThrow(EffectiveDateTooLateError);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('sets the first expiry to the day before the third anniversary of the effective date', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 3000 })
          .map((n) => fromEpochDay(toEpochDay(calendarDate('2024-03-06')) + n)),
        (decidedOn) => {
          const [event] = AuditCycleHistory.readyForDecision()
            .run(decideCertification(decidedOn))
            .events.slice(-1);
          expect(event?.data).toMatchObject({
            expiryDate: iso(plain(decidedOn).subtract({ days: 1 }).add({ years: 3 })),
          });
        },
      ),
      { numRuns: 100 },
    );
    const leapYear = AuditCycleHistory.initial()
      .accepted()
      .stage1('2024-01-22', '2024-01-23')
      .stage2('2024-02-26', '2024-02-27');
    const [leap] = leapYear.run(decideCertification('2024-02-29')).events.slice(-1);
    expect(leap?.data).toMatchObject({ expiryDate: '2027-02-28' });
  });
});
