import { ReadModelsBehindError } from '../../src/application';
import { readModelQueue } from '../../src/application/lifecycle/read-model-queue';
import { PositionWaitStoppedError, PositionWaitTimeoutError } from '../../src/eventstore';

const appended = (position: string) => () => Promise.resolve({ id: 'org-1', version: 1, position });

/** A queue whose waits fail with `failures` in turn. */
const queueFailingWith = (...failures: Error[]) =>
  readModelQueue(() => Promise.reject(failures.shift() ?? new Error('no more waits expected')));

it('refuses the next operation of a key with ReadModelsBehindError while its last append is still unseen', async () => {
  const timedOut = new PositionWaitTimeoutError('1', 10, 'the read models');
  const run = queueFailingWith(timedOut, new PositionWaitTimeoutError('1', 10, 'the read models'));
  await expect(run('org-1', appended('1'))).rejects.toBe(timedOut);
  const work = jest.fn(appended('2'));
  await expect(run('org-1', work)).rejects.toBeInstanceOf(ReadModelsBehindError);
  expect(work).not.toHaveBeenCalled();
});

it('answers the next operation with the stop itself, not ReadModelsBehindError, once the read models stopped for good', async () => {
  const stopped = new PositionWaitStoppedError('the read models', new Error('disk full'));
  const run = queueFailingWith(new PositionWaitTimeoutError('1', 10, 'the read models'), stopped);
  await expect(run('org-1', appended('1'))).rejects.toBeInstanceOf(PositionWaitTimeoutError);
  const work = jest.fn(appended('2'));
  await expect(run('org-1', work)).rejects.toBe(stopped);
  expect(work).not.toHaveBeenCalled();
});
