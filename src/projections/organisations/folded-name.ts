/**
 * A name as the organisations list orders and searches it: lower case and without accents, so
 * that 'Ölwerk AG' sorts among the Os (not after 'Zeta Ltd') and a search for 'olwerk' finds it.
 */
export const foldedName = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** What `searchOrganisations` matches a folded search term in: name and registration number. */
export const organisationSearchText = (legalName: string, registrationNumber: string | null) =>
  foldedName(`${legalName}\n${registrationNumber ?? ''}`);
