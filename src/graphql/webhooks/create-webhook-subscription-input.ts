import { IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsIdentifier, IsList } from '../inputs/input-rules';

@InputType()
export class CreateWebhookSubscriptionInput {
  @Field(() => String, { description: 'https (http only when the service allows it).' })
  @Length(1, 2048)
  url!: string;

  @Field(() => [String], {
    description:
      'Dot-separated event types, e.g. `certificate.suspended`, `surveillance_audit.due` (see `webhookEventTypes`).',
  })
  @IsList({ nonEmpty: true })
  eventTypes!: string[];

  @Field(() => ID, {
    nullable: true,
    description: "Only this organisation's events (a CLIENT key: always its own). Null: all.",
  })
  @IsOptional()
  @IsIdentifier()
  organisationId?: string | null;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(500)
  description!: string;
}
