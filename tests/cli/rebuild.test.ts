import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { startQuietly, testConfig } from '../composition/composed-service';
import { temporaryDirectory } from '../eventstore/temp-store';
import { seedLifecycles } from '../projections/lifecycle-copies';
import { runCliProcess, startCliProcess } from '../support/source-process';

jest.setTimeout(90_000);

/** Every row of every table but the event log and the API keys, in a stable order. */
const snapshot = (file: string): Record<string, string[]> => {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare<[], { name: string }>(
        `SELECT name FROM sqlite_master WHERE type = 'table'
         AND name NOT IN ('events', 'api_keys') AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .all()
      .map(({ name }) => name);
    return Object.fromEntries(
      tables.map((name) => [
        name,
        db
          .prepare(`SELECT * FROM "${name}"`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
    );
  } finally {
    db.close();
  }
};

describe('npm run rebuild', () => {
  const dir = temporaryDirectory('cli-rebuild');
  const env = { CERTCYCLE_DATA_DIR: dir.path };
  const file = dir.file('certcycle.db');
  let events: number;
  let before: Record<string, string[]>;

  beforeAll(async () => {
    const app = await startQuietly(
      testConfig(dir.path, { CERTCYCLE_DEMO: '1', CERTCYCLE_NOW: '2026-03-02T09:00:00Z' }),
    );
    events = (await app.ready).demo!.events;
    await app.close();
    before = snapshot(file);
  });
  afterAll(() => dir.remove());

  it('rebuilds every projection from position 0 into identical rows, with progress on stderr', async () => {
    expect(before.rm_certificates!.length).toBe(11);
    const run = await runCliProcess(['rebuild'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^rebuilt organisations, certificates, certificate_history, audit_cycles, deadlines from ${events.toLocaleString('en-US')} events in \\d+\\.\\d s \\([\\d,]+ events/s\\), the last \\d+\\.\\d s building query indexes\\n$`,
      ),
    );
    const lastLine = run.stderr.trim().split('\n').at(-1);
    expect(lastLine).toMatch(
      new RegExp(`^\\[#{30}\\] 100%  ${events}/${events} events  [\\d,]+ events/s  ETA 0s$`),
    );
    expect(snapshot(file)).toEqual(before);
  });

  it('rebuilds only the named projection and leaves the others and the log alone', async () => {
    const db = new Database(file);
    db.prepare('DELETE FROM rm_certificates').run();
    db.prepare(`UPDATE rm_organisations SET legal_name = 'tampered'`).run();
    db.close();

    const run = await runCliProcess(['rebuild', 'certificates'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `rebuilt certificates from ${events.toLocaleString('en-US')} events`,
    );
    const after = snapshot(file);
    expect(after.rm_certificates).toEqual(before.rm_certificates);
    expect(after.rm_organisations).not.toEqual(before.rm_organisations);
    const log = new Database(file, { readonly: true });
    expect(log.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: events });
    log.close();
  });

  it('refuses to run while the service serves the same data directory, changing nothing', async () => {
    const app = await startQuietly(testConfig(dir.path));
    try {
      await app.ready;
      const before = snapshot(file);
      const run = await runCliProcess(['rebuild'], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`is in use by process ${process.pid}`);
      expect(snapshot(file)).toEqual(before);
    } finally {
      await app.close();
    }
  });

  it('refuses a data directory without a store, and leaves it so', async () => {
    const nowhere = dir.file('not-a-store');
    const run = await runCliProcess(['rebuild'], { CERTCYCLE_DATA_DIR: nowhere });
    expect(run).toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        `certcycle: configuration error: no certcycle store at ${nowhere}/certcycle.db, so no events to rebuild from ` +
        '(is CERTCYCLE_DATA_DIR right?)\n',
    });
    expect(existsSync(nowhere)).toBe(false);
  });

  it('refuses an unknown projection, naming the known ones', async () => {
    const run = await runCliProcess(['rebuild', 'certificats'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'unknown projection certificats (known: organisations, certificates, certificate_history, audit_cycles, deadlines)',
    );
  });
});

describe('npm run rebuild interrupted', () => {
  const dir = temporaryDirectory('cli-rebuild-interrupted');
  afterAll(() => dir.remove());

  it('stops on SIGINT before its next batch, says what it left and how it gets finished, exits with 130', async () => {
    await seedLifecycles(dir.file('certcycle.db'), 1500);
    const rebuild = startCliProcess(['rebuild', 'certificates'], { CERTCYCLE_DATA_DIR: dir.path });
    await new Promise<void>((drawn) => {
      rebuild.child.stderr.on('data', () => {
        if (rebuild.output.stderr.includes('events/s')) drawn();
      });
    });
    rebuild.child.kill('SIGINT');
    const run = await rebuild.exited;
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 130, stdout: '' });
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(
      'certcycle: rebuild interrupted: certificates left part-built; the service finishes them ' +
        'from where the rebuild stopped when it next starts, or run the rebuild again',
    );
  });
});

describe('npm run rebuild beside an EventStoreDB that does not answer', () => {
  const dir = temporaryDirectory('cli-rebuild-esdb');
  const env = {
    CERTCYCLE_DATA_DIR: dir.file('data'),
    CERTCYCLE_EVENT_STORE: 'eventstoredb',
    // Nothing listens on port 1.
    EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false',
  };
  afterAll(() => dir.remove());

  it('stops with one line and leaves an empty data directory empty, so it is still no store', async () => {
    mkdirSync(env.CERTCYCLE_DATA_DIR);
    const run = await runCliProcess(['rebuild'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^certcycle: EventStoreDB does not answer \(14 UNAVAILABLE: .*\): check EVENTSTORE_CONNECTION_STRING and that the server runs\n$/,
    );
    expect(readdirSync(env.CERTCYCLE_DATA_DIR)).toEqual([]);

    const listed = await runCliProcess(['api-key', 'list'], env);
    expect(listed).toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        `certcycle: configuration error: no certcycle store at ${env.CERTCYCLE_DATA_DIR}/read-models.db, ` +
        'so no keys to list (is CERTCYCLE_DATA_DIR right?)\n',
    });
  });

  it('does not create a data directory that is not there', async () => {
    const nowhere = dir.file('not-there');
    const run = await runCliProcess(['rebuild'], { ...env, CERTCYCLE_DATA_DIR: nowhere });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('certcycle: EventStoreDB does not answer (');
    expect(existsSync(nowhere)).toBe(false);
  });
});
