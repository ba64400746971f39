import type { CalendarDate } from '../calendar';
import type { RecordReadiness } from './organisation-commands';
import {
  DateOutOfOrderError,
  InconsistentConsultancyError,
  NothingToRecordError,
} from './organisation-errors';
import type { ReadinessRecorded } from './organisation-events';
import {
  MAXIMUM_LENGTH,
  commandDate,
  pastDate,
  requireActor,
  requireRegistered,
  requiredText,
} from './organisation-guards';
import type { OrganisationState, RegisteredOrganisation } from './organisation-state';
import type { AdministrativePenalty, ConsultancyFacts } from './readiness-facts';

const DATE_FACTS = [
  'managementSystemOperatingSince',
  'lastInternalAuditCompletedOn',
  'lastManagementReviewCompletedOn',
] as const;

const RECORDABLE_FACTS = [...DATE_FACTS, 'administrativePenalty', 'consultancy'] as const;

type Changes = Omit<ReadinessRecorded['data'], 'organisationId' | 'recordedOn'>;

const penalty = (
  value: AdministrativePenalty,
  recordedOn: CalendarDate,
): AdministrativePenalty => ({
  imposedOn: pastDate('administrativePenalty.imposedOn', value.imposedOn, recordedOn),
  description: requiredText(
    'administrativePenalty.description',
    value.description,
    MAXIMUM_LENGTH.description,
  ),
});

const consultancy = (value: ConsultancyFacts, recordedOn: CalendarDate): ConsultancyFacts => {
  const endedOn =
    value.endedOn === null ? null : pastDate('consultancy.endedOn', value.endedOn, recordedOn);
  if (!value.used && endedOn !== null) {
    throw new InconsistentConsultancyError(
      `it is said not used, yet said to have ended on ${endedOn}`,
    );
  }
  if (!value.used && value.relatedToCertificationBody) {
    throw new InconsistentConsultancyError(
      'it is said not used, yet said given by a body related to the certification body',
    );
  }
  return {
    used: value.used,
    relatedToCertificationBody: value.relatedToCertificationBody,
    endedOn,
  };
};

const sameConsultancy = (a: ConsultancyFacts, b: ConsultancyFacts): boolean =>
  a.used === b.used &&
  a.relatedToCertificationBody === b.relatedToCertificationBody &&
  a.endedOn === b.endedOn;

/**
 * Only facts that differ from those recorded are kept: recording the same facts again produces no
 * event. A consultancy is compared with the one declared last, not with the one on record: a
 * declaration that leaves a related body's consultancy on record is still recorded once, as a
 * declaration. A first consultancy declaration is kept even when it says none (the default until
 * then).
 */
const changedFacts = (
  data: RecordReadiness['data'],
  { readiness: recorded, declaredConsultancy }: RegisteredOrganisation,
  recordedOn: CalendarDate,
): Changes => {
  const changes: Changes = {};
  for (const fact of DATE_FACTS) {
    const value = data[fact];
    if (value === undefined) continue;
    const date = pastDate(fact, value, recordedOn);
    if (date !== recorded[fact]) changes[fact] = date;
  }
  if (data.administrativePenalty !== undefined) {
    const imposed = penalty(data.administrativePenalty, recordedOn);
    const known = recorded.administrativePenalties.some(
      (p) => p.imposedOn === imposed.imposedOn && p.description === imposed.description,
    );
    if (!known) changes.administrativePenalty = imposed;
  }
  if (data.consultancy !== undefined) {
    const facts = consultancy(data.consultancy, recordedOn);
    if (declaredConsultancy === null || !sameConsultancy(facts, declaredConsultancy)) {
      changes.consultancy = facts;
    }
  }
  return changes;
};

/**
 * An internal audit or a management review recorded now is not dated before the management system
 * began operating. A new start of operation alone is not checked against the audit and review on
 * record: a system re-established after a restructuring is audited and reviewed again later.
 */
const requireDatesAfterOperation = (changes: Changes, recorded: RegisteredOrganisation) => {
  const since =
    changes.managementSystemOperatingSince ?? recorded.readiness.managementSystemOperatingSince;
  if (since === null) return;
  for (const fact of ['lastInternalAuditCompletedOn', 'lastManagementReviewCompletedOn'] as const) {
    const date = changes[fact];
    if (date !== undefined && date < since) {
      throw new DateOutOfOrderError(fact, date, 'the management system began operating', since);
    }
  }
};

export const recordReadiness = (
  command: RecordReadiness,
  state: OrganisationState,
): ReadinessRecorded[] => {
  const organisation = requireRegistered(state, command);
  const { data } = command;
  const recordedOn = commandDate('recordedOn', data.recordedOn, organisation);
  requireActor(data.actor);
  if (RECORDABLE_FACTS.every((fact) => data[fact] === undefined)) {
    throw new NothingToRecordError(RECORDABLE_FACTS);
  }
  const changes = changedFacts(data, organisation, recordedOn);
  if (Object.keys(changes).length === 0) return [];
  requireDatesAfterOperation(changes, organisation);
  return [
    {
      type: 'ReadinessRecorded',
      data: { organisationId: organisation.organisationId, recordedOn, ...changes },
    },
  ];
};
