import { IsOptional, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { ApplicationScopeInput } from './application-scope-input';
import { IsIdentifier, IsList } from './input-rules';
import { StandardReferenceInput } from './standard-reference-input';

@InputType({ description: 'An initial application for certification (ISO/IEC 17021-1 9.1.1).' })
export class SubmitApplicationInput {
  @Field(() => ID, { nullable: true, description: 'The new audit cycle; generated when left out.' })
  @IsOptional()
  @IsIdentifier()
  auditCycleId?: string;

  @Field(() => ID)
  @IsIdentifier()
  organisationId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The id the certificate will get when granted; generated when left out.',
  })
  @IsOptional()
  @IsIdentifier()
  certificateId?: string;

  @Field(() => StandardReferenceInput)
  @ValidateNested()
  standard!: StandardReferenceInput;

  @Field(() => ApplicationScopeInput)
  @ValidateNested()
  scope!: ApplicationScopeInput;

  @Field(() => [ID], { description: 'Current sites of the organisation.' })
  @IsList({ nonEmpty: true })
  @IsIdentifier({ list: true })
  sites!: string[];

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Default: today.' })
  @IsOptional()
  submittedOn?: CalendarDate;

  @Field(() => ID, {
    nullable: true,
    description:
      "The organisation's former certificate to the same standard, expired and past its " +
      'restoration window: the new certification may then start at stage 2 (17021-1 9.6.3).',
  })
  @IsOptional()
  @IsIdentifier()
  formerCertificateId?: string;
}
