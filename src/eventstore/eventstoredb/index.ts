export { EventStoreDBEventStore } from './eventstoredb-event-store';
export type {
  EventStoreDBClientLike,
  EventStoreDBEventStoreOptions,
} from './eventstoredb-event-store';
