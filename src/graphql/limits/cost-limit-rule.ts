import {
  type FieldNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { MAX_PAGE_SIZE } from '../pagination';
import { foldSelections } from './fragment-walker';
import { operationLabel } from './operation-label';

const PAGE_ARGUMENT = 'first';

/**
 * Refuses operations costing more than `maxCost`: every field costs 1, and what is selected under a
 * field with a `first` argument costs `first` times (a variable counts as MAX_PAGE_SIZE, whatever
 * its default: the rule runs before the variables' values are known, and a request may send any
 * value up to the cap; an absent or null `first` counts as the argument's default, a literal over
 * the cap as the cap, since execution refuses it with BAD_USER_INPUT naming `first`). What is
 * selected under any other list (`history`, `deadlines` …) costs `unpagedListLength` times, except
 * under a connection's `edges`, which its `first` counts already. Introspection fields are free.
 */
export const costLimitRule =
  (maxCost: number, unpagedListLength: number): ValidationRule =>
  (context) => ({
    OperationDefinition(operation) {
      const rootType = context.getSchema().getRootType(operation.operation);
      if (!rootType) return;
      const costOf = foldSelections<number, GraphQLNamedType | undefined>({
        getFragment: (name) => context.getFragment(name),
        field: (field, parent, recurse) => {
          if (field.name.value.startsWith('__')) return 0;
          const definition =
            parent && (isObjectType(parent) || isInterfaceType(parent))
              ? parent.getFields()[field.name.value]
              : undefined;
          if (!field.selectionSet) return 1;
          const childType = definition ? getNamedType(definition.type) : undefined;
          const multiplier = definition?.args.some((arg) => arg.name === PAGE_ARGUMENT)
            ? pageSize(field, definition.args)
            : isUnpagedList(definition, parent)
              ? unpagedListLength
              : 1;
          return 1 + multiplier * recurse(field.selectionSet, childType);
        },
        narrow: (condition, parent) =>
          condition ? (context.getSchema().getType(condition.name.value) ?? undefined) : parent,
        combine: (costs) => costs.reduce((sum, cost) => sum + cost, 0),
        empty: 0,
      });
      const cost = costOf(operation.selectionSet, rootType);
      if (cost > maxCost) reportCost(context, operation, cost, maxCost, unpagedListLength);
    },
  });

const pageSize = (
  field: FieldNode,
  args: ReadonlyArray<{ name: string; defaultValue?: unknown }>,
): number => {
  const value = field.arguments?.find((arg) => arg.name.value === PAGE_ARGUMENT)?.value;
  if (!value || value.kind === Kind.NULL) {
    const fallback = args.find((arg) => arg.name === PAGE_ARGUMENT)?.defaultValue;
    return typeof fallback === 'number' ? Math.min(Math.max(fallback, 1), MAX_PAGE_SIZE) : 1;
  }
  if (value.kind === Kind.INT) return Math.min(Math.max(Number(value.value), 1), MAX_PAGE_SIZE);
  if (value.kind === Kind.VARIABLE) return MAX_PAGE_SIZE;
  return 1;
};

/** A list field other than a connection's `edges` (a type with `edges` and `pageInfo`). */
const isUnpagedList = (
  definition: GraphQLField<unknown, unknown> | undefined,
  parent: GraphQLNamedType | undefined,
): boolean => {
  if (!definition || !isListType(getNullableType(definition.type))) return false;
  const connection =
    definition.name === 'edges' && isObjectType(parent) && 'pageInfo' in parent.getFields();
  return !connection;
};

const reportCost = (
  context: ValidationContext,
  operation: OperationDefinitionNode,
  cost: number,
  maxCost: number,
  unpagedListLength: number,
): void => {
  context.reportError(
    new GraphQLError(
      `${operationLabel(operation)} costs ${cost} (each field 1, fields under a paged list \`first\` times, under any other list ${unpagedListLength} times); the limit is ${maxCost}`,
      { nodes: operation, extensions: { limit: 'cost', maximum: maxCost, actual: cost } },
    ),
  );
};
