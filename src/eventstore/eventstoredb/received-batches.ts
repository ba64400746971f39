import type { GlobalPosition, RecordedEvent } from '../event-store';

/** Events taken at once, and the position to store once they are handled. */
export interface ReceivedBatch {
  readonly events: RecordedEvent[];
  readonly checkpoint: GlobalPosition;
}

/**
 * What a subscription received and has not handed over yet: the handler takes everything that
 * arrived while it ran, up to `batchSize` events at a time, instead of one call per event. A
 * server checkpoint received after the last event waiting moves that batch's checkpoint on (the
 * events between were filtered out); on its own it is an empty batch. Nothing at or behind a
 * position already handed over is handed over again.
 */
export class ReceivedBatches {
  private events: RecordedEvent[] = [];
  private latest: GlobalPosition;
  private ending: { error: Error | undefined } | null = null;
  private wakeTaker: (() => void) | null = null;
  private wakeReceiver: (() => void) | null = null;

  constructor(
    private readonly batchSize: number,
    private handedOver: GlobalPosition,
  ) {
    this.latest = handedOver;
  }

  /** True when the receiver should wait (`untilTaken`) before it reads more. */
  get full(): boolean {
    return this.events.length >= this.batchSize;
  }

  receiveEvent(event: RecordedEvent): void {
    this.events.push(event);
    this.moveTo(event.position);
  }

  receiveCheckpoint(position: GlobalPosition): void {
    this.moveTo(position);
  }

  /** No more will be received; `error`, if any, is thrown once what came before is taken. */
  end(error?: Error): void {
    this.ending ??= { error };
    this.wakeTaker?.();
    this.wakeReceiver?.();
  }

  /** Resolves once the taker has taken a batch (or the end was reached). */
  untilTaken(): Promise<void> {
    if (this.ending) return Promise.resolve();
    return new Promise((resolve) => (this.wakeReceiver = resolve));
  }

  /** The next batch, waiting for one; null at an end without error. */
  async take(): Promise<ReceivedBatch | null> {
    while (this.latest <= this.handedOver) {
      if (this.ending) {
        if (this.ending.error !== undefined) throw this.ending.error;
        return null;
      }
      await new Promise<void>((resolve) => (this.wakeTaker = resolve));
    }
    const events = this.events.splice(0, this.batchSize);
    const checkpoint = this.events.length > 0 ? events.at(-1)!.position : this.latest;
    this.handedOver = checkpoint;
    this.wakeReceiver?.();
    return { events, checkpoint };
  }

  private moveTo(position: GlobalPosition): void {
    if (position <= this.latest) return;
    this.latest = position;
    this.wakeTaker?.();
  }
}
