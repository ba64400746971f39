import {
  findCertificate,
  findCertificates,
  findOrganisation,
  findOrganisations,
  sitesOfOrganisations,
} from '../../src/projections';
import { temporaryDirectory } from '../eventstore/temp-store';
import { ACME, BETA, GAMMA, appendTypicalLifecycle, openReadSide } from './lifecycle-fixture';

describe('batch lookups by id', () => {
  const dir = temporaryDirectory('batch-lookups');
  let side: ReturnType<typeof openReadSide>;

  beforeAll(async () => {
    side = openReadSide(dir.file('read-models.db'));
    await appendTypicalLifecycle(side.store);
    await side.runner.catchUp();
  });
  afterAll(async () => {
    await side.close();
    dir.remove();
  });

  it('finds the same certificates as one-by-one lookups, leaving unknown ids out', () => {
    const ids = [ACME.certificateId, BETA.certificateId, GAMMA.certificateId, ACME.certificateId];
    const found = findCertificates(side.db, [...ids, 'nobody']);
    const known = ids.filter((id) => findCertificate(side.db, id) !== null);
    expect(known.length).toBeGreaterThan(1);
    expect([...found.keys()].sort()).toEqual([...new Set(known)].sort());
    for (const id of known) expect(found.get(id)).toEqual(findCertificate(side.db, id));
    expect(found.get(ACME.certificateId)?.statusPeriods.length).toBeGreaterThan(0);
  });

  it('finds the same organisations as one-by-one lookups, leaving unknown ids out', () => {
    const ids = [ACME.organisationId, BETA.organisationId, GAMMA.organisationId];
    const found = findOrganisations(side.db, [...ids, ACME.organisationId, 'nobody']);
    expect([...found.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(found.get(id)).toEqual(findOrganisation(side.db, id));
    const sites = sitesOfOrganisations(side.db, [ACME.organisationId, 'nobody']);
    expect(sites.get(ACME.organisationId)?.length).toBeGreaterThan(0);
    expect(sites.get('nobody')).toEqual([]);
  });

  it('answers an empty map for no ids', () => {
    expect(findCertificates(side.db, []).size).toBe(0);
    expect(findOrganisations(side.db, []).size).toBe(0);
  });
});
