import {
  DEFAULT_POLICY,
  initialCertificateState,
  missedSurveillanceSuspension,
  shouldAutoSuspend,
} from '../../../src/domain';
import {
  d,
  fold,
  issueCommand,
  issued,
  run,
  spec,
  suspend,
  withdraw,
} from './certificate-fixtures';

const autoPolicy = { ...DEFAULT_POLICY, autoSuspendOnMissedSurveillance: true };
const missed = { surveillanceDueDate: d('2025-03-15'), asOf: d('2025-03-16') };

describe('suspension for a missed surveillance', () => {
  it('suspends when the policy says so and the surveillance is overdue', () => {
    const events = issued({ policy: autoPolicy });
    const state = fold(events);
    expect(shouldAutoSuspend(state, missed)).toBe(true);
    const command = missedSurveillanceSuspension(
      state,
      { ...missed, subject: 'surveillance audit 1' },
      'deadline-scanner',
    );
    expect(command).toEqual({
      type: 'SuspendCertificate',
      data: {
        certificateId: 'cert-42',
        grounds: 'MISSED_SURVEILLANCE',
        details: 'surveillance audit 1 was due by 2025-03-15',
        suspendedOn: '2025-03-16',
        ownFault: true,
        actor: 'deadline-scanner',
      },
    });
    const [event] = spec(events).when(command!).events();
    expect(event?.data).toMatchObject({ grounds: 'MISSED_SURVEILLANCE', limitDate: '2025-09-16' });
  });

  it('does not suspend under the default policy', () => {
    expect(shouldAutoSuspend(fold(issued()), missed)).toBe(false);
    expect(missedSurveillanceSuspension(fold(issued()), missed, 'scanner')).toBeNull();
  });

  it('does not suspend on the due date itself', () => {
    const state = fold(issued({ policy: autoPolicy }));
    expect(shouldAutoSuspend(state, { ...missed, asOf: d('2025-03-15') })).toBe(false);
  });

  it('does not suspend a certificate that is already suspended, withdrawn or not issued', () => {
    const policy = autoPolicy;
    expect(
      shouldAutoSuspend(fold(run(issueCommand({ policy }), suspend('2025-01-10'))), missed),
    ).toBe(false);
    expect(
      shouldAutoSuspend(fold(run(issueCommand({ policy }), withdraw('2025-01-10'))), missed),
    ).toBe(false);
    expect(shouldAutoSuspend(initialCertificateState(), missed)).toBe(false);
  });
});
