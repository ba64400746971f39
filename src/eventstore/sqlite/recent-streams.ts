import type { RecordedEvent } from '../event-store';
import { RecentlyStored } from '../recently-stored';

/** Streams kept, least recently read dropped first. */
const KEPT_STREAMS = 256;
/** Longer streams are not kept: their events would crowd out the rest. */
const LONGEST_KEPT = 100;

/**
 * The events of the streams read or appended lately, versions 1 to n, complete as far as this
 * connection knows: its own appends extend them once committed, and any commit by another
 * connection (`sync` with SQLite's `data_version`) drops them all. A stream kept here is read
 * again without a query.
 */
export class RecentStreams {
  private readonly streams = new RecentlyStored<string, readonly RecordedEvent[]>(KEPT_STREAMS);
  private dataVersion: number | null = null;

  /** Forgets every stream when another connection has committed since the last call. */
  sync(dataVersion: number): void {
    if (dataVersion !== this.dataVersion) this.streams.clear();
    this.dataVersion = dataVersion;
  }

  get(stream: string): readonly RecordedEvent[] | undefined {
    return this.streams.get(stream);
  }

  remember(stream: string, events: readonly RecordedEvent[]): void {
    if (events.length === 0 || events.length > LONGEST_KEPT) this.streams.delete(stream);
    else this.streams.set(stream, events);
  }

  /** `events`, just committed to `stream` by this connection, in version order. */
  appended(stream: string, events: readonly RecordedEvent[]): void {
    const first = events[0];
    if (!first) return;
    const known = first.version === 1 ? [] : this.streams.get(stream);
    if (known?.length === first.version - 1) this.remember(stream, [...known, ...events]);
    else this.streams.delete(stream);
  }
}
