import {
  type CalendarDate,
  type CertificateCommand,
  type ExtensionAudit,
  certificateDecider,
  certificateStreamName,
  extensionFollowing,
  type IssuedCertificateState,
  type StandardReference,
  type SuspensionGrounds,
} from '../../domain';
import { certificateSites, type SiteScope } from './certificate-sites';
import type { LifecycleRuntime } from './lifecycle-runtime';
import { loadAuditCycle, loadCertificate, loadOrganisation } from './load-existing';
import type { OperationContext, OperationOptions, OperationResult } from './operation-result';

export interface SuspendCertificateInput {
  certificateId: string;
  grounds: SuspensionGrounds;
  details: string;
  ownFault: boolean;
  suspendedOn?: CalendarDate;
}

export interface ReinstateCertificateInput {
  certificateId: string;
  reason: string;
  reinstatedOn?: CalendarDate;
}

export interface WithdrawCertificateInput {
  certificateId: string;
  reason: string;
  ownFault: boolean;
  withdrawnOn?: CalendarDate;
}

/** The revised certificate's full scope; sites are current sites of the organisation. */
export interface ChangeScopeInput {
  certificateId: string;
  scope: string;
  /** Default: the certificate's sites, each printed with the new scope text. */
  sites?: SiteScope[];
  decisionDate: CalendarDate;
  /** Default: the decision date. */
  effectiveDate?: CalendarDate;
}

export interface TransitionStandardVersionInput {
  certificateId: string;
  standard: StandardReference;
  decisionDate: CalendarDate;
  effectiveDate?: CalendarDate;
}

export interface ExpireCertificateInput {
  certificateId: string;
  recordedOn?: CalendarDate;
}

export const certificateOperations = (runtime: LifecycleRuntime) => {
  const { store, run, dateOr } = runtime;

  /**
   * Loads the certificate (a CONFLICT first when it is not at `expectedVersion`), builds the
   * command from input, caller and certificate, and sends it.
   */
  const operation =
    <Input extends { certificateId: string }>(
      command: (
        input: Input,
        context: OperationContext,
        certificate: IssuedCertificateState,
      ) => CertificateCommand | Promise<CertificateCommand>,
    ) =>
    async (
      input: Input,
      context: OperationContext,
      options?: OperationOptions,
    ): Promise<OperationResult> => {
      const { certificateId } = input;
      const certificate = await loadCertificate(store, certificateId, options?.expectedVersion);
      return run(
        certificateDecider,
        certificateId,
        certificateStreamName(certificateId),
        await command(input, context, certificate),
        context,
        options,
      );
    };

  /** The revised scope, with the organisation's sites as printed on the certificate. */
  const scopeChange = async (
    input: ChangeScopeInput,
    { actor }: OperationContext,
    certificate: IssuedCertificateState,
  ) => {
    const organisation = await loadOrganisation(store, certificate.organisationId);
    const sites = input.sites ?? certificate.sites.map(({ siteId }) => ({ siteId }));
    return {
      certificateId: input.certificateId,
      scope: input.scope,
      sites: certificateSites(
        organisation,
        sites,
        input.scope,
        `the scope change of certificate ${certificate.number}`,
      ),
      decisionDate: input.decisionDate,
      effectiveDate: input.effectiveDate ?? input.decisionDate,
      actor,
    };
  };

  /**
   * The latest surveillance or special audit completed in the certificate's audit cycle by
   * `decisionDate` (a later one cannot be what the decision followed) that no earlier extension
   * followed and that covered every site the extension adds; when none did, the latest such audit,
   * or else the latest audit, which the domain refuses naming the sites or the earlier extension.
   */
  const extensionAudit = async (
    certificate: IssuedCertificateState,
    { decisionDate, sites }: ChangeScopeInput,
  ) => {
    const cycle = await loadAuditCycle(store, certificate.auditCycleId);
    const completed = cycle.audits.flatMap(({ auditId, kind, completion }) =>
      completion &&
      (kind === 'SURVEILLANCE' || kind === 'SPECIAL') &&
      completion.lastDay <= decisionDate
        ? [{ auditId, lastDay: completion.lastDay, sites: completion.sites }]
        : [],
    );
    const added = (sites ?? [])
      .map(({ siteId }) => siteId)
      .filter((siteId) => !certificate.sites.some((site) => site.siteId === siteId));
    const latest = (audits: ExtensionAudit[]) =>
      audits.reduce<ExtensionAudit | null>(
        (found, audit) => (found && found.lastDay >= audit.lastDay ? found : audit),
        null,
      );
    const unused = completed.filter(({ auditId }) => !extensionFollowing(certificate, auditId));
    return (
      latest(unused.filter((audit) => added.every((siteId) => audit.sites.includes(siteId)))) ??
      latest(unused) ??
      latest(completed)
    );
  };

  return {
    suspendCertificate: operation(
      ({ suspendedOn, ...input }: SuspendCertificateInput, { actor }) => ({
        type: 'SuspendCertificate',
        data: { ...input, suspendedOn: dateOr(suspendedOn), actor },
      }),
    ),

    reinstateCertificate: operation(
      ({ reinstatedOn, ...input }: ReinstateCertificateInput, { actor }) => ({
        type: 'ReinstateCertificate',
        data: { ...input, reinstatedOn: dateOr(reinstatedOn), actor },
      }),
    ),

    withdrawCertificate: operation(
      ({ withdrawnOn, ...input }: WithdrawCertificateInput, { actor }) => ({
        type: 'WithdrawCertificate',
        data: { ...input, withdrawnOn: dateOr(withdrawnOn), actor },
      }),
    ),

    /** With the audit it follows: the cycle's latest surveillance or special audit by the decision. */
    extendScope: operation(async (input: ChangeScopeInput, context, certificate) => ({
      type: 'ExtendScope',
      data: {
        ...(await scopeChange(input, context, certificate)),
        extensionAudit: await extensionAudit(certificate, input),
      },
    })),

    reduceScope: operation(async (input: ChangeScopeInput, context, certificate) => ({
      type: 'ReduceScope',
      data: await scopeChange(input, context, certificate),
    })),

    /** With the last day of the transition audit completed in the certificate's audit cycle. */
    transitionStandardVersion: operation(
      async (input: TransitionStandardVersionInput, { actor }, certificate) => {
        const cycle = await loadAuditCycle(store, certificate.auditCycleId);
        const audit = cycle.audits
          .filter(({ kind, completion }) => kind === 'TRANSITION' && completion)
          .at(-1);
        return {
          type: 'TransitionStandardVersion',
          data: {
            ...input,
            effectiveDate: input.effectiveDate ?? input.decisionDate,
            transitionAuditLastDay: audit?.completion?.lastDay ?? null,
            actor,
          },
        };
      },
    ),

    /** Records the expiry (status on a date never needs it; it closes the books). */
    expireCertificate: operation(
      ({ certificateId, recordedOn }: ExpireCertificateInput, { actor }) => ({
        type: 'ExpireCertificate',
        data: { certificateId, recordedOn: dateOr(recordedOn), actor },
      }),
    ),
  };
};
