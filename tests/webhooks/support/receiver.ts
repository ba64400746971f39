import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  path: string;
  webhookId: string;
  timestamp: number;
  signatures: string[];
  body: string;
  /** The status the receiver answered. */
  status: number;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Wait this long before answering (a timeout test). */
  delayMs?: number;
  /** Answer once this settles (an attempt the test keeps in flight). */
  held?: Promise<void>;
}

export type Responder = (request: { path: string; webhookId: string }) => Reply;

/**
 * A real HTTP endpoint on a loopback address. Every request must carry a valid Standard
 * Webhooks signature for the secret registered for its path, checked with the `standardwebhooks`
 * package at `now()` (the test clock); anything else is kept in `rejected` and answered 400.
 */
export class Receiver {
  readonly received: Received[] = [];
  readonly rejected: { path: string; reason: string }[] = [];
  private readonly secrets = new Map<string, string[]>();
  private readonly server: Server;
  respond: Responder = () => ({ status: 200, body: 'ok' });

  private constructor(
    private readonly host: string,
    private readonly now: () => Date,
  ) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        const body = Buffer.concat(chunks).toString('utf8');
        const problem = this.verify(path, body, req.headers);
        if (problem) {
          this.rejected.push({ path, reason: problem });
          res.writeHead(400).end(problem);
          return;
        }
        const webhookId = String(req.headers['webhook-id']);
        const reply = this.respond({ path, webhookId });
        const answer = () => {
          this.received.push({
            path,
            webhookId,
            timestamp: Number(req.headers['webhook-timestamp']),
            signatures: String(req.headers['webhook-signature']).split(' '),
            body,
            status: reply.status,
          });
          if (!res.destroyed) res.writeHead(reply.status, reply.headers).end(reply.body ?? '');
        };
        if (reply.held) void reply.held.then(answer);
        else if (reply.delayMs) setTimeout(answer, reply.delayMs);
        else answer();
      });
    });
  }

  static async start(host = '127.0.0.1', now: () => Date = () => new Date()): Promise<Receiver> {
    const receiver = new Receiver(host, now);
    await new Promise<void>((resolve) => receiver.server.listen(0, host, resolve));
    return receiver;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    const host = this.host.includes(':') ? `[${this.host}]` : this.host;
    return `http://${host}:${this.port}${path}`;
  }

  /** Registers the secrets a path's requests are verified with (any one may match). */
  expect(path: string, ...secrets: string[]): void {
    this.secrets.set(path, secrets);
  }

  /** Successful (2xx) receipts of each webhook-id. */
  acceptedIds(): string[] {
    return this.received.filter((r) => r.status >= 200 && r.status < 300).map((r) => r.webhookId);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private verify(path: string, body: string, headers: IncomingHttpHeaders): string | null {
    const secrets = this.secrets.get(path);
    if (!secrets) return `no secret registered for ${path}`;
    const plain = {
      'webhook-id': String(headers['webhook-id']),
      'webhook-timestamp': String(headers['webhook-timestamp']),
      'webhook-signature': String(headers['webhook-signature']),
    };
    const realNow = Date.now;
    Date.now = () => this.now().getTime();
    try {
      for (const secret of secrets) {
        try {
          new Webhook(secret).verify(body, plain);
          return null;
        } catch {
          continue;
        }
      }
      return 'no valid signature';
    } finally {
      Date.now = realNow;
    }
  }
}
