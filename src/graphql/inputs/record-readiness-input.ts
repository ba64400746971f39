import { IsOptional, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { AdministrativePenaltyInput } from './administrative-penalty-input';
import { ConsultancyInput } from './consultancy-input';
import { IsIdentifier } from './input-rules';

@InputType({
  description: 'Readiness facts the organisation reported; fields left out are unchanged.',
})
export class RecordReadinessInput {
  @Field(() => ID)
  @IsIdentifier()
  organisationId!: string;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Default: today.' })
  @IsOptional()
  recordedOn?: CalendarDate;

  @Field(() => CalendarDateScalar, { nullable: true })
  @IsOptional()
  managementSystemOperatingSince?: CalendarDate;

  @Field(() => CalendarDateScalar, { nullable: true })
  @IsOptional()
  lastInternalAuditCompletedOn?: CalendarDate;

  @Field(() => CalendarDateScalar, { nullable: true })
  @IsOptional()
  lastManagementReviewCompletedOn?: CalendarDate;

  @Field(() => AdministrativePenaltyInput, {
    nullable: true,
    description: 'A penalty imposed on the organisation, added to those recorded.',
  })
  @IsOptional()
  @ValidateNested()
  administrativePenalty?: AdministrativePenaltyInput;

  @Field(() => ConsultancyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  consultancy?: ConsultancyInput;
}
