import { type MiddlewareFn, UseMiddleware } from 'type-graphql';
import type { RequestContext } from './principal';
import { Role } from './role';

/** The sentence a field's description ends with when `InternalToStaff` hides it. */
export const HIDDEN_FROM_CLIENTS =
  'Null for CLIENT keys: who reviewed or decided, and who recorded each event, is internal to the certification body.';

const hideFromClients: MiddlewareFn<RequestContext> = ({ context }, next) =>
  context.principal?.role === Role.CLIENT ? Promise.resolve(null) : next();

/**
 * Answers null to CLIENT keys: the person ids of the certification body's reviewers and decision
 * makers (ISO/IEC 17021-1 tells the client the audit team's names, not theirs). The field must be
 * nullable and say so (`HIDDEN_FROM_CLIENTS`).
 */
export const InternalToStaff = (): MethodDecorator & PropertyDecorator =>
  UseMiddleware(hideFromClients);
