import { IsOptional, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { IsIdentifier, IsList, IsText } from './input-rules';
import { MAX_LENGTH } from './max-length';
import { SiteScopeInput } from './site-scope-input';

@InputType({
  description: "The revised certificate's full scope (a new revision, same cycle and expiry).",
})
export class ChangeScopeInput {
  @Field(() => ID)
  @IsIdentifier()
  certificateId!: string;

  @Field(() => String)
  @IsText(MAX_LENGTH.text)
  scope!: string;

  @Field(() => [SiteScopeInput], {
    nullable: true,
    description: "Default: the certificate's sites, each with the new scope text.",
  })
  @IsOptional()
  @IsList({ nonEmpty: true })
  @ValidateNested({ each: true })
  sites?: SiteScopeInput[];

  @Field(() => CalendarDateScalar)
  decisionDate!: CalendarDate;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Default: the decision date.' })
  @IsOptional()
  effectiveDate?: CalendarDate;
}
