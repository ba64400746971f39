import type { OperationContext } from '../../application';
import type { RequestContext } from '../auth';
import { UnauthenticatedError } from '../errors';

/** The caller's person id, recorded as the actor of the events (and checked for impartiality). */
export const actorOf = ({ principal }: RequestContext): OperationContext => {
  if (!principal) throw new UnauthenticatedError();
  return { actor: principal.personId };
};
