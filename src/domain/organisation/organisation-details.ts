import type { CalendarDate } from '../calendar';

export interface OrganisationDetails {
  legalName: string;
  /** Business licence (legal registration) number; null while the CB does not know it. */
  registrationNumber: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  address: string;
}

export const ORGANISATION_DETAIL_FIELDS = [
  'legalName',
  'registrationNumber',
  'country',
  'address',
] as const satisfies readonly (keyof OrganisationDetails)[];

/** A location of the organisation besides (or at) its registered address. */
export interface Site {
  siteId: string;
  name: string;
  address: string;
  country: string;
}

export interface CurrentSite extends Site {
  addedOn: CalendarDate;
}

export interface RemovedSite {
  siteId: string;
  removedOn: CalendarDate;
}
