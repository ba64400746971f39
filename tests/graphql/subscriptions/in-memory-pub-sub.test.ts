import { createInMemoryPubSub } from '../../../src/graphql';

const take = async (iterable: AsyncIterable<unknown>, count: number): Promise<unknown[]> => {
  const values: unknown[] = [];
  for await (const value of iterable) {
    values.push(value);
    if (values.length === count) break;
  }
  return values;
};

it('delivers payloads in order to every subscriber of the topic', async () => {
  const pubSub = createInMemoryPubSub();
  const first = take(pubSub.subscribe('T'), 2);
  const second = take(pubSub.subscribe('T'), 2);
  pubSub.publish('T', 1);
  pubSub.publish('OTHER', 'x');
  pubSub.publish('T', 2);
  await expect(first).resolves.toEqual([1, 2]);
  await expect(second).resolves.toEqual([1, 2]);
});

it('routes by topic id when one is given', async () => {
  const pubSub = createInMemoryPubSub();
  const acme = take(pubSub.subscribe('T', 'org-acme'), 1);
  pubSub.publish('T', 'org-other', 'not for acme');
  pubSub.publish('T', 'org-acme', 'for acme');
  await expect(acme).resolves.toEqual(['for acme']);
});

it('stops delivering to a subscriber that returned', async () => {
  const pubSub = createInMemoryPubSub();
  const iterator = pubSub.subscribe('T')[Symbol.asyncIterator]();
  await iterator.return?.();
  pubSub.publish('T', 1);
  await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
});

it('ends a subscriber that falls too far behind with an error', async () => {
  const pubSub = createInMemoryPubSub({ maxBuffered: 2 });
  const iterator = pubSub.subscribe('T')[Symbol.asyncIterator]();
  [1, 2, 3].forEach((value) => pubSub.publish('T', value));
  await expect(iterator.next()).resolves.toEqual({ value: 1, done: false });
  await expect(iterator.next()).resolves.toEqual({ value: 2, done: false });
  await expect(iterator.next()).rejects.toThrow('fell more than 2 events behind');
});
