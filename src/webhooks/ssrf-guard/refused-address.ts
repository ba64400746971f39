import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { canonicalAddressEntry } from './allowed-address';

const inRange = (address: ipaddr.IPv4 | ipaddr.IPv6, cidr: string): boolean => {
  const range = ipaddr.parseCIDR(cidr);
  return range[0].kind() === address.kind() && address.match(range);
};

/**
 * Why the guarded agents would refuse to connect to this IP address: its range (`private`,
 * `loopback`, `linkLocal`, `ipv4Mapped` …), or null when they would connect to it or it is not an
 * IP address (a name is checked once resolved). The agents' own rule (request-filtering-agent):
 * unicast addresses only, unless the address, or a CIDR range holding it, is allow-listed. Entries
 * and address are compared in canonical form, so `0:0:0:0:0:0:0:1` allows `::1`.
 */
export const refusedAddressRange = (
  address: string,
  allowedAddresses: readonly string[],
): string | null => {
  if (isIP(address) === 0) return null;
  const parsed = ipaddr.parse(address);
  const canonical = parsed.toString();
  const allowed = allowedAddresses
    .map(canonicalAddressEntry)
    .some(
      (entry) =>
        entry !== null && (entry.includes('/') ? inRange(parsed, entry) : entry === canonical),
    );
  const range = parsed.range();
  return allowed || range === 'unicast' ? null : range;
};
