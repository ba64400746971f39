import type { CalendarDate } from '../../domain';
import { today } from '../../application';
import { findOrganisation } from '../../projections';
import type { ApiDependencies } from '../api-dependencies';
import { assertCanSeeOrganisation, organisationScope, type Principal, Role } from '../auth';
import { ForbiddenError, NotFoundError } from '../errors';

/** The given date, or today in the CB's time zone. */
export const asOfOrToday = (deps: ApiDependencies, asOf: CalendarDate | null | undefined) =>
  asOf ?? today(deps.clock, deps.timeZone);

/**
 * The object a caller asked for by id or number. Unknown: NOT_FOUND. Another organisation's
 * object asked for by a CLIENT key: FORBIDDEN, with the same message as an unknown one, so that a
 * CLIENT key cannot learn which ids exist or whose they are.
 */
export const visibleTo = <View>(
  principal: Principal | null,
  view: View | null,
  organisationOf: (view: View) => string,
  entity: string,
  id: string,
): View => {
  if (
    principal?.role === Role.CLIENT &&
    (view === null || organisationOf(view) !== principal.organisationId)
  ) {
    throw new ForbiddenError(`no ${entity} ${id} in the organisation of this CLIENT key`);
  }
  if (view === null) throw new NotFoundError(entity, id);
  assertCanSeeOrganisation(principal, organisationOf(view));
  return view;
};

/** An organisation id a caller named: NOT_FOUND naming `field` unless it is registered. */
export const requireRegisteredOrganisation = (
  readModels: ApiDependencies['readModels'],
  organisationId: string,
  field = 'organisationId',
): void => {
  if (findOrganisation(readModels, organisationId) === null) {
    throw new NotFoundError('Organisation', organisationId, field);
  }
};

/**
 * The organisation filter of a list (see `organisationScope`), once the organisation asked for
 * exists: an unknown one is NOT_FOUND naming `field`, not an empty list that reads as "nothing
 * due". The CLIENT scope is checked first, so a CLIENT key asking for another organisation gets
 * FORBIDDEN whether it exists or not.
 */
export const organisationFilter = (
  deps: ApiDependencies,
  principal: Principal | null,
  requested: string | null | undefined,
  field = 'organisationId',
): string | undefined => {
  const scope = organisationScope(principal, requested ?? undefined);
  if (requested != null) requireRegisteredOrganisation(deps.readModels, requested, field);
  return scope;
};

/**
 * Whether a linked object belongs to the organisation of the object that links to it. A store
 * written before new certificate ids were checked against pending applications may hold two
 * organisations' audit cycles naming one certificate id: the certificate is only the issuer's.
 */
export const sameOrganisation = (
  linked: { organisationId: string },
  from: { organisationId: string },
): boolean => linked.organisationId === from.organisationId;
