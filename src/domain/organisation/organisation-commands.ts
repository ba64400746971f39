import type { CalendarDate } from '../calendar';
import type { DomainCommand } from '../decider';
import type { CertificationPolicy } from '../policy';
import type { OrganisationDetails, Site } from './organisation-details';
import type { AdministrativePenalty, ConsultancyFacts } from './readiness-facts';

export type RegisterOrganisation = DomainCommand<
  'RegisterOrganisation',
  OrganisationDetails & {
    organisationId: string;
    registeredOn: CalendarDate;
    policy: CertificationPolicy;
    actor: string;
  }
>;

/** Absent fields stay as they are; `registrationNumber: null` removes the number. */
export type UpdateOrganisationDetails = DomainCommand<
  'UpdateOrganisationDetails',
  Partial<OrganisationDetails> & { organisationId: string; updatedOn: CalendarDate; actor: string }
>;

export type AddSite = DomainCommand<
  'AddSite',
  Site & { organisationId: string; addedOn: CalendarDate; actor: string }
>;

export type RemoveSite = DomainCommand<
  'RemoveSite',
  { organisationId: string; siteId: string; removedOn: CalendarDate; actor: string }
>;

/**
 * Absent fields stay as they are. A penalty is appended to those recorded; consultancy replaces
 * the recorded consultancy, except a related body's, which only another related body's replaces
 * (`consultancyOnRecord`). The legal registration number is a detail of the organisation, changed
 * with UpdateOrganisationDetails.
 */
export type RecordReadiness = DomainCommand<
  'RecordReadiness',
  {
    organisationId: string;
    recordedOn: CalendarDate;
    actor: string;
    managementSystemOperatingSince?: CalendarDate;
    lastInternalAuditCompletedOn?: CalendarDate;
    lastManagementReviewCompletedOn?: CalendarDate;
    administrativePenalty?: AdministrativePenalty;
    consultancy?: ConsultancyFacts;
  }
>;

export type OrganisationCommand =
  RegisterOrganisation | UpdateOrganisationDetails | AddSite | RemoveSite | RecordReadiness;
