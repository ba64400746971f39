import type { AuthCheckerFn } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { RequestContext } from './principal';
import type { Role } from './role';

/**
 * type-graphql's checker for `@Authorized(...roles)`: no roles means any authenticated caller.
 * Throws instead of answering false so the error names what is missing.
 */
export const authChecker: AuthCheckerFn<RequestContext, Role> = ({ context, info }, roles) => {
  const { principal } = context;
  if (!principal) throw new UnauthenticatedError();
  if (roles.length === 0 || roles.includes(principal.role)) return true;
  throw new ForbiddenError(
    `${info.parentType.name}.${info.fieldName} needs one of the roles ${roles.join(', ')}; your key has role ${principal.role}`,
  );
};
