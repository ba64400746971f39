import type { GlobalPosition } from '../../eventstore';

/** Where a reactor keeps the position of the last event it has fully handled. */
export interface CheckpointStore {
  /** The stored position, or null to start from the beginning of the log. */
  read(name: string): GlobalPosition | null;
  write(name: string, position: GlobalPosition): void;
}

/** For tests and single-run tools: forgets everything when the process ends. */
export const inMemoryCheckpointStore = (): CheckpointStore => {
  const positions = new Map<string, GlobalPosition>();
  return {
    read: (name) => positions.get(name) ?? null,
    write: (name, position) => {
      positions.set(name, position);
    },
  };
};
