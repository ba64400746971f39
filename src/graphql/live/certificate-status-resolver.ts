import { Arg, Authorized, ID, Resolver, Root, Subscription } from 'type-graphql';
import { visibleOrganisationTopic } from '../auth';
import { CERTIFICATE_STATUS_CHANGED, CertificateStatusChange } from './certificate-status-change';

@Resolver()
export class CertificateStatusResolver {
  @Authorized()
  @Subscription(() => CertificateStatusChange, {
    topics: CERTIFICATE_STATUS_CHANGED,
    topicId: visibleOrganisationTopic,
    description:
      "Status changes of the organisation's certificates as they are recorded in the event log. A CLIENT key may follow its own organisation only; an organisation that is not registered is NOT_FOUND.",
  })
  certificateStatusChanged(
    @Arg('organisationId', () => ID) _organisationId: string,
    @Root() change: CertificateStatusChange,
  ): CertificateStatusChange {
    return change;
  }
}
