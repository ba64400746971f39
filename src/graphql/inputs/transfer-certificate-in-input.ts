import { IsOptional, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { ApplicationScopeInput } from './application-scope-input';
import { IsIdentifier, IsList, IsText } from './input-rules';
import { MAX_LENGTH } from './max-length';
import { StandardReferenceInput } from './standard-reference-input';
import { SurveillanceProgrammeInput } from './surveillance-programme-input';

@InputType({
  description: 'A transfer application for a certificate issued by another CB (IAF MD 2).',
})
export class TransferCertificateInInput {
  @Field(() => ID, { nullable: true, description: 'The new audit cycle; generated when left out.' })
  @IsOptional()
  @IsIdentifier()
  auditCycleId?: string;

  @Field(() => ID)
  @IsIdentifier()
  organisationId!: string;

  @Field(() => ID, { nullable: true, description: 'Our certificate id; generated when left out.' })
  @IsOptional()
  @IsIdentifier()
  certificateId?: string;

  @Field(() => StandardReferenceInput)
  @ValidateNested()
  standard!: StandardReferenceInput;

  @Field(() => ApplicationScopeInput)
  @ValidateNested()
  scope!: ApplicationScopeInput;

  @Field(() => [ID])
  @IsList({ nonEmpty: true })
  @IsIdentifier({ list: true })
  sites!: string[];

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Default: today.' })
  @IsOptional()
  submittedOn?: CalendarDate;

  @Field(() => String)
  @IsText(MAX_LENGTH.name)
  previousCertificationBody!: string;

  @Field(() => String)
  @IsText(MAX_LENGTH.name)
  previousCertificateNumber!: string;

  @Field(() => CalendarDateScalar)
  previousCycleDecisionDate!: CalendarDate;

  @Field(() => CalendarDateScalar, {
    nullable: true,
    description:
      'When the client was first certified, by any CB (printed on the certificate); default: previousCycleDecisionDate.',
  })
  @IsOptional()
  originalCertificationDate?: CalendarDate;

  @Field(() => CalendarDateScalar, {
    description:
      "The previous certificate's expiry: not before submittedOn, since an expired certificate is not transferred (IAF MD 2).",
  })
  certificateExpiryDate!: CalendarDate;

  @Field(() => SurveillanceProgrammeInput)
  @ValidateNested()
  surveillanceProgramme!: SurveillanceProgrammeInput;
}
