import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { SettableClock, systemClock } from '../src/application/clock';
import { addDays, calendarDate } from '../src/domain';
import { SqliteEventStore } from '../src/eventstore';
import {
  createGuardedAgents,
  DeliveryOutbox,
  ReminderScanner,
  SecretBox,
  WebhookDispatcher,
  WebhookFanOut,
  WebhookSubscriptions,
  type OpenDeadline,
} from '../src/webhooks';

/**
 * Benchmark of webhook delivery (issue 5): signed deliveries/s to a local receiver (its own
 * process, verifying every signature with the standardwebhooks package), fan-out of one event
 * to 1,000 subscriptions, and a reminder scan over 100,000 certificates.
 * Run with `npm run bench:webhooks`. Webhook database: WAL, synchronous=NORMAL.
 */
const DELIVERY_EVENTS = 1_000;
const DELIVERY_ENDPOINTS = 10;
const FAN_OUT_SUBSCRIPTIONS = 1_000;
const SCAN_CERTIFICATES = 100_000;

const RECEIVER = `
const http = require('node:http');
const { Webhook } = require('standardwebhooks');
const secret = process.argv[1];
const wh = new Webhook(secret);
let valid = 0, invalid = 0;
const server = http.createServer((req, res) => {
  if (req.method === 'GET') { res.end(JSON.stringify({ valid, invalid })); return; }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    try { wh.verify(Buffer.concat(chunks).toString('utf8'), req.headers); valid++; }
    catch { invalid++; }
    res.writeHead(200).end('ok');
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

const openDatabase = (file: string) => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
};

const startReceiver = (secret: string) =>
  new Promise<{ port: number; stop: () => void }>((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', RECEIVER, secret], {
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: join(__dirname, '..'),
    });
    child.on('error', reject);
    child.stdout
      .setEncoding('utf8')
      .once('data', (line: string) =>
        resolve({ port: Number(line.trim()), stop: () => child.kill() }),
      );
  });

const deliveriesPerSecond = async (directory: string) => {
  const db = openDatabase(join(directory, 'deliveries.db'));
  const box = new SecretBox(randomBytes(32));
  const subscriptions = new WebhookSubscriptions({
    db,
    clock: systemClock,
    secrets: box,
    allowHttp: true,
  });
  const first = subscriptions.create({
    url: 'http://127.0.0.1:1/',
    eventTypes: ['certificate.issued'],
  });
  const receiver = await startReceiver(first.secret);
  try {
    return await sendAll(db, box, subscriptions, first.subscription.id, receiver.port);
  } finally {
    receiver.stop();
    db.close();
  }
};

/** Every endpoint shares the first one's secret, so the receiver verifies all with one key. */
const sendAll = async (
  db: Database.Database,
  box: SecretBox,
  subscriptions: WebhookSubscriptions,
  firstId: string,
  port: number,
) => {
  subscriptions.update(firstId, { url: `http://127.0.0.1:${port}/0` });
  for (let i = 1; i < DELIVERY_ENDPOINTS; i++) {
    subscriptions.create({
      url: `http://127.0.0.1:${port}/${i}`,
      eventTypes: ['certificate.issued'],
    });
  }
  const sealed = db
    .prepare<[string], { secret: string }>('SELECT secret FROM wh_subscriptions WHERE id = ?')
    .get(firstId)!.secret;
  db.prepare('UPDATE wh_subscriptions SET secret = ?').run(sealed);
  const outbox = new DeliveryOutbox(db);
  db.transaction(() => {
    for (let i = 0; i < DELIVERY_EVENTS; i++) {
      outbox.enqueue(
        {
          eventId: randomUUID(),
          organisationId: null,
          payload: {
            type: 'certificate.issued',
            timestamp: new Date().toISOString(),
            data: { certificateId: `cert-${i}`, certificateNumber: `CN-${i}`, version: 1 },
          },
        },
        Date.now(),
      );
    }
  })();
  const agents = createGuardedAgents({ allowedAddresses: ['127.0.0.1'] });
  // The loop the service runs (start), with its defaults: 32 requests in flight, 4 per endpoint.
  const dispatcher = new WebhookDispatcher({
    db,
    clock: systemClock,
    secrets: box,
    sender: { agents, allowHttp: true },
  });
  const pending = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM wh_deliveries WHERE status = 'pending'",
  );
  const sent = pending.get()!.n;
  const started = performance.now();
  dispatcher.start();
  while (pending.get()!.n > 0 && performance.now() - started < 120_000) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const seconds = (performance.now() - started) / 1000;
  await dispatcher.stop();
  const stats = (await (await fetch(`http://127.0.0.1:${port}/`)).json()) as {
    valid: number;
    invalid: number;
  };
  const delivered = db
    .prepare<[], { n: number }>(
      "SELECT count(*) AS n FROM wh_deliveries WHERE status = 'delivered'",
    )
    .get()!.n;
  agents.destroy();
  return { sent, delivered, seconds, rate: sent / seconds, ...stats };
};

const fanOutToThousand = async (directory: string) => {
  const store = new SqliteEventStore(join(directory, 'events.db'));
  const db = openDatabase(join(directory, 'fan-out.db'));
  const subscriptions = new WebhookSubscriptions({
    db,
    clock: systemClock,
    secrets: new SecretBox(randomBytes(32)),
  });
  for (let i = 0; i < FAN_OUT_SUBSCRIPTIONS; i++) {
    subscriptions.create({
      url: `https://hooks.example.com/${i}`,
      eventTypes: ['certificate.issued'],
    });
  }
  const fanOut = new WebhookFanOut({ store, db, clock: systemClock });
  await store.appendToStream('certificate-c1', [
    {
      id: randomUUID(),
      type: 'CertificateIssued',
      data: { certificateId: 'c1', organisationId: 'o1', number: 'CN-1', revision: 1 },
      metadata: { correlationId: randomUUID(), actor: 'bench' },
    },
  ]);
  const started = performance.now();
  await fanOut.catchUp();
  const ms = performance.now() - started;
  const rows = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM wh_deliveries').get()!.n;
  await store.close();
  db.close();
  return { ms, rows };
};

const scanHundredThousand = async (directory: string) => {
  const db = openDatabase(join(directory, 'reminders.db'));
  const clock = new SettableClock('2026-01-01T09:00:00Z');
  const deadlines: OpenDeadline[] = Array.from({ length: SCAN_CERTIFICATES }, (_, i) => ({
    certificateId: `cert-${i}`,
    organisationId: `org-${i % 997}`,
    type: 'SURVEILLANCE_AUDIT_DUE',
    key: 'SURVEILLANCE_AUDIT_DUE:1',
    dueDate: addDays(calendarDate('2026-01-01'), i % 400),
  }));
  const scanner = new ReminderScanner({
    db,
    clock,
    deadlines: { openDeadlines: () => deadlines },
  });
  let started = performance.now();
  const first = await scanner.scan();
  const firstMs = performance.now() - started;
  started = performance.now();
  const repeat = await scanner.scan();
  const repeatMs = performance.now() - started;
  db.close();
  return { firstMs, repeatMs, first, repeat };
};

const main = async () => {
  const directory = mkdtempSync(join(tmpdir(), 'certcycle-webhooks-bench-'));
  try {
    const delivery = await deliveriesPerSecond(directory);
    console.log(
      `deliveries: ${delivery.sent} signed POSTs in ${delivery.seconds.toFixed(2)} s = ` +
        `${Math.round(delivery.rate)}/s (delivered ${delivery.delivered}, receiver verified ` +
        `${delivery.valid} valid, ${delivery.invalid} invalid)`,
    );
    const fanOut = await fanOutToThousand(directory);
    console.log(`fan-out: 1 event to ${fanOut.rows} subscriptions in ${fanOut.ms.toFixed(1)} ms`);
    const scan = await scanHundredThousand(directory);
    console.log(
      `reminder scan: ${SCAN_CERTIFICATES} certificates, first scan ${scan.firstMs.toFixed(0)} ms ` +
        `(${scan.first.recorded} recorded, ${scan.first.skipped} skipped), repeat ${scan.repeatMs.toFixed(0)} ms`,
    );
    const targets: [string, boolean, string][] = [
      [
        'deliveries/s with signing >= 1,000',
        delivery.rate >= 1000 && delivery.invalid === 0 && delivery.delivered === delivery.sent,
        `${Math.round(delivery.rate)}/s`,
      ],
      [
        'fan-out to 1,000 subscriptions < 1 s',
        fanOut.ms < 1000 && fanOut.rows === 1000,
        `${fanOut.ms.toFixed(1)} ms`,
      ],
      ['scan of 100,000 certificates < 2 s', scan.firstMs < 2000, `${scan.firstMs.toFixed(0)} ms`],
    ];
    console.log(`\nsummary (load average at the end ${loadavg()[0]!.toFixed(1)})`);
    for (const [target, passed, measured] of targets) {
      console.log(`  ${passed ? 'PASS' : 'FAIL'}  ${target.padEnd(40)} ${measured}`);
    }
    if (targets.some(([, passed]) => !passed)) process.exitCode = 1;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
