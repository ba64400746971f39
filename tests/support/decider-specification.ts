import type { Decider, DomainCommand, DomainEvent } from '../../src/domain';

type ErrorClass = abstract new (...args: never[]) => Error;

export interface ThenThrowsExpectation {
  /** Substring or pattern the message must contain. */
  message?: string | RegExp;
  /** The DomainError's `rule` code. */
  rule?: string;
  /** The input field the DomainError names; null: it names none (the input is not to blame). */
  field?: string | null;
}

/**
 * given(events).when(command).then(events) / .thenThrows(ErrorClass, { message, rule }).
 * `then` also replays given + produced events through `evolve`, so every produced event must be
 * one the aggregate can apply.
 */
export const DeciderSpecification = {
  for<State, Command extends DomainCommand, Event extends DomainEvent>(
    decider: Decider<State, Command, Event>,
  ) {
    return (givenEvents: Event[]) => ({
      when: (command: Command) => {
        const fold = (events: Event[]) =>
          events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
        const run = () => decider.decide(command, fold(givenEvents));
        return {
          then: (expected: Event[]) => {
            const produced = run();
            expect(produced).toEqual(expected);
            fold([...givenEvents, ...produced]);
            return produced;
          },
          thenThrows: (errorClass: ErrorClass, expectation: ThenThrowsExpectation = {}) => {
            let thrown: unknown;
            try {
              run();
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeInstanceOf(errorClass);
            const error = thrown as Error & { rule?: string; field?: string };
            if (expectation.message !== undefined)
              expect(error.message).toMatch(expectation.message);
            if (expectation.rule !== undefined) expect(error.rule).toBe(expectation.rule);
            if (expectation.field !== undefined) {
              expect(error.field).toBe(expectation.field ?? undefined);
            }
            return error;
          },
          /** The produced events, for assertions on part of them. */
          events: run,
        };
      },
    });
  },
};
