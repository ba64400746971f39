import {
  findCertificate,
  findCertificates,
  findOrganisation,
  findOrganisations,
  sitesOfOrganisations,
} from '../../src/projections';
import { ACME, BETA, GAMMA, typicalReadSide } from './lifecycle-fixture';

describe('batch lookups by id', () => {
  const readSide = typicalReadSide('batch-lookups');

  it('finds the same certificates as one-by-one lookups, leaving unknown ids out', () => {
    const ids = [ACME.certificateId, BETA.certificateId, GAMMA.certificateId, ACME.certificateId];
    const found = findCertificates(readSide().db, [...ids, 'nobody']);
    const known = ids.filter((id) => findCertificate(readSide().db, id) !== null);
    expect(known.length).toBeGreaterThan(1);
    expect([...found.keys()].sort()).toEqual([...new Set(known)].sort());
    for (const id of known) expect(found.get(id)).toEqual(findCertificate(readSide().db, id));
    expect(found.get(ACME.certificateId)?.statusPeriods.length).toBeGreaterThan(0);
  });

  it('finds the same organisations as one-by-one lookups, leaving unknown ids out', () => {
    const ids = [ACME.organisationId, BETA.organisationId, GAMMA.organisationId];
    const found = findOrganisations(readSide().db, [...ids, ACME.organisationId, 'nobody']);
    expect([...found.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(found.get(id)).toEqual(findOrganisation(readSide().db, id));
    const sites = sitesOfOrganisations(readSide().db, [ACME.organisationId, 'nobody']);
    expect(sites.get(ACME.organisationId)?.length).toBeGreaterThan(0);
    expect(sites.get('nobody')).toEqual([]);
  });

  it('answers an empty map for no ids', () => {
    expect(findCertificates(readSide().db, []).size).toBe(0);
    expect(findOrganisations(readSide().db, []).size).toBe(0);
  });
});
