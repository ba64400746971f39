const SUBSCRIPTION_FIELDS = `id url eventTypes organisationId description enabled disabledReason
  createdAt updatedAt lastSuccessAt failingSince`;

export const CREATE = `mutation ($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { secret subscription { ${SUBSCRIPTION_FIELDS} } }
}`;

export const UPDATE = `mutation ($input: UpdateWebhookSubscriptionInput!) {
  updateWebhookSubscription(input: $input) { ${SUBSCRIPTION_FIELDS} }
}`;

export const LIST = `query ($organisationId: ID) {
  webhookSubscriptions(organisationId: $organisationId) { ${SUBSCRIPTION_FIELDS} }
}`;

export const GET = `query ($id: ID!) { webhookSubscription(id: $id) { ${SUBSCRIPTION_FIELDS} } }`;

export const DISABLE = `mutation ($id: ID!) { disableWebhookSubscription(id: $id) { id enabled disabledReason } }`;
export const ENABLE = `mutation ($id: ID!) { enableWebhookSubscription(id: $id) { id enabled disabledReason } }`;
export const ROTATE = `mutation ($id: ID!) { rotateWebhookSecret(id: $id) { secret subscription { id } } }`;
export const DELETE = `mutation ($id: ID!) { deleteWebhookSubscription(id: $id) }`;

const DELIVERY_FIELDS = `id webhookId eventId subscriptionId eventType payload status attemptCount
  nextAttemptAt createdAt deliveredAt cancelledAt cancelledReason subscriptionDeletedAt
  attempts { attemptedAt statusCode latencyMs responseBody error succeeded outcome }`;

export const DELIVERIES = `query ($subscriptionId: ID!, $status: WebhookDeliveryStatus, $first: Int, $after: String) {
  webhookDeliveries(subscriptionId: $subscriptionId, status: $status, first: $first, after: $after) {
    edges { cursor node { ${DELIVERY_FIELDS} } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

export const RESEND = `mutation ($id: ID!) { resendWebhookDelivery(id: $id) { ${DELIVERY_FIELDS} } }`;

export const RECOVER = `mutation ($subscriptionId: ID!, $since: DateTime!) {
  recoverWebhookDeliveries(subscriptionId: $subscriptionId, since: $since)
}`;

export const SUSPEND = `mutation ($input: SuspendCertificateInput!) {
  suspendCertificate(input: $input) { id version }
}`;

export const DEADLINE_REMINDER = `subscription ($organisationId: ID!) {
  deadlineReminder(organisationId: $organisationId) {
    eventType remindedAt certificateId organisationId certificateNumber deadlineType deadlineKey
    subject dueDate thresholdDays overdue daysRemaining version
  }
}`;
