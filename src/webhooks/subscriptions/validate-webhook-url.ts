import { refusedAddressRange } from '../ssrf-guard';
import { InvalidWebhookUrlError } from './webhook-errors';

export interface WebhookUrlOptions {
  /** Accept `http:` URLs (tests, local development). Default false: https only. */
  allowHttp?: boolean;
  /** Non-public addresses the SSRF guard may connect (`CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES`). */
  allowedAddresses?: readonly string[];
}

const MAX_URL_LENGTH = 2048;

/** The URL as an error may show it: without credentials, even when it does not parse. */
const shown = (url: string): string => {
  const short = url.length > MAX_URL_LENGTH ? url.slice(0, 80) : url;
  try {
    const parsed = new URL(short);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return short.replace(/\/\/[^/@]*@/, '//');
  }
};

/**
 * Parses a subscriber URL, refusing an IP address the SSRF guard would refuse to connect; the
 * guard still checks the address actually connected (a name can resolve to anything).
 */
export const validateWebhookUrl = (url: string, options: WebhookUrlOptions = {}): URL => {
  const refuse = (reason: string) => new InvalidWebhookUrlError(shown(url), reason);
  if (url.length > MAX_URL_LENGTH) throw refuse(`longer than ${MAX_URL_LENGTH} characters`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse('not an absolute URL');
  }
  if (parsed.username || parsed.password) throw refuse('credentials in the URL are not accepted');
  if (parsed.protocol === 'http:' && !options.allowHttp) {
    throw refuse('only https URLs are accepted (http needs CERTCYCLE_WEBHOOK_ALLOW_HTTP=1)');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw refuse(`scheme ${parsed.protocol} is not http(s)`);
  }
  if (parsed.hash || url.includes('#')) throw refuse('a fragment is not accepted');
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const range = refusedAddressRange(host, options.allowedAddresses ?? []);
  if (range !== null) {
    throw refuse(
      `${host} is not a public address (${range}), so no delivery could reach it ` +
        '(CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES can allow it)',
    );
  }
  return parsed;
};
