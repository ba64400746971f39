import { auditCycleOn, type IssuedCertificateState } from '../../../src/domain';
import {
  d,
  extendScope,
  fold,
  issueCommand,
  reinstate,
  renew,
  run,
  suspend,
} from './certificate-fixtures';

const given = (...commands: Parameters<typeof run>) =>
  fold(run(...commands)) as IssuedCertificateState;

describe('the audit cycle a certificate was in on a date', () => {
  it('is the issuing cycle until a renewal is decided, then the renewing one', () => {
    const state = given(
      issueCommand(),
      suspend('2024-09-02'),
      reinstate('2024-10-15'),
      renew('2027-02-10', '2027-03-20'),
    );
    expect(auditCycleOn(state, d('2024-09-02'))).toBe('cycle-1');
    expect(auditCycleOn(state, d('2027-02-09'))).toBe('cycle-1');
    expect(auditCycleOn(state, d('2027-02-10'))).toBe('cycle-2');
  });

  it('stays in its cycle through a scope change, and is the first cycle before the decision', () => {
    const state = given(issueCommand(), extendScope('2025-05-01'));
    expect(auditCycleOn(state, d('2025-06-01'))).toBe('cycle-1');
    expect(auditCycleOn(state, d('2024-01-01'))).toBe('cycle-1');
  });
});
