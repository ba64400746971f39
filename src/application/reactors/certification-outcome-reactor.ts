import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  certificateDecider,
  certificateStreamName,
  type CertificationGranted,
  DomainError,
} from '../../domain';
import {
  type EventFilter,
  type EventStore,
  isConcurrencyError,
  PositionWaitStoppedError,
  PositionWaitTimeoutError,
  PositionWaiter,
  type ReconnectOptions,
  reconnectingSubscription,
  type RecordedEvent,
  type Subscription,
} from '../../eventstore';
import type { CertificateNumberAllocator } from '../certificate-numbers';
import type { Clock } from '../clock';
import { type CommandContext, commandHandler } from '../command-handler';
import { loadAuditCycle, loadOrganisation } from '../lifecycle';
import { loadAggregate } from '../load-aggregate';
import { certificateCommandForGrant } from './certificate-command-for-grant';
import type { CheckpointStore } from './checkpoint-store';

export interface CertificationOutcomeReactorOptions {
  store: EventStore;
  clock: Clock;
  checkpoints: CheckpointStore;
  numbers: CertificateNumberAllocator;
  /** See formatCertificateNumber, e.g. `CN-{standardNumber}-{sequence:5}`. */
  numberPattern: string;
  certificationBodyName: string;
  /** A grant the certificate refused (a domain rule): reported here and skipped. */
  onRejected?: (event: RecordedEvent, error: DomainError) => void;
  /** Checkpoint name (default `certification-outcome`). */
  name?: string;
  batchSize?: number;
  /** Attempts when another writer appends to the certificate at the same time (default 5). */
  maxAttempts?: number;
  /** How the reactor follows the log again after a transient event-store failure. */
  reconnect?: ReconnectOptions;
}

export type ReactionOutcome = 'APPLIED' | 'ALREADY_APPLIED' | 'REJECTED';

/**
 * The number sequence a checked grant's new certificate is given: a check allocates no number, and
 * the number takes part in no rule of the certificate.
 */
const CHECKED_SEQUENCE = 1;

const GRANTS: EventFilter = { categories: ['auditcycle'], eventTypes: ['CertificationGranted'] };

/**
 * Turns each `CertificationGranted` into the certificate's issue, renewal, restoration or transfer
 * in. Exactly-once effect across crashes: the certificate event records the grant's id as its
 * causation, and a grant whose id is already a causation in the certificate stream is skipped; the
 * checkpoint moves only after a batch is handled. A transient event-store failure makes it catch up
 * from its checkpoint and follow on once the store answers again; any other error than a domain
 * refusal stops the reactor (`done` rejects) so that a restart resumes from the last checkpoint.
 */
export class CertificationOutcomeReactor {
  readonly name: string;
  private readonly options: CertificationOutcomeReactorOptions;
  private readonly handle: ReturnType<typeof commandHandler>;
  private subscription: Subscription | null = null;
  private readonly progress = new PositionWaiter(
    (position, timeoutMs) =>
      new PositionWaitTimeoutError(position, timeoutMs, 'the certification-outcome reactor'),
  );

  constructor(options: CertificationOutcomeReactorOptions) {
    this.options = options;
    this.name = options.name ?? 'certification-outcome';
    this.handle = commandHandler({ store: options.store, clock: options.clock });
    this.progress.advance(this.checkpoint());
  }

  /** Resolves once the grant at `position` has been acted on (read-your-writes for decisions). */
  async waitFor(position: string, timeoutMs: number): Promise<void> {
    return this.progress.waitFor(position, timeoutMs);
  }

  /** Settles when the live subscription stops; rejects with the error that stopped it. */
  get done(): Promise<void> {
    return this.subscription?.done ?? Promise.resolve();
  }

  /** Follows the log live from the checkpoint. */
  start(): void {
    if (this.subscription) return;
    this.subscription = reconnectingSubscription({
      ...this.options.reconnect,
      subscribe: () =>
        this.options.store.subscribe(
          { ...GRANTS, after: this.checkpoint(), batchSize: this.options.batchSize },
          async (events, checkpoint) => this.handleBatch(events, checkpoint),
        ),
      catchUp: () => this.catchUp(),
    });
    this.subscription.done.catch((error: unknown) => {
      this.progress.stop(new PositionWaitStoppedError('the certification-outcome reactor', error));
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.subscription = null;
  }

  /**
   * Handles every grant after the checkpoint up to the end of the log; answers how many. Each batch
   * starts on a new turn of the event loop (on SQLite, reading and a grant already acted on never
   * wait for I/O), so requests and signals are served meanwhile.
   */
  async catchUp(): Promise<number> {
    let handled = 0;
    for (;;) {
      await nextTurn();
      const events = await this.options.store.readAll({
        ...GRANTS,
        after: this.checkpoint(),
        limit: this.options.batchSize ?? 100,
      });
      const last = events.at(-1);
      if (!last) return handled;
      await this.handleBatch(events, last.position);
      handled += events.length;
    }
  }

  checkpoint(): string | null {
    return this.options.checkpoints.read(this.name);
  }

  /** Acts on one grant, unless its effect is already in the certificate stream. */
  async react(event: RecordedEvent): Promise<ReactionOutcome> {
    const grant = event as RecordedEvent & CertificationGranted;
    const stream = certificateStreamName(grant.data.certificateId);
    const context: CommandContext = {
      actor: event.metadata.actor,
      correlationId: event.metadata.correlationId,
      causationId: event.id,
    };
    const maxAttempts = this.options.maxAttempts ?? 5;
    try {
      let command: Parameters<typeof certificateDecider.decide>[0] | undefined;
      for (let attempt = 1; ; attempt++) {
        const history = await this.options.store.readStream(stream);
        if (history.some((recorded) => recorded.metadata.causationId === event.id)) {
          return 'ALREADY_APPLIED';
        }
        command ??= await this.commandFor(grant, context.actor, () =>
          this.options.numbers.allocate(grant.data.certificateId, context),
        );
        try {
          await this.handle(certificateDecider, stream, command, context, {
            expectedVersion: history.at(-1)?.version ?? 0,
          });
          return 'APPLIED';
        } catch (error) {
          if (!isConcurrencyError(error) || attempt >= maxAttempts) throw error;
        }
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.options.onRejected?.(event, error);
      return 'REJECTED';
    }
  }

  /**
   * Throws the DomainError the certificate would refuse `grant` with, as it stands now; writes
   * nothing. A decision runs this before it is recorded, so that no cycle is left granted with a
   * certificate that refused the grant (a transfer of an expired certificate, a renewal effective
   * after expiry, a renewal of a suspended certificate).
   */
  async check(grant: CertificationGranted, actor: string): Promise<void> {
    const stream = certificateStreamName(grant.data.certificateId);
    const { state } = await loadAggregate(this.options.store, stream, certificateDecider);
    const command = await this.commandFor(grant, actor, () => Promise.resolve(CHECKED_SEQUENCE));
    certificateDecider.decide(command, state);
  }

  private async handleBatch(events: readonly RecordedEvent[], checkpoint: string): Promise<void> {
    for (const event of events) await this.react(event);
    this.options.checkpoints.write(this.name, checkpoint);
    this.progress.advance(checkpoint);
  }

  /** `sequence` is asked for only when the grant opens a certificate (ISSUE, TRANSFER). */
  private async commandFor(
    grant: CertificationGranted,
    actor: string,
    sequence: () => Promise<number>,
  ) {
    const { store } = this.options;
    const { outcome, organisationId, auditCycleId } = grant.data;
    const opens = outcome === 'ISSUE' || outcome === 'TRANSFER';
    return certificateCommandForGrant(grant, {
      organisation: await loadOrganisation(store, organisationId),
      sequence: opens ? await sequence() : null,
      cycle: outcome === 'TRANSFER' ? await loadAuditCycle(store, auditCycleId) : null,
      numberPattern: this.options.numberPattern,
      certificationBodyName: this.options.certificationBodyName,
      actor,
    });
  }
}
