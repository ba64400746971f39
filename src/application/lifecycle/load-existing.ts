import {
  auditCycleDecider,
  auditCycleStreamName,
  type AuditCycle,
  certificateDecider,
  certificateStreamName,
  type IssuedCertificateState,
  organisationDecider,
  organisationStreamName,
  type RegisteredOrganisation,
} from '../../domain';
import { ConcurrencyError, type EventStore } from '../../eventstore';
import { loadAggregate } from '../load-aggregate';
import { UnknownAggregateError } from './unknown-aggregate-error';

export const loadOrganisation = async (
  store: EventStore,
  organisationId: string,
): Promise<RegisteredOrganisation> => {
  const { state } = await loadAggregate(
    store,
    organisationStreamName(organisationId),
    organisationDecider,
  );
  if (state.status !== 'REGISTERED')
    throw new UnknownAggregateError('organisation', organisationId);
  return state;
};

/** A stream read at another version than the caller expects is a ConcurrencyError. */
const requireVersion = (stream: string, expectedVersion: number | undefined, version: number) => {
  if (expectedVersion !== undefined && expectedVersion !== version) {
    throw new ConcurrencyError(stream, expectedVersion, version);
  }
};

/**
 * With `expectedVersion`, a cycle at another version is a ConcurrencyError, before any rule is
 * checked against the state the caller did not see.
 */
export const loadAuditCycle = async (
  store: EventStore,
  auditCycleId: string,
  expectedVersion?: number,
): Promise<AuditCycle> => {
  const stream = auditCycleStreamName(auditCycleId);
  const { state, version } = await loadAggregate(store, stream, auditCycleDecider);
  if (state.status === 'NOT_STARTED') throw new UnknownAggregateError('auditCycle', auditCycleId);
  requireVersion(stream, expectedVersion, version);
  return state;
};

/** With `expectedVersion`, a certificate at another version is a ConcurrencyError. */
export const loadCertificate = async (
  store: EventStore,
  certificateId: string,
  expectedVersion?: number,
): Promise<IssuedCertificateState> => {
  const stream = certificateStreamName(certificateId);
  const { state, version } = await loadAggregate(store, stream, certificateDecider);
  if (state.status === 'NOT_ISSUED') throw new UnknownAggregateError('certificate', certificateId);
  requireVersion(stream, expectedVersion, version);
  return state;
};

/** True when the stream holds at least one event. */
export const streamExists = async (store: EventStore, stream: string): Promise<boolean> =>
  (await store.readStream(stream, { maxCount: 1 })).length > 0;
