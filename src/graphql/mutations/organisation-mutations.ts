import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { OperationResult } from '../../application';
import type { ApiDependencies } from '../api-dependencies';
import type { RequestContext } from '../auth';
import {
  AddSiteInput,
  RecordReadinessInput,
  RegisterOrganisationInput,
  RemoveSiteInput,
  UpdateOrganisationInput,
} from '../inputs';
import { Organisation } from '../types';
import { actorOf } from './actor-of';
import { ExpectedVersionArg, NEW_OBJECT_VERSION } from './expected-version-arg';
import { expectedVersionOption } from './expected-version';
import { ADMINISTRATORS } from './mutation-roles';
import { MutationSupport } from './mutation-support';
import { given } from './given';

@Resolver()
export class OrganisationMutations {
  private readonly support: MutationSupport;

  constructor(private readonly deps: ApiDependencies) {
    this.support = new MutationSupport(deps);
  }

  @Authorized(ADMINISTRATORS)
  @Mutation(() => Organisation, { description: 'Registers a client organisation.' })
  registerOrganisation(
    @Arg('input', () => RegisterOrganisationInput) input: RegisterOrganisationInput,
    @ExpectedVersionArg(NEW_OBJECT_VERSION) expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Organisation> {
    return this.organisation(
      this.deps.service.registerOrganisation(
        {
          organisationId: given(input.organisationId),
          legalName: input.legalName,
          registrationNumber: input.registrationNumber ?? null,
          country: input.country,
          address: input.address,
          registeredOn: given(input.registeredOn),
        },
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  @Authorized(ADMINISTRATORS)
  @Mutation(() => Organisation, {
    description: 'Changes the legal name, registration number, country or address.',
  })
  updateOrganisation(
    @Arg('input', () => UpdateOrganisationInput) input: UpdateOrganisationInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Organisation> {
    return this.organisation(
      this.deps.service.updateOrganisation(
        {
          organisationId: input.organisationId,
          legalName: given(input.legalName),
          ...(input.registrationNumber === undefined
            ? {}
            : { registrationNumber: input.registrationNumber }),
          country: given(input.country),
          address: given(input.address),
          updatedOn: given(input.updatedOn),
        },
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  @Authorized(ADMINISTRATORS)
  @Mutation(() => Organisation, { description: 'Adds a site to the organisation.' })
  addSite(
    @Arg('input', () => AddSiteInput) input: AddSiteInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Organisation> {
    return this.organisation(
      this.deps.service.addSite(
        {
          organisationId: input.organisationId,
          siteId: given(input.siteId),
          name: input.name,
          address: input.address,
          country: input.country,
          addedOn: given(input.addedOn),
        },
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  @Authorized(ADMINISTRATORS)
  @Mutation(() => Organisation, {
    description:
      'Removes a site; its id is never reused. SITE_ON_CERTIFICATE while a certificate in force (or yet to take effect) lists it.',
  })
  removeSite(
    @Arg('input', () => RemoveSiteInput) input: RemoveSiteInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Organisation> {
    return this.organisation(
      this.deps.service.removeSite(
        {
          organisationId: input.organisationId,
          siteId: input.siteId,
          removedOn: given(input.removedOn),
        },
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  @Authorized(ADMINISTRATORS)
  @Mutation(() => Organisation, {
    description: 'Records readiness facts the organisation reported (dates, penalty, consultancy).',
  })
  recordReadiness(
    @Arg('input', () => RecordReadinessInput) input: RecordReadinessInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Organisation> {
    const { administrativePenalty: penalty, consultancy } = input;
    return this.organisation(
      this.deps.service.recordReadiness(
        {
          organisationId: input.organisationId,
          recordedOn: given(input.recordedOn),
          managementSystemOperatingSince: given(input.managementSystemOperatingSince),
          lastInternalAuditCompletedOn: given(input.lastInternalAuditCompletedOn),
          lastManagementReviewCompletedOn: given(input.lastManagementReviewCompletedOn),
          administrativePenalty: penalty
            ? { imposedOn: penalty.imposedOn, description: penalty.description }
            : undefined,
          consultancy: consultancy
            ? {
                used: consultancy.used,
                relatedToCertificationBody: consultancy.relatedToCertificationBody,
                endedOn: consultancy.endedOn ?? null,
              }
            : undefined,
        },
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  private async organisation(operation: Promise<OperationResult>): Promise<Organisation> {
    const { id } = await this.support.write(operation);
    return this.support.changed.organisation(id);
  }
}
