import type { AddSite } from './organisation-commands';
import { DuplicateSiteError } from './organisation-errors';
import type { SiteAdded } from './organisation-events';
import {
  MAXIMUM_LENGTH,
  commandDate,
  countryCode,
  identifier,
  requireActor,
  requireRegistered,
  requiredText,
} from './organisation-guards';
import type { OrganisationState } from './organisation-state';

export const addSite = (command: AddSite, state: OrganisationState): SiteAdded[] => {
  const organisation = requireRegistered(state, command);
  const { data } = command;
  const addedOn = commandDate('addedOn', data.addedOn, organisation);
  requireActor(data.actor);
  const siteId = identifier('siteId', data.siteId);
  const current = organisation.sites.find((site) => site.siteId === siteId);
  if (current) {
    throw new DuplicateSiteError(
      siteId,
      `is already a site of organisation ${organisation.organisationId} (added on ${current.addedOn})`,
    );
  }
  const removed = organisation.removedSites.find((site) => site.siteId === siteId);
  if (removed) {
    throw new DuplicateSiteError(
      siteId,
      `was a site of organisation ${organisation.organisationId} until it was removed on ${removed.removedOn}`,
    );
  }
  return [
    {
      type: 'SiteAdded',
      data: {
        organisationId: organisation.organisationId,
        siteId,
        name: requiredText('name', data.name, MAXIMUM_LENGTH.name),
        address: requiredText('address', data.address, MAXIMUM_LENGTH.address),
        country: countryCode('country', data.country),
        addedOn,
      },
    },
  ];
};
