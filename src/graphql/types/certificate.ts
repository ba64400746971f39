import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { CalendarDate, PolicyProfile, RecordedStatus } from '../../domain';
import type { CertificateView } from '../../projections';
import { CalendarDateScalar } from '../scalars';
import { CertificateSite, toCertificateSiteTypes } from './certificate-site';
import { PolicyProfileEnum, RecordedStatusEnum } from './enums';
import { StandardType, toStandardType } from './standard';
import { StatusPeriod, toStatusPeriodType } from './status-period';
import { Suspension, toSuspensionType } from './suspension';
import { Transfer } from './transfer';
import { Withdrawal } from './withdrawal';
import { ORIGINAL_CERTIFICATION_DATE } from './original-certification-date';

/**
 * `simpleResolvers` (here and on the objects a certificate holds): the executor reads these fields
 * as properties, without type-graphql's resolver around each, which only applies middlewares and
 * `@Authorized`, and none is set on them. Fields with a resolver of their own (`status`, …) keep it.
 */
@ObjectType({
  description:
    'A certificate: its latest revision that takes effect (which may be after today: ' +
    '`effectiveDate`; one due after the withdrawal, or on its day while an earlier revision was in force, never does and is in `revisions` only), ' +
    'dates and status history, wherever it is reached (a node of `certificates(asOf: …)` too). ' +
    'Status on any date: `status(asOf)` (without `asOf`, today, wherever the certificate is reached); the revision in force on a date: `revisionOn(date)`; every revision: `revisions`.',
  simpleResolvers: true,
})
export class Certificate {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field(() => String)
  number!: string;

  @Field(() => Int)
  revision!: number;

  @Field(() => String, { description: 'As printed, e.g. `CN-20000-00042/R2`.' })
  numberWithRevision!: string;

  @Field(() => RecordedStatusEnum)
  recordedStatus!: RecordedStatus;

  @Field(() => StandardType)
  standard!: StandardType;

  @Field(() => String)
  scope!: string;

  @Field(() => [CertificateSite])
  sites!: CertificateSite[];

  @Field(() => String)
  organisationName!: string;

  @Field(() => String)
  organisationLocation!: string;

  @Field(() => String)
  certificationBodyName!: string;

  @Field(() => CalendarDateScalar, { description: ORIGINAL_CERTIFICATION_DATE })
  originalCertificationDate!: CalendarDate;

  @Field(() => CalendarDateScalar)
  decisionDate!: CalendarDate;

  @Field(() => CalendarDateScalar)
  effectiveDate!: CalendarDate;

  @Field(() => CalendarDateScalar)
  expiryDate!: CalendarDate;

  @Field(() => CalendarDateScalar, {
    description:
      'Decision date of the current cycle (`currentAuditCycle`). A cycle begins at its decision, so a renewal decided before the withdrawal began one even though its revision never takes effect.',
  })
  cycleDecisionDate!: CalendarDate;

  @Field(() => ID)
  currentAuditCycleId!: string;

  @Field(() => PolicyProfileEnum)
  policyProfile!: PolicyProfile;

  @Field(() => [Suspension])
  suspensions!: Suspension[];

  @Field(() => Withdrawal, { nullable: true })
  withdrawal!: Withdrawal | null;

  @Field(() => Transfer, { nullable: true })
  transfer!: Transfer | null;

  @Field(() => [StatusPeriod])
  statusPeriods!: StatusPeriod[];

  @Field(() => Int, { description: 'Stream version: the `expectedVersion` of the next change.' })
  version!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Null: `revisionOfNumber(number)` answers the revision a number names.',
    deprecationReason:
      'It answered the number `certificateByNumber` was asked, so one certificate had a value per query that reached it, of which a client cache keeps one: ask `revisionOfNumber(number: $number)` with the same number.',
  })
  requestedRevision!: null;
}

export const toCertificateType = (view: CertificateView): Certificate =>
  Object.assign(new Certificate(), {
    id: view.certificateId,
    organisationId: view.organisationId,
    number: view.number,
    revision: view.revision,
    numberWithRevision: view.numberWithRevision,
    recordedStatus: view.recordedStatus,
    standard: toStandardType(view.standard),
    scope: view.scope,
    sites: toCertificateSiteTypes(view.certificateId, view.revision, view.sites),
    organisationName: view.organisationName,
    organisationLocation: view.organisationLocation,
    certificationBodyName: view.certificationBodyName,
    originalCertificationDate: view.originalCertificationDate,
    decisionDate: view.decisionDate,
    effectiveDate: view.effectiveDate,
    expiryDate: view.expiryDate,
    cycleDecisionDate: view.cycleDecisionDate,
    currentAuditCycleId: view.currentAuditCycleId,
    policyProfile: view.policyProfile,
    suspensions: view.suspensions.map(toSuspensionType),
    withdrawal: view.withdrawal && Object.assign(new Withdrawal(), view.withdrawal),
    transfer: view.transfer && Object.assign(new Transfer(), view.transfer),
    statusPeriods: view.statusPeriods.map(toStatusPeriodType),
    version: view.version,
    requestedRevision: null,
  });
