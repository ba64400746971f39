import { Field, ID, ObjectType } from 'type-graphql';
import type { DisabledReason } from '../../webhooks/subscriptions';
import { DateTimeScalar } from '../scalars';
import { graphqlEnum } from '../types';

export const WebhookDisabledReasonEnum = graphqlEnum(
  'WebhookDisabledReason',
  ['MANUAL', 'GONE', 'FAILING'] as const,
  'Why an endpoint is disabled: by a person, a 410 answer, or five days without a success.',
);

@ObjectType('WebhookSubscription', {
  description: 'An endpoint that receives signed webhooks. Its secret is shown only once.',
})
export class WebhookSubscriptionType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  url!: string;

  @Field(() => [String], { description: 'Event types sent, e.g. `certificate.suspended`.' })
  eventTypes!: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'Only events of this organisation; null: every organisation.',
  })
  organisationId!: string | null;

  @Field(() => String)
  description!: string;

  @Field(() => Boolean)
  enabled!: boolean;

  @Field(() => WebhookDisabledReasonEnum, { nullable: true })
  disabledReason!: DisabledReason | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  lastSuccessAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'First failure since the last success; null while healthy.',
  })
  failingSince!: Date | null;
}

@ObjectType({
  description:
    'An endpoint with its signing secret: answered only by creation and rotation, never again.',
})
export class WebhookSubscriptionWithSecret {
  @Field(() => WebhookSubscriptionType)
  subscription!: WebhookSubscriptionType;

  @Field(() => String, {
    description: '`whsec_` + base64 of 32 random bytes: verify every delivery with it.',
  })
  secret!: string;
}
