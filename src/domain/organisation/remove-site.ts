import type { RemoveSite } from './organisation-commands';
import { DateOutOfOrderError, UnknownSiteError } from './organisation-errors';
import type { SiteRemoved } from './organisation-events';
import { commandDate, requireActor, requireRegistered } from './organisation-guards';
import type { OrganisationState } from './organisation-state';

/**
 * The last site may be removed: the registered address stays the organisation's location of record,
 * and an organisation is registered without sites in the first place.
 */
export const removeSite = (command: RemoveSite, state: OrganisationState): SiteRemoved[] => {
  const organisation = requireRegistered(state, command);
  const { data } = command;
  const removedOn = commandDate('removedOn', data.removedOn, organisation);
  requireActor(data.actor);
  const site = organisation.sites.find(({ siteId }) => siteId === data.siteId);
  if (!site) {
    const removed = organisation.removedSites.find(({ siteId }) => siteId === data.siteId);
    throw new UnknownSiteError(
      data.siteId,
      organisation.organisationId,
      removed?.removedOn ?? null,
    );
  }
  if (removedOn < site.addedOn) {
    throw new DateOutOfOrderError(
      'removedOn',
      removedOn,
      `site ${site.siteId} was added`,
      site.addedOn,
    );
  }
  return [
    {
      type: 'SiteRemoved',
      data: { organisationId: organisation.organisationId, siteId: site.siteId, removedOn },
    },
  ];
};
