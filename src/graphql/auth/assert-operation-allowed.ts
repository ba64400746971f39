import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { API_KEY_HINT, UnauthenticatedError } from '../errors';
import type { Principal } from './principal';
import { PUBLIC_EXTENSION } from './public';

/**
 * Default deny: a caller without an API key may only select root fields marked `@Public()` (and
 * `__typename` or introspection). Runs once per operation, before execution.
 */
export const assertOperationAllowed = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  principal: Principal | null,
): void => {
  if (principal) return;
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return;
  const fragments = new Map(
    document.definitions
      .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const refused = new Set(
    rootFieldNames(operation.selectionSet, fragments, new Set()).filter(
      (name) => !name.startsWith('__') && !isPublic(rootType, name),
    ),
  );
  if (refused.size > 0) {
    const fields = [...refused].join(', ');
    const need = refused.size === 1 ? 'needs' : 'need';
    throw new UnauthenticatedError(`${fields} ${need} an API key: ${API_KEY_HINT}`);
  }
};

const isPublic = (rootType: GraphQLObjectType, fieldName: string): boolean =>
  rootType.getFields()[fieldName]?.extensions[PUBLIC_EXTENSION] === true;

const rootFieldNames = (
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  visited: Set<string>,
): string[] =>
  selectionSet.selections.flatMap((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return [selection.name.value];
      case Kind.INLINE_FRAGMENT:
        return rootFieldNames(selection.selectionSet, fragments, visited);
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visited.has(name)) return [];
        visited.add(name);
        return rootFieldNames(fragment.selectionSet, fragments, visited);
      }
    }
  });
