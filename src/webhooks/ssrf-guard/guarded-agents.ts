import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import ipaddr from 'ipaddr.js';
import type * as RequestFiltering from 'request-filtering-agent' with {
  'resolution-mode': 'import',
};
import { canonicalAddressEntry } from './allowed-address';

let filtering: typeof RequestFiltering | undefined;

/** Loaded on first use, so that importing this module never needs it. */
const requestFiltering = (): typeof RequestFiltering =>
  // request-filtering-agent is ESM-only; Node >= 20.19 loads it with require().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (filtering ??= require('request-filtering-agent') as typeof RequestFiltering);

export interface SsrfGuardOptions {
  /**
   * Addresses or CIDR ranges that may be connected although they are loopback, private,
   * link-local or otherwise non-public (e.g. `['127.0.0.1']` for a test receiver), in any form
   * `canonicalAddressEntry` reads. Default none.
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
 * The allow-list as the agents match it. They compare an address with a CIDR range by value but
 * with a single address as text, and the text differs with where the address comes from: a URL
 * writes it in canonical form (`::1`, `::ffff:7f00:1`), the resolver writes an IPv4-mapped one
 * dotted (`::ffff:127.0.0.1`). So each address is listed in canonical form, and a mapped one also
 * dotted; an entry that is no address or range matches nothing, as in `refusedAddressRange`.
 */
const agentAllowList = (entries: readonly string[]): string[] =>
  entries.flatMap((entry) => {
    const canonical = canonicalAddressEntry(entry);
    if (canonical === null) return [];
    if (canonical.includes('/')) return [canonical];
    const address = ipaddr.parse(canonical);
    return address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress()
      ? [canonical, `::ffff:${address.toIPv4Address().toString()}`]
      : [canonical];
  });

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
    allowIPAddressList: agentAllowList(options.allowedAddresses ?? []),
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
