import type { ApiKeyRecord, ApiKeyStore } from './api-key-store';
import { Role } from './role';

export const BOOTSTRAP_ADMIN_PERSON_ID = 'admin';
const MIN_LENGTH = 32;

/**
 * Makes sure the configured bootstrap key (`CERTCYCLE_ADMIN_API_KEY`) is a valid ADMIN key of person
 * `admin`. A key that was revoked stays revoked: configure a new one.
 */
export const ensureAdminApiKey = (store: ApiKeyStore, key: string): ApiKeyRecord => {
  if (key.length < MIN_LENGTH || /\s/.test(key)) {
    throw new Error(`the admin API key must be at least ${MIN_LENGTH} characters without spaces`);
  }
  const existing = store.findByKey(key);
  if (!existing) {
    return store.register(key, {
      personId: BOOTSTRAP_ADMIN_PERSON_ID,
      role: Role.ADMIN,
      label: 'bootstrap admin key',
    });
  }
  if (existing.revokedAt !== null) {
    throw new Error(`the admin API key was revoked at ${existing.revokedAt}; configure a new one`);
  }
  if (existing.role !== Role.ADMIN) {
    throw new Error(`the admin API key is already registered with role ${existing.role}`);
  }
  return existing;
};
