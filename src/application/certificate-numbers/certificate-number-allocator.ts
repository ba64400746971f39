import { randomUUID } from 'node:crypto';
import { streamName, type EventStore, isConcurrencyError } from '../../eventstore';
import type { Clock } from '../clock';
import type { CommandContext } from '../command-handler';

export const CERTIFICATE_NUMBER_ALLOCATED = 'CertificateNumberAllocated';

export interface CertificateNumberAllocated {
  sequence: number;
  certificateId: string;
}

export interface CertificateNumberAllocatorOptions {
  store: EventStore;
  clock: Clock;
  /** Names the sequence: stream `certificatenumbers-<name>` (default `default`). */
  sequenceName?: string;
  /** Attempts when other writers allocate at the same time (default 10). */
  maxAttempts?: number;
}

/**
 * A gapless-while-healthy, always-unique sequence kept in the event store: each allocation appends
 * `CertificateNumberAllocated` at the exact current version, so two writers never get the same
 * number (the loser reads the tail and tries the next one). A certificate id that already holds a
 * number gets it again, so a crash between allocation and issue reuses it on retry. A number whose
 * certificate is never issued (the issue was refused, or never retried) stays a gap in the sequence;
 * numbers stay unique.
 */
export class CertificateNumberAllocator {
  private readonly store: EventStore;
  private readonly clock: Clock;
  private readonly stream: string;
  private readonly maxAttempts: number;
  private version = 0;
  private last = 0;
  private readonly allocated = new Map<string, number>();

  constructor({
    store,
    clock,
    sequenceName = 'default',
    maxAttempts = 10,
  }: CertificateNumberAllocatorOptions) {
    this.store = store;
    this.clock = clock;
    this.stream = streamName('certificatenumbers', sequenceName);
    this.maxAttempts = maxAttempts;
  }

  /** The certificate's sequence number: the one it already holds, or the next free one. */
  async allocate(certificateId: string, context: CommandContext): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      await this.readTail();
      const existing = this.allocated.get(certificateId);
      if (existing !== undefined) return existing;
      const data: CertificateNumberAllocated = { sequence: this.last + 1, certificateId };
      try {
        const result = await this.store.appendToStream(
          this.stream,
          [
            {
              id: randomUUID(),
              type: CERTIFICATE_NUMBER_ALLOCATED,
              data,
              metadata: {
                correlationId: context.correlationId ?? randomUUID(),
                causationId: context.causationId ?? null,
                actor: context.actor,
                recordedAt: this.clock.now().toISOString(),
              },
            },
          ],
          { expectedVersion: this.version },
        );
        this.remember(data, result.nextVersion);
        return data.sequence;
      } catch (error) {
        if (!isConcurrencyError(error) || attempt >= this.maxAttempts) throw error;
      }
    }
  }

  private async readTail(): Promise<void> {
    const events = await this.store.readStream(this.stream, { fromVersion: this.version });
    for (const event of events) {
      this.remember(event.data as CertificateNumberAllocated, event.version);
    }
  }

  private remember({ sequence, certificateId }: CertificateNumberAllocated, version: number): void {
    this.allocated.set(certificateId, sequence);
    this.last = Math.max(this.last, sequence);
    this.version = version;
  }
}
