import { Field, ObjectType } from 'type-graphql';

@ObjectType('Standard', {
  description: 'A management-system standard and its version.',
  simpleResolvers: true,
})
export class StandardType {
  @Field(() => String, { description: 'e.g. `ISO/IEC 20000-1`.' })
  identifier!: string;

  @Field(() => String, { description: 'e.g. `2018`.' })
  version!: string;

  @Field(() => String, { description: '`identifier:version`, e.g. `ISO/IEC 20000-1:2018`.' })
  code!: string;
}

export const toStandardType = (standard: { identifier: string; version: string }): StandardType =>
  Object.assign(new StandardType(), {
    identifier: standard.identifier,
    version: standard.version,
    code: `${standard.identifier}:${standard.version}`,
  });
