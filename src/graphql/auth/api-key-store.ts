import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { BadUserInputError, NotFoundError } from '../errors';
import { MAX_LENGTH } from '../inputs/max-length';
import { generateApiKey, hashApiKey, sameHash } from './api-key-secret';
import type { Principal } from './principal';
import { isRole, Role } from './role';

/** An API key as listed: never the key itself. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly personId: string;
  readonly role: Role;
  readonly organisationId: string | null;
  readonly label: string | null;
  /** ISO instant. */
  readonly createdAt: string;
  /** ISO instant, null while the key is valid. */
  readonly revokedAt: string | null;
}

export interface NewApiKey {
  readonly personId: string;
  readonly role: Role;
  /** Required for CLIENT keys, refused for the others. */
  readonly organisationId?: string;
  readonly label?: string;
}

/** The key in clear is in this answer only; it cannot be read back later. */
export interface CreatedApiKey {
  readonly key: string;
  readonly record: ApiKeyRecord;
}

interface ApiKeyRow {
  id: string;
  key_hash: Buffer;
  person_id: string;
  role: string;
  organisation_id: string | null;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}

const MAX_TEXT = 200;

/**
 * API keys in the `api_keys` table, stored as SHA-256 hashes; `now` dates their creation and
 * revocation (the service's clock, so `CERTCYCLE_NOW` applies).
 */
export class ApiKeyStore {
  private readonly byHash: Statement<[Buffer], ApiKeyRow>;

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS api_keys (
      id TEXT PRIMARY KEY,
      key_hash BLOB NOT NULL UNIQUE,
      person_id TEXT NOT NULL,
      role TEXT NOT NULL,
      organisation_id TEXT,
      label TEXT,
      created_at TEXT NOT NULL,
      revoked_at TEXT
    )`);
    this.byHash = db.prepare<[Buffer], ApiKeyRow>('SELECT * FROM api_keys WHERE key_hash = ?');
  }

  create(input: NewApiKey): CreatedApiKey {
    const key = generateApiKey();
    return { key, record: this.register(key, input) };
  }

  /** Stores a key chosen elsewhere (the bootstrap admin key). */
  register(key: string, input: NewApiKey): ApiKeyRecord {
    validateNewApiKey(input);
    const row: ApiKeyRow = {
      id: randomUUID(),
      key_hash: hashApiKey(key),
      person_id: input.personId,
      role: input.role,
      organisation_id: input.organisationId ?? null,
      label: input.label ?? null,
      created_at: this.now().toISOString(),
      revoked_at: null,
    };
    this.db
      .prepare(
        `INSERT INTO api_keys (id, key_hash, person_id, role, organisation_id, label, created_at, revoked_at)
         VALUES (@id, @key_hash, @person_id, @role, @organisation_id, @label, @created_at, @revoked_at)`,
      )
      .run(row);
    return toRecord(row);
  }

  list(): ApiKeyRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM api_keys ORDER BY created_at, id')
      .all() as ApiKeyRow[];
    return rows.map(toRecord);
  }

  /** Revokes a key by id; revoking twice keeps the first revocation time. */
  revoke(id: string): ApiKeyRecord {
    this.db
      .prepare('UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?')
      .run(this.now().toISOString(), id);
    const row = this.db.prepare('SELECT * FROM api_keys WHERE id = ?').get(id) as
      ApiKeyRow | undefined;
    if (!row) throw new NotFoundError('API key', id);
    return toRecord(row);
  }

  findByKey(key: string): ApiKeyRecord | undefined {
    const row = this.rowOf(key);
    return row && toRecord(row);
  }

  /** The principal of a valid key; null for an unknown or revoked key. */
  verify(key: string): Principal | null {
    const row = this.rowOf(key);
    if (!row || row.revoked_at !== null || !isRole(row.role)) return null;
    return row.organisation_id === null
      ? { personId: row.person_id, role: row.role }
      : { personId: row.person_id, role: row.role, organisationId: row.organisation_id };
  }

  private rowOf(key: string): ApiKeyRow | undefined {
    const hash = hashApiKey(key);
    const row = this.byHash.get(hash);
    return row && sameHash(row.key_hash, hash) ? row : undefined;
  }
}

/** Throws BadUserInputError, naming the field, for a key that cannot be created. */
export const validateNewApiKey = ({ personId, role, organisationId, label }: NewApiKey): void => {
  if (
    typeof personId !== 'string' ||
    !/^\S+$/.test(personId) ||
    personId.length > MAX_LENGTH.identifier
  ) {
    throw new BadUserInputError(
      'personId',
      `personId must be 1-${MAX_LENGTH.identifier} characters without white space, as the ids of ` +
        'audit teams are: the impartiality check compares them',
    );
  }
  if (!isRole(role)) {
    throw new BadUserInputError('role', `role must be one of ${Object.values(Role).join(', ')}`);
  }
  if (role === Role.CLIENT && (organisationId === undefined || organisationId.trim() === '')) {
    throw new BadUserInputError(
      'organisationId',
      'a CLIENT key needs the organisation it belongs to',
    );
  }
  if (role !== Role.CLIENT && organisationId !== undefined) {
    const article = /^[AEIOU]/.test(role) ? 'an' : 'a';
    throw new BadUserInputError(
      'organisationId',
      `${article} ${role} key is not bound to an organisation`,
    );
  }
  if (label !== undefined && label.length > MAX_TEXT) {
    throw new BadUserInputError('label', `label must be at most ${MAX_TEXT} characters`);
  }
};

const toRecord = (row: ApiKeyRow): ApiKeyRecord => ({
  id: row.id,
  personId: row.person_id,
  role: row.role as Role,
  organisationId: row.organisation_id,
  label: row.label,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});
