import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { WebhookDelivery } from '../../webhooks/deliveries';
import { UnknownWebhookDeliveryError } from '../../webhooks/subscriptions';
import type { ApiDependencies } from '../api-dependencies';
import { type Principal, type RequestContext, Role } from '../auth';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../errors';
import {
  type Connection,
  ConnectionArgs,
  ConnectionArguments,
  encodeCursor,
  pageRequest,
} from '../pagination';
import { DateTimeScalar } from '../scalars';
import { webhookCall } from './webhook-api-error';
import { manageableSubscription, WEBHOOK_MANAGERS, webhookApiOf } from './webhook-access';
import {
  type ApiDeliveryStatus,
  apiAttemptOutcome,
  apiDeliveryStatus,
  storedDeliveryStatus,
  WebhookDeliveryConnection,
  WebhookDeliveryStatusEnum,
  WebhookDeliveryType,
} from './webhook-delivery-type';

const toDeliveryType = (delivery: WebhookDelivery): WebhookDeliveryType => ({
  ...delivery,
  id: String(delivery.id),
  status: apiDeliveryStatus(delivery.status),
  attempts: delivery.attempts.map((attempt) => ({
    ...attempt,
    outcome: apiAttemptOutcome(attempt.outcome),
  })),
});

/**
 * A CLIENT key's organisation, whose deliveries alone it reads and resends, even of its own
 * endpoint: one an ADMIN moved to another organisation and back (refused since) holds theirs too.
 */
const clientOrganisation = (principal: Principal | null): string | undefined =>
  principal?.role === Role.CLIENT ? principal.organisationId : undefined;

/** Delivery history of an endpoint, resending and recovery. */
@Resolver()
export class WebhookDeliveryResolver {
  constructor(private readonly deps: ApiDependencies) {}

  private get webhooks() {
    return webhookApiOf(this.deps);
  }

  @Authorized(WEBHOOK_MANAGERS)
  @Query(() => WebhookDeliveryConnection, {
    description:
      "The endpoint's deliveries, newest first, each with every attempt; also a deleted endpoint's (its waiting ones CANCELLED by the deletion).",
  })
  webhookDeliveries(
    @Arg('subscriptionId', () => ID) subscriptionId: string,
    @Arg('status', () => WebhookDeliveryStatusEnum, { nullable: true })
    status: ApiDeliveryStatus | null | undefined,
    @ConnectionArguments() args: ConnectionArgs,
    @Ctx() { principal }: RequestContext,
  ): Connection<WebhookDeliveryType> {
    manageableSubscription(this.webhooks.subscriptions, principal, subscriptionId, {
      deleted: true,
    });
    const request = pageRequest(args, { name: 'webhookDeliveries', arity: 1 });
    const key = request.after?.[0];
    const after = typeof key === 'number' && Number.isSafeInteger(key) && key > 0 ? key : undefined;
    if (request.after !== undefined && after === undefined) {
      throw new BadUserInputError('after', 'after is not a cursor returned by webhookDeliveries');
    }
    const organisationId = clientOrganisation(principal);
    const page = (first: number, from: number | undefined) =>
      this.webhooks.deliveries.list(subscriptionId, {
        first,
        ...(status ? { status: storedDeliveryStatus(status) } : {}),
        ...(from === undefined ? {} : { after: from }),
        ...(organisationId === undefined ? {} : { organisationId }),
      });
    const rows = request.limit === 0 ? [] : page(request.limit, after);
    const hasNextPage =
      rows.length === request.limit && page(1, rows.at(-1)?.id ?? after).length > 0;
    const edges = rows.map((row) => ({
      node: toDeliveryType(row),
      cursor: encodeCursor(request.list, [row.id]),
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage,
        hasPreviousPage: request.after !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @Authorized(WEBHOOK_MANAGERS)
  @Mutation(() => WebhookDeliveryType, {
    description:
      'Sends the delivery again now (once an attempt of it in flight is answered, a `Retry-After` pause of its endpoint is over, and a disabled endpoint is enabled), with its original `webhook-id`, on a fresh retry schedule. A delivery of a deleted endpoint is not sent: NOT_FOUND, saying when the endpoint was deleted.',
  })
  resendWebhookDelivery(
    @Arg('id', () => ID) id: string,
    @Ctx() { principal }: RequestContext,
  ): WebhookDeliveryType {
    const delivery = this.delivery(id, principal);
    return toDeliveryType(webhookCall(() => this.webhooks.deliveries.resend(delivery.id)));
  }

  @Authorized(WEBHOOK_MANAGERS)
  @Mutation(() => Int, {
    description:
      'Sends again every FAILED delivery of the endpoint created at or after `since` that its event types and organisation still match (same `webhook-id`s), as `resendWebhookDelivery` does; answers how many. For a deleted endpoint nothing is sent: NOT_FOUND, saying when the endpoint was deleted.',
  })
  recoverWebhookDeliveries(
    @Arg('subscriptionId', () => ID) subscriptionId: string,
    @Arg('since', () => DateTimeScalar) since: Date,
    @Ctx() { principal }: RequestContext,
  ): number {
    manageableSubscription(this.webhooks.subscriptions, principal, subscriptionId, {
      deleted: true,
    });
    return webhookCall(() => this.webhooks.deliveries.recover(subscriptionId, since));
  }

  /**
   * The delivery, once the caller may manage its endpoint, deleted or not (as `webhookDeliveries`
   * lists it). Unknown: NOT_FOUND; for a CLIENT key, unknown or of another organisation's endpoint:
   * FORBIDDEN, with one message for both, so that the sequential ids tell it neither which
   * deliveries exist nor whose endpoints they went to.
   */
  private delivery(id: string, principal: Principal | null): WebhookDelivery {
    const notFound =
      principal?.role === Role.CLIENT
        ? new ForbiddenError(`no webhook delivery ${id} in the organisation of this CLIENT key`)
        : new NotFoundError('WebhookDelivery', id);
    if (!/^[1-9]\d{0,15}$/.test(id)) throw notFound;
    let delivery: WebhookDelivery;
    try {
      delivery = this.webhooks.deliveries.get(Number(id));
    } catch (error) {
      throw error instanceof UnknownWebhookDeliveryError ? notFound : error;
    }
    try {
      manageableSubscription(this.webhooks.subscriptions, principal, delivery.subscriptionId, {
        deleted: true,
      });
    } catch (error) {
      throw error instanceof ForbiddenError ? notFound : error;
    }
    const organisationId = clientOrganisation(principal);
    if (organisationId !== undefined && delivery.organisationId !== organisationId) {
      throw notFound;
    }
    return delivery;
  }
}
