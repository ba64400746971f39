import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Clock } from '../../application/clock';
import { isWebhookEventType, type WebhookEventType } from '../events';
import { createWebhookSchema } from '../schema';
import { generateWebhookSecret, type SecretBox } from './secret-box';
import { validateWebhookUrl, type WebhookUrlOptions } from './validate-webhook-url';
import {
  InvalidWebhookEventTypesError,
  UnknownWebhookSubscriptionError,
  WebhookError,
} from './webhook-errors';
import type {
  CreateWebhookSubscriptionInput,
  DisabledReason,
  UpdateWebhookSubscriptionInput,
  WebhookSubscription,
  WebhookSubscriptionWithSecret,
} from './webhook-subscription';

export interface WebhookSubscriptionsOptions {
  db: Database;
  clock: Clock;
  /** Encrypts secrets at rest. */
  secrets: SecretBox;
  /** Accept http URLs (tests, local development). Default false. */
  allowHttp?: boolean;
  /** Non-public addresses deliveries may go to (`CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES`). */
  allowedAddresses?: readonly string[];
  /** How long a rotated-out secret keeps co-signing (default 24 h). */
  rotationOverlapMs?: number;
}

export interface SubscriptionRow {
  id: string;
  url: string;
  event_types: string;
  organisation_id: string | null;
  description: string;
  enabled: number;
  disabled_reason: string | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: number | null;
  created_at: number;
  updated_at: number;
  last_success_at: number | null;
  failing_since: number | null;
  throttled_until: number | null;
  client_managed: number;
  deleted_at: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_DESCRIPTION = 500;

const orNull = (ms: number | null) => (ms === null ? null : new Date(ms));

export const toWebhookSubscription = (row: SubscriptionRow): WebhookSubscription => ({
  id: row.id,
  url: row.url,
  eventTypes: JSON.parse(row.event_types) as WebhookEventType[],
  organisationId: row.organisation_id,
  description: row.description,
  enabled: row.enabled === 1,
  disabledReason: row.disabled_reason as DisabledReason | null,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
  lastSuccessAt: orNull(row.last_success_at),
  failingSince: orNull(row.failing_since),
  clientManaged: row.client_managed === 1,
});

const validEventTypes = (eventTypes: readonly string[]): WebhookEventType[] => {
  if (eventTypes.length === 0) throw new InvalidWebhookEventTypesError('choose at least one');
  const unknown = eventTypes.filter((t) => !isWebhookEventType(t));
  if (unknown.length > 0) throw new InvalidWebhookEventTypesError(`unknown ${unknown.join(', ')}`);
  return [...new Set(eventTypes as WebhookEventType[])].sort();
};

const validDescription = (description: string): string => {
  if (description.length > MAX_DESCRIPTION) {
    throw new WebhookError(
      'INVALID_INPUT',
      `description longer than ${MAX_DESCRIPTION} characters`,
    );
  }
  return description;
};

/** Subscriber endpoints: create, change, disable, rotate, delete, list. */
export class WebhookSubscriptions {
  private readonly db: Database;
  private readonly clock: Clock;
  private readonly secrets: SecretBox;
  private readonly urlOptions: WebhookUrlOptions;
  private readonly rotationOverlapMs: number;

  constructor(options: WebhookSubscriptionsOptions) {
    this.db = options.db;
    this.clock = options.clock;
    this.secrets = options.secrets;
    this.urlOptions = {
      allowHttp: options.allowHttp ?? false,
      allowedAddresses: options.allowedAddresses ?? [],
    };
    this.rotationOverlapMs = options.rotationOverlapMs ?? DAY_MS;
    createWebhookSchema(this.db);
  }

  create(input: CreateWebhookSubscriptionInput): WebhookSubscriptionWithSecret {
    const url = validateWebhookUrl(input.url, this.urlOptions).href;
    const eventTypes = validEventTypes(input.eventTypes);
    const description = validDescription(input.description ?? '');
    const secret = generateWebhookSecret();
    const id = `whsub_${randomUUID()}`;
    const now = this.clock.now().getTime();
    this.db
      .prepare(
        `INSERT INTO wh_subscriptions (id, url, event_types, organisation_id, description, enabled,
           secret, created_at, updated_at, client_managed) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
      )
      .run(
        id,
        url,
        JSON.stringify(eventTypes),
        input.organisationId ?? null,
        description,
        this.secrets.seal(secret),
        now,
        now,
        input.clientManaged ? 1 : 0,
      );
    return { subscription: this.get(id), secret };
  }

  update(id: string, input: UpdateWebhookSubscriptionInput): WebhookSubscription {
    const now = this.clock.now().getTime();
    return this.changeExisting(id, (row) => {
      const current = toWebhookSubscription(row);
      const url =
        input.url === undefined ? current.url : validateWebhookUrl(input.url, this.urlOptions).href;
      const eventTypes =
        input.eventTypes === undefined ? current.eventTypes : validEventTypes(input.eventTypes);
      const organisationId =
        input.organisationId === undefined ? current.organisationId : input.organisationId;
      const description =
        input.description === undefined ? current.description : validDescription(input.description);
      this.db
        .prepare(
          `UPDATE wh_subscriptions SET url = ?, event_types = ?, organisation_id = ?,
             description = ?, updated_at = ? WHERE id = ?`,
        )
        .run(url, JSON.stringify(eventTypes), organisationId, description, now, id);
      this.cancelUnmatchedPending(id, eventTypes, organisationId, now);
      return this.get(id);
    });
  }

  /**
   * Cancels, with the reason, the endpoint's waiting deliveries that its event types and
   * organisation no longer match, so a narrowed endpoint is not sent them: they stay in its
   * history, and are never attempted again. An attempt in flight then is still recorded when it
   * is answered (the dispatcher delivers the cancelled delivery on a 2xx). Every payload's
   * `data.organisationId` is the organisation its delivery was queued for.
   */
  private cancelUnmatchedPending(
    id: string,
    eventTypes: readonly WebhookEventType[],
    organisationId: string | null,
    now: number,
  ): void {
    this.db
      .prepare(
        `UPDATE wh_deliveries SET status = 'cancelled', next_attempt_at = NULL, cancelled_at = @now,
           cancelled_reason = CASE
             WHEN event_type NOT IN (SELECT value FROM json_each(@eventTypes))
               THEN 'the endpoint no longer takes ' || event_type
             ELSE 'the endpoint takes the events of ' || @organisationId || ' only' END
         WHERE subscription_id = @id AND status = 'pending'
           AND (event_type NOT IN (SELECT value FROM json_each(@eventTypes))
             OR (@organisationId IS NOT NULL
               AND json_extract(payload, '$.data.organisationId') IS NOT @organisationId))`,
      )
      .run({
        id,
        eventTypes: JSON.stringify(eventTypes),
        organisationId,
        now,
      });
  }

  disable(id: string, reason: DisabledReason = 'MANUAL'): WebhookSubscription {
    const now = this.clock.now().getTime();
    return this.changeExisting(id, () => {
      this.db
        .prepare(
          'UPDATE wh_subscriptions SET enabled = 0, disabled_reason = ?, updated_at = ? WHERE id = ?',
        )
        .run(reason, now, id);
      return this.get(id);
    });
  }

  /** Re-enables an endpoint; its failure clock starts again and waiting deliveries are sent. */
  enable(id: string): WebhookSubscription {
    const now = this.clock.now().getTime();
    return this.changeExisting(id, () => {
      this.db
        .prepare(
          `UPDATE wh_subscriptions SET enabled = 1, disabled_reason = NULL, failing_since = NULL,
             throttled_until = NULL, updated_at = ? WHERE id = ?`,
        )
        .run(now, id);
      return this.get(id);
    });
  }

  /** A new secret; the previous one keeps co-signing for the overlap (24 h by default). */
  rotateSecret(id: string): WebhookSubscriptionWithSecret {
    const secret = generateWebhookSecret();
    const now = this.clock.now().getTime();
    const subscription = this.changeExisting(id, (row) => {
      this.db
        .prepare(
          `UPDATE wh_subscriptions SET secret = ?, previous_secret = ?,
             previous_secret_expires_at = ?, updated_at = ? WHERE id = ?`,
        )
        .run(this.secrets.seal(secret), row.secret, now + this.rotationOverlapMs, now, id);
      return this.get(id);
    });
    return { subscription, secret };
  }

  /**
   * Deletes the endpoint: it is no longer listed, changed or sent anything, and its secrets are
   * erased. Its history stays (`get` with `deleted`): its waiting deliveries are cancelled with the
   * reason `the endpoint was deleted`, and an attempt in flight then is still recorded when it is
   * answered (the dispatcher delivers the cancelled delivery on a 2xx).
   */
  delete(id: string): void {
    const now = this.clock.now().getTime();
    this.changeExisting(id, () => {
      this.db
        .prepare(
          `UPDATE wh_subscriptions SET deleted_at = @now, enabled = 0, secret = '',
             previous_secret = NULL, previous_secret_expires_at = NULL, throttled_until = NULL,
             updated_at = @now
           WHERE id = @id`,
        )
        .run({ id, now });
      this.db
        .prepare(
          `UPDATE wh_deliveries SET status = 'cancelled', next_attempt_at = NULL,
             cancelled_at = @now, cancelled_reason = 'the endpoint was deleted'
           WHERE subscription_id = @id AND status = 'pending'`,
        )
        .run({ id, now });
    });
  }

  /**
   * Runs `write` on the endpoint in one transaction that first finds it: NOT_FOUND, with nothing
   * written, when it is unknown or deleted (also by a request that came just before). `write` must
   * not await: the transaction is synchronous.
   */
  private changeExisting<T>(id: string, write: (row: SubscriptionRow) => T): T {
    return this.db.transaction(() => write(this.row(id))).immediate();
  }

  /** The endpoint; `deleted`: also a deleted one, whose delivery history is still read. */
  get(id: string, options: { deleted?: boolean } = {}): WebhookSubscription {
    return toWebhookSubscription(this.row(id, options.deleted ?? false));
  }

  /** Every endpoint, or an organisation's; `clientManaged`: only those its CLIENT keys manage. */
  list(filter: { organisationId?: string; clientManaged?: true } = {}): WebhookSubscription[] {
    const rows =
      filter.organisationId === undefined
        ? this.db
            .prepare<[], SubscriptionRow>(
              'SELECT * FROM wh_subscriptions WHERE deleted_at IS NULL ORDER BY id',
            )
            .all()
        : this.db
            .prepare<[string], SubscriptionRow>(
              `SELECT * FROM wh_subscriptions WHERE organisation_id = ? AND deleted_at IS NULL
               ORDER BY id`,
            )
            .all(filter.organisationId);
    return rows
      .map(toWebhookSubscription)
      .filter((subscription) => !filter.clientManaged || subscription.clientManaged);
  }

  /**
   * The endpoints whose current signing secret does not open with this process's key: they were
   * sealed with another CERTCYCLE_WEBHOOK_SECRET_KEY (or key file), and every delivery to them
   * fails until that key is set again or their secrets are rotated.
   */
  withUnreadableSecrets(): string[] {
    const rows = this.db
      .prepare<[], Pick<SubscriptionRow, 'id' | 'secret'>>(
        'SELECT id, secret FROM wh_subscriptions WHERE deleted_at IS NULL ORDER BY id',
      )
      .all();
    return rows.filter(({ secret }) => !this.opens(secret)).map(({ id }) => id);
  }

  private opens(sealed: string): boolean {
    try {
      this.secrets.open(sealed);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The secrets that sign a message sent now: the current one, and the previous one while it
   * overlaps and opens.
   */
  signingSecrets(id: string): string[] {
    return signingSecretsOf(this.row(id), this.secrets, this.clock.now().getTime());
  }

  private row(id: string, deleted = false): SubscriptionRow {
    const row = this.db
      .prepare<[string], SubscriptionRow>('SELECT * FROM wh_subscriptions WHERE id = ?')
      .get(id);
    if (!row || (row.deleted_at !== null && !deleted))
      throw new UnknownWebhookSubscriptionError(id);
    return row;
  }
}

/**
 * The previous secret, while it still co-signs after a rotation. One sealed with a secret key
 * since replaced (the reason to rotate every endpoint) no longer opens, and is left out.
 */
const previousSecret = (
  row: SubscriptionRow,
  box: Pick<SecretBox, 'open'>,
  nowMs: number,
): string | null => {
  if (row.previous_secret === null || (row.previous_secret_expires_at ?? 0) <= nowMs) return null;
  try {
    return box.open(row.previous_secret);
  } catch {
    return null;
  }
};

/** The secrets that sign a message now; throws when the current one does not open. */
export const signingSecretsOf = (
  row: SubscriptionRow,
  box: Pick<SecretBox, 'open'>,
  nowMs: number,
): string[] => {
  const previous = previousSecret(row, box, nowMs);
  const current = box.open(row.secret);
  return previous === null ? [current] : [current, previous];
};
