import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * `::` followed by a dotted IPv4 address: the deprecated IPv4-compatible form, which ipaddr.js
 * reads as the IPv4-mapped address `::ffff:a.b.c.d`, a different one.
 */
const IPV4_COMPATIBLE = /^::(\d+\.){3}\d+(%|$)/;

/** The canonical text of an IP address: `fd00::1`, `::1`, `::ffff:7f00:1`, `127.0.0.1`. */
const canonicalAddress = (address: string): string => ipaddr.parse(address).toString();

/**
 * The canonical form of an allow-list entry, an IP address or a CIDR range whose prefix length
 * fits its address (`FD00::1` → `fd00::1`, `0:0:0:0:0:0:0:1` → `::1`, `::FFFF:127.0.0.1` →
 * `::ffff:7f00:1`, `FD00::/08` → `fd00::/8`), as URLs write the addresses they name; null when
 * the entry is neither. IPv4 addresses are four decimal numbers (no leading zeros, which some
 * parsers read as octal).
 */
export const canonicalAddressEntry = (entry: string): string | null => {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0 || IPV4_COMPATIBLE.test(address)) return null;
  if (prefix === undefined) return canonicalAddress(address);
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > (version === 4 ? 32 : 128)) return null;
  return `${canonicalAddress(address)}/${Number(prefix)}`;
};
