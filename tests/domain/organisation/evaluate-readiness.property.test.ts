import fc from 'fast-check';
import { Temporal } from '@js-temporal/polyfill';
import {
  type CalendarDate,
  DEFAULT_POLICY,
  type ReadinessCheck,
  type ReadinessFacts,
  addDays,
  calendarDate,
  earliestCertificationDate,
  evaluateReadiness,
  fromEpochDay,
  toEpochDay,
  unmetReadiness,
} from '../../../src/domain';
import { policyWith, readyFacts } from './readiness-fixtures';

const anyDate = fc
  .integer({
    min: toEpochDay(calendarDate('2000-01-01')),
    max: toEpochDay(calendarDate('2060-12-31')),
  })
  .map(fromEpochDay);

const months = fc.integer({ min: 1, max: 60 });

/** Independent oracle: Temporal adds months with overflow 'constrain' (clamps to month end). */
const plusMonths = (date: CalendarDate, count: number): string =>
  Temporal.PlainDate.from(date).add({ months: count }).toString();

const item = (
  facts: ReadinessFacts,
  policy: typeof DEFAULT_POLICY,
  date: CalendarDate,
  code: ReadinessCheck['item'],
): ReadinessCheck => {
  const found = evaluateReadiness(facts, policy, date).find((check) => check.item === code);
  if (!found) throw new Error(`no check ${code}`);
  return found;
};

describe('readiness date rules (properties)', () => {
  it('operating months are met exactly when since + months (clamped) is on or before the application', () => {
    fc.assert(
      fc.property(anyDate, anyDate, months, (since, application, count) => {
        const policy = policyWith({}, { minimumOperatingMonths: count });
        const facts = readyFacts({ managementSystemOperatingSince: since });
        const check = item(facts, policy, application, 'MANAGEMENT_SYSTEM_OPERATING');
        expect(check.met).toBe(plusMonths(since, count) <= application);
        expect(check.detail).toContain(since);
        expect(check.detail).toContain(application);
      }),
    );
  });

  it('operating months are met on the day they are reached and not the day before', () => {
    fc.assert(
      fc.property(anyDate, months, (since, count) => {
        const policy = policyWith({}, { minimumOperatingMonths: count });
        const facts = readyFacts({ managementSystemOperatingSince: since });
        const reached = calendarDate(plusMonths(since, count));
        expect(item(facts, policy, reached, 'MANAGEMENT_SYSTEM_OPERATING').met).toBe(true);
        expect(item(facts, policy, addDays(reached, -1), 'MANAGEMENT_SYSTEM_OPERATING').met).toBe(
          false,
        );
      }),
    );
  });

  it('a penalty counts exactly when imposed on or before the application and less than the policy months before it', () => {
    fc.assert(
      fc.property(anyDate, anyDate, months, (imposedOn, application, count) => {
        const policy = policyWith({}, { penaltyFreeMonths: count });
        const facts = readyFacts({ administrativePenalties: [{ imposedOn, description: 'fine' }] });
        const counts = imposedOn <= application && plusMonths(imposedOn, count) > application;
        expect(item(facts, policy, application, 'NO_RECENT_ADMINISTRATIVE_PENALTY').met).toBe(
          !counts,
        );
      }),
    );
  });

  it('a penalty imposed exactly the policy months before the application no longer counts; one imposed the day after does', () => {
    // From day 28 on, clamping can map the day after onto the application date (2024-02-29 + 12 months).
    const unclampedApplication = anyDate.filter((date) => Number(date.slice(8)) <= 27);
    fc.assert(
      fc.property(unclampedApplication, months, (application, count) => {
        const policy = policyWith({}, { penaltyFreeMonths: count });
        const exactly = calendarDate(
          Temporal.PlainDate.from(application).subtract({ months: count }).toString(),
        );
        const met = (imposedOn: CalendarDate) =>
          item(
            readyFacts({ administrativePenalties: [{ imposedOn, description: 'fine' }] }),
            policy,
            application,
            'NO_RECENT_ADMINISTRATIVE_PENALTY',
          ).met;
        expect(met(exactly)).toBe(true);
        expect(met(addDays(exactly, 1))).toBe(false);
      }),
      { examples: [[calendarDate('2025-02-27'), 12]] },
    );
  });

  it('the penalty check does not depend on the order penalties were recorded in', () => {
    const penalty = anyDate.map((imposedOn) => ({ imposedOn, description: 'fine' }));
    fc.assert(
      fc.property(fc.array(penalty, { maxLength: 6 }), anyDate, (penalties, application) => {
        const forwards = readyFacts({ administrativePenalties: penalties });
        const backwards = readyFacts({ administrativePenalties: [...penalties].reverse() });
        expect(
          item(forwards, DEFAULT_POLICY, application, 'NO_RECENT_ADMINISTRATIVE_PENALTY').met,
        ).toBe(
          item(backwards, DEFAULT_POLICY, application, 'NO_RECENT_ADMINISTRATIVE_PENALTY').met,
        );
      }),
    );
  });

  it('internal audit and management review are met exactly when completed on or before the application, since the system operates', () => {
    fc.assert(
      fc.property(anyDate, anyDate, anyDate, anyDate, (since, audit, review, application) => {
        const facts = readyFacts({
          managementSystemOperatingSince: since,
          lastInternalAuditCompletedOn: audit,
          lastManagementReviewCompletedOn: review,
        });
        expect(item(facts, DEFAULT_POLICY, application, 'INTERNAL_AUDIT_COMPLETED').met).toBe(
          since <= audit && audit <= application,
        );
        expect(item(facts, DEFAULT_POLICY, application, 'MANAGEMENT_REVIEW_COMPLETED').met).toBe(
          since <= review && review <= application,
        );
      }),
    );
  });

  it('the cooling-off is met exactly from the earliest certification date, end + months (clamped)', () => {
    fc.assert(
      fc.property(anyDate, anyDate, months, (endedOn, application, count) => {
        const policy = policyWith({ consultancyCoolingOffMonths: count });
        const facts = readyFacts({
          consultancy: { used: true, relatedToCertificationBody: true, endedOn },
        });
        const earliest = earliestCertificationDate(facts, policy);
        expect(earliest).toBe(plusMonths(endedOn, count));
        expect(item(facts, policy, application, 'CONSULTANCY_COOLING_OFF').met).toBe(
          earliest !== null && earliest <= application,
        );
      }),
    );
  });

  it('a rule the policy switches off is met whatever the facts', () => {
    const anyFacts = fc.record({
      legalRegistrationNumber: fc.option(fc.string(), { nil: null }),
      managementSystemOperatingSince: fc.option(anyDate, { nil: null }),
      lastInternalAuditCompletedOn: fc.option(anyDate, { nil: null }),
      lastManagementReviewCompletedOn: fc.option(anyDate, { nil: null }),
      administrativePenalties: fc.array(
        anyDate.map((imposedOn) => ({ imposedOn, description: 'x' })),
      ),
      consultancy: fc.record({
        used: fc.boolean(),
        relatedToCertificationBody: fc.boolean(),
        endedOn: fc.option(anyDate, { nil: null }),
      }),
    });
    const off = policyWith(
      { consultancyCoolingOffMonths: 0 },
      {
        requireLegalRegistration: false,
        minimumOperatingMonths: 0,
        requireInternalAudit: false,
        requireManagementReview: false,
        penaltyFreeMonths: 0,
      },
    );
    fc.assert(
      fc.property(anyFacts, anyDate, (facts, application) => {
        expect(unmetReadiness(evaluateReadiness(facts, off, application))).toEqual([]);
      }),
    );
  });
});
