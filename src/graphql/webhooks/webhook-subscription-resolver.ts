import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { WEBHOOK_EVENT_TYPES } from '../../webhooks/events';
import type { ApiDependencies } from '../api-dependencies';
import { type RequestContext, Role } from '../auth';
import { CreateWebhookSubscriptionInput } from './create-webhook-subscription-input';
import { UpdateWebhookSubscriptionInput } from './update-webhook-subscription-input';
import { organisationFilter } from '../queries/read-access';
import { webhookCall } from './webhook-api-error';
import {
  endpointOrganisation,
  manageableSubscription,
  requireClientEndpointStays,
  WEBHOOK_MANAGERS,
  webhookApiOf,
} from './webhook-access';
import {
  WebhookSubscriptionType,
  WebhookSubscriptionWithSecret,
} from './webhook-subscription-type';

const given = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

/** Webhook endpoints: ADMIN manages all, a CLIENT key its own organisation's. */
@Resolver()
export class WebhookSubscriptionResolver {
  constructor(private readonly deps: ApiDependencies) {}

  private get subscriptions() {
    return webhookApiOf(this.deps).subscriptions;
  }

  @Authorized(WEBHOOK_MANAGERS)
  @Query(() => [String], { description: 'Every event type an endpoint can subscribe to.' })
  webhookEventTypes(): string[] {
    return [...WEBHOOK_EVENT_TYPES];
  }

  @Authorized(WEBHOOK_MANAGERS)
  @Query(() => [WebhookSubscriptionType], {
    description:
      "Endpoints (never with their secrets); a CLIENT key sees those its own organisation's CLIENT keys made. An `organisationId` that is not registered is NOT_FOUND (`field` organisationId).",
  })
  webhookSubscriptions(
    @Arg('organisationId', () => ID, { nullable: true }) organisationId: string | null,
    @Ctx() { principal }: RequestContext,
  ): WebhookSubscriptionType[] {
    const scope = organisationFilter(this.deps, principal, organisationId);
    if (principal?.role === Role.CLIENT && scope !== undefined) {
      return this.subscriptions.list({ organisationId: scope, clientManaged: true });
    }
    return this.subscriptions.list(scope === undefined ? {} : { organisationId: scope });
  }

  @Authorized(WEBHOOK_MANAGERS)
  @Query(() => WebhookSubscriptionType, { description: 'One endpoint, never with its secret.' })
  webhookSubscription(
    @Arg('id', () => ID) id: string,
    @Ctx() { principal }: RequestContext,
  ): WebhookSubscriptionType {
    return manageableSubscription(this.subscriptions, principal, id);
  }

  @Authorized(WEBHOOK_MANAGERS)
  @Mutation(() => WebhookSubscriptionWithSecret, {
    description:
      'Registers an endpoint and answers its signing secret: the only time the secret is shown.',
  })
  createWebhookSubscription(
    @Arg('input', () => CreateWebhookSubscriptionInput) input: CreateWebhookSubscriptionInput,
    @Ctx() { principal }: RequestContext,
  ): WebhookSubscriptionWithSecret {
    const organisationId = endpointOrganisation(this.deps, principal, input.organisationId, true);
    return webhookCall(() =>
      this.subscriptions.create({
        url: input.url,
        eventTypes: input.eventTypes,
        organisationId: organisationId ?? null,
        description: input.description,
        clientManaged: principal?.role === Role.CLIENT,
      }),
    );
  }

  @Authorized(WEBHOOK_MANAGERS)
  @Mutation(() => WebhookSubscriptionType, {
    description:
      'Changes the given fields only; waiting deliveries the narrowed endpoint no longer matches are CANCELLED (with the reason), and an attempt of one in flight is still recorded when answered.',
  })
  updateWebhookSubscription(
    @Arg('input', () => UpdateWebhookSubscriptionInput) input: UpdateWebhookSubscriptionInput,
    @Ctx() { principal }: RequestContext,
  ): WebhookSubscriptionType {
    const subscription = manageableSubscription(this.subscriptions, principal, input.id);
    const organisationId = endpointOrganisation(this.deps, principal, input.organisationId, false);
    requireClientEndpointStays(subscription, organisationId);
    return webhookCall(() =>
      this.subscriptions.update(input.id, {
        url: given(input.url),
        eventTypes: given(input.eventTypes),
        organisationId,
        description: given(input.description),
      }),
    );
  }

  @Authorized(WEBHOOK_MANAGERS)
  @Mutation(() => WebhookSubscriptionType, {
    description: 'Stops sending to the endpoint; its deliveries wait until it is enabled again.',
  })
  disableWebhookSubscription(
    @Arg('id', () => ID) id: string,
    @Ctx() { principal }: RequestContext,
  ): WebhookSubscriptionType {
    manageableSubscription(this.subscriptions, principal, id);
    return webhookCall(() => this.subscriptions.disable(id));
  }

  @Authorized(WEBHOOK_MANAGERS)
  @Mutation(() => WebhookSubscriptionType, {
    description:
      'Sends to the endpoint again, waiting deliveries first; its failure clock restarts and a `Retry-After` pause ends.',
  })
  enableWebhookSubscription(
    @Arg('id', () => ID) id: string,
    @Ctx() { principal }: RequestContext,
  ): WebhookSubscriptionType {
    manageableSubscription(this.subscriptions, principal, id);
    return webhookCall(() => this.subscriptions.enable(id));
  }

  @Authorized(WEBHOOK_MANAGERS)
  @Mutation(() => WebhookSubscriptionWithSecret, {
    description:
      'A new signing secret, shown once; the previous one keeps co-signing for 24 hours.',
  })
  rotateWebhookSecret(
    @Arg('id', () => ID) id: string,
    @Ctx() { principal }: RequestContext,
  ): WebhookSubscriptionWithSecret {
    manageableSubscription(this.subscriptions, principal, id);
    return webhookCall(() => this.subscriptions.rotateSecret(id));
  }

  @Authorized(WEBHOOK_MANAGERS)
  @Mutation(() => Boolean, {
    description:
      'Deletes the endpoint and its secret: nothing more is sent to it. Its waiting deliveries are CANCELLED (`the endpoint was deleted`), an attempt of one in flight is still recorded when answered, and `webhookDeliveries` keeps reading its history.',
  })
  deleteWebhookSubscription(
    @Arg('id', () => ID) id: string,
    @Ctx() { principal }: RequestContext,
  ): boolean {
    manageableSubscription(this.subscriptions, principal, id);
    webhookCall(() => this.subscriptions.delete(id));
    return true;
  }
}
