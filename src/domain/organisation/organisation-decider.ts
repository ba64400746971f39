import type { Decider } from '../decider';
import { addSite } from './add-site';
import type { OrganisationCommand } from './organisation-commands';
import type { OrganisationEvent } from './organisation-events';
import {
  evolveOrganisation,
  initialOrganisationState,
  type OrganisationState,
} from './organisation-state';
import { recordReadiness } from './record-readiness';
import { registerOrganisation } from './register-organisation';
import { removeSite } from './remove-site';
import { updateOrganisationDetails } from './update-organisation-details';

export const organisationStreamName = (organisationId: string): string =>
  `organisation-${organisationId}`;

const unknownCommand = (command: never): never => {
  throw new Error(`unknown organisation command ${JSON.stringify(command)}`);
};

export const decideOrganisation = (
  command: OrganisationCommand,
  state: OrganisationState,
): OrganisationEvent[] => {
  switch (command.type) {
    case 'RegisterOrganisation':
      return registerOrganisation(command, state);
    case 'UpdateOrganisationDetails':
      return updateOrganisationDetails(command, state);
    case 'AddSite':
      return addSite(command, state);
    case 'RemoveSite':
      return removeSite(command, state);
    case 'RecordReadiness':
      return recordReadiness(command, state);
    default:
      return unknownCommand(command);
  }
};

export const organisationDecider: Decider<
  OrganisationState,
  OrganisationCommand,
  OrganisationEvent
> = {
  decide: decideOrganisation,
  evolve: evolveOrganisation,
  initialState: initialOrganisationState,
};
