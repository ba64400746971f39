import Database from 'better-sqlite3';
import fc from 'fast-check';
import {
  addDays,
  type CalendarDate,
  type CertificateRevision,
  calendarDate,
  type IssuedCertificateState,
  revisionOn,
} from '../../src/domain';
import {
  certificateRevisionOn,
  certificatesProjection,
  revisionPeriods,
} from '../../src/projections';

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

describe('the revision in force on a date as the read model answers it (certificateRevisionOn)', () => {
  const db = new Database(':memory:');
  certificatesProjection.setup(db);
  afterAll(() => db.close());

  /** The rows the certificates projection writes for the state: its revisions and their periods. */
  const store = (state: IssuedCertificateState): void => {
    db.exec('DELETE FROM rm_certificate_revisions; DELETE FROM rm_certificate_revision_periods;');
    db.prepare(
      'INSERT INTO rm_certificate_revisions (certificate_id, revisions) VALUES (?, ?)',
    ).run('cert-1', JSON.stringify(state.revisions));
    const insert = db.prepare(
      `INSERT INTO rm_certificate_revision_periods (certificate_id, from_date, until_date, number,
         revision, standard_identifier, standard_code, expiry_date)
       VALUES ('cert-1', ?, ?, 'CN-1', ?, 'ISO/IEC 20000-1', 'ISO/IEC 20000-1:2018', ?)`,
    );
    for (const { revision, from, until } of revisionPeriods(state)) {
      insert.run(from, until, revision.revision, revision.expiryDate);
    }
  };

  it('is the revision in force then, the first from its decision, null before it', () => {
    fc.assert(
      fc.property(certificates, ({ revisions, withdrawnAfter, day, firstEffective }) => {
        const withdrawnOn =
          withdrawnAfter === null ? null : addDays(firstEffective, withdrawnAfter);
        const state = stateOf(revisions, withdrawnOn);
        store(state);
        const answered = certificateRevisionOn(db, 'cert-1', day);
        if (day < FIRST_DECISION) {
          expect(answered).toBeNull();
          return;
        }
        expect(answered).toEqual(revisionOn(state, day) ?? revisions[0]);
      }),
      { numRuns: 300 },
    );
  });

  it('is null for a certificate the read model does not hold', () => {
    expect(certificateRevisionOn(db, 'cert-unknown', calendarDate('2025-01-01'))).toBeNull();
  });
});
