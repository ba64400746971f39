import type { PubSub } from 'type-graphql';

export interface InMemoryPubSubOptions {
  /** Events buffered for a subscriber that reads slower than events arrive; beyond it the subscription ends with an error. */
  readonly maxBuffered?: number;
}

/**
 * type-graphql `PubSub` for one process: `publish(topic, payload)` or `publish(topic, id, payload)`
 * reaches `subscribe(topic)` or `subscribe(topic, id)`. Subscribers that stop reading are removed.
 */
export const createInMemoryPubSub = ({
  maxBuffered = 1_000,
}: InMemoryPubSubOptions = {}): PubSub => {
  const subscribers = new Map<string, Set<(payload: unknown) => void>>();
  const channel = (topic: string, id?: unknown): string =>
    id === undefined ? topic : `${topic}\u0000${JSON.stringify(id)}`;

  return {
    publish(topic, ...args) {
      const [id, payload] = args.length >= 2 ? args : [undefined, args[0]];
      for (const deliver of subscribers.get(channel(topic, id)) ?? []) deliver(payload);
    },
    subscribe(topic, id) {
      const key = channel(topic, id);
      const buffered: unknown[] = [];
      let waiting: ((result: IteratorResult<unknown>) => void) | undefined;
      let failure: Error | undefined;
      let done = false;
      const deliver = (payload: unknown): void => {
        if (waiting) {
          const resolve = waiting;
          waiting = undefined;
          resolve({ value: payload, done: false });
        } else if (buffered.length < maxBuffered) {
          buffered.push(payload);
        } else {
          failure = new Error(`subscriber to ${topic} fell more than ${maxBuffered} events behind`);
          stop();
        }
      };
      const stop = (): void => {
        done = true;
        subscribers.get(key)?.delete(deliver);
        if (subscribers.get(key)?.size === 0) subscribers.delete(key);
      };
      subscribers.set(key, (subscribers.get(key) ?? new Set()).add(deliver));
      const iterator: AsyncIterableIterator<unknown> = {
        next() {
          if (buffered.length > 0) return Promise.resolve({ value: buffered.shift(), done: false });
          if (failure) return Promise.reject(failure);
          if (done) return Promise.resolve({ value: undefined, done: true });
          return new Promise((resolve) => {
            waiting = resolve;
          });
        },
        return() {
          stop();
          waiting?.({ value: undefined, done: true });
          waiting = undefined;
          return Promise.resolve({ value: undefined, done: true });
        },
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },
  };
};
