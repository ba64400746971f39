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

export const NO_CONSULTANCY: ConsultancyFacts = {
  used: false,
  relatedToCertificationBody: false,
  endedOn: null,
};

/** Facts of an organisation that has told the CB nothing yet. */
export const NO_READINESS_FACTS: ReadinessFacts = {
  legalRegistrationNumber: null,
  managementSystemOperatingSince: null,
  lastInternalAuditCompletedOn: null,
  lastManagementReviewCompletedOn: null,
  administrativePenalties: [],
  consultancy: NO_CONSULTANCY,
};
