import fc from 'fast-check';
import {
  addDays,
  type CalendarDate,
  type CertificateRevision,
  calendarDate,
  type IssuedCertificateState,
  revisionOn,
} from '../../src/domain';
import { revisionPeriods } from '../../src/projections';

const FIRST_DECISION = calendarDate('2024-03-20');

/** Per revision: days after the previous one's effective date, and days its decision came before. */
const revisionSteps = fc.array(
  fc.record({
    after: fc.integer({ min: 0, max: 400 }),
    decidedBefore: fc.integer({ min: 0, max: 60 }),
    term: fc.integer({ min: 30, max: 1200 }),
  }),
  { minLength: 1, maxLength: 5 },
);

const revisionsOf = (
  steps: readonly { after: number; decidedBefore: number; term: number }[],
): CertificateRevision[] => {
  const revisions: CertificateRevision[] = [];
  steps.forEach(({ after, decidedBefore, term }, index) => {
    const previous = revisions.at(-1);
    const effectiveDate = previous
      ? addDays(previous.effectiveDate, after)
      : addDays(FIRST_DECISION, after);
    const earliest = previous?.decisionDate ?? FIRST_DECISION;
    const decided = addDays(effectiveDate, -decidedBefore);
    const decisionDate = previous ? (decided < earliest ? earliest : decided) : FIRST_DECISION;
    revisions.push({
      revision: index + 1,
      decisionDate,
      effectiveDate,
      expiryDate: addDays(effectiveDate, term),
    } as CertificateRevision);
  });
  return revisions;
};

/** Only what `takesEffect` and `revisionOn` read. */
const stateOf = (
  revisions: CertificateRevision[],
  withdrawnOn: CalendarDate | null,
): IssuedCertificateState =>
  ({
    status: withdrawnOn ? 'WITHDRAWN' : 'ACTIVE',
    revisions,
    withdrawal: withdrawnOn && { withdrawnOn, reason: 'gone', ownFault: false },
  }) as IssuedCertificateState;

const certificates = revisionSteps.chain((steps) => {
  const revisions = revisionsOf(steps);
  const firstEffective = revisions[0]!.effectiveDate;
  return fc.record({
    revisions: fc.constant(revisions),
    withdrawnAfter: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }),
    day: fc.integer({ min: -30, max: 2000 }).map((n) => addDays(FIRST_DECISION, n)),
    firstEffective: fc.constant(firstEffective),
  });
});

describe('the revision a list as of a date shows (revisionPeriods)', () => {
  it('is the one in force on the date, the first from its decision, none before it', () => {
    fc.assert(
      fc.property(certificates, ({ revisions, withdrawnAfter, day, firstEffective }) => {
        const withdrawnOn =
          withdrawnAfter === null ? null : addDays(firstEffective, withdrawnAfter);
        const state = stateOf(revisions, withdrawnOn);
        const periods = revisionPeriods(state);
        const holding = periods.filter((p) => p.from <= day && (p.until === null || day < p.until));
        if (day < FIRST_DECISION) {
          expect(holding).toEqual([]);
          return;
        }
        expect(holding).toHaveLength(1);
        const expected = revisionOn(state, day) ?? revisions[0]!;
        expect(holding[0]!.revision.revision).toBe(expected.revision);
        expect(holding[0]!.revision.decisionDate <= day).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('runs on without gaps from the first decision', () => {
    fc.assert(
      fc.property(certificates, ({ revisions, withdrawnAfter, firstEffective }) => {
        const withdrawnOn =
          withdrawnAfter === null ? null : addDays(firstEffective, withdrawnAfter);
        const periods = revisionPeriods(stateOf(revisions, withdrawnOn));
        expect(periods[0]?.from).toBe(FIRST_DECISION);
        expect(periods.at(-1)?.until).toBeNull();
        periods.slice(1).forEach((p, index) => expect(periods[index]!.until).toBe(p.from));
      }),
    );
  });
});
