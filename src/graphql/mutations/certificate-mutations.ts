import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type {
  ChangeScopeInput as ServiceChangeScopeInput,
  OperationResult,
} from '../../application';
import type { ApiDependencies } from '../api-dependencies';
import type { RequestContext } from '../auth';
import {
  ChangeScopeInput,
  ReinstateCertificateInput,
  SuspendCertificateInput,
  TransitionStandardVersionInput,
  WithdrawCertificateInput,
} from '../inputs';
import { Certificate } from '../types';
import { actorOf } from './actor-of';
import { ExpectedVersionArg } from './expected-version-arg';
import { expectedVersionOption } from './expected-version';
import { given } from './given';
import { DECISION_MAKERS } from './mutation-roles';
import { MutationSupport } from './mutation-support';

const scopeChange = (input: ChangeScopeInput): ServiceChangeScopeInput => ({
  certificateId: input.certificateId,
  scope: input.scope,
  sites: input.sites?.map(({ siteId, scope }) => ({ siteId, scope: given(scope) })),
  decisionDate: input.decisionDate,
  effectiveDate: given(input.effectiveDate),
});

/** Changes of an issued certificate; each answers the certificate with its new version. */
@Resolver()
export class CertificateMutations {
  private readonly support: MutationSupport;

  constructor(private readonly deps: ApiDependencies) {
    this.support = new MutationSupport(deps);
  }

  @Authorized(DECISION_MAKERS)
  @Mutation(() => Certificate, {
    description: 'Suspends the certificate (ISO/IEC 17021-1 9.6.5); the expiry date does not move.',
  })
  suspendCertificate(
    @Arg('input', () => SuspendCertificateInput) input: SuspendCertificateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Certificate> {
    return this.certificate(
      this.deps.service.suspendCertificate(
        {
          certificateId: input.certificateId,
          grounds: input.grounds,
          details: input.details,
          ownFault: input.ownFault,
          suspendedOn: given(input.suspendedOn),
        },
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  @Authorized(DECISION_MAKERS)
  @Mutation(() => Certificate, {
    description: 'Ends a suspension: the certificate is ACTIVE again.',
  })
  reinstateCertificate(
    @Arg('input', () => ReinstateCertificateInput) input: ReinstateCertificateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Certificate> {
    return this.certificate(
      this.deps.service.reinstateCertificate(
        {
          certificateId: input.certificateId,
          reason: input.reason,
          reinstatedOn: given(input.reinstatedOn),
        },
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  @Authorized(DECISION_MAKERS)
  @Mutation(() => Certificate, { description: 'Withdraws the certificate; this is final.' })
  withdrawCertificate(
    @Arg('input', () => WithdrawCertificateInput) input: WithdrawCertificateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Certificate> {
    return this.certificate(
      this.deps.service.withdrawCertificate(
        {
          certificateId: input.certificateId,
          reason: input.reason,
          ownFault: input.ownFault,
          withdrawnOn: given(input.withdrawnOn),
        },
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  @Authorized(DECISION_MAKERS)
  @Mutation(() => Certificate, {
    description:
      "Extends the scope: a new revision with the same cycle and expiry, after an audit: the latest surveillance or special audit completed in the certificate's audit cycle, on or before `decisionDate`, that no earlier extension followed and that covered every site the extension adds (else SCOPE_EXTENSION_AUDIT_REQUIRED, naming the sites no audit covered or the extension that already followed the audit: one audit justifies one extension).",
  })
  extendScope(
    @Arg('input', () => ChangeScopeInput) input: ChangeScopeInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Certificate> {
    return this.certificate(
      this.deps.service.extendScope(
        scopeChange(input),
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  @Authorized(DECISION_MAKERS)
  @Mutation(() => Certificate, {
    description: 'Reduces the scope: a new revision with the same cycle and expiry.',
  })
  reduceScope(
    @Arg('input', () => ChangeScopeInput) input: ChangeScopeInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Certificate> {
    return this.certificate(
      this.deps.service.reduceScope(
        scopeChange(input),
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  @Authorized(DECISION_MAKERS)
  @Mutation(() => Certificate, {
    description:
      "Revises the certificate to the new version of its standard, with its cycle's expiry (capped only by the new version's own transition end, if any: the old version's cap no longer applies), once a transition audit is completed in its current audit cycle; before, TRANSITION_AUDIT_REQUIRED. A suspended certificate is reinstated first (CERTIFICATE_SUSPENDED), as for a renewal.",
  })
  transitionStandardVersion(
    @Arg('input', () => TransitionStandardVersionInput) input: TransitionStandardVersionInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Certificate> {
    return this.certificate(
      this.deps.service.transitionStandardVersion(
        {
          certificateId: input.certificateId,
          standard: { identifier: input.standard.identifier, version: input.standard.version },
          decisionDate: input.decisionDate,
          effectiveDate: given(input.effectiveDate),
        },
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  private async certificate(operation: Promise<OperationResult>): Promise<Certificate> {
    const { id } = await this.support.write(operation);
    return this.support.changed.certificate(id);
  }
}
