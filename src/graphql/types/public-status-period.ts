import { Field, ObjectType } from 'type-graphql';
import type { CalendarDate, CertificateStatus } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { CertificateStatusEnum } from './enums';

@ObjectType({ description: 'A status period of the public register.' })
export class PublicStatusPeriod {
  @Field(() => CertificateStatusEnum)
  status!: CertificateStatus;

  @Field(() => CalendarDateScalar)
  from!: CalendarDate;

  @Field(() => CalendarDateScalar, {
    nullable: true,
    description: 'Null: in force on the as-of date, and runs on as far as that date tells.',
  })
  to!: CalendarDate | null;
}
