import { Field, ID, Int, ObjectType } from 'type-graphql';
import type {
  CalendarDate,
  CertificateRevision as CertificateRevisionView,
  RevisionCause,
} from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { CertificateSite, toCertificateSiteTypes } from './certificate-site';
import { RevisionCauseEnum } from './enums';
import { StandardType, toStandardType } from './standard';

@ObjectType({ description: 'One printed revision of a certificate.' })
export class CertificateRevision {
  @Field(() => Int)
  revision!: number;

  @Field(() => RevisionCauseEnum)
  cause!: RevisionCause;

  @Field(() => ID)
  auditCycleId!: string;

  @Field(() => StandardType)
  standard!: StandardType;

  @Field(() => String)
  scope!: string;

  @Field(() => [CertificateSite])
  sites!: CertificateSite[];

  @Field(() => CalendarDateScalar)
  decisionDate!: CalendarDate;

  @Field(() => CalendarDateScalar)
  effectiveDate!: CalendarDate;

  @Field(() => CalendarDateScalar)
  expiryDate!: CalendarDate;
}

export const toCertificateRevisionType = (
  certificateId: string,
  view: CertificateRevisionView,
): CertificateRevision =>
  Object.assign(new CertificateRevision(), {
    revision: view.revision,
    cause: view.cause,
    auditCycleId: view.auditCycleId,
    standard: toStandardType(view.standard),
    scope: view.scope,
    sites: toCertificateSiteTypes(certificateId, view.revision, view.sites),
    decisionDate: view.decisionDate,
    effectiveDate: view.effectiveDate,
    expiryDate: view.expiryDate,
  });
