import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { CalendarDate, CertificateStatus } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { CertificateStatusEnum } from '../types';

/** The pubSub topic; payloads are published with the organisation id as topic id. */
export const CERTIFICATE_STATUS_CHANGED = 'CERTIFICATE_STATUS_CHANGED';

@ObjectType({ description: 'A certificate changed status (as recorded in the event log).' })
export class CertificateStatusChange {
  @Field(() => ID)
  certificateId!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field(() => String)
  number!: string;

  @Field(() => CertificateStatusEnum)
  status!: CertificateStatus;

  @Field(() => CertificateStatusEnum, {
    nullable: true,
    description: 'Null when the certificate was issued or transferred in.',
  })
  previousStatus?: CertificateStatus | null;

  @Field(() => CalendarDateScalar, { description: 'The day the new status takes effect.' })
  changedOn!: CalendarDate;

  @Field(() => Int, { description: "The certificate's version after the change." })
  version!: number;
}
