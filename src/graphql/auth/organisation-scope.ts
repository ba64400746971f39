import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { Principal } from './principal';
import { Role } from './role';

/** Refuses a CLIENT key access to another organisation's data; other roles see every organisation. */
export const assertCanSeeOrganisation = (
  principal: Principal | null,
  organisationId: string,
): void => {
  if (!principal) throw new UnauthenticatedError();
  if (principal.role === Role.CLIENT && principal.organisationId !== organisationId) {
    throw new ForbiddenError(
      `a CLIENT key of another organisation cannot see organisation ${organisationId}`,
    );
  }
};

/**
 * The organisation filter a list query must apply: a CLIENT always sees its own organisation only
 * (asking for another one is FORBIDDEN); other roles get what they asked for (undefined: all).
 */
export const organisationScope = (
  principal: Principal | null,
  requested: string | undefined,
): string | undefined => {
  if (!principal) throw new UnauthenticatedError();
  if (principal.role !== Role.CLIENT) return requested;
  const own = principal.organisationId;
  if (own === undefined)
    throw new ForbiddenError('this CLIENT key is not bound to an organisation');
  if (requested !== undefined) assertCanSeeOrganisation(principal, requested);
  return own;
};
