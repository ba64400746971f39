import { Field, InputType } from 'type-graphql';
import { IsList, IsText } from './input-rules';
import { MAX_LENGTH } from './max-length';

@InputType({ description: 'The scope applied for: the text printed and what it covers.' })
export class ApplicationScopeInput {
  @Field(() => String)
  @IsText(MAX_LENGTH.text)
  text!: string;

  @Field(() => [String])
  @IsList({ nonEmpty: false })
  @IsText(MAX_LENGTH.text, { list: true })
  services!: string[];

  @Field(() => [String])
  @IsList({ nonEmpty: false })
  @IsText(MAX_LENGTH.text, { list: true })
  customers!: string[];

  @Field(() => [String])
  @IsList({ nonEmpty: false })
  @IsText(MAX_LENGTH.text, { list: true })
  locations!: string[];
}
