import {
  PositionWaiter,
  PositionWaitStoppedError,
  PositionWaitTimeoutError,
} from '../../src/eventstore';

const waiter = () =>
  new PositionWaiter((position, ms) => new PositionWaitTimeoutError(position, ms, 'the consumer'));

describe('position waiter', () => {
  it('resolves waits at or below the position reached, and only those', async () => {
    const progress = waiter();
    const settled: string[] = [];
    const first = progress.waitFor('002', 1000).then(() => settled.push('002'));
    const second = progress.waitFor('005', 1000).then(() => settled.push('005'));
    progress.advance('003');
    await first;
    expect(settled).toEqual(['002']);
    progress.advance('005');
    await second;
    expect(settled).toEqual(['002', '005']);
  });

  it('answers at once when the position is already reached', async () => {
    const progress = waiter();
    progress.advance('010');
    await expect(progress.waitFor('009', 0)).resolves.toBeUndefined();
  });

  it('times out with an error naming the consumer and the position', async () => {
    const progress = waiter();
    await expect(progress.waitFor('007', 10)).rejects.toThrow(
      'the consumer did not reach event position 007 within 10 ms',
    );
  });

  it('rejects waits for positions not reached at once, now and later, once the consumer stopped for good', async () => {
    const progress = waiter();
    progress.advance('003');
    const pending = progress.waitFor('005', 60_000);
    const stopped = new PositionWaitStoppedError('the consumer', new Error('disk I/O error'));
    progress.stop(stopped);
    await expect(pending).rejects.toBe(stopped);
    await expect(progress.waitFor('006', 60_000)).rejects.toBe(stopped);
    await expect(progress.waitFor('003', 60_000)).resolves.toBeUndefined();
    expect(stopped.message).toBe('the consumer stopped following the event log (disk I/O error)');
  });
});
