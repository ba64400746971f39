import type { WebhookSubscription, WebhookSubscriptions } from '../../webhooks/subscriptions';
import { UnknownWebhookSubscriptionError } from '../../webhooks/subscriptions';
import type { ApiDependencies, WebhookApi } from '../api-dependencies';
import { type Principal, Role } from '../auth';
import { BadUserInputError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors';
import { requireRegisteredOrganisation } from '../queries/read-access';

/** ADMIN manages every endpoint; a CLIENT key those of its own organisation. */
export const WEBHOOK_MANAGERS = [Role.ADMIN, Role.CLIENT];

/** The webhook services, or a clear error when this API was built without them. */
export const webhookApiOf = (deps: ApiDependencies): WebhookApi => {
  if (!deps.webhooks) throw new Error('webhooks are not configured in this API');
  return deps.webhooks;
};

const ownOrganisation = (principal: Principal): string => {
  if (principal.organisationId === undefined) {
    throw new ForbiddenError('this CLIENT key is not bound to an organisation');
  }
  return principal.organisationId;
};

/**
 * The organisation filter of a new or changed endpoint. A CLIENT key's endpoints always follow its
 * own organisation (asking for another one, or for all, is FORBIDDEN); other callers get what they
 * asked for, once the organisation is registered (NOT_FOUND naming `organisationId` otherwise, as for
 * the lists; undefined: unchanged).
 */
export const endpointOrganisation = (
  deps: ApiDependencies,
  principal: Principal | null,
  requested: string | null | undefined,
  creating: boolean,
): string | null | undefined => {
  if (!principal) throw new UnauthenticatedError();
  if (principal.role === Role.CLIENT) {
    const own = ownOrganisation(principal);
    if (requested === undefined) return creating ? own : undefined;
    if (requested !== own) {
      throw new ForbiddenError(
        `a CLIENT key manages the webhooks of its own organisation only, not ${requested ?? 'every organisation'}`,
      );
    }
    return own;
  }
  if (requested) requireRegisteredOrganisation(deps.readModels, requested);
  return requested;
};

/**
 * Refuses to move an endpoint a CLIENT key made to another organisation, or to every one: its URL
 * is the client's, and its CLIENT keys read its delivery history, so other organisations' events
 * must never be queued for it. `organisationId` is the update's (undefined: unchanged). One without
 * an organisation was never a CLIENT key's (endpoints made before `clientManaged` count as theirs).
 */
export const requireClientEndpointStays = (
  subscription: WebhookSubscription,
  organisationId: string | null | undefined,
): void => {
  const own = subscription.organisationId;
  if (!subscription.clientManaged || own === null || organisationId === undefined) return;
  if (organisationId === own) return;
  throw new BadUserInputError(
    'organisationId',
    `webhook subscription ${subscription.id} is managed by the CLIENT keys of ${own} and takes that ` +
      `organisation's events only, not those of ${organisationId ?? 'every organisation'}: ` +
      'create an endpoint for them instead',
  );
};

/**
 * The endpoint, once the caller may manage it. Unknown: NOT_FOUND; for a CLIENT key, unknown, of
 * another organisation, or one the CB made for its organisation (not `clientManaged`): FORBIDDEN
 * (as for other objects, so it cannot learn which ids exist). A deleted one counts as unknown,
 * unless `deleted` (its delivery history is read).
 */
export const manageableSubscription = (
  subscriptions: WebhookSubscriptions,
  principal: Principal | null,
  id: string,
  options: { deleted?: boolean } = {},
): WebhookSubscription => {
  if (!principal) throw new UnauthenticatedError();
  let subscription: WebhookSubscription | null = null;
  try {
    subscription = subscriptions.get(id, options);
  } catch (error) {
    if (!(error instanceof UnknownWebhookSubscriptionError)) throw error;
  }
  if (
    principal.role === Role.CLIENT &&
    (subscription === null ||
      subscription.organisationId !== ownOrganisation(principal) ||
      !subscription.clientManaged)
  ) {
    throw new ForbiddenError(
      `no webhook subscription ${id} in the organisation of this CLIENT key`,
    );
  }
  if (subscription === null) throw new NotFoundError('WebhookSubscription', id);
  return subscription;
};
