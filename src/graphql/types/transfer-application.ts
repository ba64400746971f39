import { Field, Int, ObjectType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';

@ObjectType({ description: "Where the issuing CB's surveillance programme stands (IAF MD 2)." })
export class SurveillanceProgramme {
  @Field(() => Int, { description: 'Surveillance audits of the cycle the issuing CB completed.' })
  completedSurveillances!: number;

  @Field(() => CalendarDateScalar, { nullable: true })
  lastSurveillanceLastDay!: CalendarDate | null;
}

@ObjectType({
  description: 'The certificate of another CB a TRANSFER cycle applies to take over (IAF MD 2).',
})
export class TransferApplication {
  @Field(() => String)
  previousCertificationBody!: string;

  @Field(() => String)
  previousCertificateNumber!: string;

  @Field(() => CalendarDateScalar)
  previousCycleDecisionDate!: CalendarDate;

  @Field(() => CalendarDateScalar, {
    description: 'When the client was first certified, by any CB.',
  })
  originalCertificationDate!: CalendarDate;

  @Field(() => CalendarDateScalar, {
    description: "The previous certificate's expiry, as applied for (before any transition cap).",
  })
  certificateExpiryDate!: CalendarDate;

  @Field(() => SurveillanceProgramme)
  surveillanceProgramme!: SurveillanceProgramme;
}
