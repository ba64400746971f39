import Database from 'better-sqlite3';
import { FoldedStates } from '../../../src/projections';

interface Tally {
  total: number;
  policy: { name: string };
}
type Added = { type: 'Added'; data: { amount: number } };

const added = (amount: number): Added => ({ type: 'Added', data: { amount } });

const tallies = () =>
  new FoldedStates<Tally, Added>({
    table: 'test_tallies',
    initial: () => ({ total: 0, policy: { name: 'default' } }),
    evolve: (state, event) => ({ ...state, total: state.total + event.data.amount }),
    fixedFields: ['policy'],
  });

describe('folded states', () => {
  let db: Database.Database;
  let states: ReturnType<typeof tallies>;
  const rows = () => db.prepare('SELECT id, version, state FROM test_tallies ORDER BY id').all();

  beforeEach(() => {
    db = new Database(':memory:');
    states = tallies();
    states.setup(db);
  });
  afterEach(() => db.close());

  it('folds a batch in memory and writes each state once on flush', () => {
    states.begin(db);
    states.apply(db, 'a', 1, added(2));
    states.apply(db, 'a', 2, added(3));
    states.apply(db, 'b', 1, added(1));
    expect(rows()).toEqual([]);
    expect(states.read(db, 'a')).toMatchObject({ version: 2, stored: 0, state: { total: 5 } });
    states.flush(db);
    expect(rows()).toEqual([
      { id: 'a', version: 2, state: '{"total":5}' },
      { id: 'b', version: 1, state: '{"total":1}' },
    ]);
    expect(states.apply(db, 'a', 2, added(100))).toBeNull();
  });

  it('forgets a rolled-back batch: the next one folds from the table, not from memory', () => {
    const write = db.transaction((amount: number, version: number, fail: boolean) => {
      states.begin(db);
      states.apply(db, 'a', version, added(amount));
      states.flush(db);
      if (fail) throw new Error('batch failed');
    });
    write(1, 1, false);
    expect(() => write(10, 2, true)).toThrow('batch failed');
    states.rollback(db);
    write(100, 2, false);
    expect(states.read(db, 'a')).toMatchObject({ version: 2, state: { total: 101 } });
    expect(rows()).toEqual([{ id: 'a', version: 2, state: '{"total":101}' }]);
  });

  it('drops a batch that never flushed when the next one begins, even without rollback', () => {
    states.begin(db);
    states.apply(db, 'a', 1, added(1));
    states.flush(db);
    states.begin(db);
    states.apply(db, 'a', 2, added(10));
    states.begin(db);
    states.apply(db, 'a', 2, added(100));
    states.flush(db);
    expect(rows()).toEqual([{ id: 'a', version: 2, state: '{"total":101}' }]);
  });

  it('trusts a cached state only when it is one version behind the event', () => {
    states.begin(db);
    states.apply(db, 'a', 1, added(1));
    states.flush(db);
    db.prepare(`UPDATE test_tallies SET version = 2, state = '{"total":50}' WHERE id = 'a'`).run();
    states.begin(db);
    states.apply(db, 'a', 3, added(1));
    states.flush(db);
    expect(rows()).toEqual([{ id: 'a', version: 3, state: '{"total":51}' }]);
  });
});
