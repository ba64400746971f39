import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { AuditCycleKind, AuditCycleStatus, CalendarDate, PolicyProfile } from '../../domain';
import type { AuditCycleView } from '../../projections';
import { CalendarDateScalar } from '../scalars';
import { ApplicationReview } from './application-review';
import { ApplicationScope } from './application-scope';
import { CertificationDecision, toCertificationDecisionType } from './certification-decision';
import { AuditCycleKindEnum, AuditCycleStatusEnum, PolicyProfileEnum } from './enums';
import { LapsedCertificate } from './lapsed-certificate';
import { StandardType, toStandardType } from './standard';
import { SurveillanceProgramme, TransferApplication } from './transfer-application';
import { OutstandingNonconformity, TransferReview } from './transfer-review';

/** Its audits and nonconformities are field resolvers (AuditCycleQueries): read when asked for. */
@ObjectType({ description: 'An audit cycle: application, audits, findings and decision.' })
export class AuditCycle {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field(() => ID, { description: 'The certificate the cycle issues or renews.' })
  certificateId!: string;

  @Field(() => AuditCycleKindEnum)
  kind!: AuditCycleKind;

  @Field(() => AuditCycleStatusEnum)
  status!: AuditCycleStatus;

  @Field(() => StandardType)
  standard!: StandardType;

  @Field(() => ApplicationScope)
  scope!: ApplicationScope;

  @Field(() => CalendarDateScalar)
  submittedOn!: CalendarDate;

  @Field(() => PolicyProfileEnum)
  policyProfile!: PolicyProfile;

  @Field(() => ApplicationReview, { nullable: true })
  review!: ApplicationReview | null;

  @Field(() => CertificationDecision, { nullable: true })
  decision!: CertificationDecision | null;

  @Field(() => LapsedCertificate, {
    nullable: true,
    description: 'INITIAL cycles that start at stage 2: the lapsed certificate they follow.',
  })
  lapsedCertificate!: LapsedCertificate | null;

  @Field(() => TransferApplication, {
    nullable: true,
    description: 'TRANSFER cycles: the certificate of the issuing CB applied for.',
  })
  transferApplication!: TransferApplication | null;

  @Field(() => TransferReview, {
    nullable: true,
    description: 'TRANSFER cycles: the pre-transfer review, once recorded.',
  })
  transferReview!: TransferReview | null;

  @Field(() => Int, { description: 'Stream version: the `expectedVersion` of the next change.' })
  version!: number;
}

const toTransferApplication = ({ application }: AuditCycleView): TransferApplication | null => {
  const { transfer } = application;
  if (!transfer) return null;
  return Object.assign(new TransferApplication(), {
    previousCertificationBody: transfer.previousCertificationBody,
    previousCertificateNumber: transfer.previousCertificateNumber,
    previousCycleDecisionDate: transfer.previousCycleDecisionDate,
    originalCertificationDate:
      transfer.originalCertificationDate ?? transfer.previousCycleDecisionDate,
    certificateExpiryDate: transfer.certificateExpiryDate,
    surveillanceProgramme: Object.assign(new SurveillanceProgramme(), {
      completedSurveillances: transfer.surveillanceProgramme.completedSurveillances,
      lastSurveillanceLastDay: transfer.surveillanceProgramme.lastSurveillanceLastDay,
    }),
  });
};

const toTransferReview = (review: NonNullable<AuditCycleView['transferReview']>) =>
  Object.assign(new TransferReview(), {
    reviewedOn: review.reviewedOn,
    reviewedBy: review.reviewedBy,
    certificateStatus: review.certificateStatus,
    accredited: review.accredited,
    reasonsForTransfer: [...review.reasonsForTransfer],
    outstandingNonconformities: review.outstandingNonconformities.map((nc) =>
      Object.assign(new OutstandingNonconformity(), nc),
    ),
    lastReports: [...review.lastReports],
    complaints: [...review.complaints],
  });

export const toAuditCycleType = (view: AuditCycleView): AuditCycle =>
  Object.assign(new AuditCycle(), {
    id: view.auditCycleId,
    organisationId: view.organisationId,
    certificateId: view.certificateId,
    kind: view.kind,
    status: view.status,
    standard: toStandardType(view.standard),
    scope: Object.assign(new ApplicationScope(), {
      text: view.scope.text,
      services: [...view.scope.services],
      customers: [...view.scope.customers],
      locations: [...view.scope.locations],
    }),
    submittedOn: view.submittedOn,
    policyProfile: view.policyProfile,
    review: view.review && Object.assign(new ApplicationReview(), view.review),
    decision: view.decision && toCertificationDecisionType(view.decision),
    lapsedCertificate: view.application.lapsedCertificate
      ? Object.assign(new LapsedCertificate(), view.application.lapsedCertificate)
      : null,
    transferApplication: toTransferApplication(view),
    transferReview: view.transferReview && toTransferReview(view.transferReview),
    version: view.version,
  });
