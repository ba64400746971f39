import type { Database } from 'better-sqlite3';
import {
  type ExecutionResult,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
} from 'graphql';
import { readModelsGeneration } from '../../projections';
import type { Principal } from '../auth';

export interface ResponseCacheOptions {
  /** The database of the read models the kept answers are made of. */
  readModels: Database;
  /** The root query fields answered from the read models alone. */
  readModelFields: ReadonlySet<string>;
  /** The date an absent `asOf` stands for: answers are kept per day. */
  today: () => string;
  /** The JSON bytes kept in all (default 4 MiB); an answer over a sixteenth of it is not kept. */
  maxBytes?: number;
}

interface Kept {
  readonly result: ExecutionResult;
  readonly bytes: number;
}

const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

/** Queries remembered as asked once: an answer is kept when it is asked for the second time. */
const ASKED_ONCE = 1000;

const callerOf = (principal: Principal | null): string =>
  principal ? `${principal.role} ${principal.personId} ${principal.organisationId ?? ''}` : '';

/**
 * Whole answers to queries made of read models only, kept until the read models change: a
 * dashboard that polls the same query gets the same answer without running it again, until the
 * projection runner applies its next batch (`readModelsChanged`).
 *
 * An answer is kept for one operation, its variables (with their defaults), the caller (role,
 * person and organisation: what authorization reads) and today's date. Answers with errors are
 * not kept, nor an answer during whose execution the read models changed: it may mix rows from
 * before and after the change. An answer is kept from the second time it is asked for (in the
 * same generation), so a query asked once, e.g. as of a different day each time, costs no memory
 * beyond its key. Bounded by the size of the answers' JSON; the answer used least recently goes
 * first.
 */
export class ResponseCache {
  private readonly readModels: Database;
  private readonly readModelFields: ReadonlySet<string>;
  private readonly today: () => string;
  private readonly maxBytes: number;
  private readonly entries = new Map<string, Kept>();
  private readonly askedOnce = new Set<string>();
  private bytes = 0;
  private generation = -1;

  constructor({ readModels, readModelFields, today, maxBytes }: ResponseCacheOptions) {
    this.readModels = readModels;
    this.readModelFields = readModelFields;
    this.today = today;
    this.maxBytes = maxBytes ?? DEFAULT_MAX_BYTES;
  }

  /** Whether answers to `operation` may be kept: a query whose root fields all read read models. */
  keeps(operation: OperationDefinitionNode | null): boolean {
    return (
      operation?.operation === OperationTypeNode.QUERY &&
      operation.selectionSet.selections.every(
        (selection) =>
          selection.kind === Kind.FIELD && this.readModelFields.has(selection.name.value),
      )
    );
  }

  /**
   * The answer to operation `operationId` (an id its executor gives it) with `variables`, for
   * `principal`: the kept one, or the one `execute` makes (kept when it may be).
   */
  async answer(
    operationId: number,
    variables: Readonly<Record<string, unknown>>,
    principal: Principal | null,
    execute: () => Promise<ExecutionResult>,
  ): Promise<ExecutionResult> {
    const generation = this.current();
    const key = `${operationId}\n${callerOf(principal)}\n${this.today()}\n${JSON.stringify(variables)}`;
    const kept = this.entries.get(key);
    if (kept) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept.result;
    }
    const result = await execute();
    if (result.errors || readModelsGeneration(this.readModels) !== generation) return result;
    if (this.askedOnce.delete(key)) this.store(key, result);
    else this.remember(key);
    return result;
  }

  /** Remembers that `key` was asked for once, forgetting the oldest such key beyond ASKED_ONCE. */
  private remember(key: string): void {
    this.askedOnce.add(key);
    if (this.askedOnce.size <= ASKED_ONCE) return;
    const oldest = this.askedOnce.values().next();
    if (!oldest.done) this.askedOnce.delete(oldest.value);
  }

  private store(key: string, result: ExecutionResult): void {
    const bytes = JSON.stringify(result).length;
    if (bytes > this.maxBytes / 16) return;
    this.bytes -= this.entries.get(key)?.bytes ?? 0;
    this.entries.delete(key);
    this.entries.set(key, { result, bytes });
    this.bytes += bytes;
    for (const [oldest, { bytes: size }] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= size;
    }
  }

  /** The read models' generation, after forgetting the answers of an earlier one. */
  private current(): number {
    const generation = readModelsGeneration(this.readModels);
    if (generation !== this.generation) {
      this.entries.clear();
      this.askedOnce.clear();
      this.bytes = 0;
      this.generation = generation;
    }
    return generation;
  }
}
