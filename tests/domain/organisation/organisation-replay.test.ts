import fc from 'fast-check';
import {
  type CalendarDate,
  DEFAULT_POLICY,
  type OrganisationCommand,
  type OrganisationEvent,
  type OrganisationState,
  addDays,
  evolveOrganisation,
  isDomainError,
  organisationDecider,
} from '../../../src/domain';
import { REGISTERED_ON, fold, registerCommand } from './organisation-fixtures';

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

const on = fc.integer({ min: -5, max: 400 }).map((offset) => addDays(REGISTERED_ON, offset));
const siteId = fc.constantFrom('sh-hq', 'hk-dc', 'bj-office');
const country = fc.constantFrom('CN', 'HK', 'DE', 'cn');
const text = fc.constantFrom('Acme', 'Acme Digital', ' ', 'Acme GmbH');
const organisationId = fc.constantFrom('acme-1', 'acme-1', 'acme-1', 'other-2');
const actor = 'clerk-7';

const command: fc.Arbitrary<OrganisationCommand> = fc.oneof(
  on.map((registeredOn) => registerCommand({ registeredOn })),
  fc
    .record({
      organisationId,
      updatedOn: on,
      legalName: fc.option(text, { nil: undefined }),
      registrationNumber: fc.option(fc.constantFrom('9131A', '9131B', null), { nil: undefined }),
      country: fc.option(country, { nil: undefined }),
    })
    .map((data) => ({ type: 'UpdateOrganisationDetails' as const, data: { ...data, actor } })),
  fc
    .record({ organisationId, siteId, name: text, address: text, country, addedOn: on })
    .map((data) => ({ type: 'AddSite' as const, data: { ...data, actor } })),
  fc
    .record({ organisationId, siteId, removedOn: on })
    .map((data) => ({ type: 'RemoveSite' as const, data: { ...data, actor } })),
  fc
    .record({
      organisationId,
      recordedOn: on,
      managementSystemOperatingSince: fc.option(on, { nil: undefined }),
      lastInternalAuditCompletedOn: fc.option(on, { nil: undefined }),
      administrativePenalty: fc.option(
        on.map((imposedOn: CalendarDate) => ({ imposedOn, description: 'fine' })),
        { nil: undefined },
      ),
      consultancy: fc.option(
        fc.record({
          used: fc.boolean(),
          relatedToCertificationBody: fc.boolean(),
          endedOn: fc.option(on, { nil: null }),
        }),
        { nil: undefined },
      ),
    })
    .map((data) => ({ type: 'RecordReadiness' as const, data: { ...data, actor } })),
);

/** Runs commands in order; a refused command appends nothing. */
const run = (commands: OrganisationCommand[]) => {
  let state: OrganisationState = organisationDecider.initialState();
  const log: OrganisationEvent[] = [];
  for (const next of commands) {
    try {
      const events = organisationDecider.decide(next, deepFreeze(state));
      log.push(...events);
      state = events.reduce(evolveOrganisation, state);
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  }
  return { state, log };
};

describe('replaying an organisation stream', () => {
  it('folds a recorded history into the registered details, current sites and readiness facts', () => {
    const { state, log } = run([
      registerCommand(),
      {
        type: 'AddSite',
        data: {
          organisationId: 'acme-1',
          siteId: 'sh-hq',
          name: 'Head office',
          address: 'Pudong',
          country: 'CN',
          addedOn: addDays(REGISTERED_ON, 1),
          actor,
        },
      },
      {
        type: 'AddSite',
        data: {
          organisationId: 'acme-1',
          siteId: 'hk-dc',
          name: 'Data centre',
          address: 'Tsing Yi',
          country: 'HK',
          addedOn: addDays(REGISTERED_ON, 2),
          actor,
        },
      },
      {
        type: 'RemoveSite',
        data: {
          organisationId: 'acme-1',
          siteId: 'sh-hq',
          removedOn: addDays(REGISTERED_ON, 3),
          actor,
        },
      },
      {
        type: 'UpdateOrganisationDetails',
        data: {
          organisationId: 'acme-1',
          updatedOn: addDays(REGISTERED_ON, 4),
          legalName: 'Acme Digital',
          registrationNumber: '9131B',
          actor,
        },
      },
      {
        type: 'RecordReadiness',
        data: {
          organisationId: 'acme-1',
          recordedOn: addDays(REGISTERED_ON, 5),
          managementSystemOperatingSince: addDays(REGISTERED_ON, -100),
          administrativePenalty: { imposedOn: addDays(REGISTERED_ON, -10), description: 'fine' },
          consultancy: {
            used: true,
            relatedToCertificationBody: true,
            endedOn: addDays(REGISTERED_ON, -30),
          },
          actor,
        },
      },
    ]);
    expect(log.map(({ type }) => type)).toEqual([
      'OrganisationRegistered',
      'SiteAdded',
      'SiteAdded',
      'SiteRemoved',
      'OrganisationDetailsUpdated',
      'ReadinessRecorded',
    ]);
    const expected: OrganisationState = {
      status: 'REGISTERED',
      organisationId: 'acme-1',
      legalName: 'Acme Digital',
      registrationNumber: '9131B',
      country: 'CN',
      address: '88 Century Avenue, Pudong, Shanghai',
      registeredOn: REGISTERED_ON,
      policy: DEFAULT_POLICY,
      sites: [
        {
          siteId: 'hk-dc',
          name: 'Data centre',
          address: 'Tsing Yi',
          country: 'HK',
          addedOn: addDays(REGISTERED_ON, 2),
        },
      ],
      removedSites: [{ siteId: 'sh-hq', removedOn: addDays(REGISTERED_ON, 3) }],
      readiness: {
        legalRegistrationNumber: '9131B',
        managementSystemOperatingSince: addDays(REGISTERED_ON, -100),
        lastInternalAuditCompletedOn: null,
        lastManagementReviewCompletedOn: null,
        administrativePenalties: [{ imposedOn: addDays(REGISTERED_ON, -10), description: 'fine' }],
        consultancy: {
          used: true,
          relatedToCertificationBody: true,
          endedOn: addDays(REGISTERED_ON, -30),
        },
      },
      declaredConsultancy: {
        used: true,
        relatedToCertificationBody: true,
        endedOn: addDays(REGISTERED_ON, -30),
      },
    };
    expect(state).toStrictEqual(expected);
    expect(fold(log)).toStrictEqual(expected);
  });

  it('sending an accepted command again changes nothing', () => {
    const repeatable = command.filter(
      ({ type }) => type === 'UpdateOrganisationDetails' || type === 'RecordReadiness',
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 20 }), repeatable, (history, again) => {
        const { state } = run([registerCommand(), ...history]);
        let events: OrganisationEvent[];
        try {
          events = organisationDecider.decide(again, state);
        } catch (error) {
          if (isDomainError(error)) return;
          throw error;
        }
        const after = events.reduce(evolveOrganisation, state);
        expect(organisationDecider.decide(again, after)).toEqual([]);
      }),
    );
  });

  it('replays the same state from events stored as JSON', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 25 }), (commands) => {
        const { state, log } = run([registerCommand(), ...commands]);
        const stored = JSON.parse(JSON.stringify(log)) as OrganisationEvent[];
        expect(fold(stored)).toStrictEqual(state);
      }),
    );
  });

  it('refuses only with domain errors and never changes the state it decides on', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 25 }), (commands) => {
        expect(() => run(commands)).not.toThrow();
      }),
    );
  });

  it('never records a readiness fact dated after the day it was recorded on', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 25 }), (commands) => {
        const { log } = run([registerCommand(), ...commands]);
        for (const event of log) {
          if (event.type !== 'ReadinessRecorded') continue;
          const { recordedOn, managementSystemOperatingSince, lastInternalAuditCompletedOn } =
            event.data;
          for (const date of [managementSystemOperatingSince, lastInternalAuditCompletedOn]) {
            if (date !== undefined) expect(date <= recordedOn).toBe(true);
          }
          const imposedOn = event.data.administrativePenalty?.imposedOn;
          if (imposedOn !== undefined) expect(imposedOn <= recordedOn).toBe(true);
        }
      }),
    );
  });
});
