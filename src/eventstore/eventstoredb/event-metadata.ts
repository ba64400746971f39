import type { EventMetadata } from '../event-store';

/** Metadata as stored in EventStoreDB: the envelope plus the server's own correlation fields. */
export const toEventStoreDBMetadata = (serialised: string): Record<string, unknown> => {
  const metadata = JSON.parse(serialised) as EventMetadata;
  return {
    ...metadata,
    $correlationId: metadata.correlationId,
    $causationId: metadata.causationId,
  };
};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !ArrayBuffer.isView(value);

/** The port's envelope from stored metadata; events written by other tools get neutral defaults. */
export const toPortMetadata = (stored: unknown, created: Date): EventMetadata => {
  const metadata = isRecord(stored) ? stored : {};
  return {
    correlationId: text(metadata.correlationId) ?? text(metadata.$correlationId) ?? '',
    causationId: text(metadata.causationId) ?? text(metadata.$causationId) ?? null,
    actor: text(metadata.actor) ?? '',
    recordedAt: text(metadata.recordedAt) ?? created.toISOString(),
    schemaVersion: typeof metadata.schemaVersion === 'number' ? metadata.schemaVersion : 1,
  };
};
