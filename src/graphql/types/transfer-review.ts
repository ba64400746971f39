import { Field, ID, ObjectType } from 'type-graphql';
import type { CalendarDate, NonconformityGrade, PreviousCertificateStatus } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { NonconformityGradeEnum, PreviousCertificateStatusEnum } from './enums';
import { HIDDEN_FROM_CLIENTS, InternalToStaff } from '../auth';

@ObjectType({ description: 'A nonconformity still open at the issuing CB.' })
export class OutstandingNonconformity {
  @Field(() => String)
  reference!: string;

  @Field(() => NonconformityGradeEnum)
  grade!: NonconformityGrade;

  @Field(() => String)
  description!: string;
}

@ObjectType({ description: 'The pre-transfer review (IAF MD 2) a transfer is decided on.' })
export class TransferReview {
  @Field(() => CalendarDateScalar)
  reviewedOn!: CalendarDate;

  @Field(() => ID, { nullable: true, description: HIDDEN_FROM_CLIENTS })
  @InternalToStaff()
  reviewedBy!: string;

  @Field(() => PreviousCertificateStatusEnum)
  certificateStatus!: PreviousCertificateStatus;

  @Field(() => Boolean, { description: 'Covered by an IAF MLA accreditation.' })
  accredited!: boolean;

  @Field(() => [String])
  reasonsForTransfer!: string[];

  @Field(() => [OutstandingNonconformity])
  outstandingNonconformities!: OutstandingNonconformity[];

  @Field(() => [String], { description: 'The last certification and surveillance reports.' })
  lastReports!: string[];

  @Field(() => [String])
  complaints!: string[];
}
