import { StandardVersionClosedError, UnknownStandardError } from '../../../src/domain';
import {
  AuditCycleHistory,
  completeAudit,
  planAudit,
  spec,
  submitApplication,
} from './audit-cycle-fixtures';

/** An INITIAL application to ISO/IEC 27001:2013 (last audit date 2024-04-30), accepted. */
const accepted2013 = () =>
  new AuditCycleHistory()
    .run(submitApplication({ standard: { identifier: 'ISO/IEC 27001', version: '2013' } }))
    .accepted();

describe('audits to a version the catalog no longer holds', () => {
  it("refuses to plan one without blaming an input field: the standard is the recorded application's", () => {
    const events = accepted2013().events.map((event) =>
      event.type === 'ApplicationSubmitted'
        ? {
            ...event,
            data: { ...event.data, standard: { identifier: 'ISO/IEC 27001', version: '2005' } },
          }
        : event,
    );
    spec(events)
      .when(planAudit('stage1', 'STAGE1', '2024-02-01', '2024-02-02'))
      .thenThrows(UnknownStandardError, { rule: 'UNKNOWN_STANDARD', field: null });
  });
});

describe('audits to a superseded version after its last audit date', () => {
  it('plans a stage audit up to the last audit date and refuses it from the day after', () => {
    const stage1Done = accepted2013().stage1();
    const [lastDay] = spec(stage1Done.events)
      .when(planAudit('stage2', 'STAGE2', '2024-04-30', '2024-05-02'))
      .events();
    expect(lastDay?.type).toBe('AuditPlanned');
    spec(stage1Done.events)
      .when(planAudit('stage2', 'STAGE2', '2024-05-01', '2024-05-02'))
      .thenThrows(StandardVersionClosedError, {
        rule: 'STANDARD_VERSION_CLOSED',
        message:
          /no STAGE2 audit to ISO\/IEC 27001:2013 on 2024-05-01: audits to that version ended on 2024-04-30 \(IAF MD 26\).*new version/,
      });
  });

  it('refuses to complete a planned audit that actually started after the date', () => {
    const planned = accepted2013()
      .stage1()
      .run(planAudit('stage2', 'STAGE2', '2024-04-29', '2024-04-30'));
    spec(planned.events)
      .when(completeAudit('stage2', '2024-05-01', '2024-05-02'))
      .thenThrows(StandardVersionClosedError, { message: /on 2024-05-01/ });
    const [completed] = spec(planned.events)
      .when(completeAudit('stage2', '2024-04-29', '2024-05-01'))
      .events();
    expect(completed?.type).toBe('AuditCompleted');
  });

  it('lets surveillance go on only alongside a transition audit to the new version', () => {
    const granted = accepted2013().stage1().stage2().granted();
    const surveillance = planAudit('surveillance-1', 'SURVEILLANCE', '2025-02-10', '2025-02-11', {
      surveillanceNumber: 1,
    });
    spec(granted.events)
      .when(surveillance)
      .thenThrows(StandardVersionClosedError, { message: /needs a transition audit/ });
    const transitionPlanned = granted.run(
      planAudit('transition', 'TRANSITION', '2025-02-10', '2025-02-11'),
    );
    const [alongside] = spec(transitionPlanned.events).when(surveillance).events();
    expect(alongside?.type).toBe('AuditPlanned');
  });

  it('takes the transition end when the catalog gives no last audit date (ISO/IEC 20000-1:2011)', () => {
    const stage1Done = AuditCycleHistory.version2011Stage1();
    const [onTheDay] = spec(stage1Done.events)
      .when(planAudit('stage2', 'STAGE2', '2022-03-31', '2022-04-01'))
      .events();
    expect(onTheDay?.type).toBe('AuditPlanned');
    spec(stage1Done.events)
      .when(planAudit('stage2', 'STAGE2', '2022-04-01', '2022-04-02'))
      .thenThrows(StandardVersionClosedError, {
        message:
          /no STAGE2 audit to ISO\/IEC 20000-1:2011 on 2022-04-01: audits to that version ended on 2022-03-31/,
      });
  });
});
