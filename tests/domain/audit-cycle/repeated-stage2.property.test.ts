import fc from 'fast-check';
import {
  addDays,
  addMonths,
  auditCycleDeadlines,
  type CalendarDate,
  deadlineStateOn,
} from '../../../src/domain';
import { AuditCycleHistory, completeAudit, planAudit } from './audit-cycle-fixtures';
import { dayBetween } from '../../support/calendar-arbitraries';

/** The first stage 2's deadlines (its limit and its findings' responses) as of a date. */
const firstStage2On = (history: AuditCycleHistory, asOf: CalendarDate) =>
  auditCycleDeadlines(history.state)
    .filter(({ key }) =>
      ['MAJOR_NC_VERIFICATION_LIMIT:stage2', 'NC_RESPONSE_DUE:'].some((k) => key.startsWith(k)),
    )
    .filter((deadline) => deadline.openedOn <= asOf)
    .map((deadline) => {
      const { key, state, metOn } = deadlineStateOn(deadline, asOf);
      return `${key} ${state} ${metOn ?? '-'}`;
    });

describe('a stage 2 repeated after its major missed the verification limit', () => {
  it('answers as of any day before the repeat ends as before it was planned, and ends what it left open then (property)', () => {
    fc.assert(
      fc.property(
        dayBetween('2024-02-08', '2024-08-06'),
        fc.option(fc.integer({ min: 1, max: 200 })),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 700 }),
        (stage2Day, verifiedAfterLimit, repeatAfterLimit, asOfAfter) => {
          const limit = addMonths(stage2Day, 6);
          const verifiedOn =
            verifiedAfterLimit === null ? null : addDays(limit, verifiedAfterLimit);
          const repeatDay = addDays(limit, repeatAfterLimit);
          const findings = () => {
            const raised = AuditCycleHistory.initial()
              .accepted()
              .stage1()
              .stage2(stage2Day, stage2Day)
              .nonconformity('nc-major', 'stage2', 'MAJOR', stage2Day)
              .nonconformity('nc-minor', 'stage2', 'MINOR', stage2Day);
            return verifiedOn === null ? raised : raised.verified('nc-major', verifiedOn);
          };
          const given = findings();
          const planned = findings().run(
            planAudit('stage2-repeat', 'STAGE2', repeatDay, repeatDay),
          );
          const repeated = findings()
            .run(planAudit('stage2-repeat', 'STAGE2', repeatDay, repeatDay))
            .run(completeAudit('stage2-repeat', repeatDay, repeatDay));
          const asOf = addDays(stage2Day, asOfAfter);
          expect(firstStage2On(planned, asOf)).toEqual(firstStage2On(given, asOf));
          if (asOf < repeatDay) {
            expect(firstStage2On(repeated, asOf)).toEqual(firstStage2On(given, asOf));
            if (asOf > limit) {
              expect(firstStage2On(repeated, asOf)).toContain(
                'MAJOR_NC_VERIFICATION_LIMIT:stage2 OVERDUE -',
              );
            }
          } else {
            const majorAnswered = verifiedOn !== null && verifiedOn < repeatDay;
            expect(firstStage2On(repeated, asOf)).toEqual([
              majorAnswered
                ? `NC_RESPONSE_DUE:nc-major MET ${verifiedOn}`
                : 'NC_RESPONSE_DUE:nc-major ENDED -',
              'NC_RESPONSE_DUE:nc-minor ENDED -',
              'MAJOR_NC_VERIFICATION_LIMIT:stage2 ENDED -',
            ]);
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});
