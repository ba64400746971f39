import { Field, InputType } from 'type-graphql';
import { IsText, MAX_LENGTH } from './input-rules';

@InputType({ description: 'A standard with its version, e.g. ISO/IEC 20000-1 and 2018.' })
export class StandardReferenceInput {
  @Field(() => String)
  @IsText(MAX_LENGTH.name)
  identifier!: string;

  @Field(() => String)
  @IsText(MAX_LENGTH.name)
  version!: string;
}
