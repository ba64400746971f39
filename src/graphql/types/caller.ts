import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../auth';

@ObjectType({ description: 'The person an API key belongs to, and the role it acts in.' })
export class Caller {
  @Field(() => ID)
  personId!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'Set for CLIENT keys: their organisation.' })
  organisationId?: string;
}
