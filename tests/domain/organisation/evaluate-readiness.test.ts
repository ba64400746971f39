import {
  ConsultancyOngoingError,
  DEFAULT_POLICY,
  NO_READINESS_FACTS,
  POLICY_PROFILES,
  type ReadinessCheck,
  earliestCertificationDate,
  evaluateReadiness,
  unmetReadiness,
} from '../../../src/domain';
import { day } from './organisation-fixtures';
import { policyWith, readyFacts } from './readiness-fixtures';

const APPLICATION = day('2025-06-01');

const check = (checks: ReadinessCheck[], item: ReadinessCheck['item']): ReadinessCheck => {
  const found = checks.find((c) => c.item === item);
  if (!found) throw new Error(`no check ${item}`);
  return found;
};

const relatedConsultancy = (endedOn: string | null) => ({
  used: true,
  relatedToCertificationBody: true,
  endedOn: endedOn === null ? null : day(endedOn),
});

describe('the readiness checklist', () => {
  it('reports every item, in a fixed order, as met for a ready organisation', () => {
    const checks = evaluateReadiness(readyFacts(), DEFAULT_POLICY, APPLICATION);
    expect(checks.map(({ item, met }) => [item, met])).toEqual([
      ['LEGAL_REGISTRATION', true],
      ['MANAGEMENT_SYSTEM_OPERATING', true],
      ['INTERNAL_AUDIT_COMPLETED', true],
      ['MANAGEMENT_REVIEW_COMPLETED', true],
      ['NO_RECENT_ADMINISTRATIVE_PENALTY', true],
      ['CONSULTANCY_COOLING_OFF', true],
    ]);
    expect(unmetReadiness(checks)).toEqual([]);
  });

  it('names the dates of each met item', () => {
    const checks = evaluateReadiness(readyFacts(), DEFAULT_POLICY, APPLICATION);
    expect(checks.map(({ detail }) => detail)).toEqual([
      'business licence number 91310000MA1K4XXX0Q is recorded',
      'management system operating since 2024-09-01: 3 months reached on 2024-12-01, on or before the application date 2025-06-01',
      'internal audit completed on 2025-03-15, on or before the application date 2025-06-01',
      'management review completed on 2025-04-20, on or before the application date 2025-06-01',
      'no administrative penalty imposed in the 12 months before the application date 2025-06-01',
      'no consultancy by a body related to the certification body is recorded',
    ]);
  });

  it('reports every item unmet for an organisation that has told the CB nothing', () => {
    const unmet = unmetReadiness(
      evaluateReadiness(NO_READINESS_FACTS, DEFAULT_POLICY, APPLICATION),
    );
    expect(unmet.map(({ item }) => item)).toEqual([
      'LEGAL_REGISTRATION',
      'MANAGEMENT_SYSTEM_OPERATING',
      'INTERNAL_AUDIT_COMPLETED',
      'MANAGEMENT_REVIEW_COMPLETED',
    ]);
    expect(unmet.map(({ detail }) => detail)).toEqual([
      'no business licence (legal registration) number is recorded',
      'the date the management system began operating is not recorded; 3 months of operation are required by the application date 2025-06-01',
      'no completed internal audit is recorded; one must be completed on or before the application date 2025-06-01',
      'no completed management review is recorded; one must be completed on or before the application date 2025-06-01',
    ]);
  });

  it('treats a blank business licence number as missing', () => {
    const checks = evaluateReadiness(
      readyFacts({ legalRegistrationNumber: '  ' }),
      DEFAULT_POLICY,
      APPLICATION,
    );
    expect(check(checks, 'LEGAL_REGISTRATION').met).toBe(false);
  });

  it('refuses a management system operating for less than the policy months', () => {
    const facts = readyFacts({ managementSystemOperatingSince: day('2025-03-02') });
    expect(
      check(evaluateReadiness(facts, DEFAULT_POLICY, APPLICATION), 'MANAGEMENT_SYSTEM_OPERATING'),
    ).toEqual({
      item: 'MANAGEMENT_SYSTEM_OPERATING',
      met: false,
      detail:
        'management system operating since 2025-03-02: 3 months reached on 2025-06-02, after the application date 2025-06-01',
    });
  });

  it('counts 3 months from 30 November as reached on 28 February (month-end clamping)', () => {
    const facts = readyFacts({ managementSystemOperatingSince: day('2024-11-30') });
    const onTheDay = check(
      evaluateReadiness(facts, DEFAULT_POLICY, day('2025-02-28')),
      'MANAGEMENT_SYSTEM_OPERATING',
    );
    expect(onTheDay.met).toBe(true);
    expect(onTheDay.detail).toContain('3 months reached on 2025-02-28');
    expect(
      check(
        evaluateReadiness(facts, DEFAULT_POLICY, day('2025-02-27')),
        'MANAGEMENT_SYSTEM_OPERATING',
      ).met,
    ).toBe(false);
  });

  it('reports an internal audit completed after the application date as unmet', () => {
    const facts = readyFacts({ lastInternalAuditCompletedOn: day('2025-06-02') });
    expect(
      check(evaluateReadiness(facts, DEFAULT_POLICY, APPLICATION), 'INTERNAL_AUDIT_COMPLETED'),
    ).toEqual({
      item: 'INTERNAL_AUDIT_COMPLETED',
      met: false,
      detail: 'internal audit completed on 2025-06-02, after the application date 2025-06-01',
    });
  });

  it('accepts a management review completed on the application date', () => {
    const facts = readyFacts({ lastManagementReviewCompletedOn: APPLICATION });
    expect(
      check(evaluateReadiness(facts, DEFAULT_POLICY, APPLICATION), 'MANAGEMENT_REVIEW_COMPLETED')
        .met,
    ).toBe(true);
  });

  it('reports penalties within the policy months with their dates and the date the organisation is penalty-free', () => {
    const facts = readyFacts({
      administrativePenalties: [
        { imposedOn: day('2024-01-10'), description: 'old fine' },
        { imposedOn: day('2024-08-31'), description: 'late filing' },
        { imposedOn: day('2025-02-28'), description: 'safety notice' },
      ],
    });
    expect(
      check(
        evaluateReadiness(facts, DEFAULT_POLICY, APPLICATION),
        'NO_RECENT_ADMINISTRATIVE_PENALTY',
      ),
    ).toEqual({
      item: 'NO_RECENT_ADMINISTRATIVE_PENALTY',
      met: false,
      detail:
        'administrative penalty imposed on 2024-08-31 (late filing), 2025-02-28 (safety notice) within the 12 months before the application date 2025-06-01; penalty-free from 2026-02-28',
    });
  });

  it('no longer counts a penalty imposed exactly 12 months before the application date', () => {
    const facts = readyFacts({
      administrativePenalties: [{ imposedOn: day('2024-06-01'), description: 'fine' }],
    });
    expect(
      check(
        evaluateReadiness(facts, DEFAULT_POLICY, APPLICATION),
        'NO_RECENT_ADMINISTRATIVE_PENALTY',
      ).met,
    ).toBe(true);
    expect(
      check(
        evaluateReadiness(facts, DEFAULT_POLICY, day('2025-05-31')),
        'NO_RECENT_ADMINISTRATIVE_PENALTY',
      ).met,
    ).toBe(false);
  });

  it('counts 12 months from 29 February 2024 as ending on 28 February 2025', () => {
    const facts = readyFacts({
      administrativePenalties: [{ imposedOn: day('2024-02-29'), description: 'fine' }],
    });
    expect(
      check(
        evaluateReadiness(facts, DEFAULT_POLICY, day('2025-02-28')),
        'NO_RECENT_ADMINISTRATIVE_PENALTY',
      ).met,
    ).toBe(true);
    expect(
      check(
        evaluateReadiness(facts, DEFAULT_POLICY, day('2025-02-27')),
        'NO_RECENT_ADMINISTRATIVE_PENALTY',
      ).met,
    ).toBe(false);
  });

  it('ignores a penalty imposed after the application date', () => {
    const facts = readyFacts({
      administrativePenalties: [{ imposedOn: day('2025-06-02'), description: 'fine' }],
    });
    expect(
      check(
        evaluateReadiness(facts, DEFAULT_POLICY, APPLICATION),
        'NO_RECENT_ADMINISTRATIVE_PENALTY',
      ).met,
    ).toBe(true);
  });

  it('reports a related-body consultancy within the 24-month cooling-off (17021-1 5.2.7)', () => {
    const facts = readyFacts({ consultancy: relatedConsultancy('2023-06-02') });
    expect(
      check(evaluateReadiness(facts, DEFAULT_POLICY, APPLICATION), 'CONSULTANCY_COOLING_OFF'),
    ).toEqual({
      item: 'CONSULTANCY_COOLING_OFF',
      met: false,
      detail:
        'consultancy by a body related to the certification body ended on 2023-06-02: no certification before 2025-06-02 (24 months, 17021-1 5.2.7), application dated 2025-06-01',
    });
  });

  it('accepts a related-body consultancy that ended exactly 24 months before', () => {
    const facts = readyFacts({ consultancy: relatedConsultancy('2023-06-01') });
    expect(
      check(evaluateReadiness(facts, DEFAULT_POLICY, APPLICATION), 'CONSULTANCY_COOLING_OFF').met,
    ).toBe(true);
  });

  it('reports a related-body consultancy that has not ended as unmet', () => {
    const facts = readyFacts({ consultancy: relatedConsultancy(null) });
    const item = check(
      evaluateReadiness(facts, DEFAULT_POLICY, APPLICATION),
      'CONSULTANCY_COOLING_OFF',
    );
    expect(item.met).toBe(false);
    expect(item.detail).toBe(
      'consultancy by a body related to the certification body has not ended; no certification until 24 months after it ends (17021-1 5.2.7), application dated 2025-06-01',
    );
  });

  it('does not restrict consultancy by an unrelated body', () => {
    const facts = readyFacts({
      consultancy: { used: true, relatedToCertificationBody: false, endedOn: day('2025-05-01') },
    });
    expect(
      check(evaluateReadiness(facts, DEFAULT_POLICY, APPLICATION), 'CONSULTANCY_COOLING_OFF').met,
    ).toBe(true);
  });

  it('reports every rule the policy switches off as met and not required', () => {
    const policy = policyWith(
      { consultancyCoolingOffMonths: 0 },
      {
        requireLegalRegistration: false,
        minimumOperatingMonths: 0,
        requireInternalAudit: false,
        requireManagementReview: false,
        penaltyFreeMonths: 0,
      },
    );
    const facts = {
      ...NO_READINESS_FACTS,
      administrativePenalties: [{ imposedOn: day('2025-05-01'), description: 'fine' }],
      consultancy: relatedConsultancy(null),
    };
    const checks = evaluateReadiness(facts, policy, APPLICATION);
    expect(checks).toHaveLength(6);
    for (const item of checks)
      expect(item).toMatchObject({ met: true, detail: 'not required by policy' });
  });

  it('uses the policy months, e.g. 6 operating months and 24 penalty-free months', () => {
    const policy = policyWith({}, { minimumOperatingMonths: 6, penaltyFreeMonths: 24 });
    const facts = readyFacts({
      managementSystemOperatingSince: day('2024-12-02'),
      administrativePenalties: [{ imposedOn: day('2023-06-02'), description: 'fine' }],
    });
    const unmet = unmetReadiness(evaluateReadiness(facts, policy, APPLICATION));
    expect(unmet.map(({ item }) => item)).toEqual([
      'MANAGEMENT_SYSTEM_OPERATING',
      'NO_RECENT_ADMINISTRATIVE_PENALTY',
    ]);
  });

  it('applies the same checklist under the CN_CNCA profile', () => {
    const facts = readyFacts();
    expect(evaluateReadiness(facts, POLICY_PROFILES.CN_CNCA, APPLICATION)).toEqual(
      evaluateReadiness(facts, DEFAULT_POLICY, APPLICATION),
    );
  });
});

describe('the earliest certification date after consultancy (17021-1 5.2.7)', () => {
  it('is the end of a related-body consultancy plus 24 months', () => {
    expect(
      earliestCertificationDate(
        readyFacts({ consultancy: relatedConsultancy('2024-02-29') }),
        DEFAULT_POLICY,
      ),
    ).toBe('2026-02-28');
  });

  it('is null without consultancy', () => {
    expect(earliestCertificationDate(readyFacts(), DEFAULT_POLICY)).toBeNull();
  });

  it('is null for consultancy by an unrelated body', () => {
    const facts = readyFacts({
      consultancy: { used: true, relatedToCertificationBody: false, endedOn: day('2025-01-01') },
    });
    expect(earliestCertificationDate(facts, DEFAULT_POLICY)).toBeNull();
  });

  it('is null when the policy has no cooling-off', () => {
    const facts = readyFacts({ consultancy: relatedConsultancy('2025-01-01') });
    expect(
      earliestCertificationDate(facts, policyWith({ consultancyCoolingOffMonths: 0 })),
    ).toBeNull();
  });

  it('cannot be known while a related-body consultancy has not ended', () => {
    const facts = readyFacts({ consultancy: relatedConsultancy(null) });
    expect(() => earliestCertificationDate(facts, DEFAULT_POLICY)).toThrow(ConsultancyOngoingError);
    expect(() => earliestCertificationDate(facts, DEFAULT_POLICY)).toThrow(/has no end date/);
  });
});
