import { GraphQLError, type ValidationRule } from 'graphql';
import { foldSelections } from './fragment-walker';
import { operationLabel } from './operation-label';

/** Refuses operations nesting fields deeper than `maxDepth` (introspection fields do not count). */
export const depthLimitRule =
  (maxDepth: number): ValidationRule =>
  (context) => ({
    OperationDefinition(operation) {
      const depthOf = foldSelections<number, null>({
        getFragment: (name) => context.getFragment(name),
        field: (field, scope, recurse) =>
          field.name.value.startsWith('__')
            ? 0
            : 1 + (field.selectionSet ? recurse(field.selectionSet, scope) : 0),
        narrow: () => null,
        combine: (depths) => Math.max(0, ...depths),
        empty: 0,
      });
      const depth = depthOf(operation.selectionSet, null);
      if (depth > maxDepth) {
        context.reportError(
          new GraphQLError(
            `${operationLabel(operation)} nests fields ${depth} levels deep; the limit is ${maxDepth}`,
            { nodes: operation, extensions: { limit: 'depth', maximum: maxDepth, actual: depth } },
          ),
        );
      }
    },
  });
