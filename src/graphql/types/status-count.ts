import { Field, Int, ObjectType } from 'type-graphql';
import type { CertificateStatus } from '../../domain';
import { CertificateStatusEnum } from './enums';

@ObjectType({ description: 'How many certificates have a status on the as-of date.' })
export class StatusCount {
  @Field(() => CertificateStatusEnum)
  status!: CertificateStatus;

  @Field(() => Int)
  count!: number;
}
