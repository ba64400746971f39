import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { IsIdentifier, IsList } from './input-rules';

@InputType({ description: "The audit's actual days; team, lead and sites default to the plan's." })
export class CompleteAuditInput {
  @Field(() => ID)
  @IsIdentifier()
  auditCycleId!: string;

  @Field(() => ID)
  @IsIdentifier()
  auditId!: string;

  @Field(() => CalendarDateScalar)
  firstDay!: CalendarDate;

  @Field(() => CalendarDateScalar)
  lastDay!: CalendarDate;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsIdentifier()
  leadAuditorId?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsList({ nonEmpty: true })
  @IsIdentifier({ list: true })
  team?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsList({ nonEmpty: true })
  @IsIdentifier({ list: true })
  sites?: string[];
}
