import { InvalidWebhookUrlError } from './webhook-errors';

export interface WebhookUrlOptions {
  /** Accept `http:` URLs (tests, local development). Default false: https only. */
  allowHttp?: boolean;
}

const MAX_URL_LENGTH = 2048;

/** Parses a subscriber URL; the SSRF guard still checks the address actually connected. */
export const validateWebhookUrl = (url: string, options: WebhookUrlOptions = {}): URL => {
  if (url.length > MAX_URL_LENGTH) {
    throw new InvalidWebhookUrlError(url.slice(0, 80), `longer than ${MAX_URL_LENGTH} characters`);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidWebhookUrlError(url, 'not an absolute URL');
  }
  if (parsed.protocol === 'http:' && !options.allowHttp) {
    throw new InvalidWebhookUrlError(
      url,
      'only https URLs are accepted (http needs CERTCYCLE_WEBHOOK_ALLOW_HTTP=1)',
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new InvalidWebhookUrlError(url, `scheme ${parsed.protocol} is not http(s)`);
  }
  if (parsed.username || parsed.password) {
    parsed.username = '';
    parsed.password = '';
    throw new InvalidWebhookUrlError(parsed.href, 'credentials in the URL are not accepted');
  }
  if (parsed.hash || url.includes('#')) {
    throw new InvalidWebhookUrlError(url, 'a fragment is not accepted');
  }
  return parsed;
};
