import { DateTimeResolver } from 'graphql-scalars';

/** An instant as an ISO 8601 date-time in UTC (`2025-03-20T09:30:00.000Z`); accepts any offset. */
export const DateTimeScalar = DateTimeResolver;
