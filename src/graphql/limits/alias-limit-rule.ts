import { GraphQLError, type ValidationRule } from 'graphql';

/** Refuses documents with more than `maxAliases` aliased fields (alias batching attacks). */
export const aliasLimitRule =
  (maxAliases: number): ValidationRule =>
  (context) => {
    let aliases = 0;
    return {
      Field(field) {
        if (field.alias) aliases += 1;
      },
      Document: {
        leave(document) {
          if (aliases > maxAliases) {
            context.reportError(
              new GraphQLError(`the document uses ${aliases} aliases; the limit is ${maxAliases}`, {
                nodes: document,
                extensions: { limit: 'aliases', maximum: maxAliases, actual: aliases },
              }),
            );
          }
        },
      },
    };
  };
