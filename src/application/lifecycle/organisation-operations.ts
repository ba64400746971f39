import {
  type AdministrativePenalty,
  type CalendarDate,
  certificateDecider,
  certificateStatusOn,
  certificateStreamName,
  isIssued,
  revisionOn,
  takesEffect,
  type ConsultancyFacts,
  type OrganisationDetails,
  organisationDecider,
  organisationStreamName,
  type Site,
} from '../../domain';
import { loadAggregate } from '../load-aggregate';
import type { LifecycleRuntime } from './lifecycle-runtime';
import { SiteOnCertificateError } from './site-on-certificate-error';
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

  /**
   * No certificate of the organisation (found by the lookup) lists the site in the revision in force
   * on the day (unless expired or withdrawn) or in one taking effect later (not one a withdrawal
   * means never takes effect).
   */
  const requireOnNoCertificate = async (
    organisationId: string,
    siteId: string,
    on: CalendarDate,
  ) => {
    for (const id of await runtime.certificatesOf(organisationId)) {
      const { state } = await loadAggregate(store, certificateStreamName(id), certificateDecider);
      if (!isIssued(state)) continue;
      const status = certificateStatusOn(state, on);
      if (status === 'WITHDRAWN') continue;
      const later = state.revisions.filter((r) => r.effectiveDate > on && takesEffect(state, r));
      const printing = status === 'EXPIRED' ? later : [revisionOn(state, on), ...later];
      if (printing.some((revision) => revision?.sites.some((site) => site.siteId === siteId))) {
        throw new SiteOnCertificateError(siteId, state.number, status, on);
      }
    }
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

    /** A site a certificate in force (or yet to take effect) lists is refused: reduce its scope first. */
    removeSite: async (
      { organisationId, siteId, removedOn }: RemoveSiteInput,
      context: OperationContext,
      options?: OperationOptions,
    ) => {
      const on = dateOr(removedOn);
      await requireOnNoCertificate(organisationId, siteId, on);
      return send(
        organisationId,
        {
          type: 'RemoveSite',
          data: { organisationId, siteId, removedOn: on, actor: context.actor },
        },
        context,
        options,
      );
    },

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
