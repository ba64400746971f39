import type { GlobalPosition } from './event-store';

/** A consumer of the log did not reach a position in time. */
export class PositionWaitTimeoutError extends Error {
  override readonly name: string = 'PositionWaitTimeoutError';
  constructor(
    readonly position: GlobalPosition,
    readonly timeoutMs: number,
    what: string,
  ) {
    super(`${what} did not reach event position ${position} within ${timeoutMs} ms`);
  }
}

/** A consumer of the log stopped for good: it will reach no further position. */
export class PositionWaitStoppedError extends Error {
  override readonly name = 'PositionWaitStoppedError';
  constructor(
    readonly what: string,
    cause: unknown,
  ) {
    super(
      `${what} stopped following the event log (${cause instanceof Error ? cause.message : String(cause)})`,
      { cause },
    );
  }
}

interface Waiter {
  position: GlobalPosition;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Lets callers wait until a consumer of the log (a projection runner, a reactor) has handled the
 * event at a position. The consumer calls `advance` after each committed batch.
 */
export class PositionWaiter {
  private waiters: Waiter[] = [];
  private current: GlobalPosition | null = null;
  private stopped: Error | null = null;

  constructor(
    private readonly timeoutError: (position: GlobalPosition, timeoutMs: number) => Error,
  ) {}

  reached(position: GlobalPosition): boolean {
    return this.current !== null && this.current >= position;
  }

  advance(position: GlobalPosition | null): void {
    this.current = position;
    if (position === null) return;
    const waiting = this.waiters;
    this.waiters = waiting.filter((waiter) => waiter.position > position);
    for (const waiter of waiting) if (waiter.position <= position) waiter.resolve();
  }

  /**
   * The consumer stopped for good: waits for a position it has not reached reject with `error`,
   * those pending now and any later one, rather than wait out their timeout.
   */
  stop(error: Error): void {
    this.stopped = error;
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) waiter.reject(error);
  }

  async waitFor(position: GlobalPosition, timeoutMs: number): Promise<void> {
    if (this.reached(position)) return;
    if (this.stopped !== null) throw this.stopped;
    let timer: NodeJS.Timeout | undefined;
    let waiter: Waiter | undefined;
    const reached = new Promise<void>((resolve, reject) => {
      waiter = { position, resolve, reject };
      this.waiters.push(waiter);
    });
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.timeoutError(position, timeoutMs)), timeoutMs);
    });
    try {
      await Promise.race([reached, timedOut]);
    } finally {
      clearTimeout(timer);
      this.waiters = this.waiters.filter((other) => other !== waiter);
    }
  }
}
