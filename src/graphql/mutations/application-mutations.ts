import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { ApplicationScope, StandardReference } from '../../domain';
import type { OperationResult } from '../../application';
import type { ApiDependencies } from '../api-dependencies';
import type { RequestContext } from '../auth';
import {
  type ApplicationScopeInput,
  RecordTransferReviewInput,
  ReviewApplicationInput,
  StartRecertificationInput,
  SubmitApplicationInput,
  type StandardReferenceInput,
  TransferCertificateInInput,
} from '../inputs';
import { AuditCycle } from '../types';
import { actorOf } from './actor-of';
import { ExpectedVersionArg, NEW_OBJECT_VERSION } from './expected-version-arg';
import { expectedVersionOption } from './expected-version';
import { given } from './given';
import { ADMINISTRATORS, REVIEWERS } from './mutation-roles';
import { MutationSupport } from './mutation-support';

const CERTIFICATE_VERSION =
  "The certificate's version the caller last saw; the application is refused (CONFLICT, with the certificate's current version) if the certificate has changed since.";

const standardOf = ({ identifier, version }: StandardReferenceInput): StandardReference => ({
  identifier,
  version,
});

const scopeOf = (scope: ApplicationScopeInput): ApplicationScope => ({
  text: scope.text,
  services: [...scope.services],
  customers: [...scope.customers],
  locations: [...scope.locations],
});

/** The fields an initial application and a transfer application share. */
const applicationOf = (input: SubmitApplicationInput | TransferCertificateInInput) => ({
  auditCycleId: given(input.auditCycleId),
  organisationId: input.organisationId,
  certificateId: given(input.certificateId),
  standard: standardOf(input.standard),
  scope: scopeOf(input.scope),
  sites: [...input.sites],
  submittedOn: given(input.submittedOn),
});

/** Applications open audit cycles; each answers the new or changed audit cycle. */
@Resolver()
export class ApplicationMutations {
  private readonly support: MutationSupport;

  constructor(private readonly deps: ApiDependencies) {
    this.support = new MutationSupport(deps);
  }

  @Authorized(ADMINISTRATORS)
  @Mutation(() => AuditCycle, {
    description: 'An initial application: opens an audit cycle for a new certificate.',
  })
  submitApplication(
    @Arg('input', () => SubmitApplicationInput) input: SubmitApplicationInput,
    @ExpectedVersionArg(NEW_OBJECT_VERSION) expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<AuditCycle> {
    return this.auditCycle(
      this.deps.service.submitApplication(
        { ...applicationOf(input), formerCertificateId: given(input.formerCertificateId) },
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  @Authorized(REVIEWERS)
  @Mutation(() => AuditCycle, {
    description: 'Accepts or rejects the application; the caller is recorded as the reviewer.',
  })
  reviewApplication(
    @Arg('input', () => ReviewApplicationInput) input: ReviewApplicationInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<AuditCycle> {
    return this.auditCycle(
      this.deps.service.reviewApplication(
        {
          auditCycleId: input.auditCycleId,
          outcome: input.outcome,
          reasons: [...input.reasons],
          reviewedOn: given(input.reviewedOn),
        },
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  @Authorized(ADMINISTRATORS)
  @Mutation(() => AuditCycle, {
    description:
      "A recertification application for an issued certificate; standard, scope and sites default to the certificate's.",
  })
  startRecertification(
    @Arg('input', () => StartRecertificationInput) input: StartRecertificationInput,
    @ExpectedVersionArg(CERTIFICATE_VERSION) expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<AuditCycle> {
    return this.auditCycle(
      this.deps.service.startRecertification(
        {
          certificateId: input.certificateId,
          auditCycleId: given(input.auditCycleId),
          standard: input.standard ? standardOf(input.standard) : undefined,
          scope: input.scope ? scopeOf(input.scope) : undefined,
          sites: input.sites ? [...input.sites] : undefined,
          submittedOn: given(input.submittedOn),
        },
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  @Authorized(ADMINISTRATORS)
  @Mutation(() => AuditCycle, {
    description:
      'A transfer application (IAF MD 2): when granted, our certificate keeps the same cycle and expiry.',
  })
  transferCertificateIn(
    @Arg('input', () => TransferCertificateInInput) input: TransferCertificateInInput,
    @ExpectedVersionArg(NEW_OBJECT_VERSION) expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<AuditCycle> {
    const programme = input.surveillanceProgramme;
    return this.auditCycle(
      this.deps.service.transferCertificateIn(
        {
          ...applicationOf(input),
          previousCertificationBody: input.previousCertificationBody,
          previousCertificateNumber: input.previousCertificateNumber,
          previousCycleDecisionDate: input.previousCycleDecisionDate,
          ...(input.originalCertificationDate
            ? { originalCertificationDate: input.originalCertificationDate }
            : {}),
          certificateExpiryDate: input.certificateExpiryDate,
          surveillanceProgramme: {
            completedSurveillances: programme.completedSurveillances,
            lastSurveillanceLastDay: programme.lastSurveillanceLastDay ?? null,
          },
        },
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  @Authorized(REVIEWERS)
  @Mutation(() => AuditCycle, {
    description:
      'Records the pre-transfer review (IAF MD 2) of an accepted transfer application ' +
      '(APPLICATION_NOT_ACCEPTED before), dated on or after the acceptance; the caller is the ' +
      'reviewer. Refused (DOMAIN_RULE_VIOLATION) for a certificate that is not valid, accredited and unexpired ' +
      '(TRANSFER_NOT_ALLOWED), has a major nonconformity outstanding ' +
      '(TRANSFER_OUTSTANDING_MAJOR_NONCONFORMITY) or a surveillance audit overdue ' +
      '(TRANSFER_SURVEILLANCE_OVERDUE).',
  })
  recordTransferReview(
    @Arg('input', () => RecordTransferReviewInput) input: RecordTransferReviewInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<AuditCycle> {
    return this.auditCycle(
      this.deps.service.recordTransferReview(
        {
          auditCycleId: input.auditCycleId,
          reviewedOn: given(input.reviewedOn),
          certificateStatus: input.certificateStatus,
          accredited: input.accredited,
          reasonsForTransfer: [...input.reasonsForTransfer],
          outstandingNonconformities: input.outstandingNonconformities.map(
            ({ reference, grade, description }) => ({ reference, grade, description }),
          ),
          lastReports: [...input.lastReports],
          complaints: [...input.complaints],
        },
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  private async auditCycle(operation: Promise<OperationResult>): Promise<AuditCycle> {
    const { id } = await this.support.write(operation);
    return this.support.changed.auditCycle(id);
  }
}
