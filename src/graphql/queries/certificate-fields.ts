import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { CalendarDate, CertificateStatus } from '../../domain';
import {
  certificateDeadlines,
  certificateHistory,
  certificateRevisionOn,
  certificateRevisions,
  findAuditCycle,
  findOrganisation,
  revisionNamedByNumber,
  statusOnFromPeriods,
} from '../../projections';
import type { ApiDependencies } from '../api-dependencies';
import { CalendarDateScalar } from '../scalars';
import {
  AuditCycle,
  Certificate,
  CertificateRevision,
  CertificateStatusEnum,
  Deadline,
  HistoryEntry,
  Organisation,
  toAuditCycleType,
  toCertificateRevisionType,
  toDeadlineType,
  toHistoryEntryType,
  toOrganisationType,
} from '../types';
import { certificateNumberArgument } from './certificate-number-argument';
import { asOfOrToday, sameOrganisation } from './read-access';

@Resolver(() => Certificate)
export class CertificateFields {
  constructor(private readonly deps: ApiDependencies) {}

  @FieldResolver(() => CertificateStatusEnum, {
    description:
      'Status on a date, past or future (default: today in the CB time zone, wherever the certificate is reached: under `certificates(asOf: D)` ask `status(asOf: D)` for the list’s date). DRAFT before the first effective date, also for a date before the certificate was first decided (when it did not exist yet: `certificates`, `dashboard` and `verifyCertificate` leave it out then).',
  })
  status(
    @Root() certificate: Certificate,
    @Arg('asOf', () => CalendarDateScalar, { nullable: true }) asOf: CalendarDate | null,
  ): CertificateStatus {
    return statusOnFromPeriods(certificate.statusPeriods, asOfOrToday(this.deps, asOf));
  }

  @FieldResolver(() => Boolean, { description: 'True when the certificate is ACTIVE on `date`.' })
  validOn(
    @Root() certificate: Certificate,
    @Arg('date', () => CalendarDateScalar) date: CalendarDate,
  ): boolean {
    return statusOnFromPeriods(certificate.statusPeriods, date) === 'ACTIVE';
  }

  @FieldResolver(() => [CertificateRevision], {
    description:
      'Every revision decided, in order; one due after the withdrawal, or on its day while an earlier revision was in force, never takes effect (`verifyCertificate` reads its number DRAFT).',
  })
  revisions(@Root() certificate: Certificate): CertificateRevision[] {
    return certificateRevisions(this.deps.readModels, certificate.id).map((revision) =>
      toCertificateRevisionType(certificate.id, revision),
    );
  }

  @FieldResolver(() => CertificateRevision, {
    nullable: true,
    description:
      'The revision in force on `date`, one of `revisions`: the last to take effect on or before it, and from the first decision until the first revision takes effect (DRAFT) the first one; never one decided after `date`, nor one that takes effect after it (after a withdrawal or expiry, the last one in force). Null before the first decision, when the certificate did not exist. What `certificates(asOf: D)` filters `standard` and `expiringBefore` on: ask `revisionOn(date: D)` of its nodes for the standard, scope and expiry in force then, since the certificate’s own fields are always those of its latest revision.',
  })
  revisionOn(
    @Root() certificate: Certificate,
    @Arg('date', () => CalendarDateScalar) date: CalendarDate,
  ): CertificateRevision | null {
    const revision = certificateRevisionOn(this.deps.readModels, certificate.id, date);
    return revision && toCertificateRevisionType(certificate.id, revision);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'The revision whose document bears `number`, typed as `certificateByNumber` takes it, as `verifyCertificate` reads it: the one its suffix names (`…/R2`), else 1 (the first revision is printed without a suffix). Null when `number`, whatever its case or separators, is not this certificate’s, or names a revision it never had. Compare with `revision` and `revisions`.',
  })
  revisionOfNumber(
    @Root() certificate: Certificate,
    @Arg('number', () => String) number: string,
  ): number | null {
    return revisionNamedByNumber(
      this.deps.readModels,
      { certificateId: certificate.id, number: certificate.number },
      certificateNumberArgument(number),
    );
  }

  @FieldResolver(() => [Deadline], {
    description:
      'Every deadline of the certificate and its audit cycles, met or open, by due date; state as of `asOf` (default: today in the CB time zone, wherever the certificate is reached, a node of a list as of another date too).',
  })
  deadlines(
    @Root() certificate: Certificate,
    @Arg('asOf', () => CalendarDateScalar, { nullable: true }) asOf: CalendarDate | null,
  ): Deadline[] {
    const date = asOfOrToday(this.deps, asOf);
    return certificateDeadlines(this.deps.readModels, certificate.id, date)
      .filter((deadline) => sameOrganisation(deadline, certificate))
      .map((deadline) => toDeadlineType(deadline, date));
  }

  @FieldResolver(() => [HistoryEntry], {
    description:
      'Every event of the certificate and its audit cycles, in the order recorded. A recorded expiry that a withdrawal dated before it, entered after the record, voids stays, its summary saying so.',
  })
  history(@Root() certificate: Certificate): HistoryEntry[] {
    const ownCycle = new Map<string, boolean>();
    /** An audit cycle of another organisation that names this certificate's id is not its. */
    const own = (auditCycleId: string): boolean => {
      let known = ownCycle.get(auditCycleId);
      if (known === undefined) {
        const cycle = findAuditCycle(this.deps.readModels, auditCycleId);
        known = cycle !== null && sameOrganisation(cycle, certificate);
        ownCycle.set(auditCycleId, known);
      }
      return known;
    };
    return certificateHistory(this.deps.readModels, certificate.id)
      .filter((entry) => entry.auditCycleId === null || own(entry.auditCycleId))
      .map(toHistoryEntryType);
  }

  @FieldResolver(() => AuditCycle, { nullable: true })
  currentAuditCycle(@Root() certificate: Certificate): AuditCycle | null {
    const view = findAuditCycle(this.deps.readModels, certificate.currentAuditCycleId);
    return view && toAuditCycleType(view);
  }

  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() certificate: Certificate): Organisation | null {
    const view = findOrganisation(this.deps.readModels, certificate.organisationId);
    return view && toOrganisationType(view);
  }
}
