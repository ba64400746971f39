import Database from 'better-sqlite3';
import {
  findCertificates,
  findOrganisations,
  ReadCache,
  readModelsChanged,
  upcomingDeadlines,
} from '../../src/projections';
import {
  ACME,
  GAMMA,
  Lifecycle,
  d,
  seriousFailureSuspension,
  typicalReadSide,
} from './lifecycle-fixture';

describe('ReadCache', () => {
  const db = new Database(':memory:');
  afterAll(() => db.close());

  it('reads a key once, until the read models change', () => {
    const cache = new ReadCache<string, number>(db, 10);
    const read = jest.fn(() => 1);
    expect(cache.get('a', read)).toBe(1);
    expect(cache.get('a', read)).toBe(1);
    expect(read).toHaveBeenCalledTimes(1);
    readModelsChanged(db);
    expect(cache.get('a', () => 2)).toBe(2);
  });

  it('reads only the keys it does not hold, together, and keeps no answer for unknown ones', () => {
    const cache = new ReadCache<string, string>(db, 10);
    const read = jest.fn(
      (keys: readonly string[]) => new Map(keys.map((k) => [k, k.toUpperCase()])),
    );
    cache.getMany(['a', 'b'], read);
    const found = cache.getMany(['a', 'c', 'c', 'b'], read);
    expect(read.mock.calls).toEqual([[['a', 'b']], [['c']]]);
    expect([...found].sort()).toEqual([
      ['a', 'A'],
      ['b', 'B'],
      ['c', 'C'],
    ]);
    const none = jest.fn(() => new Map<string, string>());
    cache.getMany(['nobody'], none);
    cache.getMany(['nobody'], none);
    expect(none).toHaveBeenCalledTimes(2);
  });

  it('keeps at most its capacity, dropping what it stored first', () => {
    const cache = new ReadCache<number, number>(db, 2);
    for (const key of [1, 2, 3]) cache.get(key, () => key);
    const read = jest.fn(() => 0);
    expect(cache.get(3, read)).toBe(3);
    expect(cache.get(2, read)).toBe(2);
    expect(cache.get(1, read)).toBe(0);
  });

  it('is forgotten when another database changes only for that database', () => {
    const other = new Database(':memory:');
    const cache = new ReadCache<string, number>(db, 10);
    cache.get('a', () => 1);
    readModelsChanged(other);
    expect(cache.get('a', () => 2)).toBe(1);
    other.close();
  });
});

describe('queries kept between batches', () => {
  const readSide = typicalReadSide('read-cache');

  it('answer what the next batch of events changed', async () => {
    const asOf = d('2026-10-13');
    const gammaStage2 = () =>
      upcomingDeadlines(readSide().db, { asOf, withinDays: 90 })
        .items.filter(({ node }) => node.auditCycleId === GAMMA.initialCycle)
        .filter(({ node }) => node.type === 'STAGE2_DUE')
        .map(({ node }) => node.state);
    const acmeVersion = () =>
      findCertificates(readSide().db, [ACME.certificateId]).get(ACME.certificateId)?.version;
    const acmeName = () =>
      findOrganisations(readSide().db, [ACME.organisationId]).get(ACME.organisationId)?.legalName;
    expect(gammaStage2()).toEqual(['UPCOMING']);
    const [version, name] = [acmeVersion(), acmeName()];
    expect(name).toBe('Acme IT Services Co., Ltd.');

    const run = new Lifecycle(readSide().store);
    await run.audit(GAMMA.initialCycle, 'stage2', 'STAGE2', '2026-10-12', '2026-10-13');
    await run.certificate(seriousFailureSuspension(ACME.certificateId, '2027-06-01'));
    await run.organisation({
      type: 'UpdateOrganisationDetails',
      data: {
        organisationId: ACME.organisationId,
        legalName: 'Acme Cloud Co., Ltd.',
        updatedOn: d('2026-10-02'),
        actor: 'p-clerk',
      },
    });
    expect(gammaStage2()).toEqual(['UPCOMING']);
    await readSide().runner.catchUp();

    expect(gammaStage2()).toEqual([]);
    expect(acmeVersion()).toBe((version ?? 0) + 1);
    expect(
      findCertificates(readSide().db, [ACME.certificateId]).get(ACME.certificateId)?.recordedStatus,
    ).toBe('SUSPENDED');
    expect(acmeName()).toBe('Acme Cloud Co., Ltd.');
  });
});
