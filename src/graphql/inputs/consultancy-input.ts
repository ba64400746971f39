import { IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';

@InputType({ description: 'Consultancy on the management system (ISO/IEC 17021-1 5.2.7).' })
export class ConsultancyInput {
  @Field(() => Boolean)
  used!: boolean;

  @Field(() => Boolean, { description: 'Given by a body related to the certification body.' })
  relatedToCertificationBody!: boolean;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Null while it goes on.' })
  @IsOptional()
  endedOn?: CalendarDate | null;
}
