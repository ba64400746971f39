import {
  BlankFieldError,
  DateInFutureError,
  DateOutOfOrderError,
  InconsistentConsultancyError,
  InvalidDateError,
  NothingToRecordError,
  OrganisationNotRegisteredError,
  type ReadinessRecorded,
  type RecordReadiness,
} from '../../../src/domain';
import { day, given, registered, registeredState } from './organisation-fixtures';

type Facts = Omit<RecordReadiness['data'], 'organisationId' | 'recordedOn' | 'actor'>;

const record = (facts: Facts, recordedOn = day('2025-04-01')): RecordReadiness => ({
  type: 'RecordReadiness',
  data: { organisationId: 'acme-1', recordedOn, actor: 'clerk-7', ...facts },
});

const recorded = (facts: Facts, recordedOn = day('2025-04-01')): ReadinessRecorded => ({
  type: 'ReadinessRecorded',
  data: { organisationId: 'acme-1', recordedOn, ...facts },
});

const dates = {
  managementSystemOperatingSince: day('2024-10-01'),
  lastInternalAuditCompletedOn: day('2025-02-15'),
  lastManagementReviewCompletedOn: day('2025-03-10'),
};

const penalty = { imposedOn: day('2024-05-20'), description: 'late tax filing, fine CNY 2000' };
const relatedConsultancy = {
  used: true,
  relatedToCertificationBody: true,
  endedOn: day('2024-06-30'),
};

describe('recording readiness facts', () => {
  it('records the operating, internal audit and management review dates', () => {
    const events = given([registered()])
      .when(record(dates))
      .then([recorded(dates)]);
    expect(registeredState([registered(), ...events]).readiness).toMatchObject(dates);
  });

  it('records one fact without touching the others', () => {
    const later = { lastInternalAuditCompletedOn: day('2025-03-30') };
    const events = given([registered(), recorded(dates)])
      .when(record(later))
      .then([recorded(later)]);
    expect(registeredState([registered(), recorded(dates), ...events]).readiness).toMatchObject({
      ...dates,
      ...later,
    });
  });

  it('appends each administrative penalty to those already recorded', () => {
    const second = { imposedOn: day('2025-01-05'), description: 'environmental notice' };
    const history = [registered(), recorded({ administrativePenalty: penalty })];
    const events = given(history)
      .when(record({ administrativePenalty: second }))
      .then([recorded({ administrativePenalty: second })]);
    expect(registeredState([...history, ...events]).readiness.administrativePenalties).toEqual([
      penalty,
      second,
    ]);
  });

  it('does not record the same penalty twice', () => {
    given([registered(), recorded({ administrativePenalty: penalty })])
      .when(
        record({ administrativePenalty: { ...penalty, description: ` ${penalty.description} ` } }),
      )
      .then([]);
  });

  it("replaces the recorded consultancy with a related body's, or when none was related", () => {
    const unrelated = { used: true, relatedToCertificationBody: false, endedOn: day('2024-05-31') };
    const history = [registered(), recorded({ consultancy: unrelated })];
    const events = given(history)
      .when(record({ consultancy: relatedConsultancy }))
      .then([recorded({ consultancy: relatedConsultancy })]);
    const related = registeredState([...history, ...events]).readiness.consultancy;
    expect(related).toEqual(relatedConsultancy);
    const later = { ...relatedConsultancy, endedOn: day('2024-09-30') };
    const more = given([...history, ...events])
      .when(record({ consultancy: later }))
      .then([recorded({ consultancy: later })]);
    expect(registeredState([...history, ...events, ...more]).readiness.consultancy).toEqual(later);
  });

  it("keeps a related body's consultancy on record when another or none is declared later", () => {
    const unrelated = { used: true, relatedToCertificationBody: false, endedOn: day('2025-01-31') };
    const none = { used: false, relatedToCertificationBody: false, endedOn: null };
    const history = [registered(), recorded({ consultancy: relatedConsultancy })];
    for (const declared of [unrelated, none]) {
      const events = given(history)
        .when(record({ consultancy: declared }))
        .then([recorded({ consultancy: declared })]);
      expect(registeredState([...history, ...events]).readiness.consultancy).toEqual(
        relatedConsultancy,
      );
    }
  });

  it('records a declaration that leaves a related body consultancy on record once, then nothing when it is declared again', () => {
    const none = { used: false, relatedToCertificationBody: false, endedOn: null };
    const history = [
      registered(),
      recorded({ consultancy: relatedConsultancy }),
      recorded({ consultancy: none }),
    ];
    given(history)
      .when(record({ consultancy: { ...none } }, day('2025-05-01')))
      .then([]);
    given(history)
      .when(record({ consultancy: { ...relatedConsultancy } }, day('2025-05-01')))
      .then([recorded({ consultancy: relatedConsultancy }, day('2025-05-01'))]);
  });

  it('records a consultancy that has not ended yet', () => {
    const ongoing = { used: true, relatedToCertificationBody: true, endedOn: null };
    given([registered()])
      .when(record({ consultancy: ongoing }))
      .then([recorded({ consultancy: ongoing })]);
  });

  it('records a first declaration of no consultancy, then nothing when it is declared again', () => {
    const none = { used: false, relatedToCertificationBody: false, endedOn: null };
    given([registered()])
      .when(record({ consultancy: none }))
      .then([recorded({ consultancy: none })]);
    given([registered(), recorded({ consultancy: none })])
      .when(record({ consultancy: { ...none } }, day('2025-05-01')))
      .then([]);
  });

  it('produces no event when every fact is already recorded', () => {
    given([registered(), recorded({ ...dates, consultancy: relatedConsultancy })])
      .when(record({ ...dates, consultancy: { ...relatedConsultancy } }, day('2025-05-01')))
      .then([]);
  });

  it('keeps only the facts that changed', () => {
    const changed = { lastManagementReviewCompletedOn: day('2025-03-31') };
    given([registered(), recorded(dates)])
      .when(record({ ...dates, ...changed }))
      .then([recorded(changed)]);
  });

  it('accepts facts dated on the recording date itself', () => {
    const sameDay = { lastInternalAuditCompletedOn: day('2025-04-01') };
    given([registered()])
      .when(record(sameDay))
      .then([recorded(sameDay)]);
  });

  it('accepts facts dated before the organisation was registered', () => {
    const early = { managementSystemOperatingSince: day('2019-01-01') };
    given([registered()])
      .when(record(early))
      .then([recorded(early)]);
  });

  it('refuses an internal audit or management review dated before the system operated', () => {
    given([registered(), recorded({ managementSystemOperatingSince: day('2024-06-01') })])
      .when(record({ lastInternalAuditCompletedOn: day('2024-05-31') }))
      .thenThrows(DateOutOfOrderError, {
        rule: 'DATE_OUT_OF_ORDER',
        message:
          'lastInternalAuditCompletedOn 2024-05-31 is before the management system began operating on 2024-06-01',
      });
    given([registered()])
      .when(
        record({
          managementSystemOperatingSince: day('2024-06-01'),
          lastManagementReviewCompletedOn: day('2024-05-31'),
        }),
      )
      .thenThrows(DateOutOfOrderError, { message: /^lastManagementReviewCompletedOn 2024-05-31/ });
  });

  it('takes a new start of operation, and other facts, past an audit and review on record', () => {
    const history = [
      registered(),
      recorded({
        managementSystemOperatingSince: day('2024-01-01'),
        lastInternalAuditCompletedOn: day('2024-05-31'),
      }),
    ];
    given(history)
      .when(record({ managementSystemOperatingSince: day('2024-06-01') }))
      .then([recorded({ managementSystemOperatingSince: day('2024-06-01') })]);
    const restarted = [...history, recorded({ managementSystemOperatingSince: day('2024-06-01') })];
    given(restarted)
      .when(record({ lastManagementReviewCompletedOn: day('2025-03-01') }))
      .then([recorded({ lastManagementReviewCompletedOn: day('2025-03-01') })]);
  });

  it.each([
    ['managementSystemOperatingSince', { managementSystemOperatingSince: day('2025-04-02') }],
    ['lastInternalAuditCompletedOn', { lastInternalAuditCompletedOn: day('2025-04-02') }],
    ['lastManagementReviewCompletedOn', { lastManagementReviewCompletedOn: day('2025-04-02') }],
    [
      'administrativePenalty.imposedOn',
      { administrativePenalty: { imposedOn: day('2025-04-02'), description: 'fine' } },
    ],
    ['consultancy.endedOn', { consultancy: { ...relatedConsultancy, endedOn: day('2025-04-02') } }],
  ] as const)('refuses %s dated after the recording date', (field, facts) => {
    given([registered()])
      .when(record(facts))
      .thenThrows(DateInFutureError, {
        rule: 'DATE_IN_FUTURE',
        message: `${field} 2025-04-02 is after the recording date, 2025-04-01: facts cannot be dated in the future`,
      });
  });

  it('refuses an end date for a consultancy said not to have been used', () => {
    given([registered()])
      .when(
        record({
          consultancy: {
            used: false,
            relatedToCertificationBody: false,
            endedOn: day('2024-12-31'),
          },
        }),
      )
      .thenThrows(InconsistentConsultancyError, {
        rule: 'CONSULTANCY_INCONSISTENT',
        message: 'it is said not used, yet said to have ended on 2024-12-31',
      });
  });

  it('refuses a related-body consultancy said not to have been used', () => {
    given([registered()])
      .when(
        record({ consultancy: { used: false, relatedToCertificationBody: true, endedOn: null } }),
      )
      .thenThrows(InconsistentConsultancyError, {
        rule: 'CONSULTANCY_INCONSISTENT',
        message: 'yet said given by a body related to the certification body',
      });
  });

  it('refuses a penalty without a description', () => {
    given([registered()])
      .when(record({ administrativePenalty: { imposedOn: day('2025-01-01'), description: ' ' } }))
      .thenThrows(BlankFieldError, {
        message: 'administrativePenalty.description must not be blank',
      });
  });

  it('refuses a fact date that is not a calendar date', () => {
    given([registered()])
      .when(record({ lastInternalAuditCompletedOn: '2025-02-30' as never }))
      .thenThrows(InvalidDateError, {
        message: 'lastInternalAuditCompletedOn "2025-02-30" is not a calendar date',
      });
  });

  it('refuses a command that names no fact', () => {
    given([registered()]).when(record({})).thenThrows(NothingToRecordError, {
      rule: 'NOTHING_TO_RECORD',
      message:
        'nothing to record: give at least one of managementSystemOperatingSince, lastInternalAuditCompletedOn, lastManagementReviewCompletedOn, administrativePenalty, consultancy (a null or absent field stays as it is)',
    });
  });

  it('refuses facts recorded before the organisation was registered', () => {
    given([registered()])
      .when(record(dates, day('2025-01-09')))
      .thenThrows(DateOutOfOrderError, {
        message: 'recordedOn 2025-01-09 is before the organisation was registered on 2025-01-10',
      });
  });

  it('refuses facts for an organisation that is not registered', () => {
    given([])
      .when(record(dates))
      .thenThrows(OrganisationNotRegisteredError, { rule: 'ORGANISATION_NOT_REGISTERED' });
  });
});
