import { type Decider, DomainError } from '../../src/domain';

export type CounterEvent = { type: 'Incremented'; data: { by: number } };
export type CounterCommand = { type: 'Increment'; data: { by: number; max: number } };

/** A tiny decider for testing infrastructure: refuses to go past `max`. */
export const counterDecider: Decider<number, CounterCommand, CounterEvent> = {
  initialState: () => 0,
  evolve: (state, event) => state + event.data.by,
  decide: (command, state) => {
    if (state + command.data.by > command.data.max) {
      throw new DomainError('COUNTER_MAX', `counter would pass ${command.data.max}`);
    }
    return command.data.by === 0 ? [] : [{ type: 'Incremented', data: { by: command.data.by } }];
  },
};

export const increment = (by: number, max = 1000): CounterCommand => ({
  type: 'Increment',
  data: { by, max },
});
