import type { LookupFunction } from 'node:net';
import {
  createGuardedAgents,
  InvalidWebhookUrlError,
  sendWebhook,
  validateWebhookUrl,
  webhookHeaders,
  type GuardedAgents,
} from '../../src/webhooks';
import { Receiver } from './support/receiver';

jest.mock('request-filtering-agent', () =>
  jest.requireActual<{ real(): unknown }>('./support/request-filtering-agent').real(),
);

/** Resolves made-up names to chosen addresses, as a hostile DNS answer would. */
const fakeDns =
  (names: Record<string, string>): LookupFunction =>
  (hostname, options, callback) => {
    const address = names[hostname];
    if (!address) throw new Error(`no fake address for ${hostname}`);
    const family = address.includes(':') ? 6 : 4;
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

const dns = fakeDns({
  'loopback.test': '127.0.0.1',
  'internal.test': '10.20.30.40',
  'metadata.test': '169.254.169.254',
  'mapped.test': '::ffff:127.0.0.1',
});

describe('SSRF guard', () => {
  let receiver: Receiver;
  let guarded: GuardedAgents;
  let permissive: GuardedAgents;

  beforeAll(async () => {
    receiver = await Receiver.start();
    receiver.expect('/hook', SECRET);
    guarded = createGuardedAgents();
    permissive = createGuardedAgents({ allowedAddresses: ['127.0.0.1'] });
  });

  afterAll(async () => {
    guarded.destroy();
    permissive.destroy();
    await receiver.close();
  });

  const post = (url: string, agents: GuardedAgents) =>
    sendWebhook(
      { url, headers: {}, body: '{}', timeoutMs: 2000 },
      { agents, allowHttp: true, lookup: dns },
    );

  const refused = (what: string, range: string) =>
    `${what} is not a public address (${range}), so no delivery connects to it ` +
    '(CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES can allow it)';

  it.each([
    ['a loopback address', () => receiver.url('/hook'), '127.0.0.1', 'loopback'],
    [
      'a name resolving to 127.0.0.1',
      () => `http://loopback.test:${receiver.port}/hook`,
      'loopback.test resolves to 127.0.0.1, which',
      'loopback',
    ],
    [
      'a name resolving to 10.x',
      () => 'http://internal.test/hook',
      'internal.test resolves to 10.20.30.40, which',
      'private',
    ],
    ['a literal 10.x address', () => 'http://10.1.2.3/hook', '10.1.2.3', 'private'],
    [
      'the metadata address',
      () => 'http://169.254.169.254/latest/meta-data/',
      '169.254.169.254',
      'linkLocal',
    ],
    [
      'a name resolving to the metadata address',
      () => 'http://metadata.test/',
      'metadata.test resolves to 169.254.169.254, which',
      'linkLocal',
    ],
    [
      'an IPv4-mapped IPv6 loopback',
      () => `http://[::ffff:127.0.0.1]:${receiver.port}/hook`,
      '::ffff:7f00:1',
      'ipv4Mapped',
    ],
    [
      'a name resolving to an IPv4-mapped address',
      () => `http://mapped.test:${receiver.port}/`,
      'mapped.test resolves to ::ffff:127.0.0.1, which',
      'ipv4Mapped',
    ],
    ['a decimal IP', () => `http://2130706433:${receiver.port}/hook`, '127.0.0.1', 'loopback'],
    ['IPv6 loopback', () => `http://[::1]:${receiver.port}/hook`, '::1', 'loopback'],
  ])(
    'refuses %s without the allow-list, naming the address and the setting',
    async (_, url, what, range) => {
      const before = receiver.received.length + receiver.rejected.length;
      const response = await post(url(), guarded);
      expect(response.statusCode).toBeNull();
      expect(response.error).toBe(refused(what, range));
      expect(receiver.received.length + receiver.rejected.length).toBe(before);
    },
  );

  it('still refuses an IPv4-mapped loopback when only 127.0.0.1 is allowed', async () => {
    const response = await post(`http://[::ffff:127.0.0.1]:${receiver.port}/hook`, permissive);
    expect(response.error).toBe(refused('::ffff:7f00:1', 'ipv4Mapped'));
  });

  it('connects to an allow-listed address', async () => {
    const response = await post(`http://loopback.test:${receiver.port}/x`, permissive);
    expect(response.statusCode).toBe(400);
  });

  it.each([
    ['0:0:0:0:0:0:0:1', '::1', 'http://[::1]:PORT/hook'],
    ['0:0:0:0:0:0:0:1', '::1', 'http://[0:0:0:0:0:0:0:1]:PORT/hook'],
    ['::1', '::1', 'http://[0:0:0:0:0:0:0:1]:PORT/hook'],
    ['::FFFF:127.0.0.1', '127.0.0.1', 'http://[::ffff:127.0.0.1]:PORT/hook'],
    ['::ffff:7f00:1', '127.0.0.1', 'http://mapped.test:PORT/hook'],
    ['0:0:0:0:0:FFFF:7F00:1', '127.0.0.1', 'http://[::ffff:7f00:1]:PORT/hook'],
  ])('delivers with %s allow-listed, to a receiver on %s at %s', async (entry, host, url) => {
    const listening = await Receiver.start(host);
    const agents = createGuardedAgents({ allowedAddresses: [entry] });
    try {
      listening.expect('/hook', SECRET);
      const response = await sendWebhook(
        {
          url: url.replace('PORT', String(listening.port)),
          headers: { ...webhookHeaders([SECRET], 'msg_1', new Date(), '{}') },
          body: '{}',
          timeoutMs: 2000,
        },
        { agents, allowHttp: true, lookup: dns },
      );
      expect(response).toMatchObject({ statusCode: 200, error: null });
      expect(listening.acceptedIds()).toEqual(['msg_1']);
    } finally {
      agents.destroy();
      await listening.close();
    }
  });

  it('does not follow a redirect to another loopback address', async () => {
    const internal = await Receiver.start('127.0.0.2');
    try {
      receiver.respond = () => ({ status: 302, headers: { location: internal.url('/admin') } });
      receiver.expect('/redirect', SECRET);
      const response = await sendWebhook(
        {
          url: receiver.url('/redirect'),
          headers: { ...webhookHeaders([SECRET], 'msg_1', new Date(), '{}') },
          body: '{}',
          timeoutMs: 2000,
        },
        { agents: permissive, allowHttp: true },
      );
      expect(response.statusCode).toBe(302);
      expect(receiver.received.map((r) => r.path)).toContain('/redirect');
      expect(internal.received).toEqual([]);
      expect(internal.rejected).toEqual([]);
    } finally {
      await internal.close();
    }
  });

  it('refuses plain http unless configured', async () => {
    const response = await sendWebhook(
      { url: receiver.url('/hook'), headers: {}, body: '{}', timeoutMs: 2000 },
      { agents: permissive },
    );
    expect(response.error).toBe(
      'scheme http: is not allowed (CERTCYCLE_WEBHOOK_ALLOW_HTTP=1 allows http: endpoints)',
    );
    expect(() => validateWebhookUrl('http://example.com/hook')).toThrow(InvalidWebhookUrlError);
    expect(() => validateWebhookUrl('http://example.com/hook', { allowHttp: true })).not.toThrow();
    expect(() => validateWebhookUrl('ftp://example.com/')).toThrow(/not http\(s\)/);
    expect(() => validateWebhookUrl('https://user:secret-pw@example.com/')).toThrow(
      new InvalidWebhookUrlError('https://example.com/', 'credentials in the URL are not accepted'),
    );
    for (const url of [
      'http://user:secret-pw@example.com/h',
      'ftp://user:secret-pw@example.com/h',
      'https://user:secret-pw@exa mple.com/h',
      `https://user:secret-pw@example.com/${'x'.repeat(3000)}`,
    ]) {
      expect(() => validateWebhookUrl(url)).toThrow(InvalidWebhookUrlError);
      expect(() => validateWebhookUrl(url)).not.toThrow(/secret-pw/);
    }
    expect(() => validateWebhookUrl('https://example.com/hook#')).toThrow(/a fragment/);
    expect(() => validateWebhookUrl('https://example.com/hook#part')).toThrow(/a fragment/);
    expect(() => validateWebhookUrl('not a url')).toThrow(/not an absolute URL/);
  });
});
