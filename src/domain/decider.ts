/** An event as the domain sees it: a past-tense type and its data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export interface DomainCommand<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** An aggregate as pure functions (Emmett style). `decide` throws a DomainError to refuse. */
export interface Decider<State, Command extends DomainCommand, Event extends DomainEvent> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}
