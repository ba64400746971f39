import { randomUUID } from 'node:crypto';
import type {
  CalendarDate,
  CertificationGranted,
  CertificationPolicy,
  Decider,
  DomainCommand,
  DomainEvent,
} from '../../domain';
import type { EventStore, GlobalPosition } from '../../eventstore';
import { type Clock, today } from '../clock';
import { commandHandler } from '../command-handler';
import { requireNoFutureDates } from './no-future-dates';
import type { OperationContext, OperationOptions, OperationResult } from './operation-result';
import { readModelQueue } from './read-model-queue';

export interface LifecycleDependencies {
  store: EventStore;
  clock: Clock;
  /** The policy new organisations and applications are decided under (recorded on their events). */
  policy: CertificationPolicy;
  /** IANA time zone of the CB's calendar day, for dates that default to today (default UTC). */
  timeZone?: string;
  /** Ids of new aggregates, sites, audits and nonconformities not given by the caller. */
  newId?: () => string;
  /**
   * Throws the DomainError the certificate would refuse a grant with (the certification-outcome
   * reactor's `check`). Without it a decision records any grant its own rules allow, and the
   * reactor reports the grants the certificate refuses.
   */
  checkGrant?: (grant: CertificationGranted, actor: string) => Promise<void>;
  /**
   * The ids of the organisation's certificates (a read-model lookup): a new application loads them
   * for the [CN] re-application bar and to refuse a second certificate to a standard, a site's
   * removal to refuse a site a certificate lists. Without it none is found.
   */
  certificatesOf?: (organisationId: string) => Promise<readonly string[]>;
  /**
   * The ids of the certificate's audit cycles (a read-model lookup): a recertification application
   * loads them to refuse a second one while one is open, and a new application refuses a new
   * certificate id that one names already. Without it none is found.
   */
  auditCyclesOf?: (certificateId: string) => Promise<readonly string[]>;
  /**
   * The ids of the organisation's audit cycles whose application is open (a read-model lookup;
   * more ids do no harm): an INITIAL or TRANSFER application loads them to refuse a second one for
   * the same standard while one is open. Without it none is found.
   */
  auditCyclesOfOrganisation?: (organisationId: string) => Promise<readonly string[]>;
  /**
   * Resolves once the read models the lookups above read hold the event at
   * `position` (the projection runner's `waitFor`). Without it nothing waits: the lookups must then
   * read the log itself.
   */
  readModelsReached?: (position: GlobalPosition) => Promise<void>;
}

/** What every operation group shares: the command handler, the clock's today and new ids. */
export const lifecycleRuntime = (deps: LifecycleDependencies) => {
  const handle = commandHandler({ store: deps.store, clock: deps.clock });
  const readModelsReached = deps.readModelsReached ?? (() => Promise.resolve());
  const queue = readModelQueue(readModelsReached);
  const organisationQueue = readModelQueue(readModelsReached);
  const timeZone = deps.timeZone ?? 'UTC';
  const requireHappened = (command: DomainCommand) =>
    requireNoFutureDates(command, today(deps.clock, timeZone));
  const run = async <State, Command extends DomainCommand, Event extends DomainEvent>(
    decider: Decider<State, Command, Event>,
    id: string,
    stream: string,
    command: Command,
    context: OperationContext,
    options: OperationOptions = {},
  ): Promise<OperationResult> => {
    requireHappened(command);
    const result = await handle(decider, stream, command, context, options);
    return { id, version: result.version, position: result.position };
  };
  return {
    store: deps.store,
    policy: deps.policy,
    run,
    /** Refuses a command dated after today (`run` checks it too, before the decider). */
    requireHappened,
    newId: deps.newId ?? randomUUID,
    checkGrant: deps.checkGrant ?? (() => Promise.resolve()),
    certificatesOf: deps.certificatesOf ?? (() => Promise.resolve([])),
    auditCyclesOf: deps.auditCyclesOf ?? (() => Promise.resolve([])),
    auditCyclesOfOrganisation: deps.auditCyclesOfOrganisation ?? (() => Promise.resolve([])),
    /**
     * Runs an operation whose check reads `auditCyclesOf` (a certificate id not yet reserved, no
     * recertification already open) one at a time per certificate, until the read models hold its
     * append: two sent at once would otherwise both pass the check (see `readModelQueue`).
     */
    forCertificate: <T extends OperationResult>(certificateId: string, work: () => Promise<T>) =>
      queue(certificateId, work),
    /**
     * Runs an application whose check reads `auditCyclesOfOrganisation` (no other application for
     * the same standard open) one at a time per organisation, until the read models hold its
     * append: two sent at once would otherwise both pass the check (see `readModelQueue`).
     */
    forOrganisation: <T extends OperationResult>(organisationId: string, work: () => Promise<T>) =>
      organisationQueue(organisationId, work),
    /** The given date, or today in the CB's time zone. */
    dateOr: (date: CalendarDate | undefined): CalendarDate => date ?? today(deps.clock, timeZone),
  };
};

export type LifecycleRuntime = ReturnType<typeof lifecycleRuntime>;
