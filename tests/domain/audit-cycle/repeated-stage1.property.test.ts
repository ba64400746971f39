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

const statesOf = (history: AuditCycleHistory, asOf: CalendarDate) =>
  auditCycleDeadlines(history.state).map((deadline) => {
    const { key, state, metOn } = deadlineStateOn(deadline, asOf);
    return deadline.openedOn <= asOf ? `${key} ${state} ${metOn ?? '-'}` : null;
  });

describe('STAGE2_DUE when stage 1 is repeated', () => {
  it('answers as of any day before the repeat ends as before it was planned, and ends then (property)', () => {
    fc.assert(
      fc.property(
        dayBetween('2024-01-20', '2024-06-30'),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 500 }),
        (stage1Day, repeatAfter, asOfAfter) => {
          const repeatDay = addDays(stage1Day, repeatAfter);
          const stage1Done = () =>
            AuditCycleHistory.initial().accepted().stage1(stage1Day, stage1Day);
          const given = stage1Done();
          const planned = stage1Done().run(
            planAudit('stage1-repeat', 'STAGE1', repeatDay, repeatDay),
          );
          const repeated = stage1Done()
            .run(planAudit('stage1-repeat', 'STAGE1', repeatDay, repeatDay))
            .run(completeAudit('stage1-repeat', repeatDay, repeatDay));
          const asOf = addDays(stage1Day, asOfAfter);
          expect(statesOf(planned, asOf)).toEqual(statesOf(given, asOf));
          if (asOf < repeatDay) {
            expect(statesOf(repeated, asOf)).toEqual([...statesOf(given, asOf), null]);
          } else {
            expect(statesOf(repeated, asOf)).toEqual([
              'STAGE2_DUE:stage1 ENDED -',
              `STAGE2_DUE:stage1-repeat ${asOf < addMonths(repeatDay, 6) ? 'UPCOMING' : asOf === addMonths(repeatDay, 6) ? 'DUE_TODAY' : 'OVERDUE'} -`,
            ]);
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});
