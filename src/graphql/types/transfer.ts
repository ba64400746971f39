import { Field, ObjectType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';

@ObjectType({ description: 'Where a transferred-in certificate came from.', simpleResolvers: true })
export class Transfer {
  @Field(() => String)
  previousCertificationBodyName!: string;

  @Field(() => String)
  previousCertificateNumber!: string;

  @Field(() => CalendarDateScalar)
  transferredOn!: CalendarDate;
}
