const REASONS: Readonly<Record<string, string>> = {
  EADDRINUSE: 'the port is in use by another process (set PORT)',
  EACCES: 'this user may not use the port (set PORT above 1023)',
  EADDRNOTAVAIL: 'HOST is not an address of this machine',
  ENOTFOUND: 'HOST is not a name this machine resolves',
  EAI_AGAIN: 'HOST could not be resolved now (a DNS failure; check HOST and the resolver)',
};

/** The API server could not listen on its host and port; the message says what to change. */
export class ListenError extends Error {
  override readonly name = 'ListenError';
  constructor(host: string, port: number, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? '';
    const reason = REASONS[code] ?? (cause instanceof Error ? cause.message : String(cause));
    super(`cannot listen on ${host}:${port}: ${reason}`, { cause });
  }
}
