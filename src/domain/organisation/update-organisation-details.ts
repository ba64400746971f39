import type { UpdateOrganisationDetails } from './organisation-commands';
import { ORGANISATION_DETAIL_FIELDS, type OrganisationDetails } from './organisation-details';
import { NothingToRecordError } from './organisation-errors';
import type { OrganisationDetailsUpdated } from './organisation-events';
import {
  MAXIMUM_LENGTH,
  commandDate,
  countryCode,
  requireActor,
  requireRegistered,
  requiredText,
} from './organisation-guards';
import type { OrganisationState } from './organisation-state';

const requested = ({ data }: UpdateOrganisationDetails): Partial<OrganisationDetails> => {
  const details: Partial<OrganisationDetails> = {};
  if (data.legalName !== undefined) {
    details.legalName = requiredText('legalName', data.legalName, MAXIMUM_LENGTH.name);
  }
  if (data.registrationNumber !== undefined) {
    details.registrationNumber =
      data.registrationNumber === null
        ? null
        : requiredText(
            'registrationNumber',
            data.registrationNumber,
            MAXIMUM_LENGTH.registrationNumber,
          );
  }
  if (data.country !== undefined) details.country = countryCode('country', data.country);
  if (data.address !== undefined) {
    details.address = requiredText('address', data.address, MAXIMUM_LENGTH.address);
  }
  return details;
};

/** Fields equal to the recorded ones are dropped; an update that changes nothing produces no event. */
export const updateOrganisationDetails = (
  command: UpdateOrganisationDetails,
  state: OrganisationState,
): OrganisationDetailsUpdated[] => {
  const organisation = requireRegistered(state, command);
  const updatedOn = commandDate('updatedOn', command.data.updatedOn, organisation);
  requireActor(command.data.actor);
  const details = requested(command);
  if (Object.keys(details).length === 0) {
    throw new NothingToRecordError(ORGANISATION_DETAIL_FIELDS);
  }
  const changes = Object.fromEntries(
    Object.entries(details).filter(
      ([field, value]) => organisation[field as keyof OrganisationDetails] !== value,
    ),
  ) as Partial<OrganisationDetails>;
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'OrganisationDetailsUpdated',
      data: { organisationId: organisation.organisationId, ...changes, updatedOn },
    },
  ];
};
