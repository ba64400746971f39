import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  ApiKeyStore,
  BadUserInputError,
  ensureAdminApiKey,
  replaceDemoAdminApiKey,
  NotFoundError,
  organisationScope,
  Role,
} from '../../../src/graphql';

let directory: string;
let db: Database.Database;
let store: ApiKeyStore;
let clock: Date;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'certcycle-keys-'));
  db = new Database(join(directory, 'keys.sqlite'));
  clock = new Date('2026-01-10T08:00:00Z');
  store = new ApiKeyStore(db, () => clock);
});
afterEach(() => {
  db.close();
  rmSync(directory, { recursive: true, force: true });
});

it('issues keys of the form cc_<base64url of 32 bytes>, each different', () => {
  const first = store.create({ personId: 'p-1', role: Role.AUDITOR }).key;
  const second = store.create({ personId: 'p-1', role: Role.AUDITOR }).key;
  expect(first).toMatch(/^cc_[A-Za-z0-9_-]{43}$/);
  expect(second).not.toBe(first);
});

it('stores only a SHA-256 hash of the key, never the key', () => {
  const { key } = store.create({ personId: 'p-1', role: Role.VIEWER });
  const raw = db.prepare('SELECT * FROM api_keys').all() as Array<Record<string, unknown>>;
  expect(JSON.stringify(raw)).not.toContain(key.slice(3));
  expect((raw[0]?.key_hash as Buffer).length).toBe(32);
});

it('verifies a key to its person and role, and a CLIENT key to its organisation', () => {
  const auditor = store.create({ personId: 'p-a', role: Role.AUDITOR }).key;
  const client = store.create({ personId: 'p-c', role: Role.CLIENT, organisationId: 'org-1' }).key;
  expect(store.verify(auditor)).toEqual({ personId: 'p-a', role: Role.AUDITOR });
  expect(store.verify(client)).toEqual({
    personId: 'p-c',
    role: Role.CLIENT,
    organisationId: 'org-1',
  });
  expect(store.verify(`${auditor}x`)).toBeNull();
});

it('keeps keys across reopening the database file', () => {
  const { key } = store.create({ personId: 'p-1', role: Role.ADMIN });
  db.close();
  db = new Database(join(directory, 'keys.sqlite'));
  expect(new ApiKeyStore(db, () => clock).verify(key)).toEqual({
    personId: 'p-1',
    role: Role.ADMIN,
  });
});

it('lists keys without the key itself, and revokes them by id for good', () => {
  const { key, record } = store.create({
    personId: 'p-1',
    role: Role.DECISION_MAKER,
    label: 'laptop',
  });
  expect(store.list()).toEqual([record]);
  expect(JSON.stringify(store.list())).not.toContain(key);

  const revoked = store.revoke(record.id);
  expect(revoked.revokedAt).toBe('2026-01-10T08:00:00.000Z');
  clock = new Date('2026-02-01T00:00:00Z');
  expect(store.revoke(record.id).revokedAt).toBe('2026-01-10T08:00:00.000Z');
  expect(store.verify(key)).toBeNull();
});

it('refuses to revoke an unknown key id', () => {
  expect(() => store.revoke('nope')).toThrow(NotFoundError);
});

it.each([
  [{ personId: '', role: Role.ADMIN }, 'personId'],
  [{ personId: 'p', role: 'ROOT' as Role }, 'role'],
  [{ personId: 'p', role: Role.CLIENT }, 'organisationId'],
  [{ personId: 'p', role: Role.VIEWER, organisationId: 'org-1' }, 'organisationId'],
])('refuses a key with bad %j, naming %s', (input, field) => {
  expect(() => store.create(input)).toThrow(BadUserInputError);
  try {
    store.create(input);
  } catch (error) {
    expect((error as BadUserInputError).field).toBe(field);
  }
  expect(store.list()).toEqual([]);
});

describe('ensureAdminApiKey', () => {
  const adminKey = 'bootstrap-admin-key-0123456789abcdef';

  it('registers the configured key as ADMIN of person admin, once', () => {
    const record = ensureAdminApiKey(store, adminKey);
    expect(ensureAdminApiKey(store, adminKey)).toEqual(record);
    expect(store.list()).toHaveLength(1);
    expect(store.verify(adminKey)).toEqual({ personId: 'admin', role: Role.ADMIN });
  });

  it('refuses a short key', () => {
    expect(() => ensureAdminApiKey(store, 'short')).toThrow('at least 32 characters');
    expect(store.list()).toEqual([]);
  });

  it('does not bring back a revoked admin key', () => {
    store.revoke(ensureAdminApiKey(store, adminKey).id);
    expect(() => ensureAdminApiKey(store, adminKey)).toThrow('was revoked');
    expect(store.verify(adminKey)).toBeNull();
  });
});

describe('replaceDemoAdminApiKey', () => {
  it('answers a new ADMIN key and revokes the one an earlier demo start printed', () => {
    const first = replaceDemoAdminApiKey(store);
    const second = replaceDemoAdminApiKey(store);
    expect(store.verify(second)).toEqual({ personId: 'admin', role: Role.ADMIN });
    expect(store.verify(first)).toBeNull();
    const demoKeys = store.list().filter((key) => key.label === 'demo admin key');
    expect(demoKeys.map((key) => key.revokedAt === null).sort()).toEqual([false, true]);
  });

  it('leaves the configured bootstrap key alone', () => {
    ensureAdminApiKey(store, 'bootstrap-admin-key-0123456789abcdef');
    replaceDemoAdminApiKey(store);
    replaceDemoAdminApiKey(store);
    expect(store.verify('bootstrap-admin-key-0123456789abcdef')).not.toBeNull();
  });
});

describe('organisationScope', () => {
  it('forces a CLIENT to its own organisation and refuses another', () => {
    const client = { personId: 'p', role: Role.CLIENT, organisationId: 'org-1' };
    expect(organisationScope(client, undefined)).toBe('org-1');
    expect(organisationScope(client, 'org-1')).toBe('org-1');
    expect(() => organisationScope(client, 'org-2')).toThrow('cannot see organisation org-2');
  });

  it('leaves other roles with the filter they asked for', () => {
    expect(organisationScope({ personId: 'p', role: Role.VIEWER }, undefined)).toBeUndefined();
    expect(organisationScope({ personId: 'p', role: Role.VIEWER }, 'org-2')).toBe('org-2');
  });
});
