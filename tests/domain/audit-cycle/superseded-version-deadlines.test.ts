import fc from 'fast-check';
import {
  addMonths,
  auditCycleDeadlines,
  type CalendarDate,
  DEFAULT_POLICY,
  minDate,
  type StandardReference,
  surveillanceDueDate,
  type SurveillanceRule,
} from '../../../src/domain';
import {
  AuditCycleHistory,
  completeAudit,
  d,
  planAudit,
  spec,
  submitApplication,
} from './audit-cycle-fixtures';
import { anySurveillanceRule } from './any-surveillance-rule';
import { dayBetween } from '../../support/calendar-arbitraries';

const ISMS_2013: StandardReference = { identifier: 'ISO/IEC 27001', version: '2013' };
const ISMS_2022: StandardReference = { identifier: 'ISO/IEC 27001', version: '2022' };
const LAST_AUDIT_DATE = d('2024-04-30');
const TRANSITION_END = d('2025-10-31');

const accepted = (standard: StandardReference, surveillanceRule?: SurveillanceRule) =>
  new AuditCycleHistory()
    .run(
      submitApplication({
        standard,
        policy: surveillanceRule ? { ...DEFAULT_POLICY, surveillanceRule } : DEFAULT_POLICY,
      }),
    )
    .accepted();

const deadlinesOf = (history: AuditCycleHistory, type: string) =>
  auditCycleDeadlines(history.state).filter((deadline) => deadline.type === type);

const dueDates = (history: AuditCycleHistory, type: string) =>
  deadlinesOf(history, type).map((deadline) => deadline.dueDate);

const withTransitionAudit = (history: AuditCycleHistory, after: CalendarDate) => {
  const first = addMonths(after, 1);
  const last = addMonths(after, 1);
  return history
    .run(planAudit('transition', 'TRANSITION', first, last))
    .run(completeAudit('transition', first, last));
};

const rule = anySurveillanceRule;

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

describe('SURVEILLANCE_AUDIT_DUE of a cycle to a superseded version', () => {
  it('sets no surveillance due after the transition end, which the certificate expires by', () => {
    const granted = accepted(ISMS_2013).stage1().stage2().granted('2024-03-20');
    expect(dueDates(granted, 'SURVEILLANCE_AUDIT_DUE')).toEqual(['2025-03-20']);
  });

  it('sets it again once a transition audit of the cycle is completed', () => {
    const granted = accepted(ISMS_2013).stage1().stage2().granted('2024-03-20');
    const transitioned = withTransitionAudit(granted, d('2024-03-20'));
    expect(dueDates(transitioned, 'SURVEILLANCE_AUDIT_DUE')).toEqual(['2025-03-20', '2026-03-20']);
  });

  it("opens the one due after the transition end on the transition audit's last day", () => {
    const granted = accepted(ISMS_2013).stage1().stage2().granted('2024-03-20');
    const transitioned = granted
      .run(planAudit('transition', 'TRANSITION', '2025-06-09', '2025-06-10'))
      .run(completeAudit('transition', '2025-06-09', '2025-06-10'));
    expect(
      deadlinesOf(transitioned, 'SURVEILLANCE_AUDIT_DUE').map(({ key, dueDate, openedOn }) => ({
        key,
        dueDate,
        openedOn,
      })),
    ).toEqual([
      { key: 'SURVEILLANCE_AUDIT_DUE:1', dueDate: '2025-03-20', openedOn: '2024-03-20' },
      { key: 'SURVEILLANCE_AUDIT_DUE:2', dueDate: '2026-03-20', openedOn: '2025-06-10' },
    ]);
  });

  it('opens each surveillance on the decision, or on the transition audit when due after the transition end, for any decision and surveillance rule (property)', () => {
    fc.assert(
      fc.property(dayBetween('2024-03-06', '2025-09-30'), rule, (decidedOn, surveillanceRule) => {
        const granted = accepted(ISMS_2013, surveillanceRule).stage1().stage2().granted(decidedOn);
        const transitionAuditLastDay = addMonths(decidedOn, 1);
        const opened = deadlinesOf(
          withTransitionAudit(granted, decidedOn),
          'SURVEILLANCE_AUDIT_DUE',
        ).map(({ dueDate, openedOn }) => ({ dueDate, openedOn }));
        expect(opened).toEqual(
          opened.map(({ dueDate }) => ({
            dueDate,
            openedOn: dueDate > TRANSITION_END ? transitionAuditLastDay : decidedOn,
          })),
        );
      }),
      { numRuns: 80 },
    );
  });

  it('sets none after the transition end, for any decision and surveillance rule, until a transition audit (property)', () => {
    fc.assert(
      fc.property(
        dayBetween('2024-03-06', '2025-10-31'),
        rule,
        fc.boolean(),
        (decidedOn, surveillanceRule, transitionAudit) => {
          const granted = accepted(ISMS_2013, surveillanceRule)
            .stage1()
            .stage2()
            .granted(decidedOn);
          const history = transitionAudit ? withTransitionAudit(granted, decidedOn) : granted;
          const uncapped = ([1, 2] as const)
            .map((n) => surveillanceDueDate(surveillanceRule, decidedOn, n, null))
            .filter((due): due is CalendarDate => due !== null);
          const expected = transitionAudit
            ? uncapped
            : uncapped.filter((due) => due <= TRANSITION_END);
          expect(dueDates(history, 'SURVEILLANCE_AUDIT_DUE')).toEqual(expected);
        },
      ),
      { numRuns: 80 },
    );
  });
});
