import Database from 'better-sqlite3';
import { reconnectReporting, ServiceHealth } from '../../src/composition';
import { EventStoreDBEventStore, type NewEvent, type RecordedEvent } from '../../src/eventstore';
import { eachEvent, type Projection, ProjectionRunner } from '../../src/projections';
import { FakeEventStoreDBClient } from '../eventstore/eventstoredb/fake-eventstoredb-client';
import { temporaryDirectory } from '../eventstore/temp-store';

const uuidFor = (label: string): string =>
  `00000000-0000-4000-8000-${Buffer.from(label).toString('hex').padStart(12, '0')}`;

const newEvent = (label: string): NewEvent => ({
  id: uuidFor(label),
  type: 'Happened',
  data: { label },
  metadata: { correlationId: label, actor: 'test' },
});

/** Records every event it applies, in order; throws on the event labelled `failOn`. */
const appliedLabels = (applied: string[], failOn?: string): Projection => ({
  name: 'applied_labels',
  version: 1,
  setup: (db) => db.exec('CREATE TABLE IF NOT EXISTS applied_labels (label TEXT NOT NULL)'),
  reset: (db) => db.exec('DELETE FROM applied_labels'),
  applyBatch: eachEvent((event: RecordedEvent, db) => {
    const { label } = event.data as { label: string };
    if (label === failOn) throw new Error(`cannot apply ${label}`);
    db.prepare('INSERT INTO applied_labels (label) VALUES (?)').run(label);
    applied.push(label);
  }),
});

const waitFor = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 500 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  if (!condition()) throw new Error('condition not reached');
};

describe('the projection runner over EventStoreDB, when the connection is lost', () => {
  const dir = temporaryDirectory('reconnect');
  let n = 0;
  let runner: ProjectionRunner;
  let db: Database.Database;
  afterEach(async () => {
    await runner.stop();
    db.close();
  });
  afterAll(() => dir.remove());

  /** Given a runner live over a fake EventStoreDB holding e1 and e2, with readiness and a log. */
  const given = async (failOn?: string) => {
    const client = new FakeEventStoreDBClient();
    const store = new EventStoreDBEventStore(client);
    await store.appendToStream('thing-1', [newEvent('e1')]);
    await store.appendToStream('thing-2', [newEvent('e2')]);
    db = new Database(dir.file(`read-models-${++n}.db`));
    const applied: string[] = [];
    const health = new ServiceHealth();
    const lines: string[] = [];
    const backoff = { initialMs: 1, maxMs: 4 };
    const reconnect = reconnectReporting(health, (line) => lines.push(line), backoff);
    const options = reconnect('the projection runner');
    expect(options.backoff).toBe(backoff);
    runner = new ProjectionRunner({
      store,
      db,
      projections: [appliedLabels(applied, failOn)],
      reconnect: options,
    });
    health.follow(runner);
    await runner.start();
    health.started();
    return { client, store, applied, health, lines };
  };

  it('reports reconnecting, then catches up from its checkpoint and is ready again', async () => {
    const { client, store, applied, health, lines } = await given();
    expect(health.readiness()).toEqual({ ready: true });

    client.serverDown('No connection established');
    await waitFor(() => !health.readiness().ready);
    expect(runner.isLive).toBe(false);
    const { reason } = health.readiness() as { reason: string };
    expect(reason).toMatch(
      /^the projection runner is reconnecting to the event store since \d{4}-\d\d-\d\dT[\d:.]+Z \(\d+ failed attempts; last error: No connection established\)$/,
    );

    client.record('thing-3', 'Happened', { label: 'e3' }, {}, uuidFor('e3'));
    client.serverBack();
    await waitFor(() => health.readiness().ready);
    expect(applied).toEqual(['e1', 'e2', 'e3']);

    await store.appendToStream('thing-4', [newEvent('e4')]);
    await waitFor(() => applied.length === 4);
    expect(applied).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(db.prepare('SELECT label FROM applied_labels').pluck().all()).toEqual(applied);
    expect(lines).toEqual([
      'certcycle: the projection runner lost the event store (No connection established); reconnecting',
      expect.stringMatching(
        /^certcycle: the projection runner follows the event store again \(unreachable since \S+, \d+ attempts\)$/,
      ) as unknown,
    ]);
  });

  it('stops for good on a projection error, without reconnecting', async () => {
    const { client, store, health, lines } = await given('e3');
    await store.appendToStream('thing-3', [newEvent('e3')]);
    await waitFor(() => runner.error !== null);
    expect(health.readiness()).toEqual({
      ready: false,
      reason: 'the projection runner stopped: cannot apply e3',
    });
    expect(client.calls.filter((call) => call === 'subscribeToAll')).toHaveLength(1);
    expect(lines).toEqual([]);
  });
});
