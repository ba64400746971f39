import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateWebhookSecret, SecretBox } from '../../src/webhooks';
import { Receiver } from './support/receiver';
import { webhookKit } from './support/webhook-kit';

jest.mock('request-filtering-agent', () =>
  jest.requireActual<{ real(): unknown }>('./support/request-filtering-agent').real(),
);

/** A loopback port nothing listens on (it was free a moment ago). */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

/** A real HTTP receiver that reads the request, sends its status line, headers and `part`, and stalls. */
const stallingReceiver = async (status: number, part: string): Promise<Server> => {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.write(part);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
};

describe('what the receiver got of an attempt', () => {
  let kit: ReturnType<typeof webhookKit>;
  let receiver: Receiver;

  beforeEach(async () => {
    kit = webhookKit();
    receiver = await Receiver.start('127.0.0.1', () => kit.clock.now());
  });

  afterEach(async () => {
    await receiver.close();
    kit.close();
  });

  const endpoint = (url: string) =>
    kit.subscriptions.create({ url, eventTypes: ['certificate.issued'] });

  const onReceiver = (path: string) => {
    const created = endpoint(receiver.url(path));
    receiver.expect(path, created.secret);
    return created.subscription.id;
  };

  const firstAttemptOf = (subscriptionId: string) => {
    const [delivery] = kit.deliveries.list(subscriptionId);
    const [attempt] = delivery!.attempts;
    return { outcome: attempt!.outcome, statusCode: attempt!.statusCode };
  };

  it('tells an answer, a request sent but not answered, one never sent and one whose answer the service never saw apart', async () => {
    const answered = onReceiver('/answered');
    const hanging = onReceiver('/hanging');
    const refused = endpoint(`http://127.0.0.1:${await closedPort()}/hook`).subscription.id;
    const unreadable = onReceiver('/unreadable');
    kit.db
      .prepare('UPDATE wh_subscriptions SET secret = ? WHERE id = ?')
      .run(new SecretBox(randomBytes(32)).seal(generateWebhookSecret()), unreadable);
    const stopped = onReceiver('/stopped');
    const asked: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    receiver.respond = ({ path }) => {
      asked.push(path);
      return path === '/hanging' ? { status: 200, held } : { status: 500 };
    };
    kit.enqueue();
    const now = kit.clock.now().getTime();
    kit.db
      .prepare(
        `UPDATE wh_deliveries SET status = 'cancelled', cancelled_at = ?, in_flight_since = ?,
           in_flight_until = ? WHERE subscription_id = ?`,
      )
      .run(now, now, now + 45_000, stopped);

    try {
      expect(await kit.dispatcher({ timeoutMs: 1000 }).dispatchDue()).toBe(4);
    } finally {
      release();
    }

    expect(firstAttemptOf(answered)).toEqual({ outcome: 'answered', statusCode: 500 });
    expect(firstAttemptOf(hanging)).toEqual({ outcome: 'no_answer', statusCode: null });
    expect(firstAttemptOf(refused)).toEqual({ outcome: 'not_sent', statusCode: null });
    expect(firstAttemptOf(unreadable)).toEqual({ outcome: 'not_sent', statusCode: null });
    expect(firstAttemptOf(stopped)).toEqual({ outcome: 'unknown', statusCode: null });
    expect(asked.sort()).toEqual(['/answered', '/hanging']);
  });

  it('keeps the status of a response whose body did not end in time, a failure with no answer though it said 200', async () => {
    const stalling = await stallingReceiver(200, 'accepted, writing');
    try {
      const { port } = stalling.address() as AddressInfo;
      const id = endpoint(`http://127.0.0.1:${port}/hook`).subscription.id;
      kit.enqueue();

      expect(await kit.dispatcher({ timeoutMs: 500 }).dispatchDue()).toBe(1);

      const [delivery] = kit.deliveries.list(id);
      expect(delivery).toMatchObject({ status: 'pending', attemptCount: 1, deliveredAt: null });
      expect(delivery!.attempts).toEqual([
        expect.objectContaining({
          outcome: 'no_answer',
          statusCode: 200,
          succeeded: false,
          responseBody: 'accepted, writing',
          error:
            'no complete response within 500 ms: status 200 and headers came, the body did not end',
        }),
      ]);
    } finally {
      stalling.closeAllConnections();
      await new Promise<void>((resolve) => stalling.close(() => resolve()));
    }
  });

  it('reads an attempt recorded before outcomes were as answered when it has a status code, unknown otherwise', () => {
    const id = onReceiver('/old');
    kit.enqueue();
    const [delivery] = kit.deliveries.list(id);
    const insert = kit.db.prepare(
      `INSERT INTO wh_attempts (delivery_id, attempted_at, status_code, latency_ms, error,
         succeeded) VALUES (?, ?, ?, ?, ?, 0)`,
    );
    insert.run(delivery!.id, kit.clock.now().getTime(), 503, 12, null);
    insert.run(delivery!.id, kit.clock.now().getTime(), null, 15_000, 'no complete response');

    expect(kit.deliveries.get(delivery!.id).attempts.map((a) => a.outcome)).toEqual([
      'answered',
      'unknown',
    ]);
  });
});
