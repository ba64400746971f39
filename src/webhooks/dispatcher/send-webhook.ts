import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { GuardedAgents } from '../ssrf-guard';

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export interface SenderOptions {
  agents: GuardedAgents;
  /** Send to http URLs too (tests, local development). Default false. */
  allowHttp?: boolean;
  /** DNS lookup (tests resolve made-up names); the guard checks whatever it returns. */
  lookup?: LookupFunction;
  /** Bytes of the response body kept for the attempt log (default 1024). */
  responseBodyLimit?: number;
}

export interface WebhookResponse {
  /** Null when no response came. */
  statusCode: number | null;
  /** The whole request was written to the connection: the receiver may have it, answered or not. */
  sent: boolean;
  latencyMs: number;
  responseBody: string | null;
  headers: IncomingHttpHeaders;
  error: string | null;
}

const DRAIN_LIMIT = 64 * 1024;

/** One POST; redirects are never followed (the 3xx is returned as it is). Never rejects. */
export const sendWebhook = (
  request: WebhookRequest,
  options: SenderOptions,
): Promise<WebhookResponse> => {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let sent = false;
  const failed = (error: string): WebhookResponse => ({
    statusCode: null,
    sent,
    latencyMs: elapsed(),
    responseBody: null,
    headers: {},
    error,
  });
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return Promise.resolve(failed('invalid URL'));
  }
  const isHttps = url.protocol === 'https:';
  if (!isHttps && !(url.protocol === 'http:' && options.allowHttp)) {
    const remedy =
      url.protocol === 'http:' ? ' (CERTCYCLE_WEBHOOK_ALLOW_HTTP=1 allows http: endpoints)' : '';
    return Promise.resolve(failed(`scheme ${url.protocol} is not allowed${remedy}`));
  }
  const limit = options.responseBodyLimit ?? 1024;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (response: WebhookResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(response);
    };
    const send = isHttps ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'POST',
        agent: isHttps ? options.agents.https : options.agents.http,
        headers: {
          ...request.headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(request.body),
          'user-agent': 'certcycle-webhooks/1',
        },
        ...(options.lookup ? { lookup: options.lookup } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (kept < limit) {
            chunks.push(chunk);
            kept += chunk.length;
          }
          if (read > DRAIN_LIMIT) res.destroy();
        });
        const done = () =>
          settle({
            statusCode: res.statusCode ?? null,
            sent: true,
            latencyMs: elapsed(),
            responseBody: Buffer.concat(chunks).subarray(0, limit).toString('utf8'),
            headers: res.headers,
            error: null,
          });
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
      },
    );
    const timer = setTimeout(() => {
      settle(failed(`no complete response within ${request.timeoutMs} ms`));
      req.destroy();
    }, request.timeoutMs);
    req.on('finish', () => {
      sent = true;
    });
    req.on('error', (error) => settle(failed(error.message)));
    req.end(request.body);
  });
};
