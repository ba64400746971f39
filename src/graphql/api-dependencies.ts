import type { Database } from 'better-sqlite3';
import type { PubSub } from 'type-graphql';
import type { Clock, LifecycleService } from '../application';
import type { EventStore } from '../eventstore';
import type { WebhookDeliveries } from '../webhooks/deliveries';
import type { WebhookSubscriptions } from '../webhooks/subscriptions';

/** Something that follows the event log and can be waited on (read-your-writes). */
export interface PositionFollower {
  waitFor(position: string, timeoutMs: number): Promise<void>;
}

/** What the resolvers need, handed to each resolver class's constructor by the schema builder. */
export interface ApiDependencies {
  /** The SQLite database holding the read models (query functions of src/projections). */
  readModels: Database;
  /** One operation per mutation (src/application/lifecycle). */
  service: LifecycleService;
  /** The projection runner: mutations answer once it has applied their append. */
  projections: PositionFollower;
  /** The certification-outcome reactor: a granted decision answers once the certificate exists. */
  certificationOutcome: PositionFollower;
  /**
   * Reads a stream of the event log (the event store itself will do): a granted decision finds the
   * position of the certificate event the reactor appended, to wait for the read models to reach it.
   */
  eventLog: Pick<EventStore, 'readStream'>;
  clock: Clock;
  /** The CB's time zone: "today" for `asOf` defaults. */
  timeZone: string;
  /** Bound on read-your-writes waits, in ms. */
  readYourWritesTimeoutMs: number;
  /** Topics of GraphQL subscriptions (fed from the event log, never from resolvers). */
  pubSub: PubSub;
  /** Webhook endpoints and their deliveries; without them the webhook fields answer an error. */
  webhooks?: WebhookApi;
}

/** The webhook services the API manages endpoints and deliveries with. */
export interface WebhookApi {
  subscriptions: WebhookSubscriptions;
  deliveries: WebhookDeliveries;
}
