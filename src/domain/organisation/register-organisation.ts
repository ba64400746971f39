import type { RegisterOrganisation } from './organisation-commands';
import { OrganisationAlreadyRegisteredError } from './organisation-errors';
import type { OrganisationRegistered } from './organisation-events';
import {
  MAXIMUM_LENGTH,
  countryCode,
  identifier,
  requireActor,
  requiredText,
  validDate,
} from './organisation-guards';
import type { OrganisationState } from './organisation-state';

export const registerOrganisation = (
  { data }: RegisterOrganisation,
  state: OrganisationState,
): OrganisationRegistered[] => {
  if (state.status === 'REGISTERED') {
    throw new OrganisationAlreadyRegisteredError(state.organisationId, state.registeredOn);
  }
  requireActor(data.actor);
  return [
    {
      type: 'OrganisationRegistered',
      data: {
        organisationId: identifier('organisationId', data.organisationId),
        legalName: requiredText('legalName', data.legalName, MAXIMUM_LENGTH.name),
        registrationNumber:
          data.registrationNumber === null
            ? null
            : requiredText(
                'registrationNumber',
                data.registrationNumber,
                MAXIMUM_LENGTH.registrationNumber,
              ),
        country: countryCode('country', data.country),
        address: requiredText('address', data.address, MAXIMUM_LENGTH.address),
        registeredOn: validDate('registeredOn', data.registeredOn),
        policy: data.policy,
      },
    },
  ];
};
