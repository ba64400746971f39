import { Field, InputType } from 'type-graphql';
import { IsText } from './input-rules';
import { MAX_LENGTH } from './max-length';

@InputType({
  description:
    'A standard with its version from the standards catalog, e.g. ISO/IEC 20000-1 and 2018, in any case, width or spacing (recorded as the catalog spells it); another is BAD_USER_INPUT (rule UNKNOWN_STANDARD, field standard) naming the closest catalog entries.',
})
export class StandardReferenceInput {
  @Field(() => String)
  @IsText(MAX_LENGTH.name)
  identifier!: string;

  @Field(() => String)
  @IsText(MAX_LENGTH.name)
  version!: string;
}
