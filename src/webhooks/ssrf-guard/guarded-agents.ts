import { lookup as dnsLookup } from 'node:dns';
import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { type LookupFunction, Socket } from 'node:net';
import ipaddr from 'ipaddr.js';
import type * as RequestFiltering from 'request-filtering-agent' with {
  'resolution-mode': 'import',
};
import { canonicalAddressEntry } from './allowed-address';
import { RefusedAddressError } from './refused-address-error';
import { refusedAddressRange } from './refused-address';

let filtering: typeof RequestFiltering | undefined;

/** Loaded on first use, so that importing this module never needs it. */
const requestFiltering = (): typeof RequestFiltering =>
  // request-filtering-agent is ESM-only: Node 20.19+ or 22.12+ require()s it (checkNodeSupport).
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

/** The first of these addresses the guard refuses, as an error naming it; null when none. */
const refusal = (
  addresses: readonly string[],
  allowedAddresses: readonly string[],
  hostname?: string,
): RefusedAddressError | null => {
  for (const address of addresses) {
    const range = refusedAddressRange(address, allowedAddresses);
    if (range !== null) return new RefusedAddressError(address, range, hostname);
  }
  return null;
};

/** The lookup, failing with a `RefusedAddressError` when it resolves to a refused address. */
const explainingLookup =
  (lookup: LookupFunction, allowedAddresses: readonly string[]): LookupFunction =>
  (hostname, options, callback) => {
    lookup(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const addresses = Array.isArray(address) ? address.map((each) => each.address) : [address];
      const refused = refusal(addresses, allowedAddresses, hostname);
      if (refused) return callback(refused, address, family);
      callback(null, address, family);
    });
  };

type FilteringAgent =
  RequestFiltering.RequestFilteringHttpAgent | RequestFiltering.RequestFilteringHttpsAgent;

/**
 * The agent, refusing what the library would refuse one step earlier with a `RefusedAddressError`
 * (the rule of `refusedAddressRange`, the library's own); the library still checks what passes.
 */
const explainRefusals = <A extends FilteringAgent>(
  agent: A,
  allowedAddresses: readonly string[],
): A => {
  const createConnection = agent.createConnection.bind(agent);
  agent.createConnection = (options, connectionListener) => {
    const refused = options.host === undefined ? null : refusal([options.host], allowedAddresses);
    if (refused) {
      const socket = new Socket();
      if (connectionListener) connectionListener(refused, socket);
      else socket.destroy(refused);
      return socket;
    }
    const lookup = explainingLookup(options.lookup ?? dnsLookup, allowedAddresses);
    return createConnection({ ...options, lookup }, connectionListener);
  };
  return agent;
};

/**
 * Agents that check the address actually connected, after DNS resolution, and refuse every
 * non-unicast one (loopback, private, link-local incl. 169.254.169.254, IPv4-mapped IPv6,
 * unspecified) unless allow-listed. A name that resolves to such an address is refused before
 * any connection is made. A refusal is a `RefusedAddressError` naming the address and
 * `CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES`.
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
  const allowed = options.allowedAddresses ?? [];
  const http = explainRefusals(new RequestFilteringHttpAgent(settings), allowed);
  const https = explainRefusals(new RequestFilteringHttpsAgent(settings), allowed);
  return {
    http,
    https,
    destroy: () => {
      http.destroy();
      https.destroy();
    },
  };
};
