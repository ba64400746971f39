import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { IsCountryCode, IsIdentifier, IsText } from './input-rules';
import { MAX_LENGTH } from './max-length';

@InputType({ description: 'A location of the organisation (IAF MD 1 multi-site).' })
export class AddSiteInput {
  @Field(() => ID)
  @IsIdentifier()
  organisationId!: string;

  @Field(() => ID, { nullable: true, description: 'Generated when left out.' })
  @IsOptional()
  @IsIdentifier()
  siteId?: string;

  @Field(() => String)
  @IsText(MAX_LENGTH.name)
  name!: string;

  @Field(() => String)
  @IsText(MAX_LENGTH.address)
  address!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2, upper case.' })
  @IsCountryCode()
  country!: string;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Default: today.' })
  @IsOptional()
  addedOn?: CalendarDate;
}
