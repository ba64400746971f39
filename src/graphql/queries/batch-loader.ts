interface Waiter<Value> {
  resolve: (value: Value | null) => void;
  reject: (error: unknown) => void;
}

/**
 * DataLoader-style batching: every `load` made while a batch is open (the resolvers of one
 * execution pass) is answered by a single `fetch` of the distinct keys. Nothing is cached beyond
 * a batch; the read models' own caches keep values only until the next write.
 */
export class BatchLoader<Key, Value> {
  private pending: Map<Key, Waiter<Value>[]> | null = null;

  constructor(private readonly fetch: (keys: readonly Key[]) => ReadonlyMap<Key, Value>) {}

  load(key: Key): Promise<Value | null> {
    return new Promise((resolve, reject) => {
      let batch = this.pending;
      if (batch === null) {
        const opened = new Map<Key, Waiter<Value>[]>();
        batch = opened;
        this.pending = opened;
        void Promise.resolve().then(() => process.nextTick(() => this.dispatch(opened)));
      }
      const waiter = { resolve, reject };
      const waiting = batch.get(key);
      if (waiting) waiting.push(waiter);
      else batch.set(key, [waiter]);
    });
  }

  private dispatch(batch: Map<Key, Waiter<Value>[]>): void {
    if (this.pending === batch) this.pending = null;
    let values: ReadonlyMap<Key, Value>;
    try {
      values = this.fetch([...batch.keys()]);
    } catch (error) {
      for (const waiter of [...batch.values()].flat()) waiter.reject(error);
      return;
    }
    for (const [key, waiting] of batch) {
      for (const waiter of waiting) waiter.resolve(values.get(key) ?? null);
    }
  }
}
