import { WebhookError } from '../../webhooks/subscriptions';
import { ApiError, BadUserInputError, ErrorCode } from '../errors';

/** An endpoint or delivery that does not exist (any more). */
export class WebhookNotFoundError extends ApiError {
  constructor(message: string) {
    super(ErrorCode.NOT_FOUND, message);
  }
}

const FIELDS = {
  INVALID_URL: 'url',
  INVALID_EVENT_TYPES: 'eventTypes',
  INVALID_INPUT: 'description',
} as const;

/** A refusal of the webhook services as the API's typed error; anything else as it is. */
export const webhookApiError = (error: unknown): unknown => {
  if (!(error instanceof WebhookError)) return error;
  if (error.code === 'NOT_FOUND') return new WebhookNotFoundError(error.message);
  return new BadUserInputError(FIELDS[error.code], error.message);
};

/** Runs a webhook service call, answering its refusals as API errors. */
export const webhookCall = <T>(call: () => T): T => {
  try {
    return call();
  } catch (error) {
    throw webhookApiError(error);
  }
};
