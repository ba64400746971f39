import {
  type AddSite,
  BlankFieldError,
  DateOutOfOrderError,
  DuplicateSiteError,
  InvalidCountryCodeError,
  InvalidIdentifierError,
  OrganisationNotRegisteredError,
  type RemoveSite,
  type SiteAdded,
  type SiteRemoved,
  UnknownSiteError,
} from '../../../src/domain';
import { day, given, registered, registeredState } from './organisation-fixtures';

const addSite = (overrides: Partial<AddSite['data']> = {}): AddSite => ({
  type: 'AddSite',
  data: {
    organisationId: 'acme-1',
    siteId: 'sh-hq',
    name: 'Shanghai head office',
    address: '88 Century Avenue, Pudong, Shanghai',
    country: 'CN',
    addedOn: day('2025-02-01'),
    actor: 'clerk-7',
    ...overrides,
  },
});

const siteAdded = (overrides: Partial<SiteAdded['data']> = {}): SiteAdded => ({
  type: 'SiteAdded',
  data: {
    organisationId: 'acme-1',
    siteId: 'sh-hq',
    name: 'Shanghai head office',
    address: '88 Century Avenue, Pudong, Shanghai',
    country: 'CN',
    addedOn: day('2025-02-01'),
    ...overrides,
  },
});

const removeSite = (siteId: string, removedOn = day('2025-06-01')): RemoveSite => ({
  type: 'RemoveSite',
  data: { organisationId: 'acme-1', siteId, removedOn, actor: 'clerk-7' },
});

const siteRemoved = (siteId: string, removedOn = day('2025-06-01')): SiteRemoved => ({
  type: 'SiteRemoved',
  data: { organisationId: 'acme-1', siteId, removedOn },
});

const hk = {
  siteId: 'hk-dc',
  name: 'Hong Kong data centre',
  address: '1 Tsing Yi Road',
  country: 'HK',
};

describe('sites', () => {
  it('adds a site with its own country', () => {
    given([registered(), siteAdded()])
      .when(addSite(hk))
      .then([siteAdded(hk)]);
  });

  it('keeps current sites with the date they were added', () => {
    const state = registeredState([
      registered(),
      siteAdded(),
      siteAdded({ ...hk, addedOn: day('2025-03-01') }),
    ]);
    expect(state.sites).toEqual([
      {
        siteId: 'sh-hq',
        name: 'Shanghai head office',
        address: '88 Century Avenue, Pudong, Shanghai',
        country: 'CN',
        addedOn: day('2025-02-01'),
      },
      { ...hk, addedOn: day('2025-03-01') },
    ]);
  });

  it('refuses a site id the organisation already has', () => {
    given([registered(), siteAdded()])
      .when(addSite({ name: 'Another office' }))
      .thenThrows(DuplicateSiteError, {
        rule: 'DUPLICATE_SITE',
        message:
          'site sh-hq is already a site of organisation acme-1 (added on 2025-02-01): site ids are never reused',
      });
  });

  it('refuses to reuse the id of a removed site', () => {
    given([registered(), siteAdded(), siteRemoved('sh-hq')])
      .when(addSite({ addedOn: day('2025-07-01') }))
      .thenThrows(DuplicateSiteError, {
        rule: 'DUPLICATE_SITE',
        message: 'site sh-hq was a site of organisation acme-1 until it was removed on 2025-06-01',
      });
  });

  it('refuses a site whose country is not an ISO 3166-1 alpha-2 code', () => {
    given([registered()])
      .when(addSite({ country: 'China' }))
      .thenThrows(InvalidCountryCodeError, { message: 'country "China" is not', field: 'country' });
  });

  it('refuses a site without a name', () => {
    given([registered()])
      .when(addSite({ name: '  ' }))
      .thenThrows(BlankFieldError, { message: 'name must not be blank', field: 'name' });
  });

  it('refuses a site id with spaces', () => {
    given([registered()])
      .when(addSite({ siteId: 'sh hq' }))
      .thenThrows(InvalidIdentifierError, { message: 'siteId "sh hq" is not an identifier' });
  });

  it('refuses a site added before the organisation was registered', () => {
    given([registered()])
      .when(addSite({ addedOn: day('2024-12-31') }))
      .thenThrows(DateOutOfOrderError, {
        message: 'addedOn 2024-12-31 is before the organisation was registered on 2025-01-10',
      });
  });

  it('refuses a site for an organisation that is not registered', () => {
    given([]).when(addSite()).thenThrows(OrganisationNotRegisteredError, {
      message: 'AddSite needs a registered organisation',
    });
  });

  it('removes a site', () => {
    const events = given([registered(), siteAdded(), siteAdded(hk)])
      .when(removeSite('sh-hq'))
      .then([siteRemoved('sh-hq')]);
    const state = registeredState([registered(), siteAdded(), siteAdded(hk), ...events]);
    expect(state.sites.map((site) => site.siteId)).toEqual(['hk-dc']);
    expect(state.removedSites).toEqual([{ siteId: 'sh-hq', removedOn: day('2025-06-01') }]);
  });

  it('removes the last site: the registered address stays the location of record', () => {
    const events = given([registered(), siteAdded()])
      .when(removeSite('sh-hq'))
      .then([siteRemoved('sh-hq')]);
    const state = registeredState([registered(), siteAdded(), ...events]);
    expect(state.sites).toEqual([]);
    expect(state.address).toBe('88 Century Avenue, Pudong, Shanghai');
  });

  it('refuses to remove a site the organisation never had', () => {
    given([registered(), siteAdded()]).when(removeSite('bj-office')).thenThrows(UnknownSiteError, {
      rule: 'UNKNOWN_SITE',
      message: 'organisation acme-1 has no site bj-office',
    });
  });

  it('refuses to remove a site twice', () => {
    given([registered(), siteAdded(), siteRemoved('sh-hq')])
      .when(removeSite('sh-hq', day('2025-07-01')))
      .thenThrows(UnknownSiteError, {
        rule: 'UNKNOWN_SITE',
        message: 'site sh-hq of organisation acme-1 was already removed on 2025-06-01',
      });
  });

  it('refuses a removal dated before the site was added', () => {
    given([registered(), siteAdded()])
      .when(removeSite('sh-hq', day('2025-01-31')))
      .thenThrows(DateOutOfOrderError, {
        rule: 'DATE_OUT_OF_ORDER',
        message: 'removedOn 2025-01-31 is before site sh-hq was added on 2025-02-01',
      });
  });
});
