import fc from 'fast-check';
import {
  addDays,
  auditCycleDeadlines,
  type AuditCycleCommand,
  type CalendarDate,
  DEFAULT_POLICY,
  deadlineStateOn,
} from '../../../src/domain';
import { AuditCycleHistory, CYCLE_ID, verifyNonconformity } from './audit-cycle-fixtures';
import { dayBetween } from '../../support/calendar-arbitraries';

/**
 * Every deadline set by `asOf`, as it reads then. The subject is left out: a response deadline's
 * names its finding's escalation (one string for every date), its state and dates do not.
 */
const deadlinesOn = (history: AuditCycleHistory, asOf: CalendarDate) =>
  auditCycleDeadlines(history.state)
    .filter((deadline) => deadline.openedOn <= asOf)
    .map((deadline) => {
      const { key, dueDate, openedOn, state, metOn, daysRemaining } = deadlineStateOn(
        deadline,
        asOf,
      );
      return { key, dueDate, openedOn, state, metOn, daysRemaining };
    });

const historyOf = (stage2Day: CalendarDate, commands: [CalendarDate, AuditCycleCommand][]) =>
  [...commands]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .reduce(
      (history, [, command]) => history.run(command),
      AuditCycleHistory.initial({ ...DEFAULT_POLICY, escalateOverdueMinor: true })
        .accepted()
        .stage1()
        .stage2(stage2Day, stage2Day)
        .nonconformity('nc-major', 'stage2', 'MAJOR', stage2Day)
        .nonconformity('nc-minor', 'stage2', 'MINOR', stage2Day),
    );

describe('a stage-2 minor escalated to major', () => {
  it('leaves every deadline as of any day before the escalation as it was without it (property)', () => {
    fc.assert(
      fc.property(
        dayBetween('2024-02-08', '2024-08-06'),
        fc.option(fc.integer({ min: 0, max: 300 })),
        fc.integer({ min: 1, max: 200 }),
        fc.option(fc.integer({ min: 0, max: 200 })),
        fc.integer({ min: 1, max: 400 }),
        (stage2Day, majorVerifiedAfter, escalatedAfterDue, minorVerifiedAfter, daysBefore) => {
          const escalatedOn = addDays(addDays(stage2Day, 90), escalatedAfterDue);
          const commands: [CalendarDate, AuditCycleCommand][] = [
            [
              escalatedOn,
              {
                type: 'EscalateOverdueNonconformity',
                data: { auditCycleId: CYCLE_ID, ncId: 'nc-minor', escalatedOn },
              },
            ],
          ];
          if (majorVerifiedAfter !== null) {
            const on = addDays(stage2Day, majorVerifiedAfter);
            commands.push([on, verifyNonconformity('nc-major', on)]);
          }
          if (minorVerifiedAfter !== null) {
            const on = addDays(escalatedOn, minorVerifiedAfter);
            commands.push([on, verifyNonconformity('nc-minor', on)]);
          }
          const escalated = historyOf(stage2Day, commands);
          const without = historyOf(
            stage2Day,
            commands.filter(([on]) => on < escalatedOn),
          );
          const asOf = addDays(escalatedOn, -daysBefore);
          expect(deadlinesOn(escalated, asOf)).toEqual(deadlinesOn(without, asOf));
        },
      ),
      { numRuns: 150 },
    );
  });
});
