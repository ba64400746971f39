import { Field, ID, ObjectType } from 'type-graphql';
import type { CertificateSite as CertificateSiteView } from '../../domain';

@ObjectType({
  description:
    'A site named on one revision of a certificate, with its scope: each certificate prints its own scope per site, and a revision may change it.',
  simpleResolvers: true,
})
export class CertificateSite {
  @Field(() => ID, {
    description:
      '`<certificateId>:R<revision>:<siteId>`: the site as one revision of one certificate prints it (the organisation’s site is `siteId`).',
  })
  id!: string;

  @Field(() => ID, {
    description: 'The organisation’s site: `Site.siteId` in `Organisation.sites`.',
  })
  siteId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  address!: string;

  @Field(() => String)
  scope!: string;
}

/** The sites printed on revision `revision` of certificate `certificateId`. */
export const toCertificateSiteTypes = (
  certificateId: string,
  revision: number,
  sites: readonly CertificateSiteView[],
): CertificateSite[] =>
  sites.map((site) =>
    Object.assign(new CertificateSite(), {
      id: `${certificateId}:R${revision}:${site.siteId}`,
      siteId: site.siteId,
      name: site.name,
      address: site.address,
      scope: site.scope,
    }),
  );
