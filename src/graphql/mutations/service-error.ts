import {
  AggregateAlreadyExistsError,
  type AggregateKind,
  UnknownAggregateError,
} from '../../application';
import { auditCycleStreamName, certificateStreamName, organisationStreamName } from '../../domain';
import type { ApiDependencies } from '../api-dependencies';
import { AGGREGATE_ENTITY, type ApiError, ConflictError, NotFoundError } from '../errors';

const STREAM: Readonly<Record<AggregateKind, (id: string) => string>> = {
  organisation: organisationStreamName,
  auditCycle: auditCycleStreamName,
  certificate: certificateStreamName,
};

/**
 * The API error for a refusal of the lifecycle service that the error formatter does not know:
 * an unknown id is NOT_FOUND, an id already taken is CONFLICT with the stream's current version.
 * Undefined for anything else (the error formatter maps domain and concurrency errors).
 */
export const serviceError = async (
  deps: Pick<ApiDependencies, 'eventLog'>,
  error: unknown,
): Promise<ApiError | undefined> => {
  if (error instanceof UnknownAggregateError)
    return new NotFoundError(AGGREGATE_ENTITY[error.kind], error.id);
  if (error instanceof AggregateAlreadyExistsError) {
    const events = await deps.eventLog.readStream(STREAM[error.kind](error.id));
    const entity = AGGREGATE_ENTITY[error.kind];
    return new ConflictError(events.at(-1)?.version ?? 0, `${entity} ${error.id} already exists`, {
      entity,
      id: error.id,
    });
  }
  return undefined;
};
