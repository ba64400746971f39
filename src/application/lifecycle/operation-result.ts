import type { GlobalPosition } from '../../eventstore';
import type { CommandContext } from '../command-handler';

/** What every lifecycle operation answers. */
export interface OperationResult {
  /** The aggregate the operation changed. */
  id: string;
  /** The aggregate's stream version after the operation. */
  version: number;
  /** Global position of the append (read-your-writes); null when nothing was appended. */
  position: GlobalPosition | null;
}

/** Who asks: `actor` is the person id recorded on the events (and checked for impartiality). */
export type OperationContext = Pick<CommandContext, 'actor' | 'correlationId'>;

export interface OperationOptions {
  /** The version the caller last saw; a different current version is a ConcurrencyError. */
  expectedVersion?: number;
}
