import { Arg, Authorized, ID, Resolver, Root, Subscription } from 'type-graphql';
import { assertCanSeeOrganisation, type RequestContext } from '../auth';
import { CERTIFICATE_STATUS_CHANGED, CertificateStatusChange } from './certificate-status-change';

interface SubscribeData {
  args: { organisationId: string };
  context: RequestContext;
}

/** The topic id of a subscription, once the caller may see the organisation (CLIENT: its own). */
const visibleOrganisation = ({ args, context }: SubscribeData): string => {
  assertCanSeeOrganisation(context.principal, args.organisationId);
  return args.organisationId;
};

@Resolver()
export class CertificateStatusResolver {
  @Authorized()
  @Subscription(() => CertificateStatusChange, {
    topics: CERTIFICATE_STATUS_CHANGED,
    topicId: visibleOrganisation,
    description:
      "Status changes of the organisation's certificates as they are recorded in the event log. A CLIENT key may follow its own organisation only.",
  })
  certificateStatusChanged(
    @Arg('organisationId', () => ID) _organisationId: string,
    @Root() change: CertificateStatusChange,
  ): CertificateStatusChange {
    return change;
  }
}
