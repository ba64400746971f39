import { Webhook } from 'standardwebhooks';
import { signWebhook, webhookHeaders } from '../../src/webhooks/signer';
import { generateWebhookSecret } from '../../src/webhooks/subscriptions';

describe('Standard Webhooks signer', () => {
  it('reproduces the specification test vector', () => {
    expect(
      signWebhook(
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('generates whsec_ secrets of 32 random bytes', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('signs with every secret during a rotation, each verifiable on its own', () => {
    const [current, previous] = [generateWebhookSecret(), generateWebhookSecret()];
    const sentAt = new Date();
    const body = '{"type":"certificate.issued"}';
    const headers = webhookHeaders([current, previous], 'msg_abc', sentAt, body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(sentAt.getTime() / 1000)));
    expect(() => new Webhook(current).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(previous).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, { ...headers })).toThrow();
  });
});
