import { Field, Int, ObjectType } from 'type-graphql';
import type { CalendarDate, CertificateStatus, RevisionStatus } from '../../domain';
import type { PublicCertificate as PublicCertificateView } from '../../projections';
import { CalendarDateScalar } from '../scalars';
import { CertificateStatusEnum, RevisionStatusEnum } from './enums';
import { PublicSite } from './public-site';
import { PublicStatusPeriod } from './public-status-period';
import { StandardType, toStandardType } from './standard';
import { ORIGINAL_CERTIFICATION_DATE } from './original-certification-date';

@ObjectType({
  description:
    'What anyone may learn about a certificate as of a date: no ids, findings or reasons. ' +
    'Organisation name and location, standard, scope, sites, effective and expiry dates are ' +
    'those of the requested revision.',
})
export class PublicCertificate {
  @Field(() => String)
  number!: string;

  @Field(() => Int, {
    description: 'The revision in force on the as-of date.',
  })
  revision!: number;

  @Field(() => String, {
    description:
      'The number as printed on the revision in force on the as-of date: the document to rely on, which replaced the requested one when `revisionStatus` is SUPERSEDED.',
  })
  numberWithRevisionInForce!: string;

  @Field(() => String, {
    description:
      'The number as printed on the requested revision, e.g. `CN-20000-00042/R2`; the first revision is printed without a suffix.',
  })
  numberWithRevision!: string;

  @Field(() => Int, {
    description:
      'The revision whose document bears the number asked for: the one its suffix names (`…/R2`), else the first, printed without a suffix (`…/R1` names it too).',
  })
  requestedRevision!: number;

  @Field(() => RevisionStatusEnum, {
    description:
      'The requested revision on the as-of date: CURRENT when it is the one in force, SUPERSEDED once a later one has taken effect (`numberWithRevisionInForce`), DRAFT before it takes effect (for ever when a withdrawal means it never does).',
  })
  revisionStatus!: RevisionStatus;

  @Field(() => String)
  organisationName!: string;

  @Field(() => String)
  organisationLocation!: string;

  @Field(() => String)
  certificationBodyName!: string;

  @Field(() => StandardType)
  standard!: StandardType;

  @Field(() => String)
  scope!: string;

  @Field(() => [PublicSite])
  sites!: PublicSite[];

  @Field(() => CalendarDateScalar, { description: ORIGINAL_CERTIFICATION_DATE })
  originalCertificationDate!: CalendarDate;

  @Field(() => CalendarDateScalar)
  effectiveDate!: CalendarDate;

  @Field(() => CalendarDateScalar)
  expiryDate!: CalendarDate;

  @Field(() => CalendarDateScalar)
  asOf!: CalendarDate;

  @Field(() => CertificateStatusEnum)
  status!: CertificateStatus;

  @Field(() => String, { description: 'IAF CertSearch status, e.g. `Active`, `Suspended`.' })
  certSearchStatus!: string;

  @Field(() => Boolean, {
    description:
      'True when the certificate is ACTIVE on the as-of date and the requested revision is the one in force (`revisionStatus` CURRENT): the document of a SUPERSEDED or DRAFT revision is not valid, even while the certificate is (`status`).',
  })
  valid!: boolean;

  @Field(() => [PublicStatusPeriod], {
    description:
      'The status history up to the as-of date, one period per run of a status (a revision taking effect within it does not split it): a period that begins after the as-of date is left out, and the one in force on it runs on (`to` null), so the check tells nothing that came later.',
  })
  statusPeriods!: PublicStatusPeriod[];
}

export const toPublicCertificateType = (view: PublicCertificateView): PublicCertificate =>
  Object.assign(new PublicCertificate(), {
    ...view,
    standard: toStandardType(view.standard),
    sites: view.sites.map((site) => Object.assign(new PublicSite(), site)),
    statusPeriods: view.statusPeriods.map((period) =>
      Object.assign(new PublicStatusPeriod(), period),
    ),
  });
