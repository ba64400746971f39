/**
 * A rebuild stopped by SIGINT between two batches. The projections it had emptied keep the batches
 * applied so far with their checkpoints, so the service's next start replays them on from there
 * (from position 0 when no batch was applied); a rebuild starts them over.
 */
export class RebuildInterruptedError extends Error {
  override readonly name = 'RebuildInterruptedError';
  constructor(readonly unfinished: readonly string[]) {
    super(
      unfinished.length === 0
        ? 'rebuild interrupted before it changed anything'
        : `rebuild interrupted: ${unfinished.join(', ')} left part-built; the service finishes ` +
            'them from where the rebuild stopped when it next starts, or run the rebuild again',
    );
  }
}
