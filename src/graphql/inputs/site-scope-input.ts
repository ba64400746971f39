import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsIdentifier, IsText } from './input-rules';
import { MAX_LENGTH } from './max-length';

@InputType({ description: 'A site printed on the certificate, with its own scope text.' })
export class SiteScopeInput {
  @Field(() => ID)
  @IsIdentifier()
  siteId!: string;

  @Field(() => String, { nullable: true, description: "Default: the certificate's scope text." })
  @IsOptional()
  @IsText(MAX_LENGTH.text)
  scope?: string;
}
