import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { IsCountryCode, IsIdentifier, IsText } from './input-rules';
import { MAX_LENGTH } from './max-length';

@InputType({ description: 'Changed details only; fields left out keep their value.' })
export class UpdateOrganisationInput {
  @Field(() => ID)
  @IsIdentifier()
  organisationId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(MAX_LENGTH.name)
  legalName?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Explicit null records that the number is not known.',
  })
  @IsOptional()
  @IsText(MAX_LENGTH.registrationNumber)
  registrationNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(MAX_LENGTH.address)
  address?: string;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Default: today.' })
  @IsOptional()
  updatedOn?: CalendarDate;
}
