import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ValidationError } from 'class-validator';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import { InvalidCalendarDateError } from '../../domain/calendar';
import { DomainError } from '../../domain/errors';
import {
  AggregateAlreadyExistsError,
  ReadModelsBehindError,
  UnknownAggregateError,
} from '../../application/lifecycle';
import {
  ConcurrencyError,
  EventStoreUnavailableError,
  type ExpectedVersion,
  InvalidEventStoreInputError,
  PositionWaitStoppedError,
  PositionWaitTimeoutError,
} from '../../eventstore';
import {
  AmbiguousCertificateNumberError,
  InvalidCertificateFilterError,
  InvalidDeadlineQueryError,
  InvalidPageInputError,
} from '../../projections';
import { AGGREGATE_ENTITY } from './aggregate-entity';
import { ApiError } from './api-error';
import { ErrorCode } from './error-code';
import { fieldNameOf } from './literal-field-name';
import { ReadModelTimeoutError } from './read-model-timeout-error';

export interface FormatErrorOptions {
  /** Masks unknown errors as "Internal server error" (stack traces are never sent then). */
  production: boolean;
  /** Receives every error that was answered as INTERNAL_SERVER_ERROR, for the server log. */
  reportInternalError?: (error: unknown) => void;
}

export type FormatError = (
  formatted: GraphQLFormattedError,
  error: unknown,
) => GraphQLFormattedError;

interface Mapped {
  code: ErrorCode;
  message: string;
  extensions?: Record<string, unknown>;
}

/** Codes Apollo gives to malformed requests; such errors are answered as Apollo made them. */
const REQUEST_ERROR_CODES: ReadonlySet<unknown> = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
]);

/** A transient event-store failure; the client's words (addresses, gRPC details) stay out. */
const EVENT_STORE_UNAVAILABLE: Mapped = {
  code: ErrorCode.SERVICE_UNAVAILABLE,
  message:
    'the event store is unreachable now; retry shortly. A change answered so may have been ' +
    'recorded all the same: read it again before repeating it',
};

/** The read models or the reactor stopped for good (see /readyz); what stopped them stays out. */
const followerStopped = ({ what }: PositionWaitStoppedError): Mapped => ({
  code: ErrorCode.SERVICE_UNAVAILABLE,
  message:
    `${what} stopped following the event log (see /readyz): restart the service. A change ` +
    'answered so may have been recorded all the same: read it again, once the service is back, ' +
    'before repeating it',
});

/** Aggregates by stream category: a conflict names the object, not the stream. */
const STREAM_ENTITY: Readonly<Record<string, string>> = {
  organisation: AGGREGATE_ENTITY.organisation,
  auditcycle: AGGREGATE_ENTITY.auditCycle,
  certificate: AGGREGATE_ENTITY.certificate,
};

const conflict = ({ stream, expected, actual }: ConcurrencyError): Mapped => {
  const dash = stream.indexOf('-');
  const entity = STREAM_ENTITY[stream.slice(0, dash)];
  if (entity === undefined) {
    return {
      code: ErrorCode.CONFLICT,
      message: 'another change was recorded at the same time; send the request again',
      extensions: { currentVersion: actual },
    };
  }
  const id = stream.slice(dash + 1);
  return {
    code: ErrorCode.CONFLICT,
    message: conflictMessage(`${entity} ${id}`, expected, actual),
    extensions: { currentVersion: actual, entity, id },
  };
};

/**
 * Only a mutation that creates its object (`registerOrganisation`, `submitApplication`,
 * `transferCertificateIn`) fits expectedVersion 0: a mismatch there is no change made meanwhile.
 */
const conflictMessage = (object: string, expected: ExpectedVersion, actual: number): string => {
  if (actual === 0) {
    return (
      `${object} does not exist yet, so expectedVersion ${String(expected)} cannot match: ` +
      'a mutation that creates it takes expectedVersion 0, or none'
    );
  }
  if (expected === 0) {
    return (
      `${object} already exists, at version ${actual}: expectedVersion 0 is only for a ` +
      'mutation that creates it'
    );
  }
  return (
    `${object} is at version ${actual}, not ${String(expected)}: it changed meanwhile; ` +
    'read it again before retrying'
  );
};

/** The one error formatter of the API, for Apollo's `formatError` and for graphql-ws results. */
export const createFormatError =
  ({ production, reportInternalError = () => undefined }: FormatErrorOptions): FormatError =>
  (formatted, error) => {
    const cause = rootCause(error);
    const mapped = mapError(cause, error instanceof GraphQLError ? error : undefined, formatted);
    if (mapped) {
      return {
        ...formatted,
        message: mapped.message,
        extensions: {
          code: mapped.code,
          ...mapped.extensions,
          ...(production ? {} : stacktraceOf(formatted)),
        },
      };
    }
    if (REQUEST_ERROR_CODES.has(formatted.extensions?.code)) {
      return withField(
        withoutSuggestions(withoutStacktrace(formatted, production), production),
        error,
      );
    }
    reportInternalError(cause);
    if (production) {
      return {
        message: 'Internal server error',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
      };
    }
    return {
      ...formatted,
      extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };

const rootCause = (error: unknown): unknown => {
  let cause = error;
  while (cause instanceof GraphQLError && cause.originalError) cause = cause.originalError;
  return cause;
};

const mapError = (
  cause: unknown,
  located: GraphQLError | undefined,
  formatted: GraphQLFormattedError,
): Mapped | undefined => {
  if (cause instanceof ApiError) {
    return {
      code: cause.code,
      message: cause.message,
      extensions: without(cause.extensions, ['code', 'http', 'stacktrace']),
    };
  }
  if (cause instanceof PositionWaitStoppedError) return followerStopped(cause);
  if (cause instanceof PositionWaitTimeoutError) {
    return mapError(new ReadModelTimeoutError(cause.position, cause.timeoutMs), located, formatted);
  }
  if (cause instanceof ReadModelsBehindError) {
    return {
      code: ErrorCode.SERVICE_UNAVAILABLE,
      message: cause.message,
      extensions: { position: cause.position },
    };
  }
  if (cause instanceof DomainError) {
    const { rule, field, message } = cause;
    return field === undefined
      ? { code: ErrorCode.DOMAIN_RULE_VIOLATION, message, extensions: { rule } }
      : { code: ErrorCode.BAD_USER_INPUT, message, extensions: { rule, field } };
  }
  if (cause instanceof ConcurrencyError) return conflict(cause);
  if (cause instanceof EventStoreUnavailableError) return EVENT_STORE_UNAVAILABLE;
  if (
    cause instanceof InvalidEventStoreInputError ||
    cause instanceof InvalidPageInputError ||
    cause instanceof InvalidCertificateFilterError ||
    cause instanceof AmbiguousCertificateNumberError ||
    cause instanceof InvalidDeadlineQueryError
  ) {
    return badInput(cause.field, cause.message);
  }
  if (cause instanceof UnknownAggregateError) {
    return {
      code: ErrorCode.NOT_FOUND,
      message: cause.message,
      extensions: { entity: AGGREGATE_ENTITY[cause.kind], id: cause.id },
    };
  }
  if (cause instanceof AggregateAlreadyExistsError) {
    return {
      code: ErrorCode.CONFLICT,
      message: cause.message,
      extensions: { entity: AGGREGATE_ENTITY[cause.kind], id: cause.id },
    };
  }
  if (cause instanceof InvalidCalendarDateError) {
    const field = (located && fieldNameOf(located)) ?? lastPathSegment(formatted);
    return badInput(field, field === undefined ? cause.message : `${field}: ${cause.message}`);
  }
  if (cause instanceof ArgumentValidationError) {
    const problems = flatten(cause.extensions.validationErrors);
    return {
      code: ErrorCode.BAD_USER_INPUT,
      message: problems.map(({ message }) => message).join('; '),
      extensions: {
        field: problems[0]?.field,
        fields: [...new Set(problems.map(({ field }) => field))],
      },
    };
  }
  if (cause instanceof AuthenticationError) {
    return { code: ErrorCode.UNAUTHENTICATED, message: cause.message };
  }
  if (cause instanceof AuthorizationError) {
    return { code: ErrorCode.FORBIDDEN, message: cause.message };
  }
  return undefined;
};

const badInput = (field: string | undefined, message: string): Mapped => ({
  code: ErrorCode.BAD_USER_INPUT,
  message,
  extensions: { field: field ?? null },
});

const lastPathSegment = (formatted: GraphQLFormattedError): string | undefined => {
  const last = formatted.path?.[formatted.path.length - 1];
  return typeof last === 'string' ? last : undefined;
};

const flatten = (
  errors: readonly ValidationError[],
  prefix = '',
): Array<{ field: string; message: string }> =>
  errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], `${field}.`)];
  });

const stacktraceOf = (formatted: GraphQLFormattedError): Record<string, unknown> =>
  formatted.extensions?.stacktrace === undefined
    ? {}
    : { stacktrace: formatted.extensions.stacktrace };

const withField = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
  if (formatted.extensions?.code !== ErrorCode.BAD_USER_INPUT || 'field' in formatted.extensions) {
    return formatted;
  }
  const field = error instanceof GraphQLError ? fieldNameOf(error) : undefined;
  return { ...formatted, extensions: { ...formatted.extensions, field: field ?? null } };
};

const withoutStacktrace = (
  formatted: GraphQLFormattedError,
  production: boolean,
): GraphQLFormattedError => {
  if (!production || formatted.extensions?.stacktrace === undefined) return formatted;
  return { ...formatted, extensions: without(formatted.extensions, ['stacktrace']) };
};

/**
 * graphql-js's "Did you mean …?" names fields, types and enum values of the schema. Apollo drops
 * it from the validation errors of HTTP requests in production (introspection is off there), but
 * not from variables' coercion errors, nor does graphql-ws: dropped here for those.
 */
const withoutSuggestions = (
  formatted: GraphQLFormattedError,
  production: boolean,
): GraphQLFormattedError => {
  if (!production) return formatted;
  return { ...formatted, message: formatted.message.replace(/ ?Did you mean(.+?)\?$/, '') };
};

const without = (
  record: Readonly<Record<string, unknown>>,
  keys: readonly string[],
): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
