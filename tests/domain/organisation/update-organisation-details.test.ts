import {
  BlankFieldError,
  DateOutOfOrderError,
  FieldTooLongError,
  InvalidCountryCodeError,
  NothingToRecordError,
  OrganisationMismatchError,
  OrganisationNotRegisteredError,
  type UpdateOrganisationDetails,
} from '../../../src/domain';
import { day, given, registered, registeredState } from './organisation-fixtures';

const update = (
  details: Partial<
    Omit<UpdateOrganisationDetails['data'], 'organisationId' | 'updatedOn' | 'actor'>
  >,
  overrides: Partial<UpdateOrganisationDetails['data']> = {},
): UpdateOrganisationDetails => ({
  type: 'UpdateOrganisationDetails',
  data: {
    organisationId: 'acme-1',
    updatedOn: day('2025-03-01'),
    actor: 'clerk-7',
    ...details,
    ...overrides,
  },
});

describe('updating organisation details', () => {
  it('records only the fields that change', () => {
    given([registered()])
      .when(update({ legalName: 'Acme Digital Co., Ltd.', country: 'CN' }))
      .then([
        {
          type: 'OrganisationDetailsUpdated',
          data: {
            organisationId: 'acme-1',
            legalName: 'Acme Digital Co., Ltd.',
            updatedOn: day('2025-03-01'),
          },
        },
      ]);
  });

  it('changes every detail at once', () => {
    const changes = {
      legalName: 'Acme GmbH',
      registrationNumber: 'HRB 12345',
      country: 'DE',
      address: 'Hauptstraße 1, Berlin',
    };
    const events = given([registered()])
      .when(update(changes))
      .then([
        {
          type: 'OrganisationDetailsUpdated',
          data: { organisationId: 'acme-1', ...changes, updatedOn: day('2025-03-01') },
        },
      ]);
    expect(registeredState([registered(), ...events])).toMatchObject(changes);
  });

  it('keeps the readiness legal registration number equal to the business licence number', () => {
    const events = given([registered()])
      .when(update({ registrationNumber: '91310000NEW' }))
      .events();
    const state = registeredState([registered(), ...events]);
    expect(state.registrationNumber).toBe('91310000NEW');
    expect(state.readiness.legalRegistrationNumber).toBe('91310000NEW');
  });

  it('removes a business licence number recorded in error when given null', () => {
    const events = given([registered()])
      .when(update({ registrationNumber: null }))
      .events();
    expect(events).toEqual([
      {
        type: 'OrganisationDetailsUpdated',
        data: { organisationId: 'acme-1', registrationNumber: null, updatedOn: day('2025-03-01') },
      },
    ]);
    expect(registeredState([registered(), ...events]).readiness.legalRegistrationNumber).toBeNull();
  });

  it('produces no event when every named field already has that value', () => {
    given([registered()])
      .when(update({ legalName: ' Acme IT Services Co., Ltd. ', country: 'CN' }))
      .then([]);
  });

  it('allows an update on the registration date itself', () => {
    given([registered()])
      .when(update({ address: 'New address' }, { updatedOn: day('2025-01-10') }))
      .then([
        {
          type: 'OrganisationDetailsUpdated',
          data: { organisationId: 'acme-1', address: 'New address', updatedOn: day('2025-01-10') },
        },
      ]);
  });

  it('refuses an update that names no field', () => {
    given([registered()]).when(update({})).thenThrows(NothingToRecordError, {
      rule: 'NOTHING_TO_RECORD',
      message:
        'nothing to record: give at least one of legalName, registrationNumber, country, address (a null or absent field stays as it is)',
    });
  });

  it('refuses to update an organisation that is not registered', () => {
    given([])
      .when(update({ legalName: 'Acme' }))
      .thenThrows(OrganisationNotRegisteredError, {
        rule: 'ORGANISATION_NOT_REGISTERED',
        message:
          'organisation acme-1 is not registered: UpdateOrganisationDetails needs a registered organisation',
      });
  });

  it('refuses a command naming another organisation than the stream holds', () => {
    given([registered()])
      .when(update({ legalName: 'Acme' }, { organisationId: 'other-2' }))
      .thenThrows(OrganisationMismatchError, { rule: 'ORGANISATION_MISMATCH' });
  });

  it('refuses an update dated before the registration', () => {
    given([registered()])
      .when(update({ legalName: 'Acme' }, { updatedOn: day('2025-01-09') }))
      .thenThrows(DateOutOfOrderError, {
        rule: 'DATE_OUT_OF_ORDER',
        message: 'updatedOn 2025-01-09 is before the organisation was registered on 2025-01-10',
      });
  });

  it('refuses a blank legal name', () => {
    given([registered()])
      .when(update({ legalName: '' }))
      .thenThrows(BlankFieldError, { message: 'legalName must not be blank' });
  });

  it('refuses an oversized business licence number', () => {
    given([registered()])
      .when(update({ registrationNumber: '9'.repeat(51) }))
      .thenThrows(FieldTooLongError, {
        message: 'registrationNumber has 51 characters; at most 50',
      });
  });

  it('refuses an invalid country code', () => {
    given([registered()])
      .when(update({ country: 'ZZ' }))
      .thenThrows(InvalidCountryCodeError, { message: 'country "ZZ" is not' });
  });
});
