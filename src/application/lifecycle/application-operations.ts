import {
  type ApplicationScope,
  auditCycleDecider,
  auditCycleStreamName,
  type AuditCycleKind,
  type CalendarDate,
  certificateDecider,
  certificateStreamName,
  CertificateWithdrawnError,
  DateOutOfOrderError,
  requireRestorableOn,
  type FormerCertificate,
  formerCertificateOf,
  heldCertificateOf,
  latestReapplicationBar,
  reapplicationBarOf,
  type OpenApplication,
  openApplicationOf,
  type OutstandingNonconformity,
  type PreviousCertificateStatus,
  type RecertificationApplication,
  RecertificationAlreadyOpenError,
  type StandardReference,
  type TransferApplication,
} from '../../domain';
import { loadAggregate } from '../load-aggregate';
import { requireListedSites } from './certificate-sites';
import type { LifecycleRuntime } from './lifecycle-runtime';
import { loadAuditCycle, loadCertificate, loadOrganisation, streamExists } from './load-existing';
import type { OperationContext, OperationOptions, OperationResult } from './operation-result';
import { AggregateAlreadyExistsError } from './unknown-aggregate-error';
import { CertificateIdReservedError } from './certificate-id-reserved-error';

export interface SubmitApplicationInput {
  /** Generated (UUID) when absent. */
  auditCycleId?: string;
  organisationId: string;
  /** The id the certificate will get; generated (UUID) when absent. */
  certificateId?: string;
  standard: StandardReference;
  scope: ApplicationScope;
  /** Ids of current sites of the organisation. */
  sites: string[];
  submittedOn?: CalendarDate;
  /**
   * The organisation's former certificate, expired and past its restoration window: the new
   * certification may then start at stage 2 (domain.md 9.6.3).
   */
  formerCertificateId?: string;
}

export interface StartRecertificationInput {
  certificateId: string;
  auditCycleId?: string;
  /** Default: the certificate's standard. */
  standard?: StandardReference;
  /** Default: the current audit cycle's scope, with the certificate's current scope text. */
  scope?: ApplicationScope;
  /** Default: the certificate's sites. */
  sites?: string[];
  submittedOn?: CalendarDate;
}

export interface TransferCertificateInInput
  extends Omit<SubmitApplicationInput, 'certificateId'>, TransferApplication {
  /** The id our certificate will get; generated (UUID) when absent. */
  certificateId?: string;
}

export interface ReviewApplicationInput {
  auditCycleId: string;
  outcome: 'ACCEPTED' | 'REJECTED';
  reasons: string[];
  reviewedOn?: CalendarDate;
}

export interface RecordTransferReviewInput {
  auditCycleId: string;
  reviewedOn?: CalendarDate;
  certificateStatus: PreviousCertificateStatus;
  accredited: boolean;
  reasonsForTransfer: string[];
  outstandingNonconformities: OutstandingNonconformity[];
  lastReports: string[];
  complaints: string[];
}

/** The ids an application answers with besides the audit cycle's. */
export interface ApplicationResult extends OperationResult {
  certificateId: string;
}

interface Application {
  auditCycleId: string;
  organisationId: string;
  certificateId: string;
  kind: AuditCycleKind;
  standard: StandardReference;
  scope: ApplicationScope;
  sites: string[];
  submittedOn: CalendarDate | undefined;
  recertification?: RecertificationApplication;
  transfer?: TransferApplication;
  formerCertificate?: FormerCertificate | null;
}

export const applicationOperations = (runtime: LifecycleRuntime) => {
  const { store, run, dateOr } = runtime;

  /** The organisation's certificates (their streams, found by the lookup), folded. */
  const certificatesOfOrganisation = async (organisationId: string) => {
    const ids = await runtime.certificatesOf(organisationId);
    const certificates = await Promise.all(
      ids.map((id) => loadAggregate(store, certificateStreamName(id), certificateDecider)),
    );
    return certificates.map(({ state }) => state);
  };

  /**
   * One recertification at a time: the certificate's cycles (found by the lookup) are folded, and
   * one still submitted or accepted (neither rejected nor decided) refuses another.
   */
  const requireNoOpenRecertification = async (certificateId: string): Promise<void> => {
    for (const id of await runtime.auditCyclesOf(certificateId)) {
      const { state } = await loadAggregate(store, auditCycleStreamName(id), auditCycleDecider);
      if (
        (state.status === 'APPLICATION_SUBMITTED' || state.status === 'APPLICATION_ACCEPTED') &&
        state.application.kind === 'RECERTIFICATION'
      ) {
        throw new RecertificationAlreadyOpenError(certificateId, id, state.application.submittedOn);
      }
    }
  };

  /** The organisation's applications still open (its cycles found by the lookup, folded). */
  const openApplicationsOf = async (organisationId: string): Promise<OpenApplication[]> => {
    const open: OpenApplication[] = [];
    for (const id of await runtime.auditCyclesOfOrganisation(organisationId)) {
      const { state } = await loadAggregate(store, auditCycleStreamName(id), auditCycleDecider);
      const application = openApplicationOf(state);
      if (application) open.push(application);
    }
    return open;
  };

  /**
   * Snapshots the organisation's readiness facts as of the application; the sites must be listed;
   * an INITIAL or TRANSFER application carries the organisation's [CN] re-application bar, its
   * applications still open and its certificates as they stand on the application date.
   */
  const submit = async (
    application: Application,
    context: OperationContext,
    options?: OperationOptions,
  ): Promise<ApplicationResult> => {
    const { auditCycleId, organisationId, submittedOn, ...rest } = application;
    const organisation = await loadOrganisation(store, organisationId);
    const on = dateOr(submittedOn);
    if (on < organisation.registeredOn) {
      throw new DateOutOfOrderError(
        'submittedOn',
        on,
        `organisation ${organisationId} was registered`,
        organisation.registeredOn,
      );
    }
    requireListedSites(organisation, application.sites, 'the application');
    const newCertificate = application.kind !== 'RECERTIFICATION';
    const certificates = newCertificate ? await certificatesOfOrganisation(organisationId) : [];
    const reapplicationBar = latestReapplicationBar(certificates.map(reapplicationBarOf));
    const heldCertificates = certificates.flatMap((state) => heldCertificateOf(state, on) ?? []);
    const openApplications = newCertificate ? await openApplicationsOf(organisationId) : [];
    const result = await run(
      auditCycleDecider,
      auditCycleId,
      auditCycleStreamName(auditCycleId),
      {
        type: 'SubmitApplication',
        data: {
          ...rest,
          auditCycleId,
          organisationId,
          readiness: organisation.readiness,
          submittedOn: on,
          policy: runtime.policy,
          reapplicationBar,
          openApplications,
          heldCertificates,
        },
      },
      context,
      options,
    );
    return { ...result, certificateId: application.certificateId };
  };

  /** An application for a new certificate: one at a time per certificate id and per organisation. */
  const inOrder = (
    certificateId: string,
    organisationId: string,
    work: () => Promise<ApplicationResult>,
  ): Promise<ApplicationResult> =>
    runtime.forCertificate(certificateId, () => runtime.forOrganisation(organisationId, work));

  /** No certificate has the id, and no audit cycle names it for the certificate it would issue. */
  const requireNewCertificate = async (certificateId: string): Promise<void> => {
    if (await streamExists(store, certificateStreamName(certificateId))) {
      throw new AggregateAlreadyExistsError('certificate', certificateId);
    }
    const [cycle] = await runtime.auditCyclesOf(certificateId);
    if (cycle !== undefined) throw new CertificateIdReservedError(certificateId, cycle);
  };

  const sendToCycle = async (
    auditCycleId: string,
    command: Parameters<typeof auditCycleDecider.decide>[0],
    context: OperationContext,
    options?: OperationOptions,
  ): Promise<OperationResult> => {
    await loadAuditCycle(store, auditCycleId);
    return run(
      auditCycleDecider,
      auditCycleId,
      auditCycleStreamName(auditCycleId),
      command,
      context,
      options,
    );
  };

  return {
    /**
     * An INITIAL application: the certificate id is reserved for the certificate the grant issues;
     * a named former certificate is checked by the decider (same organisation and standard, lapsed),
     * and so are the organisation's open application and certificate in force (or restorable) for
     * the same standard, either of which refuses this one.
     */
    submitApplication: async (
      input: SubmitApplicationInput,
      context: OperationContext,
      options?: OperationOptions,
    ): Promise<ApplicationResult> => {
      const { formerCertificateId, ...application } = input;
      const certificateId = input.certificateId ?? runtime.newId();
      return inOrder(certificateId, input.organisationId, async () => {
        await requireNewCertificate(certificateId);
        const formerCertificate =
          formerCertificateId === undefined
            ? null
            : formerCertificateOf(await loadCertificate(store, formerCertificateId));
        return submit(
          {
            ...application,
            auditCycleId: input.auditCycleId ?? runtime.newId(),
            certificateId,
            kind: 'INITIAL',
            submittedOn: input.submittedOn,
            formerCertificate,
          },
          context,
          options,
        );
      });
    },

    /**
     * A RECERTIFICATION application for an issued certificate, with its expiry and current cycle;
     * a withdrawn certificate is refused (withdrawal is final), and so is a second application while
     * one is open. `expectedVersion` is the certificate's (the caller never saw the new cycle),
     * checked when the certificate is loaded, like its other conditions: the append goes to the new
     * cycle's stream, so it cannot pin the certificate's.
     */
    startRecertification: async (
      input: StartRecertificationInput,
      context: OperationContext,
      options: OperationOptions = {},
    ): Promise<ApplicationResult> => {
      return runtime.forCertificate(input.certificateId, async () => {
        const { expectedVersion, ...rest } = options;
        const certificate = await loadCertificate(store, input.certificateId, expectedVersion);
        if (certificate.withdrawal) {
          throw new CertificateWithdrawnError(
            certificate.number,
            certificate.withdrawal.withdrawnOn,
            'a recertification application',
          );
        }
        requireRestorableOn(
          certificate,
          runtime.dateOr(input.submittedOn),
          'recertification applied for',
        );
        await requireNoOpenRecertification(input.certificateId);
        const previous = await loadAuditCycle(store, certificate.auditCycleId);
        return submit(
          {
            auditCycleId: input.auditCycleId ?? runtime.newId(),
            organisationId: certificate.organisationId,
            certificateId: certificate.certificateId,
            kind: 'RECERTIFICATION',
            standard: input.standard ?? certificate.standard,
            scope: input.scope ?? { ...previous.application.scope, text: certificate.scope },
            sites: input.sites ?? certificate.sites.map((site) => site.siteId),
            submittedOn: input.submittedOn,
            recertification: {
              previousAuditCycleId: certificate.auditCycleId,
              certificateExpiryDate: certificate.expiryDate,
            },
          },
          context,
          rest,
        );
      });
    },

    /**
     * A TRANSFER application; the reactor creates the certificate when the transfer is granted. An
     * open application or a certificate of the organisation for the same standard refuses it, as
     * for INITIAL.
     */
    transferCertificateIn: async (
      input: TransferCertificateInInput,
      context: OperationContext,
      options?: OperationOptions,
    ): Promise<ApplicationResult> => {
      const certificateId = input.certificateId ?? runtime.newId();
      return inOrder(certificateId, input.organisationId, async () => {
        await requireNewCertificate(certificateId);
        return submit(
          {
            auditCycleId: input.auditCycleId ?? runtime.newId(),
            organisationId: input.organisationId,
            certificateId,
            kind: 'TRANSFER',
            standard: input.standard,
            scope: input.scope,
            sites: input.sites,
            submittedOn: input.submittedOn,
            transfer: {
              previousCertificationBody: input.previousCertificationBody,
              previousCertificateNumber: input.previousCertificateNumber,
              previousCycleDecisionDate: input.previousCycleDecisionDate,
              ...(input.originalCertificationDate
                ? { originalCertificationDate: input.originalCertificationDate }
                : {}),
              certificateExpiryDate: input.certificateExpiryDate,
              surveillanceProgramme: input.surveillanceProgramme,
            },
          },
          context,
          options,
        );
      });
    },

    /** The reviewer is the actor. */
    reviewApplication: (
      { auditCycleId, outcome, reasons, reviewedOn }: ReviewApplicationInput,
      context: OperationContext,
      options?: OperationOptions,
    ) =>
      sendToCycle(
        auditCycleId,
        {
          type: 'ReviewApplication',
          data: {
            auditCycleId,
            outcome,
            reasons,
            reviewedOn: dateOr(reviewedOn),
            reviewedBy: context.actor,
          },
        },
        context,
        options,
      ),

    /** IAF MD 2 pre-transfer review; the reviewer is the actor. */
    recordTransferReview: (
      { auditCycleId, reviewedOn, ...review }: RecordTransferReviewInput,
      context: OperationContext,
      options?: OperationOptions,
    ) =>
      sendToCycle(
        auditCycleId,
        {
          type: 'RecordTransferReview',
          data: {
            ...review,
            auditCycleId,
            reviewedOn: dateOr(reviewedOn),
            reviewedBy: context.actor,
          },
        },
        context,
        options,
      ),
  };
};
