import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type * as RequestFiltering from 'request-filtering-agent' with {
  'resolution-mode': 'import',
};

let filtering: typeof RequestFiltering | undefined;

/** Loaded on first use, so that importing this module never needs it. */
const requestFiltering = (): typeof RequestFiltering =>
  // request-filtering-agent is ESM-only; Node >= 20.19 loads it with require().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (filtering ??= require('request-filtering-agent') as typeof RequestFiltering);

export interface SsrfGuardOptions {
  /**
   * Addresses or CIDR ranges that may be connected although they are loopback, private,
   * link-local or otherwise non-public (e.g. `['127.0.0.1']` for a test receiver). Default none.
   */
  allowedAddresses?: readonly string[];
  /** Reuse connections (default true). */
  keepAlive?: boolean;
  /** Sockets per host (default 64). */
  maxSockets?: number;
}

export interface GuardedAgents {
  http: HttpAgent;
  https: HttpsAgent;
  destroy(): void;
}

/**
 * Agents that check the address actually connected, after DNS resolution, and refuse every
 * non-unicast one (loopback, private, link-local incl. 169.254.169.254, IPv4-mapped IPv6,
 * unspecified) unless allow-listed. A name that resolves to such an address is refused before
 * any connection is made.
 */
export const createGuardedAgents = (options: SsrfGuardOptions = {}): GuardedAgents => {
  const settings = {
    keepAlive: options.keepAlive ?? true,
    maxSockets: options.maxSockets ?? 64,
    allowPrivateIPAddress: false,
    allowMetaIPAddress: false,
    allowIPAddressList: [...(options.allowedAddresses ?? [])],
    denyIPAddressList: [],
  };
  const { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } = requestFiltering();
  const http = new RequestFilteringHttpAgent(settings);
  const https = new RequestFilteringHttpsAgent(settings);
  return {
    http,
    https,
    destroy: () => {
      http.destroy();
      https.destroy();
    },
  };
};
