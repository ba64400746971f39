import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The scope applied for.' })
export class ApplicationScope {
  @Field(() => String)
  text!: string;

  @Field(() => [String])
  services!: string[];

  @Field(() => [String])
  customers!: string[];

  @Field(() => [String])
  locations!: string[];
}
