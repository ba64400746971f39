import type { CalendarDate } from '../calendar';
import type { CertificationPolicy } from '../policy';
import type { CurrentSite, OrganisationDetails, RemovedSite } from './organisation-details';
import type { OrganisationEvent, ReadinessRecorded } from './organisation-events';
import {
  type ConsultancyFacts,
  consultancyOnRecord,
  NO_READINESS_FACTS,
  type ReadinessFacts,
} from './readiness-facts';

export interface UnregisteredOrganisation {
  status: 'UNREGISTERED';
}

export interface RegisteredOrganisation extends OrganisationDetails {
  status: 'REGISTERED';
  organisationId: string;
  registeredOn: CalendarDate;
  policy: CertificationPolicy;
  sites: readonly CurrentSite[];
  /** Removed sites: their ids are never reused. */
  removedSites: readonly RemovedSite[];
  /** `legalRegistrationNumber` always mirrors `registrationNumber`. */
  readiness: ReadinessFacts;
  /**
   * The consultancy the organisation declared last (null: none yet, and `readiness.consultancy`
   * says none until then). It may differ from `readiness.consultancy`, which keeps a related
   * body's consultancy over a later declaration (see `consultancyOnRecord`).
   */
  declaredConsultancy: ConsultancyFacts | null;
}

export type OrganisationState = UnregisteredOrganisation | RegisteredOrganisation;

export const initialOrganisationState = (): OrganisationState => ({ status: 'UNREGISTERED' });

const withReadiness = (
  readiness: ReadinessFacts,
  data: ReadinessRecorded['data'],
): ReadinessFacts => ({
  legalRegistrationNumber: readiness.legalRegistrationNumber,
  managementSystemOperatingSince:
    data.managementSystemOperatingSince ?? readiness.managementSystemOperatingSince,
  lastInternalAuditCompletedOn:
    data.lastInternalAuditCompletedOn ?? readiness.lastInternalAuditCompletedOn,
  lastManagementReviewCompletedOn:
    data.lastManagementReviewCompletedOn ?? readiness.lastManagementReviewCompletedOn,
  administrativePenalties: data.administrativePenalty
    ? [...readiness.administrativePenalties, data.administrativePenalty]
    : readiness.administrativePenalties,
  consultancy: data.consultancy
    ? consultancyOnRecord(readiness.consultancy, data.consultancy)
    : readiness.consultancy,
});

const evolveRegistered = (
  state: RegisteredOrganisation,
  event: Exclude<OrganisationEvent, { type: 'OrganisationRegistered' }>,
): RegisteredOrganisation => {
  switch (event.type) {
    case 'OrganisationDetailsUpdated': {
      const { legalName, registrationNumber, country, address } = event.data;
      const number =
        registrationNumber === undefined ? state.registrationNumber : registrationNumber;
      return {
        ...state,
        legalName: legalName ?? state.legalName,
        registrationNumber: number,
        country: country ?? state.country,
        address: address ?? state.address,
        readiness: { ...state.readiness, legalRegistrationNumber: number },
      };
    }
    case 'SiteAdded': {
      const { siteId, name, address, country, addedOn } = event.data;
      return { ...state, sites: [...state.sites, { siteId, name, address, country, addedOn }] };
    }
    case 'SiteRemoved': {
      const { siteId, removedOn } = event.data;
      return {
        ...state,
        sites: state.sites.filter((site) => site.siteId !== siteId),
        removedSites: [...state.removedSites, { siteId, removedOn }],
      };
    }
    case 'ReadinessRecorded':
      return {
        ...state,
        readiness: withReadiness(state.readiness, event.data),
        declaredConsultancy: event.data.consultancy ?? state.declaredConsultancy,
      };
  }
};

export const evolveOrganisation = (
  state: OrganisationState,
  event: OrganisationEvent,
): OrganisationState => {
  if (event.type === 'OrganisationRegistered') {
    const { organisationId, legalName, registrationNumber, country, address } = event.data;
    return {
      status: 'REGISTERED',
      organisationId,
      legalName,
      registrationNumber,
      country,
      address,
      registeredOn: event.data.registeredOn,
      policy: event.data.policy,
      sites: [],
      removedSites: [],
      readiness: { ...NO_READINESS_FACTS, legalRegistrationNumber: registrationNumber },
      declaredConsultancy: null,
    };
  }
  return state.status === 'REGISTERED' ? evolveRegistered(state, event) : state;
};
