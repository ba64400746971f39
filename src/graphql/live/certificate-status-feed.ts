import type { PubSub } from 'type-graphql';
import {
  type EventStore,
  type GlobalPosition,
  type ReconnectOptions,
  reconnectingSubscription,
  type RecordedEvent,
} from '../../eventstore';
import { CERTIFICATE_STATUS_CHANGED } from './certificate-status-change';
import { STATUS_EVENT_TYPES, statusChangeOfEvent } from './status-change-of-event';

export interface CertificateStatusFeedOptions {
  /** The event log the feed follows. */
  store: Pick<EventStore, 'subscribe' | 'readStream' | 'readAll'>;
  /** Where `certificateStatusChanged` subscribers listen. */
  pubSub: PubSub;
  /**
   * Publish only changes after this position: pass where the log ends now (e.g. the projection
   * runner's `position` once it has caught up) so that history is not replayed to subscribers.
   */
  after: GlobalPosition | null;
  batchSize?: number;
  /** How the feed follows the log again after a transient event-store failure. */
  reconnect?: ReconnectOptions;
}

export interface CertificateStatusFeed {
  /** Stops following the log (after the batch in progress). */
  stop(): Promise<void>;
  /** Settles when the feed stops: rejects with the error that stopped it. */
  readonly done: Promise<void>;
}

const CERTIFICATE_PREFIX = 'certificate-';
const CATCH_UP_BATCH = 100;

/**
 * Follows the certificate events of the event log and publishes each status change (suspended,
 * reinstated, withdrawn, expired, issued, restored...) on `CERTIFICATE_STATUS_CHANGED`, with the
 * organisation id as topic id. Changes come from the log, never from resolvers, so changes made
 * by reactors, scanners or other processes are published too. After a transient event-store
 * failure it publishes the changes recorded meanwhile, then follows on from the last one.
 */
export const startCertificateStatusFeed = ({
  store,
  pubSub,
  after,
  batchSize,
  reconnect,
}: CertificateStatusFeedOptions): CertificateStatusFeed => {
  let position = after;
  const selection = { categories: ['certificate'], eventTypes: STATUS_EVENT_TYPES };
  const publish = async (event: RecordedEvent): Promise<void> => {
    const earlier =
      event.version > 1
        ? await store.readStream(event.stream, { maxCount: event.version - 1 })
        : [];
    const change = statusChangeOfEvent(
      event.stream.slice(CERTIFICATE_PREFIX.length),
      event,
      earlier,
    );
    if (change) pubSub.publish(CERTIFICATE_STATUS_CHANGED, change.organisationId, change);
  };
  const publishBatch = async (events: readonly RecordedEvent[], checkpoint: GlobalPosition) => {
    for (const event of events) {
      await publish(event);
      position = event.position;
    }
    position = checkpoint;
  };
  const catchUp = async (): Promise<void> => {
    for (;;) {
      const events = await store.readAll({ ...selection, after: position, limit: CATCH_UP_BATCH });
      const last = events.at(-1);
      if (!last) return;
      await publishBatch(events, last.position);
    }
  };
  const subscription = reconnectingSubscription({
    ...reconnect,
    subscribe: () => store.subscribe({ ...selection, after: position, batchSize }, publishBatch),
    catchUp,
  });
  return { stop: () => subscription.close(), done: subscription.done };
};
