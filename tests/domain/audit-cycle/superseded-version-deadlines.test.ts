import fc from 'fast-check';
import {
  addMonths,
  auditCycleDeadlines,
  calendarDate,
  fromEpochDay,
  minDate,
  type StandardReference,
  toEpochDay,
} from '../../../src/domain';
import {
  AuditCycleHistory,
  completeAudit,
  d,
  spec,
  submitApplication,
} from './audit-cycle-fixtures';

const ISMS_2013: StandardReference = { identifier: 'ISO/IEC 27001', version: '2013' };
const ISMS_2022: StandardReference = { identifier: 'ISO/IEC 27001', version: '2022' };
const LAST_AUDIT_DATE = d('2024-04-30');

const accepted = (standard: StandardReference) =>
  new AuditCycleHistory().run(submitApplication({ standard })).accepted();

const deadlinesOf = (history: AuditCycleHistory, type: string) =>
  auditCycleDeadlines(history.state).filter((deadline) => deadline.type === type);

const dueDates = (history: AuditCycleHistory, type: string) =>
  deadlinesOf(history, type).map((deadline) => deadline.dueDate);

const dayBetween = (from: string, to: string) =>
  fc
    .integer({ min: toEpochDay(calendarDate(from)), max: toEpochDay(calendarDate(to)) })
    .map(fromEpochDay);

describe('STAGE2_DUE of a cycle to a superseded version', () => {
  it('is due by the last audit date when the policy window ends after it', () => {
    const stage1Done = accepted(ISMS_2013).stage1('2024-02-05', '2024-02-06');
    const [completed] = spec(stage1Done.events.slice(0, -1))
      .when(completeAudit('stage1', '2024-02-05', '2024-02-06'))
      .events();
    expect(completed).toMatchObject({
      type: 'AuditCompleted',
      data: { stage2DueOn: '2024-04-30' },
    });
    expect(dueDates(stage1Done, 'STAGE2_DUE')).toEqual(['2024-04-30']);
  });

  it('keeps the policy window for a current version', () => {
    expect(dueDates(accepted(ISMS_2022).stage1('2024-02-05', '2024-02-06'), 'STAGE2_DUE')).toEqual([
      '2024-08-06',
    ]);
  });

  it('is never due after the last audit date, for any stage 1 (property)', () => {
    fc.assert(
      fc.property(dayBetween('2024-01-16', '2024-04-29'), (stage1LastDay) => {
        const history = accepted(ISMS_2013).stage1(stage1LastDay, stage1LastDay);
        expect(dueDates(history, 'STAGE2_DUE')).toEqual([
          minDate(addMonths(stage1LastDay, 6), LAST_AUDIT_DATE),
        ]);
      }),
      { numRuns: 60 },
    );
  });
});
