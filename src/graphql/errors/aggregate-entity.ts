import type { AggregateKind } from '../../application/lifecycle';

/** The GraphQL type of each aggregate: the `entity` of its NOT_FOUND and CONFLICT errors. */
export const AGGREGATE_ENTITY: Readonly<Record<AggregateKind, string>> = {
  organisation: 'Organisation',
  auditCycle: 'AuditCycle',
  certificate: 'Certificate',
};
