import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { DeliveryAttemptOutcome, DeliveryStatus } from '../../webhooks/deliveries';
import { connectionTypes } from '../pagination';
import { DateTimeScalar } from '../scalars';
import { graphqlEnum } from '../types';

export type ApiDeliveryStatus = Uppercase<DeliveryStatus>;

/** Values equal to their names, as the compiled executor's variable coercion needs. */
export const WebhookDeliveryStatusEnum = {
  PENDING: 'PENDING',
  DELIVERED: 'DELIVERED',
  FAILED: 'FAILED',
  CANCELLED: 'CANCELLED',
} as const satisfies { [Status in ApiDeliveryStatus]: Status };

/** A delivery status as the API names it. */
export const apiDeliveryStatus = (status: DeliveryStatus): ApiDeliveryStatus =>
  status.toUpperCase() as ApiDeliveryStatus;

/** A delivery status the API was given, as the webhook tables name it. */
export const storedDeliveryStatus = (status: ApiDeliveryStatus): DeliveryStatus =>
  status.toLowerCase() as DeliveryStatus;

registerEnumType(WebhookDeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description:
    'PENDING: waiting for its next attempt; DELIVERED: a 2xx came; FAILED: given up; CANCELLED: the endpoint was narrowed (`updateWebhookSubscription`) to no longer take it, or deleted, and it is not attempted again.',
});

export type ApiAttemptOutcome = Uppercase<DeliveryAttemptOutcome>;

export const WebhookAttemptOutcomeEnum = graphqlEnum(
  'WebhookAttemptOutcome',
  ['ANSWERED', 'NO_ANSWER', 'NOT_SENT', 'UNKNOWN'] as const satisfies readonly ApiAttemptOutcome[],
  'What the receiver got of an attempt. ANSWERED: a response came (`statusCode`). NO_ANSWER: the whole request was sent, but no complete response came within 15 s or the connection closed first: the receiver may have it (`statusCode` null, or the status line of a response whose body did not end in time, which answers nothing). NOT_SENT: the request was not made or not completely sent (connection refused or failed, refused address, unreadable signing secret): the receiver does not have it. UNKNOWN: the service stopped while the attempt was in flight, or the attempt was recorded without an answer before this field existed (2026-11-29): the receiver may have it.',
);

/** An attempt's outcome as the API names it. */
export const apiAttemptOutcome = (outcome: DeliveryAttemptOutcome): ApiAttemptOutcome =>
  outcome.toUpperCase() as ApiAttemptOutcome;

@ObjectType({ description: 'One HTTP attempt of a delivery.' })
export class WebhookDeliveryAttempt {
  @Field(() => DateTimeScalar)
  attemptedAt!: Date;

  @Field(() => Int, {
    nullable: true,
    description:
      'The status line of the response; null when none came. With outcome NO_ANSWER, that of a response whose body did not end in time: it answers nothing (a 2xx so is no success).',
  })
  statusCode!: number | null;

  @Field(() => Int, {
    description:
      'Milliseconds until the response came or the attempt failed; 0 for an attempt that made no request (an unreadable signing secret) and for one whose outcome is UNKNOWN.',
  })
  latencyMs!: number;

  @Field(() => String, { nullable: true, description: 'The first 1024 bytes of the response.' })
  responseBody!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Timeout, refused address, connection error; `no answer recorded: …` for an attempt of a CANCELLED delivery in flight when the service stopped (its outcome unknown: the receiver may have it).',
  })
  error!: string | null;

  @Field(() => Boolean)
  succeeded!: boolean;

  @Field(() => WebhookAttemptOutcomeEnum, {
    description:
      'Whether a response came and, when none did, whether the receiver may have the request.',
  })
  outcome!: ApiAttemptOutcome;
}

@ObjectType('WebhookDelivery', {
  description: 'One event sent to one endpoint, with every attempt.',
})
export class WebhookDeliveryType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    description: 'The `webhook-id` header: the same on every retry and resend.',
  })
  webhookId!: string;

  @Field(() => String)
  eventId!: string;

  @Field(() => ID)
  subscriptionId!: string;

  @Field(() => String)
  eventType!: string;

  @Field(() => String, { description: 'The exact JSON body sent.' })
  payload!: string;

  @Field(() => WebhookDeliveryStatusEnum)
  status!: ApiDeliveryStatus;

  @Field(() => Int, {
    description:
      'Attempts since the delivery was last queued: a resend or a recovery starts it again at 0 (and the retry schedule with it); `attempts` lists every attempt.',
  })
  attemptCount!: number;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When the next attempt is due; null once DELIVERED, FAILED or CANCELLED. While an attempt is in flight, the time after its 15 s timeout when the delivery is sent again should its answer never be recorded (a crash). A disabled endpoint, or one paused by `Retry-After`, holds it later.',
  })
  nextAttemptAt!: Date | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When narrowing or deleting the endpoint cancelled it. An attempt in flight then is still recorded in `attempts`, and a 2xx to it makes the delivery DELIVERED (keeping these two fields); should the service stop before the answer, the attempt is recorded unanswered when it starts again.',
  })
  cancelledAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why it was cancelled: `the endpoint no longer takes <event type>`, `the endpoint takes the events of <organisation> only` or `the endpoint was deleted`.',
  })
  cancelledReason!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When its endpoint (`subscriptionId`) was deleted; null while the endpoint exists. A deleted endpoint is NOT_FOUND everywhere but here, and nothing of its history is sent again.',
  })
  subscriptionDeletedAt!: Date | null;

  @Field(() => [WebhookDeliveryAttempt])
  attempts!: WebhookDeliveryAttempt[];
}

export const { Connection: WebhookDeliveryConnection } = connectionTypes(
  WebhookDeliveryType,
  'WebhookDelivery',
);
