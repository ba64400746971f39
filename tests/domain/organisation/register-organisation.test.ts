import {
  BlankFieldError,
  FieldTooLongError,
  InvalidCountryCodeError,
  InvalidDateError,
  InvalidIdentifierError,
  NO_READINESS_FACTS,
  OrganisationAlreadyRegisteredError,
  POLICY_PROFILES,
  organisationStreamName,
} from '../../../src/domain';
import { given, registerCommand, registered, registeredState } from './organisation-fixtures';

describe('registering an organisation', () => {
  it('records the details and the full policy the organisation is registered under', () => {
    given([])
      .when(registerCommand({ policy: POLICY_PROFILES.CN_CNCA }))
      .then([registered({ policy: POLICY_PROFILES.CN_CNCA })]);
  });

  it('starts with no sites, no readiness facts but the business licence number', () => {
    const state = registeredState([registered()]);
    expect(state.sites).toEqual([]);
    expect(state.readiness).toEqual({
      ...NO_READINESS_FACTS,
      legalRegistrationNumber: '91310000MA1K4XXX0Q',
    });
  });

  it('registers an organisation whose business licence number is not known yet', () => {
    given([])
      .when(registerCommand({ registrationNumber: null }))
      .then([registered({ registrationNumber: null })]);
  });

  it('trims surrounding spaces from names and addresses', () => {
    given([])
      .when(
        registerCommand({
          legalName: '  Acme IT Services Co., Ltd. ',
          address: ' 88 Century Avenue, Pudong, Shanghai\n',
        }),
      )
      .then([registered()]);
  });

  it('accepts a legal name of exactly 200 characters, counting Chinese characters as one each', () => {
    const legalName = '上'.repeat(200);
    given([])
      .when(registerCommand({ legalName }))
      .then([registered({ legalName })]);
  });

  it('refuses to register the same organisation twice', () => {
    given([registered()]).when(registerCommand()).thenThrows(OrganisationAlreadyRegisteredError, {
      rule: 'ORGANISATION_ALREADY_REGISTERED',
      message: 'organisation acme-1 is already registered (registered on 2025-01-10)',
    });
  });

  it.each(['', '   '])('refuses a blank legal name %j', (legalName) => {
    given([]).when(registerCommand({ legalName })).thenThrows(BlankFieldError, {
      rule: 'REQUIRED_FIELD',
      message: 'legalName must not be blank',
    });
  });

  it('refuses a legal name longer than 200 characters', () => {
    given([])
      .when(registerCommand({ legalName: '上'.repeat(201) }))
      .thenThrows(FieldTooLongError, {
        rule: 'FIELD_TOO_LONG',
        message: 'legalName has 201 characters; at most 200 are allowed',
      });
  });

  it('refuses an address longer than 500 characters', () => {
    given([])
      .when(registerCommand({ address: 'x'.repeat(501) }))
      .thenThrows(FieldTooLongError, { message: /^address has 501 characters/ });
  });

  it('refuses a blank address', () => {
    given([])
      .when(registerCommand({ address: ' ' }))
      .thenThrows(BlankFieldError, { message: 'address must not be blank' });
  });

  it('refuses a blank business licence number (null says it is unknown)', () => {
    given([])
      .when(registerCommand({ registrationNumber: ' ' }))
      .thenThrows(BlankFieldError, { message: 'registrationNumber must not be blank' });
  });

  it.each(['cn', 'CHN', 'XX', 'UK', 'EU', 'XK', ''])(
    'refuses %j, which is not an ISO 3166-1 alpha-2 code',
    (country) => {
      given([])
        .when(registerCommand({ country }))
        .thenThrows(InvalidCountryCodeError, {
          rule: 'INVALID_COUNTRY_CODE',
          message: `country ${JSON.stringify(country)} is not an ISO 3166-1 alpha-2 country code`,
        });
    },
  );

  it.each(['DE', 'GB', 'HK', 'TW', 'SS', 'BQ'])('accepts the country code %s', (country) => {
    given([])
      .when(registerCommand({ country }))
      .then([registered({ country })]);
  });

  it.each(['', 'acme 1', ' acme-1'])('refuses the organisation id %j', (organisationId) => {
    given([])
      .when(registerCommand({ organisationId }))
      .thenThrows(InvalidIdentifierError, { rule: 'INVALID_IDENTIFIER' });
  });

  it('refuses a registration date that is not a calendar date', () => {
    given([])
      .when(registerCommand({ registeredOn: '2025-02-29' as never }))
      .thenThrows(InvalidDateError, {
        rule: 'INVALID_DATE',
        message: 'registeredOn "2025-02-29" is not a calendar date',
      });
  });

  it('refuses a registration without an acting person', () => {
    given([])
      .when(registerCommand({ actor: '' }))
      .thenThrows(BlankFieldError, { message: 'actor must not be blank' });
  });

  it('lives in the stream organisation-<id>', () => {
    expect(organisationStreamName('acme-1')).toBe('organisation-acme-1');
  });
});
