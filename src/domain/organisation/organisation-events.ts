import type { CalendarDate } from '../calendar';
import type { DomainEvent } from '../decider';
import type { CertificationPolicy } from '../policy';
import type { OrganisationDetails, Site } from './organisation-details';
import type { AdministrativePenalty, ConsultancyFacts } from './readiness-facts';

export type OrganisationRegistered = DomainEvent<
  'OrganisationRegistered',
  OrganisationDetails & {
    organisationId: string;
    registeredOn: CalendarDate;
    policy: CertificationPolicy;
  }
>;

/** Carries only the fields that changed. */
export type OrganisationDetailsUpdated = DomainEvent<
  'OrganisationDetailsUpdated',
  Partial<OrganisationDetails> & { organisationId: string; updatedOn: CalendarDate }
>;

export type SiteAdded = DomainEvent<
  'SiteAdded',
  Site & { organisationId: string; addedOn: CalendarDate }
>;

export type SiteRemoved = DomainEvent<
  'SiteRemoved',
  { organisationId: string; siteId: string; removedOn: CalendarDate }
>;

/**
 * Carries only the facts that changed; the penalty is appended, the consultancy replaces the
 * recorded one (a related body's only by another related body's: `consultancyOnRecord`).
 */
export type ReadinessRecorded = DomainEvent<
  'ReadinessRecorded',
  {
    organisationId: string;
    recordedOn: CalendarDate;
    managementSystemOperatingSince?: CalendarDate;
    lastInternalAuditCompletedOn?: CalendarDate;
    lastManagementReviewCompletedOn?: CalendarDate;
    administrativePenalty?: AdministrativePenalty;
    consultancy?: ConsultancyFacts;
  }
>;

export type OrganisationEvent =
  OrganisationRegistered | OrganisationDetailsUpdated | SiteAdded | SiteRemoved | ReadinessRecorded;
