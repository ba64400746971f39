import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Database } from 'better-sqlite3';
import type { Clock } from '../../application/clock';
import type { CalendarDate, CertificateStatus } from '../../domain';
import {
  type EventStore,
  type ReconnectOptions,
  reconnectingSubscription,
  type RecordedEvent,
  type Subscription,
} from '../../eventstore';
import { DeliveryOutbox } from '../deliveries';
import { MAPPED_CERTIFICATE_EVENTS, mapCertificateEvent } from '../events';
import { createWebhookSchema } from '../schema';

export interface WebhookFanOutOptions {
  store: EventStore;
  db: Database;
  clock: Clock;
  /** Events per transaction (default 500). */
  batchSize?: number;
  /** How the fan-out follows the log again after a transient event-store failure. */
  reconnect?: ReconnectOptions;
}

const CHECKPOINT = 'fan-out';

interface CertificateOwner {
  certificateId: string;
  organisationId: string;
}

const ownerOf = (event: RecordedEvent): CertificateOwner | null => {
  if (event.type !== 'CertificateIssued' && event.type !== 'CertificateTransferredIn') return null;
  const data = event.data as CertificateOwner;
  return { certificateId: data.certificateId, organisationId: data.organisationId };
};

/**
 * Turns certificate events into delivery rows. Each batch's rows and the checkpoint commit in one
 * transaction, so a crash neither loses an event nor (thanks to the unique key) doubles a row.
 * `wh_certificates` keeps each certificate's organisation, last status and the expiry date its
 * last event gave, which tells whether a change entered after a recorded expiry voids it (rows
 * from before the status column read as ACTIVE until their next status change; for one recorded
 * EXPIRED before the expiry column, the event's own previous term decides, see `statusAfter`).
 */
export class WebhookFanOut {
  private readonly store: EventStore;
  private readonly db: Database;
  private readonly clock: Clock;
  private readonly batchSize: number;
  private readonly outbox: DeliveryOutbox;
  private readonly reconnect: ReconnectOptions;
  private subscription: Subscription | null = null;

  constructor({ store, db, clock, batchSize = 500, reconnect = {} }: WebhookFanOutOptions) {
    this.reconnect = reconnect;
    this.store = store;
    this.db = db;
    this.clock = clock;
    this.batchSize = batchSize;
    createWebhookSchema(db);
    this.outbox = new DeliveryOutbox(db);
  }

  /** The last position fanned out (null: none yet). */
  get position(): string | null {
    const row = this.db
      .prepare<[string], { position: string | null }>(
        'SELECT position FROM wh_checkpoints WHERE name = ?',
      )
      .get(CHECKPOINT);
    return row?.position ?? null;
  }

  /**
   * Reads the log to its end; returns the number of events read. Each batch starts on a new turn
   * of the event loop: on SQLite a read never waits for I/O, and a first start over a large log
   * would otherwise hold requests and signals until the end.
   */
  async catchUp(): Promise<number> {
    let read = 0;
    for (;;) {
      await nextTurn();
      const events = await this.store.readAll({
        after: this.position,
        limit: this.batchSize,
        categories: ['certificate'],
        eventTypes: MAPPED_CERTIFICATE_EVENTS,
      });
      const last = events.at(-1);
      if (!last) return read;
      this.apply(events, last.position);
      read += events.length;
    }
  }

  /**
   * Catches up, then follows the log live until `close`; after a transient event-store failure,
   * catches up again from its checkpoint and follows on.
   */
  async start(): Promise<void> {
    await this.catchUp();
    this.subscription = reconnectingSubscription({
      ...this.reconnect,
      subscribe: () =>
        this.store.subscribe(
          {
            after: this.position,
            batchSize: this.batchSize,
            categories: ['certificate'],
            eventTypes: MAPPED_CERTIFICATE_EVENTS,
          },
          (events, checkpoint) => {
            this.apply(events, checkpoint);
            return Promise.resolve();
          },
        ),
      catchUp: () => this.catchUp(),
    });
  }

  /** Settles when the live subscription stops (rejects with its error). */
  get done(): Promise<void> {
    return this.subscription?.done ?? Promise.resolve();
  }

  async close(): Promise<void> {
    await this.subscription?.close();
    this.subscription = null;
  }

  /** One transaction: delivery rows for every event after the checkpoint, then the checkpoint. */
  apply(events: readonly RecordedEvent[], checkpoint: string): void {
    const saveOwner = this.db.prepare(
      'INSERT OR REPLACE INTO wh_certificates (certificate_id, organisation_id) VALUES (?, ?)',
    );
    const findOwner = this.db.prepare<
      [string],
      {
        organisation_id: string;
        status: CertificateStatus | null;
        expiry_date: CalendarDate | null;
      }
    >('SELECT organisation_id, status, expiry_date FROM wh_certificates WHERE certificate_id = ?');
    const saveStatus = this.db.prepare<[CertificateStatus, CalendarDate | null, string]>(
      `UPDATE wh_certificates SET status = ?, expiry_date = coalesce(?, expiry_date)
       WHERE certificate_id = ?`,
    );
    const saveCheckpoint = this.db.prepare(
      `INSERT INTO wh_checkpoints (name, position) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
    );
    this.db
      .transaction(() => {
        const from = this.position;
        if (from !== null && checkpoint <= from) return;
        const now = this.clock.now().getTime();
        for (const event of events) {
          if (from !== null && event.position <= from) continue;
          const owner = ownerOf(event);
          if (owner) saveOwner.run(owner.certificateId, owner.organisationId);
          const data = event.data as { certificateId?: string; expiryDate?: CalendarDate };
          const certificateId = data.certificateId ?? '';
          const known = findOwner.get(certificateId);
          const organisationId = known?.organisation_id ?? null;
          const payload = mapCertificateEvent(event, organisationId, {
            status: known?.status ?? 'ACTIVE',
            expiryDate: known?.expiry_date ?? null,
          });
          if (!payload) continue;
          saveStatus.run(payload.data.status, data.expiryDate ?? null, certificateId);
          this.outbox.enqueue({ eventId: event.id, organisationId, payload }, now);
        }
        saveCheckpoint.run(CHECKPOINT, checkpoint);
      })
      .immediate();
  }
}
