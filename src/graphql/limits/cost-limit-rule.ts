import {
  type FieldNode,
  getNamedType,
  GraphQLError,
  type GraphQLNamedType,
  isInterfaceType,
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
 * the cap as the cap, since execution refuses it with BAD_USER_INPUT naming `first`).
 * Introspection fields are free.
 */
export const costLimitRule =
  (maxCost: number): ValidationRule =>
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
          const multiplier = pageSize(field, definition?.args);
          return 1 + multiplier * recurse(field.selectionSet, childType);
        },
        narrow: (condition, parent) =>
          condition ? (context.getSchema().getType(condition.name.value) ?? undefined) : parent,
        combine: (costs) => costs.reduce((sum, cost) => sum + cost, 0),
        empty: 0,
      });
      const cost = costOf(operation.selectionSet, rootType);
      if (cost > maxCost) reportCost(context, operation, cost, maxCost);
    },
  });

const pageSize = (
  field: FieldNode,
  args: ReadonlyArray<{ name: string; defaultValue?: unknown }> | undefined,
): number => {
  const value = field.arguments?.find((arg) => arg.name.value === PAGE_ARGUMENT)?.value;
  if (!value || value.kind === Kind.NULL) {
    const fallback = args?.find((arg) => arg.name === PAGE_ARGUMENT)?.defaultValue;
    return typeof fallback === 'number' ? Math.min(Math.max(fallback, 1), MAX_PAGE_SIZE) : 1;
  }
  if (value.kind === Kind.INT) return Math.min(Math.max(Number(value.value), 1), MAX_PAGE_SIZE);
  if (value.kind === Kind.VARIABLE) return MAX_PAGE_SIZE;
  return 1;
};

const reportCost = (
  context: ValidationContext,
  operation: OperationDefinitionNode,
  cost: number,
  maxCost: number,
): void => {
  context.reportError(
    new GraphQLError(
      `${operationLabel(operation)} costs ${cost} (each field 1, fields under a list \`first\` times); the limit is ${maxCost}`,
      { nodes: operation, extensions: { limit: 'cost', maximum: maxCost, actual: cost } },
    ),
  );
};
