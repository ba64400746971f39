import type { Role } from './role';

/** Who is calling: the person the API key belongs to (the actor of the events it causes). */
export interface Principal {
  readonly personId: string;
  readonly role: Role;
  /** Set for CLIENT keys only: the organisation the caller belongs to. */
  readonly organisationId?: string;
}

/** The context every resolver receives. `principal` is null for callers without an API key. */
export interface RequestContext {
  readonly principal: Principal | null;
}
