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

interface Waiter {
  position: GlobalPosition;
  resolve: () => void;
}

/**
 * Lets callers wait until a consumer of the log (a projection runner, a reactor) has handled the
 * event at a position. The consumer calls `advance` after each committed batch.
 */
export class PositionWaiter {
  private waiters: Waiter[] = [];
  private current: GlobalPosition | null = null;

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

  async waitFor(position: GlobalPosition, timeoutMs: number): Promise<void> {
    if (this.reached(position)) return;
    let timer: NodeJS.Timeout | undefined;
    let waiter: Waiter | undefined;
    const reached = new Promise<void>((resolve) => {
      waiter = { position, resolve };
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
