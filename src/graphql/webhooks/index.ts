import { DeadlineReminderResolver } from './deadline-reminder-resolver';
import { WebhookDeliveryResolver } from './webhook-delivery-resolver';
import { WebhookSubscriptionResolver } from './webhook-subscription-resolver';

export * from './deadline-reminder';
export * from './webhook-api-error';

/** Every webhook resolver class (endpoints, deliveries, deadline reminders), for the schema. */
export const webhookResolvers = [
  WebhookSubscriptionResolver,
  WebhookDeliveryResolver,
  DeadlineReminderResolver,
] as const;
