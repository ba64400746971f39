import type { Database } from 'better-sqlite3';
import type { Clock } from '../../src/application/clock';
import { UnknownWebhookSubscriptionError, WebhookSubscriptions } from '../../src/webhooks';
import { openWebhookDatabase, webhookKit } from './support/webhook-kit';

jest.mock('request-filtering-agent', () =>
  jest.requireActual<{ real(): unknown }>('./support/request-filtering-agent').real(),
);

/**
 * Another request (here on a connection of its own, as another process's would be) deletes the
 * endpoint after `racer` found it and before it writes: at the first clock read or transaction
 * `racer` makes once it is armed.
 */
const racingDeletion = (kit: ReturnType<typeof webhookKit>) => {
  const second = openWebhookDatabase(kit.directory.file('webhooks.db'));
  const other = new WebhookSubscriptions({ db: second, clock: kit.clock, secrets: kit.box });
  let pending: string | null = null;
  let deletedRow: unknown = null;
  const deleteNow = () => {
    if (pending === null) return;
    const id = pending;
    pending = null;
    kit.advance(1000);
    other.delete(id);
    deletedRow = kit.db.prepare('SELECT * FROM wh_subscriptions WHERE id = ?').get(id);
  };
  const clock: Clock = {
    now: () => {
      deleteNow();
      return kit.clock.now();
    },
  };
  const db = new Proxy(kit.db, {
    get: (target, key: keyof Database) => {
      if (key === 'transaction') {
        return (fn: Parameters<Database['transaction']>[0]) => {
          deleteNow();
          return target.transaction(fn);
        };
      }
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  const racer = new WebhookSubscriptions({ db, clock, secrets: kit.box, allowHttp: true });
  return {
    racer,
    /** The next operation of `racer` finds `id`, which is deleted before it writes. */
    deleteWhileChanging: (id: string) => {
      pending = id;
    },
    deletedRow: () => deletedRow,
    close: () => second.close(),
  };
};

describe('changing an endpoint that another request deletes meanwhile', () => {
  let kit: ReturnType<typeof webhookKit>;
  let race: ReturnType<typeof racingDeletion>;

  beforeEach(() => {
    kit = webhookKit();
    race = racingDeletion(kit);
  });

  afterEach(() => {
    race.close();
    kit.close();
  });

  it.each<[string, (subscriptions: WebhookSubscriptions, id: string) => unknown]>([
    [
      'update',
      (s, id) =>
        s.update(id, {
          url: 'https://elsewhere.example.com/hook',
          eventTypes: ['certificate.expired'],
        }),
    ],
    ['delete', (s, id) => s.delete(id)],
    ['disable', (s, id) => s.disable(id)],
    ['enable', (s, id) => s.enable(id)],
    ['rotateSecret', (s, id) => s.rotateSecret(id)],
  ])(
    '%s answers NOT_FOUND and leaves the deleted endpoint as its deletion left it',
    (_, change) => {
      const { subscription } = kit.subscriptions.create({
        url: 'https://hooks.example.com/certcycle',
        eventTypes: ['certificate.issued', 'certificate.suspended'],
      });
      kit.enqueue({ type: 'certificate.issued' });
      race.deleteWhileChanging(subscription.id);

      expect(() => change(race.racer, subscription.id)).toThrow(UnknownWebhookSubscriptionError);
      expect(race.deletedRow()).toMatchObject({ id: subscription.id, enabled: 0, secret: '' });
      expect(
        kit.db.prepare('SELECT * FROM wh_subscriptions WHERE id = ?').get(subscription.id),
      ).toEqual(race.deletedRow());
      expect(
        kit.deliveries.list(subscription.id).map((d) => [d.status, d.cancelledReason]),
      ).toEqual([['cancelled', 'the endpoint was deleted']]);
    },
  );
});
