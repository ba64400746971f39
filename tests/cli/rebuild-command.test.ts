import Database from 'better-sqlite3';
import { rebuildCommand } from '../../src/cli';
import { testConfig } from '../composition/composed-service';
import { temporaryDirectory } from '../eventstore/temp-store';
import { seedLifecycles } from '../projections/lifecycle-copies';

jest.setTimeout(60_000);

describe('rebuildCommand on a terminal', () => {
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
      rebuildCommand(testConfig(dir.path), [], { out: () => undefined, progress }),
    ).rejects.toThrow(SyntaxError);
    expect(writes.length).toBeGreaterThan(1);
    const lastDrawn = writes.at(-2)!;
    expect(lastDrawn.startsWith('\r\u001b[2K[')).toBe(true);
    expect(lastDrawn).toContain(`/${events.toLocaleString('en-US')} events`);
    expect(writes.at(-1)).toBe('\n');
  });
});
