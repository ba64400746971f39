import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { IsIdentifier } from './input-rules';

@InputType()
export class RemoveSiteInput {
  @Field(() => ID)
  @IsIdentifier()
  organisationId!: string;

  @Field(() => ID)
  @IsIdentifier()
  siteId!: string;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Default: today.' })
  @IsOptional()
  removedOn?: CalendarDate;
}
