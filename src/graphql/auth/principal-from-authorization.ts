import { UnauthenticatedError } from '../errors';
import { bearerKey } from './api-key-secret';
import type { ApiKeyStore } from './api-key-store';
import type { Principal } from './principal';

/**
 * The caller named by an `Authorization` header value: null without a header, UNAUTHENTICATED for a
 * malformed header or an unknown or revoked key.
 */
export const principalFromAuthorization = (
  apiKeys: ApiKeyStore,
  header: string | undefined,
): Principal | null => {
  const key = bearerKey(header);
  if (key === undefined) return null;
  if (key === null) {
    throw new UnauthenticatedError('the Authorization header must be "Bearer <API key>"');
  }
  const principal = apiKeys.verify(key);
  if (!principal) throw new UnauthenticatedError('the API key is not valid or was revoked');
  return principal;
};
