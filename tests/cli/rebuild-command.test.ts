import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { RebuildInterruptedError, rebuildCommand, rebuildProjectionNames } from '../../src/cli';
import { startQuietly, testConfig } from '../composition/composed-service';
import { temporaryDirectory } from '../eventstore/temp-store';
import { seedLifecycles } from '../projections/lifecycle-copies';
import { readModelSnapshot } from '../projections/lifecycle-fixture';

jest.setTimeout(60_000);

const checkpoints = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare<[], { name: string; position: string | null }>(
        'SELECT name, position FROM projection_checkpoints ORDER BY name',
      )
      .all();
  } finally {
    db.close();
  }
};

const snapshot = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return readModelSnapshot(db);
  } finally {
    db.close();
  }
};

describe('rebuildCommand', () => {
  const dir = temporaryDirectory('rebuild-command');
  afterAll(() => dir.remove());

  it('ends the progress line before a failure midway is reported', async () => {
    const file = dir.file('certcycle.db');
    const events = await seedLifecycles(file, 300);
    const db = new Database(file);
    db.prepare(`UPDATE events SET data = '{"cut off":' WHERE rowid = ?`).run(events - 100);
    db.close();
    const writes: string[] = [];
    const progress = { isTTY: true, write: (text: string) => writes.push(text) };

    await expect(
      rebuildCommand(testConfig(dir.path), rebuildProjectionNames([]), {
        out: () => undefined,
        progress,
        signal: new AbortController().signal,
      }),
    ).rejects.toThrow(SyntaxError);
    expect(writes.length).toBeGreaterThan(1);
    const lastDrawn = writes.at(-2)!;
    expect(lastDrawn.startsWith('\r\u001b[2K[')).toBe(true);
    expect(lastDrawn).toContain(`/${events.toLocaleString('en-US')} events`);
    expect(writes.at(-1)).toBe('\n');
  });

  it('stops before its next batch when interrupted, and the next start finishes what it left', async () => {
    const data = dir.file('interrupted');
    const file = join(data, 'certcycle.db');
    mkdirSync(data);
    const events = await seedLifecycles(file, 300);
    const app = await startQuietly(testConfig(data));
    await app.ready;
    await app.close();
    const built = snapshot(file);
    const interrupt = new AbortController();
    const writes: string[] = [];
    const progress = {
      isTTY: true,
      write: (text: string) => {
        interrupt.abort();
        return writes.push(text);
      },
    };
    const out: string[] = [];

    const stopped = rebuildCommand(testConfig(data), ['certificates', 'deadlines'], {
      out: (line) => out.push(line),
      progress,
      signal: interrupt.signal,
    });
    await expect(stopped).rejects.toBeInstanceOf(RebuildInterruptedError);
    await expect(stopped).rejects.toThrow(
      'rebuild interrupted: certificates, deadlines left part-built; the service finishes them ' +
        'from where the rebuild stopped when it next starts, or run the rebuild again',
    );
    expect(out).toEqual([]);
    expect(writes.at(-1)).toBe('\n');
    const left = checkpoints(file);
    const firstBatch = left.find(({ name }) => name === 'certificates')!.position;
    expect(Number(firstBatch)).toBeLessThan(events);
    expect(left.find(({ name }) => name === 'deadlines')!.position).toBe(firstBatch);
    expect(left.find(({ name }) => name === 'organisations')!.position).not.toBe(firstBatch);

    const next = await startQuietly(testConfig(data));
    await next.ready;
    await next.close();
    expect(snapshot(file)).toEqual(built);
  });
});
