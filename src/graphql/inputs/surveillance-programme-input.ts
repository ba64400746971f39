import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';

@InputType({ description: "Where the previous CB's surveillance programme stands (IAF MD 2)." })
export class SurveillanceProgrammeInput {
  @Field(() => Int, { description: '0, 1 or 2.' })
  @IsInt()
  @Min(0)
  @Max(2)
  completedSurveillances!: 0 | 1 | 2;

  @Field(() => CalendarDateScalar, { nullable: true })
  @IsOptional()
  lastSurveillanceLastDay?: CalendarDate | null;
}
