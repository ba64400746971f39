import type { CalendarDate } from '../calendar';

export interface AdministrativePenalty {
  imposedOn: CalendarDate;
  description: string;
}

export interface ConsultancyFacts {
  used: boolean;
  /** The consultancy was given by a body related to the certification body (17021-1 5.2.7). */
  relatedToCertificationBody: boolean;
  endedOn: CalendarDate | null;
}

/** What the organisation has told the CB about its readiness for certification. */
export interface ReadinessFacts {
  legalRegistrationNumber: string | null;
  managementSystemOperatingSince: CalendarDate | null;
  lastInternalAuditCompletedOn: CalendarDate | null;
  lastManagementReviewCompletedOn: CalendarDate | null;
  administrativePenalties: readonly AdministrativePenalty[];
  consultancy: ConsultancyFacts;
}
