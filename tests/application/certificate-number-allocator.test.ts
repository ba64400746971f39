import { CertificateNumberAllocator, SettableClock } from '../../src/application';
import { SqliteEventStore } from '../../src/eventstore';
import { temporaryDirectory } from '../eventstore/temp-store';

describe('certificate number allocator', () => {
  const dir = temporaryDirectory('certificate-numbers');
  const clock = new SettableClock('2024-03-20T08:00:00Z');
  const context = { actor: 'system' };
  let store: SqliteEventStore;
  let file = 0;

  beforeEach(() => {
    store = new SqliteEventStore(dir.file(`numbers-${++file}.db`));
  });
  afterEach(() => store.close());
  afterAll(() => dir.remove());

  it('hands out 1, 2, 3 and the same number again for the same certificate', async () => {
    const numbers = new CertificateNumberAllocator({ store, clock });
    expect(await numbers.allocate('a', context)).toBe(1);
    expect(await numbers.allocate('b', context)).toBe(2);
    expect(await numbers.allocate('a', context)).toBe(1);
    expect(await numbers.allocate('c', context)).toBe(3);
    const events = await store.readStream('certificatenumbers-default');
    expect(events.map((e) => e.data)).toEqual([
      { sequence: 1, certificateId: 'a' },
      { sequence: 2, certificateId: 'b' },
      { sequence: 3, certificateId: 'c' },
    ]);
  });

  it('never hands out a number twice when several allocators race', async () => {
    const allocators = [1, 2, 3].map(
      () => new CertificateNumberAllocator({ store, clock, maxAttempts: 50 }),
    );
    const ids = Array.from({ length: 30 }, (_, i) => `cert-${i}`);
    const numbers = await Promise.all(
      ids.map((id, i) => allocators[i % allocators.length]!.allocate(id, context)),
    );
    expect([...numbers].sort((a, b) => a - b)).toEqual(ids.map((_, i) => i + 1));
  });

  it('continues the sequence a previous process left in the store', async () => {
    await new CertificateNumberAllocator({ store, clock }).allocate('a', context);
    const restarted = new CertificateNumberAllocator({ store, clock });
    expect(await restarted.allocate('a', context)).toBe(1);
    expect(await restarted.allocate('b', context)).toBe(2);
  });

  it('keeps separate sequences apart', async () => {
    const other = new CertificateNumberAllocator({ store, clock, sequenceName: 'iso27001' });
    await new CertificateNumberAllocator({ store, clock }).allocate('a', context);
    expect(await other.allocate('b', context)).toBe(1);
  });
});
