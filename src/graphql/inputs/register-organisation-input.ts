import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { IsCountryCode, IsIdentifier, IsText } from './input-rules';
import { MAX_LENGTH } from './max-length';

@InputType({ description: 'A client organisation the CB will certify.' })
export class RegisterOrganisationInput {
  @Field(() => ID, { nullable: true, description: 'Generated when left out.' })
  @IsOptional()
  @IsIdentifier()
  organisationId?: string;

  @Field(() => String)
  @IsText(MAX_LENGTH.name)
  legalName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Business licence (legal registration) number; null while unknown.',
  })
  @IsOptional()
  @IsText(MAX_LENGTH.registrationNumber)
  registrationNumber?: string | null;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2, upper case (e.g. CN).' })
  @IsCountryCode()
  country!: string;

  @Field(() => String)
  @IsText(MAX_LENGTH.address)
  address!: string;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Default: today.' })
  @IsOptional()
  registeredOn?: CalendarDate;
}
