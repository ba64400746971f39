import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate, CertificateStatus } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { CertificateStatusEnum } from '../types';

@InputType({ description: 'Which certificates to list; every field given must match.' })
export class CertificateFilterInput {
  @Field(() => CertificateStatusEnum, {
    nullable: true,
    description:
      'Status on the list’s `asOf` date (default: today); DRAFT: decided on or before it, first effective after it.',
  })
  status?: CertificateStatus | null;

  @Field(() => String, {
    nullable: true,
    description:
      '`ISO/IEC 20000-1` (any version) or `ISO/IEC 20000-1:2018`, from the standards catalog, in any case, width or spacing (` iso/iec 20000-1 : 2018 `); another is BAD_USER_INPUT naming the closest catalog entries. Of the revision in force on the list’s `asOf` (default: today).',
  })
  standard?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'One that is not registered is NOT_FOUND (`field` organisationId).',
  })
  organisationId?: string | null;

  @Field(() => CalendarDateScalar, {
    nullable: true,
    description:
      '`expiryDate` strictly before this date: of the revision in force on the list’s `asOf` (default: today).',
  })
  expiringBefore?: CalendarDate | null;
}
