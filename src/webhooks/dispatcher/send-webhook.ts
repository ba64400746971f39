import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
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
  /** The status line's code; null when none came. */
  statusCode: number | null;
  /**
   * The whole response came in time. Only then does `statusCode` answer the delivery: one whose
   * body did not finish fails the attempt whatever its status line said.
   */
  answered: boolean;
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
    answered: false,
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
    let started: IncomingMessage | null = null;
    const chunks: Buffer[] = [];
    const bodyRead = () => Buffer.concat(chunks).subarray(0, limit).toString('utf8');
    /** The status line and headers came, the body did not end in time: the status is kept. */
    const stalled = (res: IncomingMessage, timedOut: string): WebhookResponse => ({
      ...failed(
        `${timedOut}: status ${String(res.statusCode)} and headers came, the body did not end`,
      ),
      statusCode: res.statusCode ?? null,
      responseBody: bodyRead(),
      headers: res.headers,
    });
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
        started = res;
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
            answered: true,
            sent: true,
            latencyMs: elapsed(),
            responseBody: bodyRead(),
            headers: res.headers,
            error: null,
          });
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
      },
    );
    const timer = setTimeout(() => {
      const timedOut = `no complete response within ${request.timeoutMs} ms`;
      settle(started ? stalled(started, timedOut) : failed(timedOut));
      req.destroy();
    }, request.timeoutMs);
    req.on('finish', () => {
      sent = true;
    });
    req.on('error', (error) => settle(failed(error.message)));
    req.end(request.body);
  });
};
