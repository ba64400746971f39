import { progressBar } from '../../src/cli';

const recorder = (isTTY: boolean) => {
  const writes: string[] = [];
  return { writes, output: { isTTY, write: (text: string) => writes.push(text) } };
};

describe('the rebuild progress bar', () => {
  it('shows percent, events per second and the time left', () => {
    let now = 0;
    const { writes, output } = recorder(false);
    const bar = progressBar({ total: 100_000, output, now: () => now });
    now = 2000;
    bar.update(25_000);
    expect(writes).toEqual([
      '[########----------------------]  25%  25,000/100,000 events  12,500 events/s  ETA 6s\n',
    ]);
  });

  it('draws at most once per interval, and always at the end', () => {
    let now = 0;
    const { writes, output } = recorder(false);
    const bar = progressBar({ total: 10, output, now: () => now, intervalMs: 1000 });
    now = 1000;
    bar.update(1);
    now = 1500;
    bar.update(2);
    now = 4000;
    expect(bar.finish(10)).toBe(4000);
    expect(writes).toEqual([
      '[###---------------------------]  10%  1/10 events  1 events/s  ETA 9s\n',
      '[##############################] 100%  10/10 events  3 events/s  ETA 0s\n',
    ]);
  });

  it('does not repeat the last line in a log when the final count was drawn already', () => {
    let now = 0;
    const { writes, output } = recorder(false);
    const bar = progressBar({ total: 10, output, now: () => now, intervalMs: 1000 });
    now = 1000;
    bar.update(10);
    now = 1200;
    bar.finish(10);
    expect(writes).toEqual([
      '[##############################] 100%  10/10 events  10 events/s  ETA 0s\n',
    ]);
  });

  it('redraws one line in place on a terminal', () => {
    let now = 0;
    const { writes, output } = recorder(true);
    const bar = progressBar({ total: 4, output, now: () => now });
    now = 1000;
    bar.update(2);
    bar.finish(4);
    const clearLine = '\r\u001b[2K';
    expect(writes[0]!.startsWith(`${clearLine}[${'#'.repeat(15)}${'-'.repeat(15)}]  50%`)).toBe(
      true,
    );
    expect(writes[1]!.startsWith(`${clearLine}[${'#'.repeat(30)}] 100%`)).toBe(true);
    expect(writes[1]!.endsWith('\n')).toBe(true);
  });

  it('ends the line redrawn on a terminal when the work is abandoned, and only then', () => {
    let now = 0;
    const { writes, output } = recorder(true);
    const bar = progressBar({ total: 4, output, now: () => now });
    bar.abandon();
    expect(writes).toEqual([]);
    now = 1000;
    bar.update(2);
    bar.abandon();
    bar.abandon();
    expect(writes.slice(1)).toEqual(['\n']);
  });

  it('writes nothing more in a log when the work is abandoned: each line ends there already', () => {
    let now = 0;
    const { writes, output } = recorder(false);
    const bar = progressBar({ total: 4, output, now: () => now });
    now = 1000;
    bar.update(2);
    bar.abandon();
    expect(writes).toEqual([
      '[###############---------------]  50%  2/4 events  2 events/s  ETA 1s\n',
    ]);
  });

  it('counts without percent or ETA when the total is unknown', () => {
    let now = 0;
    const { writes, output } = recorder(false);
    const bar = progressBar({ total: null, output, now: () => now });
    now = 90_000;
    bar.finish(180_000_000);
    expect(writes).toEqual(['180,000,000 events  2,000,000 events/s\n']);
  });
});
