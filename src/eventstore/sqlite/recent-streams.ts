import type { RecordedEvent } from '../event-store';
import { RecentlyStored } from '../recently-stored';

/** Streams kept, least recently read dropped first. */
const KEPT_STREAMS = 256;
/** Longer streams are not kept: their events would crowd out the rest. */
const LONGEST_KEPT = 100;

/**
 * The events of the streams read lately, versions 1 to n. Events never change once written, so a
 * stream read again (a command loads its aggregate, then the projections fold it) only needs the
 * versions after n from the database, which also brings in appends made by other connections.
 */
export class RecentStreams {
  private readonly streams = new RecentlyStored<string, readonly RecordedEvent[]>(KEPT_STREAMS);

  get(stream: string): readonly RecordedEvent[] | undefined {
    return this.streams.get(stream);
  }

  remember(stream: string, events: readonly RecordedEvent[]): void {
    if (events.length === 0 || events.length > LONGEST_KEPT) this.streams.delete(stream);
    else this.streams.set(stream, events);
  }
}
