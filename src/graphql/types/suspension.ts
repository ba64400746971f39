import { Field, ObjectType } from 'type-graphql';
import type { CalendarDate, SuspensionGrounds, SuspensionRecord } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { SuspensionGroundsEnum } from './enums';

@ObjectType({ description: 'A suspension of a certificate, open or ended.', simpleResolvers: true })
export class Suspension {
  @Field(() => SuspensionGroundsEnum)
  grounds!: SuspensionGrounds;

  @Field(() => String)
  details!: string;

  @Field(() => CalendarDateScalar)
  suspendedOn!: CalendarDate;

  @Field(() => CalendarDateScalar, { description: 'Reinstate or withdraw by this date.' })
  limitDate!: CalendarDate;

  @Field(() => Boolean)
  ownFault!: boolean;

  @Field(() => CalendarDateScalar, { nullable: true })
  endedOn!: CalendarDate | null;

  @Field(() => String, { nullable: true, description: 'REINSTATED, WITHDRAWN or EXPIRED.' })
  endedBy!: string | null;
}

export const toSuspensionType = (record: SuspensionRecord): Suspension =>
  Object.assign(new Suspension(), { ...record });
