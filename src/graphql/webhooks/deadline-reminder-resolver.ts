import { Arg, Authorized, ID, Resolver, Root, Subscription } from 'type-graphql';
import { visibleOrganisationTopic } from '../auth';
import { DEADLINE_REMINDER, DeadlineReminder } from './deadline-reminder';

@Resolver()
export class DeadlineReminderResolver {
  @Authorized()
  @Subscription(() => DeadlineReminder, {
    topics: DEADLINE_REMINDER,
    topicId: visibleOrganisationTopic,
    description:
      "The organisation's deadline reminders as the scanner sends them (the same as the webhooks). A CLIENT key may follow its own organisation only; an organisation that is not registered is NOT_FOUND.",
  })
  deadlineReminder(
    @Arg('organisationId', () => ID) _organisationId: string,
    @Root() reminder: DeadlineReminder,
  ): DeadlineReminder {
    return reminder;
  }
}
