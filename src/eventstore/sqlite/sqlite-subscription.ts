import type { BatchHandler, RecordedEvent, Subscription } from '../event-store';
import type { AppendSignal } from './append-signal';

/** Reads up to `limit` matching events after a rowid; synchronous, so no append can slip in between. */
export type BatchReader = (afterRowid: number, limit: number) => RecordedEvent[];

export interface SqliteSubscriptionSettings {
  afterRowid: number;
  batchSize: number;
  pollIntervalMs: number | null;
  onStop: () => void;
}

/** Catches up batch by batch, then sleeps until an append is signalled (or the poll interval ends). */
export class SqliteSubscription implements Subscription {
  readonly done: Promise<void>;
  private closed = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly read: BatchReader,
    private readonly signal: AppendSignal,
    private readonly handler: BatchHandler,
    private readonly settings: SqliteSubscriptionSettings,
  ) {
    this.done = this.run();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    let after = this.settings.afterRowid;
    try {
      while (!this.closed) {
        const seen = this.signal.generation;
        const events = this.read(after, this.settings.batchSize);
        const last = events[events.length - 1];
        if (!last) {
          await this.idle(seen);
          continue;
        }
        await this.handler(events, last.position);
        after = Number(last.position);
      }
    } finally {
      this.settings.onStop();
    }
  }

  private idle(seen: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed || this.signal.generation !== seen) {
        resolve();
        return;
      }
      const { pollIntervalMs } = this.settings;
      const timer = pollIntervalMs === null ? null : setTimeout(() => stop(), pollIntervalMs);
      timer?.unref();
      const unlisten = this.signal.listen(() => stop());
      const stop = (): void => {
        unlisten();
        if (timer) clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      this.wake = stop;
    });
  }
}
