import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'cc_';
const SECRET_BYTES = 32;

/** A new API key: `cc_` and 32 random bytes in base64url. Shown once; only its hash is stored. */
export const generateApiKey = (): string =>
  `${PREFIX}${randomBytes(SECRET_BYTES).toString('base64url')}`;

/** SHA-256 is enough for high-entropy random keys (no password stretching needed). */
export const hashApiKey = (key: string): Buffer =>
  createHash('sha256').update(key, 'utf8').digest();

export const sameHash = (a: Buffer, b: Buffer): boolean =>
  a.length === b.length && timingSafeEqual(a, b);

/** The key from an `Authorization` header: undefined when absent, null when not `Bearer <key>`. */
export const bearerKey = (header: string | undefined): string | null | undefined => {
  if (header === undefined || header === '') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
};
