import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';

/** Wakes live subscriptions when a store in this process commits to the same database file. */
export class AppendSignal {
  private appends = 0;
  private listeners = new Set<() => void>();

  /** Counts the appends signalled so far; lets a waiter tell whether it missed one. */
  get generation(): number {
    return this.appends;
  }

  notify(): void {
    this.appends += 1;
    for (const listener of [...this.listeners]) listener();
  }

  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const signals = new Map<string, { signal: AppendSignal; users: number }>();

export const appendSignalKey = (file: string): string => {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
};

export const acquireAppendSignal = (key: string): AppendSignal => {
  const entry = signals.get(key) ?? { signal: new AppendSignal(), users: 0 };
  entry.users += 1;
  signals.set(key, entry);
  return entry.signal;
};

export const releaseAppendSignal = (key: string): void => {
  const entry = signals.get(key);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users <= 0) signals.delete(key);
};
