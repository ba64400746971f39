import type { OperationDefinitionNode } from 'graphql';

export const operationLabel = (operation: OperationDefinitionNode): string =>
  operation.name ? `operation ${operation.name.value}` : 'the operation';
