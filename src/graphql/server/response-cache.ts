import type { Database } from 'better-sqlite3';
import { Kind, type OperationDefinitionNode, OperationTypeNode } from 'graphql';
import { readModelsGeneration } from '../../projections';
import type { Principal } from '../auth';

export interface ResponseCacheOptions {
  /** The database of the read models the kept answers are made of. */
  readModels: Database;
  /** The root query fields answered from the read models alone. */
  readModelFields: ReadonlySet<string>;
  /** The date an absent `asOf` stands for: answers are kept per day. */
  today: () => string;
  /**
   * The bytes of answers and their keys kept in all (default 4 MiB); an answer over a sixteenth of
   * it is not kept.
   */
  maxBytes?: number;
}

/** An HTTP answer as Apollo Server made it: sent again as is. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

/** What of an HTTP request its answer depends on, besides the caller and the day. */
export interface CacheableRequest {
  readonly method: string;
  /**
   * The body as sent, when express parsed it as JSON: the key holds it as is, since parsing then
   * stringifying loses what Apollo Server would refuse (`1e999` becomes `null`).
   */
  readonly rawBody: string | undefined;
  /** The `Accept` header: Apollo chooses the answer's content type by it. */
  readonly accept: string | undefined;
}

const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

/** Queries remembered as asked once: an answer is kept when it is asked for the second time. */
const ASKED_ONCE = 1000;

/** Requests with a longer body are never answered from memory (nor make a key that long). */
export const MAX_KEYED_BODY = 8 * 1024;

/**
 * A request's ticket, in its context: Apollo Server hands the executor a shallow copy of the
 * context, which holds the same ticket.
 */
const TICKET = Symbol('response cache ticket');

const ticketOf = (context: object): object | undefined =>
  (context as { [TICKET]?: object })[TICKET];

/** What an answer counts against `maxBytes`: its key (up to 8 KiB of request body) and its body. */
const sizeOf = (key: string, answer: HttpAnswer): number => key.length + answer.body.length;

const callerOf = (principal: Principal | null): string =>
  principal ? `${principal.role} ${principal.personId} ${principal.organisationId ?? ''}` : '';

/**
 * Whole HTTP answers to queries made of read models only, kept until the read models change: a
 * dashboard that polls the same query gets the same answer, without Apollo Server parsing,
 * executing or serialising it again, until the projection runner applies its next batch
 * (`readModelsChanged`).
 *
 * An answer is kept for one request body (query, operation name and variables), one `Accept`
 * header, the caller (role, person and organisation: what authorization reads) and today's date.
 * The executor says which answers may be kept (`permit`): those to a query whose root fields all
 * read read models (`keeps`), without errors. An answer during whose execution the read models
 * changed is not kept: it may mix rows from before and after the change. An answer is kept from
 * the second time it is asked for (in the same generation), so a query asked once, e.g. as of a
 * different day each time, costs no memory beyond its key. Bounded by the size of the answers and
 * their keys; the answer used least recently goes first.
 */
export class ResponseCache {
  private readonly readModels: Database;
  private readonly readModelFields: ReadonlySet<string>;
  private readonly today: () => string;
  private readonly maxBytes: number;
  private readonly entries = new Map<string, HttpAnswer>();
  private readonly askedOnce = new Set<string>();
  private readonly permitted = new WeakSet<object>();
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

  /** `context` with a ticket, for `permit` and `offer` to name its request by. */
  ticketed<C extends object>(context: C): C {
    return { ...context, [TICKET]: {} };
  }

  /** Called by the executor: the answer of the request with this (ticketed) context may be kept. */
  permit(context: object): void {
    const ticket = ticketOf(context);
    if (ticket) this.permitted.add(ticket);
  }

  /**
   * The key of `request` by `principal`; null when its answer is never kept (not a JSON POST, or
   * a body over MAX_KEYED_BODY).
   */
  keyOf({ method, rawBody, accept }: CacheableRequest, principal: Principal | null): string | null {
    if (method !== 'POST' || rawBody === undefined || rawBody.length > MAX_KEYED_BODY) return null;
    return `${callerOf(principal)}\n${this.today()}\n${accept ?? ''}\n${rawBody}`;
  }

  /** The answer kept for `key` in the read models' current generation. */
  kept(key: string): HttpAnswer | undefined {
    this.current();
    const kept = this.entries.get(key);
    if (kept) {
      this.entries.delete(key);
      this.entries.set(key, kept);
    }
    return kept;
  }

  /** The read models' generation, to pass to `offer` once the request is answered. */
  current(): number {
    const generation = readModelsGeneration(this.readModels);
    if (generation !== this.generation) {
      this.entries.clear();
      this.askedOnce.clear();
      this.bytes = 0;
      this.generation = generation;
    }
    return generation;
  }

  /**
   * Offers the answer to the request with `key` and (ticketed) `context`, made from the read
   * models of `generation`: kept if the executor permitted it, the read models did not change
   * meanwhile, and it is asked for the second time.
   */
  offer(key: string, context: object, generation: number, answer: HttpAnswer): void {
    const ticket = ticketOf(context);
    if (!ticket || !this.permitted.has(ticket) || this.current() !== generation) return;
    if (this.askedOnce.delete(key)) this.store(key, answer);
    else this.remember(key);
  }

  /** Remembers that `key` was asked for once, forgetting the oldest such key beyond ASKED_ONCE. */
  private remember(key: string): void {
    this.askedOnce.add(key);
    if (this.askedOnce.size <= ASKED_ONCE) return;
    const oldest = this.askedOnce.values().next();
    if (!oldest.done) this.askedOnce.delete(oldest.value);
  }

  private store(key: string, answer: HttpAnswer): void {
    const bytes = sizeOf(key, answer);
    if (bytes > this.maxBytes / 16) return;
    const replaced = this.entries.get(key);
    if (replaced) this.bytes -= sizeOf(key, replaced);
    this.entries.delete(key);
    this.entries.set(key, answer);
    this.bytes += bytes;
    for (const [oldest, kept] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= sizeOf(oldest, kept);
    }
  }
}
