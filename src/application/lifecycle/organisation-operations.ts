import {
  type AdministrativePenalty,
  type CalendarDate,
  type ConsultancyFacts,
  type OrganisationDetails,
  organisationDecider,
  organisationStreamName,
  type Site,
} from '../../domain';
import type { LifecycleRuntime } from './lifecycle-runtime';
import { loadOrganisation } from './load-existing';
import type { OperationContext, OperationOptions, OperationResult } from './operation-result';

export interface RegisterOrganisationInput extends OrganisationDetails {
  /** Generated (UUID) when absent. */
  organisationId?: string;
  /** Default: today. */
  registeredOn?: CalendarDate;
}

export interface UpdateOrganisationInput extends Partial<OrganisationDetails> {
  organisationId: string;
  updatedOn?: CalendarDate;
}

export interface AddSiteInput extends Omit<Site, 'siteId'> {
  organisationId: string;
  /** Generated (UUID) when absent. */
  siteId?: string;
  addedOn?: CalendarDate;
}

export interface RemoveSiteInput {
  organisationId: string;
  siteId: string;
  removedOn?: CalendarDate;
}

export interface RecordReadinessInput {
  organisationId: string;
  recordedOn?: CalendarDate;
  managementSystemOperatingSince?: CalendarDate;
  lastInternalAuditCompletedOn?: CalendarDate;
  lastManagementReviewCompletedOn?: CalendarDate;
  administrativePenalty?: AdministrativePenalty;
  consultancy?: ConsultancyFacts;
}

export const organisationOperations = (runtime: LifecycleRuntime) => {
  const { store, run, dateOr } = runtime;
  const send = async (
    organisationId: string,
    command: Parameters<typeof organisationDecider.decide>[0],
    context: OperationContext,
    options?: OperationOptions,
  ): Promise<OperationResult> => {
    await loadOrganisation(store, organisationId);
    return run(
      organisationDecider,
      organisationId,
      organisationStreamName(organisationId),
      command,
      context,
      options,
    );
  };

  return {
    /** Opens `organisation-<id>` under the service's policy. */
    registerOrganisation: (
      input: RegisterOrganisationInput,
      context: OperationContext,
      options?: OperationOptions,
    ): Promise<OperationResult> => {
      const { organisationId = runtime.newId(), registeredOn, ...details } = input;
      return run(
        organisationDecider,
        organisationId,
        organisationStreamName(organisationId),
        {
          type: 'RegisterOrganisation',
          data: {
            ...details,
            organisationId,
            registeredOn: dateOr(registeredOn),
            policy: runtime.policy,
            actor: context.actor,
          },
        },
        context,
        options,
      );
    },

    updateOrganisation: (
      { organisationId, updatedOn, ...changes }: UpdateOrganisationInput,
      context: OperationContext,
      options?: OperationOptions,
    ) =>
      send(
        organisationId,
        {
          type: 'UpdateOrganisationDetails',
          data: { ...changes, organisationId, updatedOn: dateOr(updatedOn), actor: context.actor },
        },
        context,
        options,
      ),

    /** Answers the site id too (generated when absent). */
    addSite: async (
      { organisationId, siteId = runtime.newId(), addedOn, ...site }: AddSiteInput,
      context: OperationContext,
      options?: OperationOptions,
    ): Promise<OperationResult & { siteId: string }> => ({
      ...(await send(
        organisationId,
        {
          type: 'AddSite',
          data: { ...site, siteId, organisationId, addedOn: dateOr(addedOn), actor: context.actor },
        },
        context,
        options,
      )),
      siteId,
    }),

    removeSite: (
      { organisationId, siteId, removedOn }: RemoveSiteInput,
      context: OperationContext,
      options?: OperationOptions,
    ) =>
      send(
        organisationId,
        {
          type: 'RemoveSite',
          data: { organisationId, siteId, removedOn: dateOr(removedOn), actor: context.actor },
        },
        context,
        options,
      ),

    recordReadiness: (
      { organisationId, recordedOn, ...facts }: RecordReadinessInput,
      context: OperationContext,
      options?: OperationOptions,
    ) =>
      send(
        organisationId,
        {
          type: 'RecordReadiness',
          data: { ...facts, organisationId, recordedOn: dateOr(recordedOn), actor: context.actor },
        },
        context,
        options,
      ),
  };
};
