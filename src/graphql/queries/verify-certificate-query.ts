import { Arg, Query, Resolver } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { verifyCertificate } from '../../projections';
import type { ApiDependencies } from '../api-dependencies';
import { Public } from '../auth';
import { CalendarDateScalar } from '../scalars';
import { PublicCertificate, toPublicCertificateType } from '../types';
import { certificateNumberArgument } from './certificate-number-argument';
import { asOfOrToday } from './read-access';

@Resolver()
export class VerifyCertificateQuery {
  constructor(private readonly deps: ApiDependencies) {}

  @Public()
  @Query(() => PublicCertificate, {
    nullable: true,
    description:
      'The public check of a certificate number (with or without `/R<n>`), no API key needed. The number is matched as people type it: in any case (the suffix too), with spaces around it, in full-width characters, and with any dashes, white space, dots or underscores between its parts, or none (`CN2000000042`, `CN.20000.00042`), with a full stop after it or after its suffix (`CN-20000-00042/R2.`), and with invisible format characters anywhere in it (zero-width spaces, soft hyphens, direction marks, as copied from web pages and PDFs); `number` and `numberWithRevision` answer it as printed. A blank number, one over 200 characters or one holding a control character is BAD_USER_INPUT, and so is one matching several certificates known on `asOf` (numbers printed under two patterns that differ only in their separators or case) none more closely than the others: type it as printed. Null when no such certificate or revision exists on `asOf`: one first decided after it, or a revision decided after it, is answered as an unknown one, and so is a certificate not yet in force on `asOf` (DRAFT: a register shows verifiers only Active, Suspended, Withdrawn and Expired certificates). A number without a suffix is the one printed on the document of the first revision (later revisions print `/R<n>`), so it answers that revision: once a later revision has taken effect, `revisionStatus` is SUPERSEDED, `valid` false and `numberWithRevisionInForce` names the document to ask for; `status` and `certSearchStatus` are those of the certificate either way. `valid` is true only for the revision in force of an ACTIVE certificate. Its status history ends at `asOf` (see `PublicCertificate.statusPeriods`).',
  })
  verifyCertificate(
    @Arg('number', () => String) number: string,
    @Arg('asOf', () => CalendarDateScalar, { nullable: true }) asOf: CalendarDate | null,
  ): PublicCertificate | null {
    const view = verifyCertificate(
      this.deps.readModels,
      certificateNumberArgument(number),
      asOfOrToday(this.deps, asOf),
    );
    return view && toPublicCertificateType(view);
  }
}
