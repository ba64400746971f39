import { IsOptional, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { ApplicationScopeInput } from './application-scope-input';
import { IsIdentifier, IsList } from './input-rules';
import { StandardReferenceInput } from './standard-reference-input';

@InputType({ description: 'A recertification application; left-out fields keep the current ones.' })
export class StartRecertificationInput {
  @Field(() => ID)
  @IsIdentifier()
  certificateId!: string;

  @Field(() => ID, { nullable: true, description: 'The new audit cycle; generated when left out.' })
  @IsOptional()
  @IsIdentifier()
  auditCycleId?: string;

  @Field(() => StandardReferenceInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  standard?: StandardReferenceInput;

  @Field(() => ApplicationScopeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  scope?: ApplicationScopeInput;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsList({ nonEmpty: true })
  @IsIdentifier({ list: true })
  sites?: string[];

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Default: today.' })
  @IsOptional()
  submittedOn?: CalendarDate;
}
