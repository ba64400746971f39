import type { ApiKeyRecord, ApiKeyStore } from './api-key-store';
import { Role } from './role';

export const BOOTSTRAP_ADMIN_PERSON_ID = 'admin';
const MIN_LENGTH = 32;
const BOOTSTRAP_LABEL = 'bootstrap admin key';
const DEMO_LABEL = 'demo admin key';

/** The configured bootstrap key cannot be used: too short, revoked, or registered with another role. */
export class AdminApiKeyError extends Error {
  override readonly name = 'AdminApiKeyError';
}

/** Throws AdminApiKeyError for a bootstrap key too short or with spaces (no store needed). */
export const checkAdminApiKeyFormat = (key: string): void => {
  if (key.length < MIN_LENGTH || /\s/.test(key)) {
    throw new AdminApiKeyError(
      `the admin API key must be at least ${MIN_LENGTH} characters without spaces`,
    );
  }
};

/**
 * Makes sure the configured bootstrap key (`CERTCYCLE_ADMIN_API_KEY`) is a valid ADMIN key of person
 * `admin`. A key that was revoked stays revoked: configure a new one.
 */
export const ensureAdminApiKey = (store: ApiKeyStore, key: string): ApiKeyRecord => {
  checkAdminApiKeyFormat(key);
  const existing = store.findByKey(key);
  if (!existing) {
    return store.register(key, {
      personId: BOOTSTRAP_ADMIN_PERSON_ID,
      role: Role.ADMIN,
      label: BOOTSTRAP_LABEL,
    });
  }
  if (existing.revokedAt !== null) {
    throw new AdminApiKeyError(
      `the admin API key was revoked at ${existing.revokedAt}; configure a new one`,
    );
  }
  if (existing.role !== Role.ADMIN) {
    throw new AdminApiKeyError(
      `the admin API key is already registered with role ${existing.role}`,
    );
  }
  return existing;
};

/**
 * A fresh ADMIN key for a demo started without `CERTCYCLE_ADMIN_API_KEY`, printed once: the one
 * an earlier demo start printed is revoked, so demo keys do not pile up, each valid for ever.
 */
export const replaceDemoAdminApiKey = (store: ApiKeyStore): string => {
  for (const record of store.list()) {
    if (record.label === DEMO_LABEL && record.revokedAt === null) store.revoke(record.id);
  }
  return store.create({ personId: BOOTSTRAP_ADMIN_PERSON_ID, role: Role.ADMIN, label: DEMO_LABEL })
    .key;
};
