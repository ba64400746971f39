import {
  type CalendarDate,
  DEFAULT_POLICY,
  type OrganisationEvent,
  type OrganisationRegistered,
  type OrganisationState,
  type RegisterOrganisation,
  calendarDate,
  evolveOrganisation,
  initialOrganisationState,
  organisationDecider,
} from '../../../src/domain';
import { DeciderSpecification } from '../../support/decider-specification';

export const day = (input: string): CalendarDate => calendarDate(input);

export const given = DeciderSpecification.for(organisationDecider);

export const ORGANISATION_ID = 'acme-1';
export const REGISTERED_ON = day('2025-01-10');

export const registerCommand = (
  overrides: Partial<RegisterOrganisation['data']> = {},
): RegisterOrganisation => ({
  type: 'RegisterOrganisation',
  data: {
    organisationId: ORGANISATION_ID,
    legalName: 'Acme IT Services Co., Ltd.',
    registrationNumber: '91310000MA1K4XXX0Q',
    country: 'CN',
    address: '88 Century Avenue, Pudong, Shanghai',
    registeredOn: REGISTERED_ON,
    policy: DEFAULT_POLICY,
    actor: 'clerk-7',
    ...overrides,
  },
});

export const registered = (
  overrides: Partial<OrganisationRegistered['data']> = {},
): OrganisationRegistered => ({
  type: 'OrganisationRegistered',
  data: {
    organisationId: ORGANISATION_ID,
    legalName: 'Acme IT Services Co., Ltd.',
    registrationNumber: '91310000MA1K4XXX0Q',
    country: 'CN',
    address: '88 Century Avenue, Pudong, Shanghai',
    registeredOn: REGISTERED_ON,
    policy: DEFAULT_POLICY,
    ...overrides,
  },
});

export const fold = (events: readonly OrganisationEvent[]): OrganisationState =>
  events.reduce(evolveOrganisation, initialOrganisationState());

export const registeredState = (events: readonly OrganisationEvent[]) => {
  const state = fold(events);
  if (state.status !== 'REGISTERED') throw new Error('expected a registered organisation');
  return state;
};
