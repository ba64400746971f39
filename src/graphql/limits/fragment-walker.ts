import {
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type NamedTypeNode,
  type SelectionSetNode,
} from 'graphql';

export interface SelectionFold<T, Scope> {
  getFragment: (name: string) => FragmentDefinitionNode | null | undefined;
  field: (field: FieldNode, scope: Scope, recurse: (set: SelectionSetNode, scope: Scope) => T) => T;
  /** The scope inside a fragment with this type condition (e.g. the narrowed parent type). */
  narrow: (typeCondition: NamedTypeNode | undefined, scope: Scope) => Scope;
  combine: (values: T[]) => T;
  empty: T;
}

/**
 * Folds over a selection set, memoising each named fragment so that documents spreading fragments
 * many times stay linear; a fragment cycle counts as `empty` (another rule reports it).
 */
export const foldSelections = <T, Scope>({
  getFragment,
  field,
  narrow,
  combine,
  empty,
}: SelectionFold<T, Scope>): ((set: SelectionSetNode, scope: Scope) => T) => {
  const memo = new Map<string, T>();
  const visiting = new Set<string>();
  const fold = (set: SelectionSetNode, scope: Scope): T =>
    combine(
      set.selections.map((selection) => {
        if (selection.kind === Kind.FIELD) return field(selection, scope, fold);
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          return fold(selection.selectionSet, narrow(selection.typeCondition, scope));
        }
        const name = selection.name.value;
        const known = memo.get(name);
        if (known !== undefined) return known;
        const fragment = getFragment(name);
        if (!fragment || visiting.has(name)) return empty;
        visiting.add(name);
        const value = fold(fragment.selectionSet, narrow(fragment.typeCondition, scope));
        visiting.delete(name);
        memo.set(name, value);
        return value;
      }),
    );
  return fold;
};
