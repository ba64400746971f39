import { Field, ID, ObjectType } from 'type-graphql';
import type { CertificateSite as CertificateSiteView } from '../../domain';

@ObjectType({
  description: 'A site named on a certificate, with its scope.',
  simpleResolvers: true,
})
export class CertificateSite {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  address!: string;

  @Field(() => String)
  scope!: string;
}

export const toCertificateSiteType = (site: CertificateSiteView): CertificateSite =>
  Object.assign(new CertificateSite(), {
    id: site.siteId,
    name: site.name,
    address: site.address,
    scope: site.scope,
  });
