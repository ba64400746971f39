import {
  auditCycleDeadlines,
  auditCycleDecider,
  type AuditCycleEvent,
  type AuditCycleState,
  DEFAULT_POLICY,
} from '../../../src/domain';
import { AuditCycleHistory, decideCertification } from './audit-cycle-fixtures';

const replay = (events: AuditCycleEvent[]): AuditCycleState =>
  events.reduce(
    (state, event) => auditCycleDecider.evolve(state, event),
    auditCycleDecider.initialState(),
  );

/** A full initial cycle with findings, a grant and both surveillances. */
const fullCycle = () =>
  AuditCycleHistory.initial()
    .accepted()
    .stage1()
    .stage2()
    .nonconformity('nc-major', 'stage2', 'MAJOR', '2024-03-06')
    .nonconformity('nc-minor', 'stage2', 'MINOR', '2024-03-06')
    .planAccepted('nc-minor', '2024-03-12')
    .verified('nc-major', '2024-03-18')
    .granted('2024-03-20')
    .surveillance(1, '2025-02-10', '2025-02-11')
    .nonconformity('nc-s1', 'surveillance-1', 'MINOR', '2025-02-11')
    .surveillance(2, '2026-02-09', '2026-02-10');

describe('replaying an audit cycle stream', () => {
  it('reproduces the same state and deadlines from the stored (JSON) events', () => {
    const history = fullCycle();
    const stored = JSON.parse(JSON.stringify(history.events)) as AuditCycleEvent[];
    expect(replay(stored)).toEqual(history.state);
    expect(auditCycleDeadlines(replay(stored))).toEqual(auditCycleDeadlines(history.state));
  });

  it('decides the same way after replay as on the live state', () => {
    const history = AuditCycleHistory.readyForDecision();
    const stored = JSON.parse(JSON.stringify(history.events)) as AuditCycleEvent[];
    const command = decideCertification('2024-03-20');
    expect(auditCycleDecider.decide(command, replay(stored))).toEqual(
      auditCycleDecider.decide(command, history.state),
    );
  });

  it('replays under the policy recorded on the application, not the current default', () => {
    const recorded = { ...DEFAULT_POLICY, version: 7, surveillanceRule: 'CALENDAR_YEAR' as const };
    const stored = JSON.parse(
      JSON.stringify(AuditCycleHistory.grantedCycle(recorded).events),
    ) as AuditCycleEvent[];
    const state = replay(stored);
    expect(state).toMatchObject({ policy: recorded });
    expect(auditCycleDeadlines(state).map((x) => x.dueDate)).toContain('2026-12-31');
  });

  it('replays a finding recorded before its raiser was kept: no raiser, the decision unchanged', () => {
    const history = AuditCycleHistory.readyForDecision()
      .nonconformity('nc-minor', 'stage2', 'MINOR', '2024-03-06')
      .planAccepted('nc-minor', '2024-03-12');
    const stored = (JSON.parse(JSON.stringify(history.events)) as AuditCycleEvent[]).map((event) =>
      event.type === 'NonconformityRaised'
        ? { ...event, data: { ...event.data, raisedBy: undefined } }
        : event,
    );
    const state = replay(stored);
    expect(state).toMatchObject({ nonconformities: [{ ncId: 'nc-minor', raisedBy: null }] });
    const [event] = auditCycleDecider.decide(decideCertification('2024-03-20'), state);
    expect(event?.type).toBe('CertificationGranted');
  });
});
