import type { PubSub } from 'type-graphql';
import type { EventStore, GlobalPosition, RecordedEvent } from '../../eventstore';
import { CERTIFICATE_STATUS_CHANGED } from './certificate-status-change';
import { STATUS_EVENT_TYPES, statusChangeOfEvent } from './status-change-of-event';

export interface CertificateStatusFeedOptions {
  /** The event log the feed follows. */
  store: Pick<EventStore, 'subscribe' | 'readStream'>;
  /** Where `certificateStatusChanged` subscribers listen. */
  pubSub: PubSub;
  /**
   * Publish only changes after this position: pass where the log ends now (e.g. the projection
   * runner's `position` once it has caught up) so that history is not replayed to subscribers.
   */
  after: GlobalPosition | null;
  batchSize?: number;
}

export interface CertificateStatusFeed {
  /** Stops following the log (after the batch in progress). */
  stop(): Promise<void>;
  /** Settles when the feed stops: rejects with the error that stopped it. */
  readonly done: Promise<void>;
}

const CERTIFICATE_PREFIX = 'certificate-';

/**
 * Follows the certificate events of the event log and publishes each status change (suspended,
 * reinstated, withdrawn, expired, issued, restored...) on `CERTIFICATE_STATUS_CHANGED`, with the
 * organisation id as topic id. Changes come from the log, never from resolvers, so changes made
 * by reactors, scanners or other processes are published too.
 */
export const startCertificateStatusFeed = ({
  store,
  pubSub,
  after,
  batchSize,
}: CertificateStatusFeedOptions): CertificateStatusFeed => {
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
  const subscription = store.subscribe(
    { categories: ['certificate'], eventTypes: STATUS_EVENT_TYPES, after, batchSize },
    async (events) => {
      for (const event of events) await publish(event);
    },
  );
  return { stop: () => subscription.close(), done: subscription.done };
};
