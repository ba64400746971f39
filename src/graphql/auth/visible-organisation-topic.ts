import { assertCanSeeOrganisation } from './organisation-scope';
import type { RequestContext } from './principal';

interface OrganisationSubscribeData {
  args: { organisationId: string };
  context: RequestContext;
}

/**
 * `topicId` of an organisation-scoped subscription: the organisation id, once the caller may see
 * the organisation (CLIENT: its own).
 */
export const visibleOrganisationTopic = ({ args, context }: OrganisationSubscribeData): string => {
  assertCanSeeOrganisation(context.principal, args.organisationId);
  return args.organisationId;
};
