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

const relatedBodyConsulted = (c: ConsultancyFacts): boolean =>
  c.used && c.relatedToCertificationBody;

/**
 * The consultancy kept on record when another is declared: a related body's consultancy stays
 * (its cooling-off, 17021-1 5.2.7, is not lifted by a later consultancy of an unrelated body, nor
 * by a later declaration of none); a declaration of a related body's consultancy replaces it.
 */
export const consultancyOnRecord = (
  recorded: ConsultancyFacts,
  declared: ConsultancyFacts,
): ConsultancyFacts =>
  relatedBodyConsulted(recorded) && !relatedBodyConsulted(declared) ? recorded : declared;
