/** A webhook request that cannot be honoured; `code` is stable for API error mapping. */
export class WebhookError extends Error {
  override readonly name: string = 'WebhookError';
  constructor(
    readonly code: 'INVALID_URL' | 'INVALID_EVENT_TYPES' | 'NOT_FOUND' | 'INVALID_INPUT',
    message: string,
  ) {
    super(message);
  }
}

export class InvalidWebhookUrlError extends WebhookError {
  override readonly name = 'InvalidWebhookUrlError';
  constructor(url: string, reason: string) {
    super('INVALID_URL', `webhook URL ${JSON.stringify(url)} is refused: ${reason}`);
  }
}

export class InvalidWebhookEventTypesError extends WebhookError {
  override readonly name = 'InvalidWebhookEventTypesError';
  constructor(reason: string) {
    super('INVALID_EVENT_TYPES', `webhook event types are refused: ${reason}`);
  }
}

export class UnknownWebhookSubscriptionError extends WebhookError {
  override readonly name = 'UnknownWebhookSubscriptionError';
  constructor(id: string) {
    super('NOT_FOUND', `no webhook subscription ${JSON.stringify(id)}`);
  }
}

export class UnknownWebhookDeliveryError extends WebhookError {
  override readonly name = 'UnknownWebhookDeliveryError';
  constructor(id: number) {
    super('NOT_FOUND', `no webhook delivery ${id}`);
  }
}

/** A delivery of a deleted endpoint: its history stays readable, but nothing is sent to it. */
export class DeliveryOfDeletedEndpointError extends WebhookError {
  override readonly name = 'DeliveryOfDeletedEndpointError';
  constructor(deliveryId: number, subscriptionId: string, deletedAt: Date) {
    super(
      'NOT_FOUND',
      `the endpoint ${JSON.stringify(subscriptionId)} of webhook delivery ${deliveryId} was deleted on ${deletedAt.toISOString()}: its deliveries cannot be resent`,
    );
  }
}

/** A recovery for a deleted endpoint: its history stays readable, but nothing is sent to it. */
export class RecoveryForDeletedEndpointError extends WebhookError {
  override readonly name = 'RecoveryForDeletedEndpointError';
  constructor(subscriptionId: string, deletedAt: Date) {
    super(
      'NOT_FOUND',
      `the endpoint ${JSON.stringify(subscriptionId)} was deleted on ${deletedAt.toISOString()}: its deliveries cannot be recovered`,
    );
  }
}
