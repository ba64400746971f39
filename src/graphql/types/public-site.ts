import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A site as printed on a certificate.' })
export class PublicSite {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  address!: string;

  @Field(() => String)
  scope!: string;
}
