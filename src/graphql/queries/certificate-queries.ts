import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { findCertificate, findCertificateByNumber, listCertificates } from '../../projections';
import type { ApiDependencies } from '../api-dependencies';
import { organisationScope, type RequestContext } from '../auth';
import { type Connection, ConnectionArgs, ConnectionArguments, pageRequest } from '../pagination';
import { CalendarDateScalar } from '../scalars';
import { Certificate, CertificateConnection, toCertificateType } from '../types';
import { CertificateFilterInput } from './certificate-filter-input';
import { certificateNumberArgument } from './certificate-number-argument';
import { connectionFromPage, pageInput } from './connection-from-page';
import { asOfOrToday, organisationFilter, visibleTo } from './read-access';

@Resolver()
export class CertificateQueries {
  constructor(private readonly deps: ApiDependencies) {}

  @Authorized()
  @Query(() => Certificate, { nullable: true })
  certificate(@Arg('id', () => ID) id: string, @Ctx() { principal }: RequestContext): Certificate {
    const view = findCertificate(this.deps.readModels, id);
    return toCertificateType(
      visibleTo(principal, view, (c) => c.organisationId, 'Certificate', id),
    );
  }

  @Authorized()
  @Query(() => Certificate, {
    nullable: true,
    description:
      'By number, with or without a revision suffix (`CN-20000-00042/R2`), matched as people type it: in any case (the suffix too), with spaces around it, in full-width characters, and with any dashes, white space, dots or underscores between its parts, or none (`CN2000000042`, `CN.20000.00042`), with a full stop after it or after its suffix (`CN-20000-00042/R2.`), and with invisible format characters anywhere in it (zero-width spaces, soft hyphens, direction marks, as copied from web pages and PDFs); `number` and `numberWithRevision` answer it as printed, and `revisionOfNumber(number: $number)`, given the same number, the revision whose document it names (1 without a suffix). A blank number, one over 200 characters or one holding a control character is BAD_USER_INPUT, and so is one matching several certificates (numbers printed under two patterns that differ only in their separators or case) none more closely than the others: type it as printed (a CLIENT key matches its own certificates only). An unknown number is NOT_FOUND.',
  })
  certificateByNumber(
    @Arg('number', () => String) number: string,
    @Ctx() { principal }: RequestContext,
  ): Certificate {
    const view = visibleTo(
      principal,
      findCertificateByNumber(
        this.deps.readModels,
        certificateNumberArgument(number),
        organisationScope(principal, undefined),
      ),
      (c) => c.organisationId,
      'Certificate',
      number,
    );
    return toCertificateType(view);
  }

  @Authorized()
  @Query(() => CertificateConnection, {
    description:
      'Certificates matching the filter on `asOf` (default: today), by number: the `status` filter is the status on `asOf`, and `standard` and `expiringBefore` are of the revision in force on `asOf` (the first, from its decision until it takes effect), never of one decided or taking effect after it. A certificate first decided after `asOf` did not exist then and is not listed. Each node is the certificate as `certificate(id)` answers it (its latest revision’s `revision`, `standard`, `scope`, `expiryDate`, …; `status` and `deadlines` without `asOf` of their own are today’s): ask `status(asOf: D)` and `revisionOn(date: D)` for the status and revision on the list’s date D. A CLIENT key sees its own organisation only.',
  })
  certificates(
    @Arg('filter', () => CertificateFilterInput, { nullable: true })
    filter: CertificateFilterInput | null,
    @Arg('asOf', () => CalendarDateScalar, { nullable: true }) asOf: CalendarDate | null,
    @ConnectionArguments() args: ConnectionArgs,
    @Ctx() { principal }: RequestContext,
  ): Connection<Certificate> {
    const request = pageRequest(args, { name: 'certificates', arity: 2 });
    const organisationId = organisationFilter(this.deps, principal, filter?.organisationId);
    const page = listCertificates(
      this.deps.readModels,
      { ...filter, organisationId: organisationId ?? null },
      asOfOrToday(this.deps, asOf),
      pageInput(request),
    );
    return connectionFromPage(page, request, toCertificateType);
  }
}
