import { registerEnumType } from 'type-graphql';

/**
 * A GraphQL enum whose values are the domain's string literals, so views map to fields without
 * conversion: `@Field(() => CertificateStatusEnum) status!: CertificateStatus`.
 */
export const graphqlEnum = <const Value extends string>(
  name: string,
  values: readonly Value[],
  description: string,
): { [K in Value]: K } => {
  const enumObject = Object.fromEntries(values.map((value) => [value, value])) as {
    [K in Value]: K;
  };
  registerEnumType(enumObject, { name, description });
  return enumObject;
};
