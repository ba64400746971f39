import { cycleFollowedBy, type IssuedCertificateState } from '../../../src/domain';
import {
  d,
  expire,
  extendScope,
  fold,
  issueCommand,
  renew,
  restore,
  run,
} from './certificate-fixtures';

const given = (...commands: Parameters<typeof run>) =>
  fold(run(...commands)) as IssuedCertificateState;

describe('the later audit cycle that followed a certificate’s cycle by a date', () => {
  it('is none before the renewal decision, and the renewal from its decision day on', () => {
    const state = given(issueCommand(), renew('2027-02-10', '2027-03-20'));
    expect(cycleFollowedBy(state, 'cycle-1', d('2027-02-09'))).toBeNull();
    expect(cycleFollowedBy(state, 'cycle-1', d('2027-02-10'))).toMatchObject({
      auditCycleId: 'cycle-2',
      cause: 'RENEWED',
      decisionDate: '2027-02-10',
    });
  });

  it('is the restoration that began a new cycle after an expiry', () => {
    const state = given(issueCommand(), expire('2027-03-20'), restore('2027-05-02'));
    expect(cycleFollowedBy(state, 'cycle-1', d('2027-05-01'))).toBeNull();
    expect(cycleFollowedBy(state, 'cycle-1', d('2027-05-02'))).toMatchObject({
      auditCycleId: 'cycle-2',
      cause: 'RESTORED',
    });
  });

  it('is none for the current cycle, through its scope changes, or for a cycle of no revision', () => {
    const state = given(issueCommand(), extendScope('2025-05-01'), renew('2027-02-10'));
    expect(cycleFollowedBy(state, 'cycle-1', d('2025-06-01'))).toBeNull();
    expect(cycleFollowedBy(state, 'cycle-2', d('2029-01-01'))).toBeNull();
    expect(cycleFollowedBy(state, 'cycle-refused', d('2029-01-01'))).toBeNull();
  });
});
