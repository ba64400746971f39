import type { EventFilter, GlobalPosition, RecordedEvent } from '../event-store';
import { toPortMetadata } from './event-metadata';
import { isSelected } from './event-selection';
import { encodePosition, type LogPosition } from './global-position';

/** The fields of the client's recorded event that the port needs. */
export interface StoredEvent {
  id: string;
  type: string;
  data: unknown;
  metadata: unknown;
  streamId: string;
  revision: bigint;
  created: Date;
  position?: LogPosition;
}

/**
 * The commit position a server sends for an event whose log position it does not know (stream
 * reads before server 22.6; events of explicit transactions). The client passes it on as a
 * position, so a missing position is never `undefined` on a real server.
 */
const UNKNOWN_COMMIT = 2n ** 64n - 1n;

/** Whether the server told the event's log position. */
export const hasLogPosition = (position: LogPosition | undefined): position is LogPosition =>
  position !== undefined && position.commit !== UNKNOWN_COMMIT;

export const toRecordedEvent = (event: StoredEvent): RecordedEvent => {
  if (!hasLogPosition(event.position)) {
    throw new Error(
      `EventStoreDB returned event ${event.id} without a log position (needs server 22.6 or later)`,
    );
  }
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: toPortMetadata(event.metadata, event.created),
    stream: event.streamId,
    version: Number(event.revision) + 1,
    position: encodePosition(event.position),
  };
};

/** The port event for an `$all` event the filter selects strictly after `after`, else null. */
export const selectedAfter = (
  event: StoredEvent | undefined,
  filter: EventFilter,
  after: GlobalPosition,
): RecordedEvent | null => {
  if (!event || !isSelected({ type: event.type, stream: event.streamId }, filter)) return null;
  const recorded = toRecordedEvent(event);
  return recorded.position > after ? recorded : null;
};
