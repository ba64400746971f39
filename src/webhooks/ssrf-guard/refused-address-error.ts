/**
 * The SSRF guard refused to connect to a non-public address: says which (and the name that
 * resolved to it), its range and the setting that can allow it, which the filtering library's own
 * message does not.
 */
export class RefusedAddressError extends Error {
  override readonly name = 'RefusedAddressError';
  constructor(
    readonly address: string,
    readonly range: string,
    hostname?: string,
  ) {
    const what =
      hostname === undefined || hostname === address
        ? address
        : `${hostname} resolves to ${address}, which`;
    super(
      `${what} is not a public address (${range}), so no delivery connects to it ` +
        '(CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES can allow it)',
    );
  }
}
