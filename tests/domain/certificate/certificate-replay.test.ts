import fc from 'fast-check';
import { certificateDecider, DEFAULT_POLICY } from '../../../src/domain';
import { fold, issueCommand, run, spec, suspend } from './certificate-fixtures';
import { randomHistory } from './random-certificate-history';

describe('replay', () => {
  it('reproduces the same state from the stored (JSON) events, every time', () => {
    fc.assert(
      fc.property(randomHistory, (events) => {
        const stored = JSON.parse(JSON.stringify(events)) as typeof events;
        expect(fold(stored)).toEqual(fold(events));
        expect(fold(events)).toEqual(fold(events));
      }),
    );
  });

  it('builds the same state one event at a time as in one pass', () => {
    fc.assert(
      fc.property(randomHistory, fc.nat(), (events, cut) => {
        const at = cut % (events.length + 1);
        const partial = fold(events.slice(0, at));
        const resumed = events
          .slice(at)
          .reduce((state, event) => certificateDecider.evolve(state, event), partial);
        expect(resumed).toEqual(fold(events));
      }),
    );
  });

  it('decides with the policy recorded on the stream, not the current defaults', () => {
    const policy = { ...DEFAULT_POLICY, version: 0, suspensionLimitMonths: 3 };
    const stored = JSON.parse(JSON.stringify(run(issueCommand({ policy })))) as ReturnType<
      typeof run
    >;
    const [event] = spec(stored).when(suspend('2025-06-01')).events();
    expect(event?.data).toMatchObject({ limitDate: '2025-09-01' });
  });
});
