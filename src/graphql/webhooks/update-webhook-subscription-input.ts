import { IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsIdentifier, IsList } from '../inputs/input-rules';

/** Fields left out keep their value. */
@InputType()
export class UpdateWebhookSubscriptionInput {
  @Field(() => ID)
  @IsIdentifier()
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2048)
  url?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsList({ nonEmpty: true })
  eventTypes?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'A CLIENT key cannot move an endpoint to another organisation, nor can an ADMIN key move one a CLIENT key made (BAD_USER_INPUT): it stays with its organisation.',
  })
  @IsOptional()
  @IsIdentifier()
  organisationId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;
}
