import { allProjections, type Projection, ProjectionRunner } from '../../src/projections';
import { temporaryDirectory } from '../eventstore/temp-store';
import {
  appendTypicalLifecycle,
  openReadSide,
  readModelSnapshot as snapshot,
} from './lifecycle-fixture';

describe('rebuilding and replaying the read models', () => {
  const dir = temporaryDirectory('rebuild');
  let side: ReturnType<typeof openReadSide>;
  let built: ReturnType<typeof snapshot>;
  let n = 0;

  beforeEach(async () => {
    side = openReadSide(dir.file(`rebuild-${++n}.db`));
    await appendTypicalLifecycle(side.store);
    await side.runner.catchUp();
    built = snapshot(side.db);
  });
  afterEach(() => side.close());
  afterAll(() => dir.remove());

  it('gives identical rows after reset and catch-up, whatever the batch size', async () => {
    expect(Object.keys(built)).toHaveLength(17);
    expect(built.rm_deadlines?.length).toBeGreaterThan(10);
    side.runner.reset();
    expect(snapshot(side.db).rm_certificates).toEqual([]);
    await side.runner.catchUp();
    expect(snapshot(side.db)).toEqual(built);
    const oneByOne = new ProjectionRunner({
      store: side.store,
      db: side.db,
      projections: allProjections,
      batchSize: 1,
    });
    oneByOne.reset();
    await oneByOne.catchUp();
    expect(snapshot(side.db)).toEqual(built);
  });

  it('does not apply a batch twice when a fresh runner replays from an older checkpoint', async () => {
    side.runner.reset(['deadlines']);
    const fresh = new ProjectionRunner({
      store: side.store,
      db: side.db,
      projections: allProjections,
    });
    expect(fresh.position).toBeNull();
    const total = (await side.store.readAll()).length;
    expect(await fresh.catchUp()).toBe(total);
    expect(snapshot(side.db)).toEqual(built);
  });

  it('recovers from a failed batch, in a fresh runner and in the same one', async () => {
    const events = await side.store.readAll();
    const failAt = events[Math.floor(events.length / 2)]!.position;
    let failed = false;
    const failingOnce: Projection = {
      name: 'failing_once',
      version: 1,
      setup: () => undefined,
      reset: () => undefined,
      applyBatch: (events) => {
        if (events.some((event) => event.position === failAt) && !failed) {
          failed = true;
          throw new Error('handler failed');
        }
      },
    };
    const projections = [...allProjections, failingOnce];
    const runner = new ProjectionRunner({
      store: side.store,
      db: side.db,
      projections,
      batchSize: 5,
    });
    runner.reset();
    await expect(runner.catchUp()).rejects.toThrow('handler failed');
    const retry = new ProjectionRunner({
      store: side.store,
      db: side.db,
      projections,
      batchSize: 5,
    });
    await retry.catchUp();
    expect(snapshot(side.db)).toEqual(built);

    failed = false;
    runner.reset();
    await expect(runner.catchUp()).rejects.toThrow('handler failed');
    await runner.catchUp();
    expect(snapshot(side.db)).toEqual(built);
  });

  it('leaves no rows or checkpoint behind when the last projection fails a batch', async () => {
    const events = await side.store.readAll();
    let failed = false;
    const failingAtTheEnd: Projection = {
      name: 'failing_at_the_end',
      version: 1,
      setup: () => undefined,
      reset: () => undefined,
      applyBatch: () => {
        if (!failed) {
          failed = true;
          throw new Error('handler failed');
        }
      },
    };
    const projections = [...allProjections, failingAtTheEnd];
    const runner = new ProjectionRunner({
      store: side.store,
      db: side.db,
      projections,
      batchSize: events.length,
    });
    runner.reset();
    await expect(runner.catchUp()).rejects.toThrow('handler failed');
    expect(runner.position).toBeNull();
    const emptied = snapshot(side.db);
    expect(Object.values(emptied).every((rows) => rows.length === 0)).toBe(true);
    expect(await runner.catchUp()).toBe(events.length);
    expect(snapshot(side.db)).toEqual(built);
  });
});
